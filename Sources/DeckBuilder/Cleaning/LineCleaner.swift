import Foundation

/// Drops boilerplate lines before anything else looks at a document: repeated lines,
/// breadcrumbs, timestamps, cookie notices (English and Arabic), footers, navigation, headings.
public enum LineCleaner {
    /// One entry per line: nil keeps the line, a reason drops it. Blank lines are kept (they hold nothing).
    ///
    /// `classifyByStrings` with the repeat keys written end to end into one buffer and counted in a
    /// table of their own (no string, no dictionary entry per line): a key's bytes are those of its
    /// string, so equal bytes are equal keys, and keys of unequal bytes are compared as strings (as
    /// the dictionary would) only when their hashes (`RepeatKey.hash(of:)`) agree.
    public static func classify(_ lines: [String]) -> [NoiseReason?] {
        let n = lines.count
        var result = [NoiseReason?](repeating: nil, count: n)
        var total = 0
        for line in lines { total &+= line.utf8.count }
        // Line i's key is `keyStore[keyStart[i]..<keyStart[i] + keyCount[i]]` (none: count 0).
        var keyStore = [UInt8](repeating: 0, count: total)
        var keyStart = [Int](repeating: 0, count: n)
        var keyCount = [Int](repeating: 0, count: n)
        var slotOf = [Int](repeating: -1, count: n)
        var counts: [Int] = []
        keyStore.withUnsafeMutableBufferPointer { all in
            writeKeys(lines, into: all, result: &result, start: &keyStart, count: &keyCount)
            var table = KeyCountTable(capacity: n)
            let keys = UnsafeBufferPointer(all)
            for i in 0..<n where result[i] == nil && keyCount[i] >= 12 {
                let key = UnsafeBufferPointer(rebasing: keys[keyStart[i]..<keyStart[i] + keyCount[i]])
                let slot = table.slot(of: key, line: i, in: keys, starts: keyStart, counts: keyCount)
                if slot == counts.count { counts.append(0) }
                counts[slot] += 1
                slotOf[i] = slot
            }
        }
        // Repeated lines: all copies go, the first one too (it is the caption the copies repeat).
        for i in lines.indices where result[i] == nil && slotOf[i] >= 0 {
            let c = counts[slotOf[i]]
            if c > 1 { result[i] = .repeatedLine(times: c) }
        }
        // A line contained in another (the title inside a breadcrumb): only for documents of few
        // long keys, whose keys are then made strings.
        var longCount = 0
        for i in 0..<n where keyCount[i] >= 12 { longCount += 1 }
        if longCount <= 2000 {
            let longKeys: [(offset: Int, element: String)] = keyStore.withUnsafeBufferPointer { all in
                (0..<n).compactMap { i in
                    guard keyCount[i] >= 12 else { return nil }
                    let key = UnsafeBufferPointer(rebasing: all[keyStart[i]..<keyStart[i] + keyCount[i]])
                    return (i, String(decoding: key, as: UTF8.self))
                }
            }
            containedLines(lines, longKeys, &result)
        }
        return result
    }

    /// Writes each line's repeat key (for the lines `classifyByStrings` keys) after the previous
    /// one, and sets the reasons `lineReason` gives.
    private static func writeKeys(
        _ lines: [String], into all: UnsafeMutableBufferPointer<UInt8>, result: inout [NoiseReason?],
        start: inout [Int], count: inout [Int]
    ) {
        var at = 0
        keyBytes.withUnsafeBufferPointer { table in
            for i in lines.indices {
                var line = lines[i]
                guard !isBlank(line) else { continue }
                if let reason = lineReason(line) {
                    result[i] = reason
                    guard reason == .breadcrumb else { continue }
                }
                let written = line.withUTF8 { b in
                    let end = repeatKeyEnd(lines[i], bytes: b)
                    let out = UnsafeMutableBufferPointer(rebasing: all[at..<at + end])
                    return writeKey(UnsafeBufferPointer(rebasing: b[..<end]), into: out, table: table)
                }
                start[i] = at
                count[i] = written
                at += written
            }
        }
    }

