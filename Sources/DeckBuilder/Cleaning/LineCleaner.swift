import Foundation

/// Drops boilerplate lines before anything else looks at a document: repeated lines,
/// breadcrumbs, timestamps, cookie notices (English and Arabic), footers, navigation, headings.
public enum LineCleaner {
    /// One entry per line: nil keeps the line, a reason drops it. Blank lines are kept (they hold nothing).
    public static func classify(_ lines: [String]) -> [NoiseReason?] {
        var result = [NoiseReason?](repeating: nil, count: lines.count)
        var keys = [String](repeating: "", count: lines.count)
        var counts: [String: Int] = [:]
        for (i, line) in lines.enumerated() {
            guard !isBlank(line) else { continue }
            if let reason = lineReason(line) {
                result[i] = reason
                if reason == .breadcrumb { keys[i] = repeatKey(line) }
                continue
            }
            let key = repeatKey(line)
            keys[i] = key
            if key.utf8.count >= 12 { counts[key, default: 0] += 1 }
        }
        // Repeated lines: all copies go, the first one too (it is the caption the copies repeat).
        for i in lines.indices where result[i] == nil && !keys[i].isEmpty {
            if let n = counts[keys[i]], n > 1 { result[i] = .repeatedLine(times: n) }
        }
        // A line contained in another (the title inside a breadcrumb).
        let longKeys = keys.enumerated().filter { !$0.element.isEmpty && $0.element.utf8.count >= 12 }
        if longKeys.count <= 2000 {
            for (i, key) in longKeys where result[i] == nil {
                for (j, other) in longKeys
                where j != i && other.utf8.count > key.utf8.count + 8 && FastSearch.contains(other, key) {
                    if result[j] != nil || lines[j].count < lines[i].count * 3 {
                        result[i] = .repeatedLine(times: 1)
                        break
                    }
                }
            }
        }
        return result
    }

    static func isBlank(_ line: String) -> Bool {
        // An ASCII byte other than white space settles it without reading characters.
        var onlyASCII = true
        for b in line.utf8 {
            if b >= 0x80 { onlyASCII = false; continue }
            if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { return false }
        }
        return onlyASCII || line.allSatisfy(\.isWhitespace)
    }

    /// Lower-cased letters and digits only, without a trailing " - Site Name" suffix.
    static func repeatKey(_ line: String) -> String {
        if line.utf8.count > 400 { return fastKey(Substring(line)) }
        var text = Substring(line)
        // One pass finds whether any separator is there; only then is each looked for from the end.
        guard siteSeparatorSet.containsAny(line) else { return fastKey(text) }
        for sep in siteSeparators {
            if let offset = FastSearch.lastOffset(String(text), sep) {
                let u = text.utf8
                let cut = u.index(u.startIndex, offsetBy: offset)
                let tail = text[u.index(cut, offsetBy: sep.utf8.count)...]
                if tail.split(separator: " ").count <= 3, !tail.contains(".") { text = text[..<cut] }
            }
        }
        return fastKey(text)
    }

    static let siteSeparators = [" - ", " | ", " – ", " — "]
    static let siteSeparatorSet = NeedleSet(siteSeparators)

    /// Letters and digits, ASCII lower-cased, other scripts kept byte for byte.
    static func fastKey(_ text: Substring) -> String {
        let u = text.utf8
        return String(unsafeUninitializedCapacity: u.count) { buffer in
            func keep(_ bytes: some Sequence<UInt8>) -> Int {
                var n = 0
                for b in bytes {
                    switch b {
                    case 0x30...0x39, 0x61...0x7A: buffer[n] = b
                    case 0x41...0x5A: buffer[n] = b | 0x20
                    case 0x80...: buffer[n] = b
                    default: continue
                    }
                    n += 1
                }
                return n
            }
            // The contiguous bytes when the text has them (a native string's always), read as a buffer.
            return u.withContiguousStorageIfAvailable { keep($0) } ?? keep(u)
        }
    }

    static func lineReason(_ line: String) -> NoiseReason? {
        var spaces = 0
        var separators = false
        for b in line.utf8 {
            if b == 0x20 || b == 0x09 { spaces += 1 }
            if b == 0x3E || b == 0x2F || b == 0x2D || b == 0x7C || b == 0xC2 || b == 0xE2 { separators = true }
        }
        if hasCookieMarker(line) { return .cookieNotice }
        // Long prose paragraphs are not boilerplate lines.
        if spaces > 80 { return nil }
        let words = spaces + 1
        if separators {
            let head = FastCase.lower(line.prefix(40))
            if isBreadcrumb(line, lower: FastCase.lower(line), head: head) { return .breadcrumb }
        }
        guard words <= 20 else { return nil }
        let lower = FastCase.lower(line)
        if words <= 12, isTimestamp(line, lower: lower) { return .timestamp }
        if words <= 10, containsAny(lower, footerMarkers) { return .footer }
        if isNavigation(line, words: words) { return .navigation }
        if isHeading(line, words: words) { return .heading }
        return nil
    }

