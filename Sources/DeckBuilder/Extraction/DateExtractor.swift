/// A date found in a sentence: the tokens it covers and its value.
struct DateMention: Sendable {
    var tokens: Range<Int>
    var value: DateValue
    /// Arabic source used Levantine month names (آب rather than أغسطس).
    var levantine = false
}

/// Finds dates in every common order and spelling, English and Arabic (both month-name
/// systems, Arabic-Indic digits): full dates, month and year, years, decades, centuries, ranges.
/// Never fills in a missing part; the caller supplies a year from context and marks it.
enum DateExtractor {
    static func dates(in t: [Token], language: String) -> [DateMention] {
        language == "ar" ? arabic(t) : english(t)
    }

    // MARK: English

    static let yearLead: WordSet = [
        "in", "of", "since", "until", "till", "by", "from", "to", "between", "and", "around", "circa", "before",
        "after",
        "early", "late", "mid", "year", "summer", "winter", "spring", "autumn", "fall", "during", "came", "through",
    ]

    static func english(_ t: [Token]) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < t.count {
            if mayStartEnglish(t, i), let m = englishAt(t, i) {
                out.append(m)
                i = m.tokens.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether the token after `i` is "century" or "centuries".
    private static func centuryAfter(_ t: [Token], _ i: Int) -> Bool {
        guard i + 1 < t.count else { return false }
        let n = t[i + 1].lower.utf8.count
        guard n == 7 || n == 9 else { return false }
        return t[i + 1].lowerIs("century") || t[i + 1].lowerIs("centuries")
    }

    private static func englishAt(_ t: [Token], _ i: Int) -> DateMention? {
        switch t[i].kind {
        // Every date starts with a word or a number.
        case .punct: return nil
        // A word starts only a month-led date or a century ("nineteenth century"): no day, decade or year.
        case .word:
            if !mayBeMonth(t, i) {
                guard centuryAfter(t, i), let n = ordinalValue(t[i]), (1...21).contains(n) else { return nil }
                return DateMention(tokens: i..<i + 2, value: DateValue(granularity: .century, year: nil, endYear: n))
            }
        case .number: break
        }
        // Month-led: "August 9th, 1945", "August 8", "May 1939", "May of 1939", "mid-May".
        if let (month, next) = monthAt(t, i) {
            if let day = dayAt(t, next) {
                var k = next + 1
                if k < t.count, SentenceQuality.markByte(t[k].text) == 0x2C { k += 1 }
                if let year = yearNumber(t, k) {
                    return DateMention(
                        tokens: i..<k + 1, value: DateValue(granularity: .day, year: year, month: month, day: day))
                }
                return DateMention(
                    tokens: i..<next + 1, value: DateValue(granularity: .day, year: nil, month: month, day: day))
            }
            var k = next
            if k < t.count, t[k].lowerIs("of") { k += 1 }
            if let year = yearNumber(t, k) {
                return DateMention(tokens: i..<k + 1, value: DateValue(granularity: .month, year: year, month: month))
            }
            if FastSearch.foundationContains(t[i].text, "-")
                || (i > 0 && monthLeadWords.contains(t[i - 1].lower))
            {
                return DateMention(tokens: i..<next, value: DateValue(granularity: .month, year: nil, month: month))
            }
            return nil
        }
        // Day-led: "25 June 1950", "8 August", "the 8th of August 1945".
        if let day = dayAt(t, i) {
            var k = i + 1
            if k < t.count, t[k].lowerIs("of") { k += 1 }
            if let (month, next) = monthAt(t, k) {
                var y = next
                if y < t.count, SentenceQuality.markByte(t[y].text) == 0x2C { y += 1 }
                if let year = yearNumber(t, y) {
                    return DateMention(
                        tokens: i..<y + 1, value: DateValue(granularity: .day, year: year, month: month, day: day))
                }
                return DateMention(
                    tokens: i..<next, value: DateValue(granularity: .day, year: nil, month: month, day: day))
            }
        }
        // Decade "1930s", century "10th century" / "nineteenth century".
        // A number token's last Character is "s" when its last byte is (digits join no scalar).
        if t[i].kind == .number, t[i].text.utf8.last == 0x73, t[i].text.hasSuffix("s"),
            let y = Int(t[i].text.dropLast()),
            y % 10 == 0,
            (1000...2090).contains(y)
        {
            return DateMention(tokens: i..<i + 1, value: DateValue(granularity: .decade, year: y))
        }
        if centuryAfter(t, i), let n = ordinalValue(t[i]), (1...21).contains(n) {
            return DateMention(tokens: i..<i + 2, value: DateValue(granularity: .century, year: nil, endYear: n))
        }
        // Years and ranges.
        if let year = yearNumber(t, i) {
            if i + 2 < t.count, isRangeText(t[i + 1].text),
                let end = yearNumber(t, i + 2),
                end > year, end - year <= 100
            {
                let lead = i > 0 ? t[i - 1].lower : ""
                if !t[i + 1].isASCII("and") || lead == "between" {
                    return DateMention(
                        tokens: i..<i + 3, value: DateValue(granularity: .yearRange, year: year, endYear: end))
                }
            }
            let lead = i > 0 ? t[i - 1].lower : ""
            let leadOK =
                i == 0 || yearLeadWords.contains(lead) || t[i - 1].isMark(",") || t[i - 1].isMark("(")
                || lead.hasSuffix("-")
            var followOK = true
            if i + 1 < t.count, t[i + 1].kind == .word, !t[i + 1].isCapitalized {
                let w = t[i + 1].lower
                followOK = !(w.hasSuffix("s") && !sWordSet.contains(w))
            }
            if leadOK && followOK {
                return DateMention(tokens: i..<i + 1, value: DateValue(granularity: .year, year: year))
            }
        }
        return nil
    }

    static let monthLead: WordSet = ["in", "early", "late", "mid", "since", "until", "by"]
    /// Words in "s" that may follow a year ("1945 was").
    static let sWords: WordSet = ["was", "has", "is", "as", "its", "this", "thus", "his"]
    /// Leads of a month that needs one ("in May").
    static let abbreviationLead: WordSet = ["in", "of", "early", "late", "mid", "since", "until", "by"]

    /// `yearLead`, `sWords`, `monthLead` and `abbreviationLead`, looked up on bytes (all are ASCII).
    static let yearLeadWords = ASCIIWordSet(yearLead.words.sorted())
    static let sWordSet = ASCIIWordSet(sWords.words.sorted())
    static let monthLeadWords = ASCIIWordSet(monthLead.words.sorted())
    static let abbreviationLeadWords = ASCIIWordSet(abbreviationLead.words.sorted())

    /// Whether the token is - – — "to" or "and" (what joins a year range), told without making a string.
    static func isRangeWord(_ tok: Token) -> Bool { isRangeText(tok.text) }

    /// `isRangeWord` of a token's text, on its bytes (the token not copied): a text is one of these
    /// marks or ASCII words only when its bytes are theirs.
    static func isRangeText(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { b in
            switch b.count {
            case 1: return b[0] == 0x2D
            case 2: return b[0] == 0x74 && b[1] == 0x6F
            case 3:
                return (b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0x93 || b[2] == 0x94))
                    || (b[0] == 0x61 && b[1] == 0x6E && b[2] == 0x64)
            default: return false
            }
        }
    }

    /// False when `monthAt` surely finds no month at the token. A word with a hyphen needs one of the
    /// prefixes (m e l M E L first): no name holds a hyphen. Without one, the lower case needs three to
    /// nine bytes, a capital, and a month's first three letters (a name is ASCII without k: no other
    /// scalar is canonically equivalent to its letters). The fields are read in place, the token not
    /// copied.
    @inline(__always)
    static func mayBeMonth(_ t: [Token], _ i: Int) -> Bool {
        guard t[i].kind == .word else { return false }
        if t[i].hasHyphen {
            guard let b = t[i].text.utf8.first else { return false }
            return b == 0x6D || b == 0x65 || b == 0x6C || b == 0x4D || b == 0x45 || b == 0x4C
        }
        guard t[i].isCapitalized else { return false }
        // The bytes as one buffer: the view's iterator costs about four times as much a word.
        return t[i].lower.utf8.withContiguousStorageIfAvailable { mayBeMonthWord($0) }
            ?? mayBeMonthWord(Array(t[i].lower.utf8))
    }

    /// `mayBeMonth`'s test of the lower-case bytes `b` of a capitalized word without a hyphen.
    @inline(__always)
    static func mayBeMonthWord(_ b: some RandomAccessCollection<UInt8>) -> Bool {
        guard b.count >= 3, b.count <= 9 else { return false }
        let s = b.startIndex
        return isMonthHead(b[s], b[b.index(s, offsetBy: 1)], b[b.index(s, offsetBy: 2)])
    }

    /// Whether three bytes, lower-cased by bit 5, are jan feb mar apr may jun jul aug sep oct nov dec.
    @inline(__always)
    static func isMonthHead(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch UInt32(a | 0x20) << 16 | UInt32(b | 0x20) << 8 | UInt32(c | 0x20) {
        case 0x6A616E, 0x666562, 0x6D6172, 0x617072, 0x6D6179, 0x6A756E, 0x6A756C, 0x617567, 0x736570, 0x6F6374,
            0x6E6F76, 0x646563:
            return true
        default: return false
        }
    }

    /// False when `englishAt` surely finds no date at the token: a mark, or a word that is no month and
    /// no ordinal before "century" (the ordinal words start with e f n s t).
    @inline(__always)
    static func mayStartEnglish(_ t: [Token], _ i: Int) -> Bool {
        switch t[i].kind {
        case .number: return true
        case .punct: return false
        case .word:
            if mayBeMonth(t, i) { return true }
            // The next token's length first (a count, no byte read): "century" has 7, "centuries" 9.
            guard i + 1 < t.count else { return false }
            let n = t[i + 1].lower.utf8.count
            guard n == 7 || n == 9 else { return false }
            guard let b = t[i].lower.utf8.first, b == 0x65 || b == 0x66 || b == 0x6E || b == 0x73 || b == 0x74
            else { return false }
            return centuryAfter(t, i)
        }
    }

    /// A month word at `i` (with "mid-"/"early-" prefixes and an abbreviation dot); returns the month and the next index.
    static func monthAt(_ t: [Token], _ i: Int) -> (Int, Int)? {
        guard i < t.count, mayBeMonth(t, i) else { return nil }
        let hasHyphen = t[i].hasHyphen
        guard t[i].isCapitalized || hasHyphen else { return nil }
        var word = Substring(t[i].text)
        if hasHyphen {
            for prefix in ["mid-", "early-", "late-", "Mid-", "Early-", "Late-"] where word.hasPrefix(prefix) {
                word = word.dropFirst(prefix.count)
            }
        }
        // `word` is `text` or a suffix of it: the same length in bytes is the same word.
        let whole = word.utf8.count == t[i].text.utf8.count
        let lowerWord = whole ? t[i].lower : FastCase.lower(word)
        // The table first (a filtered look-up); the character test only for month names.
        guard let month = MonthNames.englishMonth(lowerWord) else { return nil }
        // An ASCII word (every month name is, and nearly every word that lower-cases to one) is read
        // on its bytes: one byte a character, a capital from A to Z.
        let ascii = word.isASCIIText
        if ascii {
            guard let b = word.utf8.first, b >= 0x41 && b <= 0x5A else { return nil }
        } else {
            guard word.first?.isUppercase == true else { return nil }
        }
        var next = i + 1
        let isAbbrev =
            (ascii ? word.utf8.count : word.count) <= 4 && lowerWord != "may" && lowerWord != "june"
            && lowerWord != "july"
        if isAbbrev, next < t.count, t[next].isMark(".") { next += 1 }
        let mayOrMarch = ascii ? isMayOrMarch(word) : word == "May" || word == "March"
        // "May" and "March" are also words: demand a number next to them unless prefixed.
        if mayOrMarch || isAbbrev {
            let after = next < t.count && t[next].kind == .number
            let before = i > 0 && t[i - 1].kind == .number
            let hyphen = !whole
            let lead = i > 0 && abbreviationLeadWords.contains(t[i - 1].lower)
            if !(after || before || hyphen || lead) { return nil }
        }
        return (month, next)
    }

    /// Whether an ASCII word's bytes are "May" or "March".
    static func isMayOrMarch(_ word: Substring) -> Bool {
        var word = word
        return word.withUTF8 { b in
            switch b.count {
            case 3: return b[0] == 0x4D && b[1] == 0x61 && b[2] == 0x79
            case 5: return b[0] == 0x4D && b[1] == 0x61 && b[2] == 0x72 && b[3] == 0x63 && b[4] == 0x68
            default: return false
            }
        }
    }

    static func dayAt(_ t: [Token], _ i: Int) -> Int? {
        guard i < t.count, t[i].kind == .number else { return nil }
        if let answer = asciiDay(t[i].text) { return answer }
        var s = Substring(Script.westernDigits(t[i].text))
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { s = s.dropLast(2) }
        guard s.count <= 2, let d = Int(s), (1...31).contains(d) else { return nil }
        return d
    }

    /// `dayAt` of an ASCII number read on its bytes (one byte a character, its own western digits):
    /// .some(nil) when it is no day; nil for a text that is not ASCII.
    static func asciiDay(_ text: Substring) -> Int?? {
        // The view's buffer, not `withUTF8`: that needs a copy of the substring (a retain and a
        // release, more than the call saves).
        text.utf8.withContiguousStorageIfAvailable { b -> Int?? in
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            var n = b.count
            // st nd rd th
            if n >= 2 {
                let x = b[n - 2]
                let y = b[n - 1]
                if (x == 0x73 && y == 0x74) || (x == 0x6E && y == 0x64) || (x == 0x72 && y == 0x64)
                    || (x == 0x74 && y == 0x68)
                {
                    n -= 2
                }
            }
            guard n >= 1, n <= 2 else { return .some(nil) }
            var d = 0
            for k in 0..<n {
                let c = b[k]
                guard c >= 0x30 && c <= 0x39 else { return .some(nil) }
                d = d * 10 + Int(c - 0x30)
            }
            return (1...31).contains(d) ? d : .some(nil)
        } ?? nil
    }

    /// `yearNumber` of an ASCII number read on its bytes: .some(nil) when it is no year; nil for a
    /// text that is not ASCII.
    static func asciiYear(_ text: Substring) -> Int?? {
        text.utf8.withContiguousStorageIfAvailable { b -> Int?? in
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            guard b.count == 4 else { return .some(nil) }
            var y = 0
            for c in b {
                guard c >= 0x30 && c <= 0x39 else { return .some(nil) }
                y = y * 10 + Int(c - 0x30)
            }
            return (1000...2099).contains(y) ? y : .some(nil)
        } ?? nil
    }

    /// A plain four-digit year 1000–2099 (no separators, no suffix).
    static func yearNumber(_ t: [Token], _ i: Int) -> Int? {
        guard i < t.count, t[i].kind == .number else { return nil }
        if let answer = asciiYear(t[i].text) { return answer }
        let s = Script.westernDigits(t[i].text)
        guard s.count == 4, s.allSatisfy(\.isASCII), let y = Int(s), (1000...2099).contains(y) else { return nil }
        // A year glued to more digits ("19526%") is not a year: the tokenizer keeps those whole.
        return y
    }

    static let ordinalWords: WordTable<Int> = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "twenty-first": 21,
    ]