    /// `classify` as first written: each key a string, counted in a dictionary.
    static func classifyByStrings(_ lines: [String]) -> [NoiseReason?] {
        var result = [NoiseReason?](repeating: nil, count: lines.count)
        var keys = [String](repeating: "", count: lines.count)
        // Each long key's slot in `counts`, found through one hash of the key.
        var slotOf = [Int](repeating: -1, count: lines.count)
        var slots: [RepeatKey: Int] = [:]
        slots.reserveCapacity(lines.count)
        var counts: [Int] = []
        for (i, line) in lines.enumerated() {
            guard !isBlank(line) else { continue }
            if let reason = lineReason(line) {
                result[i] = reason
                if reason == .breadcrumb { keys[i] = repeatKey(line) }
                continue
            }
            let key = repeatKey(line)
            keys[i] = key
            if key.utf8.count >= 12 {
                let repeatKey = RepeatKey(key)
                let slot: Int
                if let known = slots[repeatKey] {
                    slot = known
                } else {
                    slot = counts.count
                    slots[repeatKey] = slot
                    counts.append(0)
                }
                counts[slot] += 1
                slotOf[i] = slot
            }
        }
        // Repeated lines: all copies go, the first one too (it is the caption the copies repeat).
        for i in lines.indices where result[i] == nil && slotOf[i] >= 0 {
            let n = counts[slotOf[i]]
            if n > 1 { result[i] = .repeatedLine(times: n) }
        }
        // A line contained in another (the title inside a breadcrumb).
        let longKeys = keys.enumerated().filter { !$0.element.isEmpty && $0.element.utf8.count >= 12 }
        if longKeys.count <= 2000 { containedLines(lines, longKeys, &result) }
        return result
    }