    /// Cookie and consent notices, found without lower-casing the line.
    static func hasCookieMarker(_ line: String) -> Bool {
        cookieMarkerSet.containsAny(line)
    }

    static let cookieMarkerSet = NeedleSet([
        "ookie", "OOKIE", "onsent to", "rivacy policy", "rivacy Policy", "GDPR",
        "ملفات تعريف الارتباط", "كوكيز", "سياسة الخصوصية", "توافق على استخدام",
    ])

    static let cookieMarkers = [
        "cookie", "we use cookies", "consent to", "privacy policy", "gdpr",
        "ملفات تعريف الارتباط", "كوكيز", "الكوكيز", "سياسة الخصوصية", "توافق على استخدام",
    ]

    static let footerMarkers = [
        "latest news", "related news", "related articles", "related posts", "read more", "read also", "see also",
        "category", "tags:", "share this", "share on", "subscribe", "follow us", "advertisement", "all rights reserved",
        "copyright", "©", "sign up", "newsletter", "comments",
        "أخبار ذات صلة", "اقرأ أيضا", "اقرأ أيضًا", "اقرأ أيضاً", "آخر الأخبار", "أحدث الأخبار", "مقالات ذات صلة",
        "شارك", "اشترك", "تابعنا", "جميع الحقوق محفوظة", "إعلان", "التصنيف",
    ]

    static let breadcrumbStarts = [
        "current location", "you are here", "home >", "home »", "home /", "home -", "home |", "location:",
        "الرئيسية", "أنت هنا", "الصفحة الرئيسية",
    ]

    static func isBreadcrumb(_ line: String, lower: String, head: String? = nil) -> Bool {
        let separators = [" > ", " » ", " › ", " / ", " - ", " | ", " ← "]
        let start = head ?? lower
        if breadcrumbStarts.contains(where: { start.hasPrefix($0) }) {
            let count = separators.reduce(0) { $0 + FastSearch.count(lower, $1) }
            if count >= 1 { return true }
        }
        let strong = [" > ", " » ", " › "].reduce(0) { $0 + FastSearch.count(lower, $1) }
        return strong >= 2
    }

    static func isTimestamp(_ line: String, lower: String) -> Bool {
        let metaStarts = [
            "published", "updated", "posted", "last updated", "by ", "نشر في", "آخر تحديث", "تاريخ النشر", "بتاريخ",
        ]
        if metaStarts.contains(where: { lower.hasPrefix($0) }) && !line.hasSuffix(".") { return true }
        guard line.utf8.contains(where: { $0 == 0x3A || $0 == 0x2F || $0 == 0x2D }) else { return false }
        // yyyy/mm/dd, yyyy-mm-dd or hh:mm(:ss) in a short line.
        let s = Array(Script.westernDigits(line).unicodeScalars)
        func digit(_ k: Int) -> Bool { k >= 0 && k < s.count && (0x30...0x39).contains(s[k].value) }
        for k in 0..<s.count {
            let v = s[k].value
            if v == 0x3A, digit(k - 1), digit(k + 1), digit(k + 2) { return true }
            if v == 0x2F || v == 0x2D, digit(k - 1), digit(k - 2), digit(k - 3), digit(k - 4), digit(k + 1) {
                // "2021/09/04", "2021-09-04"
                if k + 3 < s.count, s[k + 3].value == v || (k + 2 < s.count && s[k + 2].value == v) { return true }
            }
        }
        return false
    }

    static func isNavigation(_ line: String, words: Int) -> Bool {
        let pipes = line.unicodeScalars.filter { $0 == "|" || $0 == "•" || $0 == "·" }.count
        if pipes >= 2 && words <= 20 { return true }
        guard words <= 8 else { return false }
        let lower = FastCase.lower(line)
        let navStarts = [
            "next:", "previous:", "prev:", "click here", "back to top", "skip to", "menu", "السابق", "التالي",
        ]
        return words <= 8 && navStarts.contains(where: { lower.hasPrefix($0) })
    }

    static func isHeading(_ line: String, words: Int) -> Bool {
        guard words <= 8 else { return false }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.unicodeScalars.last else { return false }
        return !SentenceSplitter.isTerminator(last) && !SentenceSplitter.isCloser(last)
    }

    static func containsAny(_ text: String, _ markers: [String]) -> Bool {
        FastSearch.containsAny(text, markers)
    }
}