    static func ordinalValue(_ tok: Token) -> Int? {
        if tok.kind == .word { return ordinalWords[tok.lower] }
        guard tok.kind == .number else { return nil }
        let s = tok.text
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { return Int(s.dropLast(2)) }
        return nil
    }

    // MARK: Arabic

    static let arabicYearWords: WordSet = ["عام", "العام", "سنة", "السنة", "عامي", "سنه"]
    static let arabicEraWords: WordSet = ["ميلادي", "ميلادية", "م", "للميلاد"]

    static func arabic(_ t: [Token]) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < t.count {
            if let m = arabicAt(t, i) {
                out.append(m)
                i = m.tokens.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    /// The first of `arabicStem(word)`'s forms, in order, for which `f` gives a value; no array made.
    static func firstStem<T>(_ word: Substring, _ f: (String) -> T?) -> T? {
        firstStem(word, ArabicStems(word), f)
    }

    /// `firstStem` of a word whose stems are read already: on bytes for a simple word.
    static func firstStem<T>(_ word: Substring, _ stems: ArabicStems, _ f: (String) -> T?) -> T? {
        if stems.simple { return stems.first(word, f) }
        return slowFirstStem(word, f)
    }

    /// `firstStem` read through Characters (any word).
    static func slowFirstStem<T>(_ word: Substring, _ f: (String) -> T?) -> T? {
        if let v = f(String(word)) { return v }
        if let first = word.first, "وفبلك".contains(first), word.count > 2, let v = f(String(word.dropFirst())) {
            return v
        }
        if word.hasPrefix("وب") || word.hasPrefix("ول") || word.hasPrefix("وف"), word.count > 3 {
            return f(String(word.dropFirst(2)))
        }
        return nil
    }

    /// The word, and the word without one leading conjunction or preposition letter (و ف ب ل ك),
    /// or two (وب ول وف).
    static func arabicStem(_ word: Substring) -> [String] {
        var forms: [String] = []
        _ = firstStem(word) { form -> Bool? in
            forms.append(form)
            return nil
        }
        return forms
    }

    static func arabicMonthAt(_ t: [Token], _ i: Int) -> (month: Int, levantine: Bool, next: Int)? {
        guard i < t.count, t[i].kind == .word else { return nil }
        // A simple word without a tatweel that ends in neither كانون nor تشرين starts no two-word
        // month (each of its forms ends as it does): its bytes settle it in place.
        var word = t[i].text
        let settled = word.withUTF8 { u -> (month: Int, levantine: Bool, next: Int)?? in
            // Every month's first byte is an Arabic letter's lead byte.
            guard let b = u.first, b >= 0xD8 && b <= 0xDB else { return .some(nil) }
            // A month's forms end as the word does: in a single month's last letter, in the ن of
            // كانون and تشرين, or in a tatweel after it (`arabicPair` drops tatweels). Any other word,
            // simple or not, is none (see `StemTable.mayEndAsKey`).
            let n = u.count
            guard MonthNames.arabicSingleTable.mayEndAsKey(u) || (n >= 2 && u[n - 2] == 0xD9 && u[n - 1] == 0x80) else {
                return .some(nil)
            }
            let stems = ArabicStems.read(u)
            guard stems.simple, !stems.tatweel, !stems.endsInPairHead else { return nil }
            // The word, then the word without its prefix letter (`bare` below). A third form is never
            // asked: a hit on it is refused as the hit on one of these would be.
            let table = MonthNames.arabicSingleTable
            var hit = table.value(stems.whole, u)
            if hit == nil, let h = stems.afterOne, stems.count > 2 {
                hit = table.value(h, UnsafeBufferPointer(rebasing: u[2...]))
            }
            guard let hit else { return .some(nil) }
            return arabicMonthAccepted(t, i) ? (hit.month, hit.levantine, i + 1) : .some(nil)
        }
        if let settled { return settled }
        // Most words are no month: one look-up of the word with its prefix letters stripped settles it.
        let raw = t[i].text
        let stems = ArabicStems(raw)
        if stems.simple {
            // On bytes: the word or the word without one prefix letter a single month, or a word
            // ending in كانون or تشرين, or holding a tatweel (the tests below, asked surely false).
            let singles = MonthNames.arabicSingleFilter
            let stemHit = stems.afterOne.map { singles.has($0) } ?? false
            if !(singles.has(stems.whole) || stemHit || stems.tatweel || stems.endsInPairHead) {
                return nil
            }
        } else if !MonthNames.arabicSingle.mayContainStem(raw), !MonthNames.mayStartPair(raw) {
            return nil
        }
        let bare = raw.count > 2 && "وفبلك".contains(raw.first ?? " ") ? raw.dropFirst() : raw[...]
        if MonthNames.arabicSingle[String(raw)] == nil, MonthNames.arabicSingle[String(bare)] == nil,
            // The word itself: "كانون" begins with ك, one of the letters `bare` strips.
            !(raw.hasSuffix("كانون") || raw.hasSuffix("تشرين")), !FastSearch.foundationContains(raw, "ـ")
        {
            return nil
        }
        let nextWord = i + 1 < t.count && t[i + 1].kind == .word ? String(t[i + 1].text) : nil
        // The forms of `arabicStem`, in order, without the array.
        return firstStem(raw, stems) { form -> (month: Int, levantine: Bool, next: Int)? in
            if let nextWord, let m = MonthNames.arabicPair(form, nextWord) {
                return (m, true, i + 2)
            }
            if let hit = MonthNames.arabicSingle[form], arabicMonthAccepted(t, i) {
                return (hit.month, hit.levantine, i + 1)
            }
            return nil
        }
    }

    /// Whether a single-word month at `i` stands as one: "آب" and "مارس" are also ordinary words, so
    /// a number, "شهر" or a year must be next to it.
    static func arabicMonthAccepted(_ t: [Token], _ i: Int) -> Bool {
        let nearNumber = (i + 1 < t.count && t[i + 1].kind == .number) || (i > 0 && t[i - 1].kind == .number)
        let afterShahr = i > 0 && firstStem(t[i - 1].text) { $0 == "شهر" || $0 == "الشهر" ? true : nil } != nil
        let beforeYear =
            i + 2 < t.count && (t[i + 1].text == "من" || arabicYearWords.contains(String(t[i + 1].text)))
        return nearNumber || afterShahr || beforeYear
    }

    private static func arabicYear(_ t: [Token], _ i: Int) -> (year: Int, next: Int)? {
        var k = i
        if k < t.count, t[k].text == "من" { k += 1 }
        if k < t.count, firstStem(t[k].text, { arabicYearWords.contains($0) ? true : nil }) != nil { k += 1 }
        guard let y = yearNumber(t, k) else { return nil }
        return (y, k + 1)
    }

    private static func arabicAt(_ t: [Token], _ i: Int) -> DateMention? {
        // A mark starts no date, a word only a month-led one (no day, no year).
        switch t[i].kind {
        case .punct: return nil
        case .word:
            guard let (month, lev, next) = arabicMonthAt(t, i) else { return nil }
            if let (year, end) = arabicYear(t, next) {
                return DateMention(
                    tokens: i..<end, value: DateValue(granularity: .month, year: year, month: month), levantine: lev)
            }
            return DateMention(
                tokens: i..<next, value: DateValue(granularity: .month, year: nil, month: month), levantine: lev)
        case .number: break
        }
        if let day = dayAt(t, i), let (month, lev, next) = arabicMonthAt(t, i + 1) {
            if let (year, end) = arabicYear(t, next) {
                return DateMention(
                    tokens: i..<end, value: DateValue(granularity: .day, year: year, month: month, day: day),
                    levantine: lev)
            }
            return DateMention(
                tokens: i..<next, value: DateValue(granularity: .day, year: nil, month: month, day: day), levantine: lev
            )
        }
        if let (month, lev, next) = arabicMonthAt(t, i) {
            if let (year, end) = arabicYear(t, next) {
                return DateMention(
                    tokens: i..<end, value: DateValue(granularity: .month, year: year, month: month), levantine: lev)
            }
            return DateMention(
                tokens: i..<next, value: DateValue(granularity: .month, year: nil, month: month), levantine: lev)
        }
        if let year = yearNumber(t, i) {
            // Some form of `arabicStem` of the word before.
            let leadOK =
                i > 0
                && firstStem(t[i - 1].text) {
                    arabicYearWords.contains($0) || $0 == "في" || $0 == "منذ" || $0 == "حتى" ? true : nil
                } != nil
            let eraOK = i + 1 < t.count && arabicEraWords.contains(String(t[i + 1].text))
            if leadOK || eraOK || i == 0 {
                return DateMention(tokens: i..<i + 1, value: DateValue(granularity: .year, year: year))
            }
        }
        return nil
    }
}