    /// Marks a line whose long key lies inside another's (one much longer, or dropped).
    private static func containedLines(
        _ lines: [String], _ longKeys: [(offset: Int, element: String)], _ result: inout [NoiseReason?]
    ) {
        do {
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
    }

    static func isBlank(_ line: String) -> Bool {
        // An ASCII byte other than white space settles it without reading characters, and so does
        // an Arabic letter U+0621–U+064A (D8 A1…D9 8A): no white space joins it in a Character
        // (it is no mark), so it starts one that is not white space.
        var copy = line
        let quick = copy.withUTF8 { b -> Bool? in
            var onlyASCII = true
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if !(c == 0x20 || (c >= 0x09 && c <= 0x0D)) { return false }
                } else {
                    onlyASCII = false
                    if i + 1 < n {
                        let d = b[i + 1]
                        if (c == 0xD8 && d >= 0xA1) || (c == 0xD9 && d <= 0x8A) { return false }
                    }
                }
                i += 1
            }
            return onlyASCII ? true : nil
        }
        return quick ?? line.allSatisfy(\.isWhitespace)
    }

    /// `isBlank` as first written, for tests.
    static func isBlankSlowly(_ line: String) -> Bool {
        var onlyASCII = true
        for b in line.utf8 {
            if b >= 0x80 { onlyASCII = false; continue }
            if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { return false }
        }
        return onlyASCII || line.allSatisfy(\.isWhitespace)
    }

    /// Lower-cased letters and digits only, without a trailing " - Site Name" suffix.
    static func repeatKey(_ line: String) -> String {
        var copy = line
        let end = copy.withUTF8 { repeatKeyEnd(line, bytes: $0) }
        let u = line.utf8
        return fastKey(end == u.count ? Substring(line) : line[..<u.index(u.startIndex, offsetBy: end)])
    }

    /// The number of the line's first bytes `repeatKey` keys: all of them, or those before a
    /// trailing " - Site Name" (each cut is at a separator's space); `b` are the line's bytes.
    static func repeatKeyEnd(_ line: String, bytes b: UnsafeBufferPointer<UInt8>) -> Int {
        var end = b.count
        if end > 400 { return end }
        // One pass finds whether any separator is there; only then is each looked for from the end.
        guard siteSeparatorSet.containsAny(utf8: b) else { return end }
        let u = line.utf8
        for sep in siteSeparatorBytes {
            if let offset = lastOffset(of: sep, in: b, end: end) {
                let cut = u.index(u.startIndex, offsetBy: offset)
                let tail = line[u.index(cut, offsetBy: sep.count)..<u.index(u.startIndex, offsetBy: end)]
                if siteTailIsShort(tail) { end = offset }
            }
        }
        return end
    }

    /// `FastSearch.lastOffset(String(b[..<end]), sep)` for a separator of two bytes or more, read
    /// from the end on the bytes in place, its second byte (not the common space) tested first.
    static func lastOffset(of sep: [UInt8], in b: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        let count = sep.count
        guard count >= 2, end - count >= 0 else { return nil }
        let second = sep[1]
        var i = end - count
        while i >= 0 {
            if b[i + 1] == second {
                var k = 0
                while k < count && b[i + k] == sep[k] { k += 1 }
                if k == count { return i }
            }
            i -= 1
        }
        return nil
    }

    static let siteSeparatorBytes = siteSeparators.map { Array($0.utf8) }

    /// `tail.split(separator: " ").count <= 3 && !tail.contains(".")`: on the bytes when the tail is
    /// ASCII (one character a byte, there being no line break in a line), else as written.
    static func siteTailIsShort(_ tail: Substring) -> Bool {
        let fast = tail.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            var pieces = 0
            var inPiece = false
            for c in b {
                if c >= 0x80 { return nil }
                if c == 0x2E { return false }
                if c == 0x20 {
                    inPiece = false
                } else if !inPiece {
                    inPiece = true
                    pieces += 1
                }
            }
            return pieces <= 3
        }
        if let fast, let fast { return fast }
        return tail.split(separator: " ").count <= 3 && !tail.contains(".")
    }

    static let siteSeparators = [" - ", " | ", " – ", " — "]
    static let siteSeparatorSet = NeedleSet(siteSeparators)

    /// Letters and digits, ASCII lower-cased, other scripts kept byte for byte.
    static func fastKey(_ text: Substring) -> String {
        let u = text.utf8
        return String(unsafeUninitializedCapacity: u.count) { buffer in
            keyBytes.withUnsafeBufferPointer { table in
                func keep(_ bytes: some Sequence<UInt8>) -> Int {
                    // Each byte is written (0 for a byte left out) and the end moves only past kept ones.
                    var n = 0
                    for b in bytes {
                        let k = table[Int(b)]
                        buffer[n] = k
                        n &+= k == 0 ? 0 : 1
                    }
                    return n
                }
                // The contiguous bytes when the text has them (a native string's always), read as a buffer.
                return u.withContiguousStorageIfAvailable { writeKey($0, into: buffer, table: table) } ?? keep(u)
            }
        }
    }

    /// `fastKey`'s bytes of `b` written to `out` (as long as `b`), their number returned: a word of
    /// eight ASCII bytes at once (letters and digits found and lowered by arithmetic on the word),
    /// other words byte by byte through `table`.
    static func writeKey(
        _ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>
    ) -> Int {
        guard let from = b.baseAddress, let to = out.baseAddress else { return 0 }
        let source = UnsafeRawPointer(from)
        let target = UnsafeMutableRawPointer(to)
        let count = b.count
        let high: UInt64 = 0x8080_8080_8080_8080
        // The write position never passes the read one: each write stays within `out`.
        var n = 0
        var i = 0
        while i + 8 <= count {
            let w = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // (Words of other scripts taken by the same arithmetic, their bytes kept, cost more
            // than the table: tried in round 8.)
            guard w & high == 0 else {
                for _ in 0..<8 {
                    let k = table[Int(b[i])]
                    out[n] = k
                    n &+= k == 0 ? 0 : 1
                    i &+= 1
                }
                continue
            }
            // With bit 5 set, A–Z are a–z and digits stay digits. A letter is then 61…7A: adding 1F
            // sets its top bit from 61 up, adding 05 from 7B up; a digit 30…39: adding 50 sets the
            // top bit from 30 up, adding 46 from 3A up (no byte carries into the next below 80).
            let x = w | 0x2020_2020_2020_2020
            let letters = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505)
            let digits = (w &+ 0x5050_5050_5050_5050) & ~(w &+ 0x4646_4646_4646_4646)
            let keep = (letters | digits) & high
            if keep == high {
                target.storeBytes(of: x.littleEndian, toByteOffset: n, as: UInt64.self)
                n &+= 8
            } else if keep != 0 && i + 16 <= count {
                // Each run of kept bytes written as a whole word at the write position, which then
                // moves past the run only: a step per left-out byte (prose has one or two in eight),
                // not per byte. A word written at the write position (at most 7 bytes past the read
                // position by the last run) stays within `out` while 16 bytes remain.
                var v = x
                var gone = ~keep & high
                var used = 0
                while gone != 0 {
                    let run = gone.trailingZeroBitCount &>> 3
                    target.storeBytes(of: v.littleEndian, toByteOffset: n, as: UInt64.self)
                    n &+= run
                    let step = UInt64(run &+ 1) &* 8
                    v = v >> step
                    gone = gone >> step
                    used &+= run &+ 1
                }
                target.storeBytes(of: v.littleEndian, toByteOffset: n, as: UInt64.self)
                n &+= 8 &- used
            } else if keep != 0 {
                var v = x
                var k = keep >> 7
                for _ in 0..<8 {
                    out[n] = UInt8(truncatingIfNeeded: v)
                    n &+= Int(truncatingIfNeeded: k & 1)
                    v >>= 8
                    k >>= 8
                }
            }
            i &+= 8
        }
        while i < count {
            let k = table[Int(b[i])]
            out[n] = k
            n &+= k == 0 ? 0 : 1
            i &+= 1
        }
        return n
    }

    /// What `fastKey` keeps of each byte: digits and a–z as they are, A–Z lower-cased, bytes of
    /// other scripts as they are; 0 for the rest.
    static let keyBytes: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch b {
        case 0x30...0x39, 0x61...0x7A, 0x80...: UInt8(b)
        case 0x41...0x5A: UInt8(b | 0x20)
        default: 0
        }
    }

    static func lineReason(_ line: String) -> NoiseReason? {
        var text = line
        let (spaces, separators) = text.withUTF8 { lineByteCounts($0) }
        if hasCookieMarker(line) { return .cookieNotice }
        // Long prose paragraphs are not boilerplate lines.
        if spaces > 80 { return nil }
        let words = spaces + 1
        if separators, isBreadcrumb(line) { return .breadcrumb }
        guard words <= 20 else { return nil }
        let lower = FastCase.lower(line)
        if words <= 12, isTimestamp(line, lower: lower) { return .timestamp }
        if words <= 10, containsAny(lower, footerMarkers) { return .footer }
        if isNavigation(line, words: words) { return .navigation }
        if isHeading(line, words: words) { return .heading }
        return nil
    }

    /// The spaces and tabs of the line, and whether it holds a separator byte (`lineByteKinds`): 16
    /// bytes at a time on vector compares (the count kept per lane, added up before a lane can
    /// overflow), the rest through the table.
    static func lineByteCounts(_ b: UnsafeBufferPointer<UInt8>) -> (spaces: Int, separators: Bool) {
        var spaces = 0
        var seen: UInt8 = 0
        var i = 0
        let n = b.count
        if let base = b.baseAddress, n >= 16 {
            let raw = UnsafeRawPointer(base)
            let zero = SIMD16<UInt8>(repeating: 0)
            let one = SIMD16<UInt8>(repeating: 1)
            var lanes = zero
            var rounds = 0
            var marks = SIMDMask<SIMD16<Int8>>(repeating: false)
            // Typed constants: a literal broadcast inside the loop compiles to a lane-by-lane loop.
            let space: SIMD16<UInt8> = SIMD16(repeating: 0x20)
            let tab: SIMD16<UInt8> = SIMD16(repeating: 0x09)
            let angle: SIMD16<UInt8> = SIMD16(repeating: 0x3E)
            let slash: SIMD16<UInt8> = SIMD16(repeating: 0x2F)
            let hyphen: SIMD16<UInt8> = SIMD16(repeating: 0x2D)
            let bar: SIMD16<UInt8> = SIMD16(repeating: 0x7C)
            let leadC2: SIMD16<UInt8> = SIMD16(repeating: 0xC2)
            let leadE2: SIMD16<UInt8> = SIMD16(repeating: 0xE2)
            while i + 16 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let blank = (v .== space) .| (v .== tab)
                lanes &+= zero.replacing(with: one, where: blank)
                marks .|= (v .== angle) .| (v .== slash)
                marks .|= (v .== hyphen) .| (v .== bar)
                marks .|= (v .== leadC2) .| (v .== leadE2)
                rounds += 1
                if rounds == 255 {
                    spaces += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
                    lanes = zero
                    rounds = 0
                }
                i += 16
            }
            spaces += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
            if any(marks) { seen = 2 }
        }
        lineByteKinds.withUnsafeBufferPointer { kinds in
            while i < n {
                let kind = kinds[Int(b[i])]
                spaces &+= Int(kind & 1)
                seen |= kind
                i += 1
            }
        }
        return (spaces, seen & 2 != 0)
    }

    /// Per byte: 1 for a space or tab (words), 2 for > / - | or the lead byte of » › ← – — (separators).
    static let lineByteKinds: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        (b == 0x20 || b == 0x09 ? 1 : 0) | ([0x3E, 0x2F, 0x2D, 0x7C, 0xC2, 0xE2].contains(b) ? 2 : 0)
    }

    /// Cookie and consent notices, found without lower-casing the line.
    static func hasCookieMarker(_ line: String) -> Bool {
        cookieMarkerSet.containsAny(line)
    }

    static let cookieMarkerSet = NeedleSet(cookieMarkerNeedles)

    static let cookieMarkerNeedles = [
        "ookie", "OOKIE", "onsent to", "rivacy policy", "rivacy Policy", "GDPR",
        "ملفات تعريف الارتباط", "كوكيز", "سياسة الخصوصية", "توافق على استخدام",
    ]

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

    static let breadcrumbSeparators = [" > ", " » ", " › ", " / ", " - ", " | ", " ← "]
    static let strongBreadcrumbSeparators = [" > ", " » ", " › "]

    static func isBreadcrumb(_ line: String, lower: String, head: String? = nil) -> Bool {
        let start = head ?? lower
        if breadcrumbStarts.contains(where: { start.hasPrefix($0) }) {
            let count = breadcrumbSeparators.reduce(0) { $0 + FastSearch.count(lower, $1) }
            if count >= 1 { return true }
        }
        let strong = strongBreadcrumbSeparators.reduce(0) { $0 + FastSearch.count(lower, $1) }
        return strong >= 2
    }

    /// `isBreadcrumb(line, lower: FastCase.lower(line), head: FastCase.lower(line.prefix(40)))` without
    /// lower-casing the whole line: lower-casing touches only cased letters, so the separators (spaces
    /// and marks) occur in the line where they occur in its lower-cased copy. And a line that starts
    /// with an ASCII byte whose lower case no start begins with cannot start with one.
    static func isBreadcrumb(_ line: String) -> Bool {
        if mayStartBreadcrumb(line) {
            let head = FastCase.lower(line.prefix(40))
            if breadcrumbStarts.contains(where: { head.hasPrefix($0) }) {
                let count = breadcrumbSeparators.reduce(0) { $0 + FastSearch.count(line, $1) }
                if count >= 1 { return true }
            }
        }
        return strongSeparatorCount(line) >= 2
    }

    /// `FastSearch.count` of " > ", " » " and " › " in the line, added up, in one pass over its bytes:
    /// each separator keeps where its next occurrence may start, as the search from there would.
    static func strongSeparatorCount(_ line: String) -> Int {
        var text = line
        return text.withUTF8 { b in
            let n = b.count
            var count = 0
            var nextAngle = 0
            var nextGuillemet = 0
            var nextSingle = 0
            var i = 0
            // A separator starting at i has its own byte (> or the BB of » or the BA of ›) at i + 1,
            // i + 2 or i + 3: sixteen bytes without any of those bytes hold none of the separators
            // that start in their first thirteen, passed over on vector compares.
            let angle: SIMD16<UInt8> = SIMD16(repeating: 0x3E)
            let xBB: SIMD16<UInt8> = SIMD16(repeating: 0xBB)
            let xBA: SIMD16<UInt8> = SIMD16(repeating: 0xBA)
            let raw = UnsafeRawPointer(b.baseAddress)
            while i + 2 < n {
                if i + 16 <= n, let raw {
                    let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                    if !SentenceSplitter.anyLane((v .== angle) .| (v .== xBB) .| (v .== xBA)) {
                        i += 13
                        continue
                    }
                }
                defer { i += 1 }
                guard b[i] == 0x20 else { continue }
                let c = b[i + 1]
                if c == 0x3E, i >= nextAngle, b[i + 2] == 0x20 {  // " > "
                    count += 1
                    nextAngle = i + 3
                } else if c == 0xC2, i >= nextGuillemet, i + 3 < n, b[i + 2] == 0xBB, b[i + 3] == 0x20 {  // " » "
                    count += 1
                    nextGuillemet = i + 4
                } else if c == 0xE2, i >= nextSingle, i + 4 < n, b[i + 2] == 0x80, b[i + 3] == 0xBA, b[i + 4] == 0x20 {
                    count += 1  // " › "
                    nextSingle = i + 5
                }
            }
            return count
        }
    }

    /// False when the line's lower-cased head cannot start with a breadcrumb start, told from its
    /// first two bytes. Two ASCII bytes are two characters, each lower-cased alone, so they must be
    /// the first two letters of an ASCII start. An Arabic start's first character is ا or أ, and a
    /// line whose first scalar is another of 0x80 or more cannot begin with either (lower-casing never
    /// gives Arabic letters; ا with a combining hamza begins with ا).
    static func mayStartBreadcrumb(_ line: String) -> Bool {
        let u = line.utf8
        var i = u.startIndex
        guard i < u.endIndex else { return true }
        let b0 = u[i]
        i = u.index(after: i)
        guard i < u.endIndex else { return true }
        let b1 = u[i]
        if b0 < 0x80 {
            guard b1 < 0x80 else { return true }
            let pair = UInt16(b0 | 0x20) << 8 | UInt16(b1 | 0x20)
            return breadcrumbASCIIPairs.contains(pair)
        }
        // ا is D8 A7, أ is D8 A3.
        return b0 == 0xD8 && (b1 == 0xA7 || b1 == 0xA3)
    }

    /// The first two letters of each ASCII breadcrumb start, lower-cased, as one number.
    static let breadcrumbASCIIPairs: [UInt16] = breadcrumbStarts.compactMap { start in
        let b = Array(start.utf8)
        return b.count >= 2 && b[0] < 0x80 && b[1] < 0x80 ? UInt16(b[0]) << 8 | UInt16(b[1]) : nil
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

/// A repeated-line key with its hash computed once. Equality stays the string's (canonical
/// equivalence), so the hash must agree for equivalent strings: an ASCII key (letters and digits) is
/// never equivalent to one holding other scalars, and hashes its bytes; another key hashes its
/// skeleton, the digits and Arabic letters of its canonical decomposition, which equivalent strings
/// share; a key with too short a skeleton takes the string's own hash.
struct RepeatKey: Hashable {
    let text: String
    let hash: Int

    init(_ text: String) {
        self.text = text
        var copy = text
        hash = copy.withUTF8 { RepeatKey.hash(of: $0) }
    }

    /// The hash of the key whose UTF-8 bytes are `b` (valid UTF-8).
    static func hash(of b: UnsafeBufferPointer<UInt8>) -> Int {
        asciiHash(b) ?? punctuatedHash(b) ?? skeletonHash(b) ?? String(decoding: b, as: UTF8.self).hashValue
    }

    /// Whether the keys of bytes `a` and `b` are equal strings: the same bytes are; other bytes
    /// are only when one key is not ASCII (ASCII strings are equal when their bytes are).
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.count == b.count, a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 { return true }
        guard !(FastCase.isASCII(a) && FastCase.isASCII(b)) else { return false }
        return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
    }

    /// The hash of the bytes of a key of ASCII and general punctuation U+2010…U+2027 (‐ – — ‘ ’ “ ” • …),
    /// nil for any other key. Those scalars have no decomposition, compose with nothing, and are no
    /// other scalar's decomposition: a string equivalent to such a key is the same bytes.
    static func punctuatedHash(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            // U+2010…U+2027 are E2 80 90…E2 80 A7.
            guard c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] &- 0x90 < 0x18 else { return nil }
            i += 3
        }
        return bytesHash(b).hash
    }

    /// The hash of the digits (0–9, ٠–٩, ۰–۹) and Arabic letters (U+0621…U+064A) of the text's
    /// canonical decomposition, nil when there are fewer than eight. Only آ أ ؤ إ ئ decompose into
    /// those (each into its base letter and a mark); no other scalar's decomposition holds one.
    static func skeletonHash(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var h: UInt64 = 0x2545_F491_4F6C_DD1D
        var count = 0
        var i = 0
        let n = b.count
        func add(_ v: UInt32) {
            h = (h ^ UInt64(v)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            count += 1
        }
        skeletonValues.withUnsafeBufferPointer { values in
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c &- 0x30 < 10 { add(UInt32(c)) }
                    i += 1
                    continue
                }
                // U+0600…U+06FF are D8…DB and a continuation byte: the value from the table.
                if c &- 0xD8 < 4 {
                    let v = values[Int(c &- 0xD8) << 6 | Int(b[i + 1] & 0x3F)]
                    if v != 0 { add(v) }
                    i += 2
                    continue
                }
                i += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
            }
        }
        guard count >= 8 else { return nil }
        return Int(truncatingIfNeeded: h ^ h >> 32)
    }

    /// What `skeletonHash` adds for each scalar U+0600…U+06FF (at its offset), 0 for none: the
    /// base letter of آ أ إ ؤ ئ, the scalar itself for the other letters and the digits.
    static let skeletonValues: [UInt32] = (UInt32(0x600)..<0x700).map { v in
        switch v {
        case 0x622, 0x623, 0x625: 0x627
        case 0x624: 0x648
        case 0x626: 0x64A
        case 0x621...0x64A, 0x660...0x669, 0x6F0...0x6F9: v
        default: 0
        }
    }

    /// `skeletonHash` as first written (a switch per scalar), for tests.
    static func skeletonHashBySwitch(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var h: UInt64 = 0x2545_F491_4F6C_DD1D
        var count = 0
        var i = 0
        let n = b.count
        func add(_ v: UInt32) {
            h = (h ^ UInt64(v)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            count += 1
        }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c &- 0x30 < 10 { add(UInt32(c)) }
                i += 1
                continue
            }
            if c == 0xD8 || c == 0xD9 || c == 0xDB {
                let v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                switch v {
                case 0x622, 0x623, 0x625: add(0x627)
                case 0x624: add(0x648)
                case 0x626: add(0x64A)
                case 0x621...0x64A, 0x660...0x669, 0x6F0...0x6F9: add(v)
                default: break
                }
                i += 2
                continue
            }
            i += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
        }
        guard count >= 8 else { return nil }
        return Int(truncatingIfNeeded: h ^ h >> 32)
    }

    /// A multiply-rotate hash of ASCII bytes, nil when a byte is 0x80 or more.
    static func asciiHash(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let (hash, high) = bytesHash(b)
        return high & 0x8080_8080_8080_8080 == 0 ? hash : nil
    }

    /// A multiply-rotate hash of the bytes, and their bits or-ed together (whose high bits tell ASCII).
    static func bytesHash(_ b: UnsafeBufferPointer<UInt8>) -> (hash: Int, high: UInt64) {
        guard let base = UnsafeRawPointer(b.baseAddress) else { return (0, 0) }
        let n = b.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            high |= w
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(b[i]) << shift
            shift += 8
            i += 1
        }
        high |= tail
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 32
        return (Int(truncatingIfNeeded: h), high)
    }

    static func == (a: RepeatKey, b: RepeatKey) -> Bool { a.hash == b.hash && a.text == b.text }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// The repeat keys of a document counted by slot: open addressing on `RepeatKey.hash(of:)`, each
