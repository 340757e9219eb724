/// Month names: English (full and abbreviated) and Arabic in both systems
/// (Egyptian/Gulf "أغسطس" and Levantine/Iraqi "آب"), with common spelling variants.
enum MonthNames {
    static let english = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static let arabicStandard = [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]

    static let arabicLevantine = [
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
        "تشرين الثاني", "كانون الأول",
    ]

    /// English month for a lower-cased word (full name or abbreviation, without the dot).
    static func englishMonth(_ lower: String) -> Int? {
        englishMonthWords.index(lower).map { englishMonthNumbers[$0] }
    }

    /// `englishLookup`'s words, looked up on bytes (every name is ASCII), and their months in the
    /// same order.
    private static let englishMonthWords = ASCIIWordSet(englishLookup.keys.sorted())
    private static let englishMonthNumbers: [Int] = englishMonthWords.words.map { englishLookup.entries[$0]! }

    /// What `englishMonth` answers, as a string table (the words of `englishMonthWords`).
    static let englishLookup = WordTable<Int>(
        {
            var d: [String: Int] = [:]
            for (i, name) in english.enumerated() {
                d[name.lowercased()] = i + 1
                d[String(name.lowercased().prefix(3))] = i + 1
            }
            d["sept"] = 9
            return d
        }())

    /// Arabic single-word months (with variants); the two-word Levantine ones are matched separately.
    static let arabicSingle = WordTable<(month: Int, levantine: Bool)>(
        {
            var d: [String: (month: Int, levantine: Bool)] = [:]
            let standard: [(String, Int)] = [
                ("يناير", 1), ("فبراير", 2), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4),
                ("أفريل", 4), ("مايو", 5), ("ماي", 5), ("يونيو", 6), ("يونيه", 6), ("جوان", 6), ("يوليو", 7),
                ("يوليه", 7),
                ("جويلية", 7), ("أغسطس", 8), ("اغسطس", 8), ("أوت", 8), ("سبتمبر", 9), ("أكتوبر", 10), ("اكتوبر", 10),
                ("نوفمبر", 11), ("ديسمبر", 12),
            ]
            for (name, m) in standard { d[name] = (m, false) }
            let levantine: [(String, Int)] = [
                ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5), ("ايار", 5), ("حزيران", 6),
                ("تموز", 7),
                ("آب", 8), ("اب", 8), ("أيلول", 9), ("ايلول", 9),
            ]
            for (name, m) in levantine { d[name] = (m, true) }
            return d
        }())

    /// `arabicSingle`, looked up exactly on a simple word's bytes. Its last letters hold the ن
    /// that ends كانون and تشرين (جوان, نيسان).
    static let arabicSingleTable = StemTable(arabicSingle.entries)

    /// `arabicSingle`'s words for `StemFilter` look-ups on bytes.
    static let arabicSingleFilter = StemFilter(arabicSingle.keys)

    /// False when `word` surely ends in neither "كانون" nor "تشرين" and has no tatweel (ـ), so it cannot
    /// start a two-word month: a byte test, exact for words `WordFilter` calls plain.
    static func mayStartPair(_ word: Substring) -> Bool {
        guard WordFilter.isPlain(word) else { return true }
        // A native string's bytes are read as one buffer, without the view's index arithmetic.
        return word.utf8.withContiguousStorageIfAvailable { mayStartPlainPair(buffer: $0) }
            ?? mayStartPair(copying: word)
    }

    /// `mayStartPair` of the UTF-8 bytes of a plain word.
    static func mayStartPlainPair(buffer u: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in u {
            if previous == 0xD9 && b == 0x80 { return true }
            previous = b
        }
        return pairHeadBytes.contains { head in
            guard u.count >= head.count else { return false }
            var k = 0
            let from = u.count - head.count
            while k < head.count, u[from + k] == head[k] { k += 1 }
            return k == head.count
        }
    }

    /// `mayStartPair` read through the view (the words of a string that is not native).
    static func mayStartPair(copying word: Substring) -> Bool {
        guard WordFilter.isPlain(word) else { return true }
        let u = word.utf8
        var previous: UInt8 = 0
        for b in u {
            if previous == 0xD9 && b == 0x80 { return true }
            previous = b
        }
        return pairHeadBytes.contains { head in u.count >= head.count && u.suffix(head.count).elementsEqual(head) }
    }

    static let pairHeads = ["كانون", "تشرين"]
    private static let pairHeadBytes = pairHeads.map { Array($0.utf8) }

    /// Two-word Levantine months: first word, second word → month.
    static func arabicPair(_ first: String, _ second: String) -> Int? {
        guard first.hasSuffix("كانون") || first.hasSuffix("تشرين") || FastSearch.foundationContains(first, "ـ") else {
            return nil
        }
        let f = String(first.unicodeScalars.filter { $0.value != 0x0640 }.map(Character.init))
        let s = String(second.unicodeScalars.filter { $0.value != 0x0640 }.map(Character.init))
        let isFirst = s == "الأول" || s == "الاول" || s == "أول"
        let isSecond = s == "الثاني" || s == "ثاني"
        switch f {
        case "كانون": return isSecond ? 1 : isFirst ? 12 : nil
        case "تشرين": return isFirst ? 10 : isSecond ? 11 : nil
        default: return nil
        }
    }
}