/// bucket holding the hash, the slot and the line of the first key of its slot (whose bytes are
/// read back from the keys' buffer to compare).
struct KeyCountTable {
    private var lineOf: [Int]
    private var hashOf: [Int]
    private var slotOf: [Int]
    private let mask: Int
    private var slots = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        lineOf = [Int](repeating: -1, count: size)
        hashOf = [Int](repeating: 0, count: size)
        slotOf = [Int](repeating: 0, count: size)
        mask = size - 1
    }

    /// The slot of `key` (line `line`'s), a new one (the number of slots so far) for a key not
    /// seen before; `starts` and `counts` place each line's key in `keys`.
    mutating func slot(
        of key: UnsafeBufferPointer<UInt8>, line: Int, in keys: UnsafeBufferPointer<UInt8>, starts: [Int],
        counts: [Int]
    ) -> Int {
        let h = RepeatKey.hash(of: key)
        // The bucket from the hash's high bits mixed down (the low bits of a multiply hash vary least).
        var b = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(h)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let other = lineOf[b]
            if other < 0 {
                lineOf[b] = line
                hashOf[b] = h
                slotOf[b] = slots
                slots += 1
                return slotOf[b]
            }
            if hashOf[b] == h {
                let known = UnsafeBufferPointer(rebasing: keys[starts[other]..<starts[other] + counts[other]])
                if RepeatKey.equal(known, key) { return slotOf[b] }
            }
            b = (b + 1) & mask
        }
    }
}
