/// A figure found in a sentence.
struct FigureMention: Sendable {
    /// Tokens of the number itself (with its scale word and % sign), not the qualifier or the noun.
    var tokens: Range<Int>
    /// Tokens of the qualifier before the number, if any.
    var qualifierTokens: Range<Int>?
    /// Tokens of what is counted.
    var countedTokens: Range<Int>
    var value: NumberValue
}

/// Finds figures: numbers (digits, grouped, decimal, with scale words, spelled out, Arabic) with
/// what they count and their qualifier. Flags garbled figures ("19526%", "1 1").
enum FigureExtractor {
    static let qualifiers: [[String]] = [
        ["more", "than"], ["less", "than"], ["fewer", "than"], ["at", "least"], ["up", "to"], ["just", "over"],
        ["just", "under"], ["well", "over"], ["no", "fewer", "than"], ["nearly"], ["almost"], ["about"], ["around"],
        ["approximately"], ["roughly"], ["over"], ["some"], ["only"], ["just"], ["under"], ["above"], ["below"],
        ["estimated"], ["an", "estimated"], ["close", "to"],
    ]
    static let arabicQualifiers: [[String]] = [
        ["أكثر", "من"], ["أقل", "من"], ["حوالي"], ["نحو"], ["قرابة"], ["ما", "يقارب"], ["زهاء"],
    ]

    static let scales: WordTable<Double> = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    ]
    static let numberWords: WordTable<Double> = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]
    static let arabicNumberWords: WordTable<Double> = [
        "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5,
        "خمسة": 5,
        "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
        "عشرين": 20, "عشرون": 20, "مئة": 100, "مائة": 100, "ألف": 1000, "آلاف": 1000, "مليون": 1e6,
    ]
    /// `arabicNumberWords`, looked up exactly on a simple word's bytes.
    static let arabicNumberTable = StemTable(arabicNumberWords.entries)
    static let arabicScales: WordTable<Double> = [
        "ألف": 1_000, "آلاف": 1_000, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9,
    ]

    /// Whether a number token is garbled: a year glued to more digits ("19526"), or digits split by a space ("1 1").
    static func isGarbled(_ t: [Token], _ i: Int) -> Bool {
        if let answer = asciiGarbled(t, i) { return answer }
        let s = Script.westernDigits(t[i].text)
        if s.count >= 5, s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber),
            let head = Int(s.prefix(4)), (1800...2099).contains(head)
        {
            return true
        }
        if i + 1 < t.count, t[i + 1].kind == .number, t[i + 1].spaceBefore,
            s.count <= 2 || Script.westernDigits(t[i + 1].text).count <= 2
        {
            return true
        }
        return false
    }

    /// `isGarbled` read on the bytes of an ASCII number (its own western digits, one byte a
    /// character); nil for any other text.
    static func asciiGarbled(_ t: [Token], _ i: Int) -> Bool? {
        // `withUTF8` hands the bytes over in place (the view's generic buffer call costs more), read
        // once for both tests.
        var text = t[i].text
        let read = text.withUTF8 { b -> (yearGlued: Bool, count: Int)? in
            var high: UInt8 = 0
            var digits = true
            for c in b {
                high |= c
                digits = digits && c >= 0x30 && c <= 0x39
            }
            guard high < 0x80 else { return nil }
            var glued = false
            if b.count >= 5, digits {
                let head = (Int(b[0]) - 48) * 1000 + (Int(b[1]) - 48) * 100 + (Int(b[2]) - 48) * 10 + Int(b[3]) - 48
                glued = (1800...2099).contains(head)
            }
            return (glued, b.count)
        }
        guard let read else { return nil }
        if read.yearGlued { return true }
        if i + 1 < t.count, t[i + 1].kind == .number, t[i + 1].spaceBefore,
            read.count <= 2 || westernCount(t[i + 1].text) <= 2
        {
            return true
        }
        return false
    }

    /// `Script.westernDigits(text).count`, without making the string for ASCII text.
    static func westernCount(_ text: Substring) -> Int {
        text.isASCIIText ? text.utf8.count : Script.westernDigits(text).count
    }

    /// The figures of the sentence, none of them on a token in `taken` (the dates' tokens).
    static func figures(in t: [Token], language: String, taken: [Range<Int>]) -> [FigureMention] {
        withTakenMask(taken, count: t.count) { figures(in: t, language: language, isTaken: $0) }
    }

    private static func figures(
        in t: [Token], language: String, isTaken: UnsafeBufferPointer<Bool>
    ) -> [FigureMention] {
        var out: [FigureMention] = []
        let arabic = language == "ar"
        do {
            var i = 0
            while i < t.count {
                // The cheap test first: most tokens cannot start a figure. A figure found is appended
                // where it is made (an optional mention returned was copied twice and tested).
                if !isTaken[i], arabic ? t[i].kind != .punct : mayStartEnglish(t, i),
                    let next = arabic ? arabicAt(t, i, into: &out) : englishAt(t, i, into: &out)
                {
                    i = next
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// Calls `body` with a flag for each of `count` tokens: whether one of the `taken` ranges holds
    /// its index (read without hashing, where a set of the indices hashed each one).
    static func withTakenMask<R>(
        _ taken: [Range<Int>], count: Int, _ body: (UnsafeBufferPointer<Bool>) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: count) { mask in
            mask.initialize(repeating: false)
            for r in taken {
                for k in r where k >= 0 && k < count { mask[k] = true }
            }
            return body(UnsafeBufferPointer(mask))
        }
    }

    /// False when `englishAt` surely finds no figure at the token: a mark, or a word that is no number
    /// word, nor two joined by a hyphen. Every number word is ASCII of three bytes or more (no other
    /// scalar is canonically equivalent to its letters), its first three among `isNumberHead`'s.
    @inline(__always)
    static func mayStartEnglish(_ t: [Token], _ i: Int) -> Bool {
        // The fields are read in place, the token not copied.
        switch t[i].kind {
        case .number: return true
        case .punct: return false
        case .word:
            // The bytes as one buffer: the view's iterator costs about four times as much a word.
            return t[i].lower.utf8.withContiguousStorageIfAvailable { mayStartNumberWord($0) }
                ?? mayStartNumberWord(Array(t[i].lower.utf8))
        }
    }

    /// `mayStartEnglish` of a word whose lower case has the bytes `b`.
    @inline(__always)
    static func mayStartNumberWord(_ b: some RandomAccessCollection<UInt8>) -> Bool {
        guard let a = b.first else { return false }
        // A leading hyphen is dropped by the split of a hyphenated word: the full test decides.
        if a == 0x2D { return true }
        guard b.count >= 3 else { return false }
        let s = b.startIndex
        return isNumberHead(a, b[b.index(s, offsetBy: 1)], b[b.index(s, offsetBy: 2)])
    }

    /// Whether three bytes begin a number word: two thr thi fou for fiv fif six sev eig nin ten ele twe
    /// hun doz.
    @inline(__always)
    static func isNumberHead(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c) {
        case 0x74776F, 0x746872, 0x746869, 0x666F75, 0x666F72, 0x666976, 0x666966, 0x736978, 0x736576, 0x656967,
            0x6E696E, 0x74656E, 0x656C65, 0x747765, 0x68756E, 0x646F7A:
            return true
        default: return false
        }
    }

    /// The figure at `i`, appended to `out`; the index after what it counts, or nil for no figure.
    private static func englishAt(_ t: [Token], _ i: Int, into out: inout [FigureMention]) -> Int? {
        var value: Double
        var end = i + 1
        var spelled = false
        // `Script.westernDigits` of the number, made once.
        var digits: String?
        if t[i].kind == .number {
            let s = t[i].text
            // An ordinal or a decade ("9th", "1930s"): every such suffix ends in "s", "h", "t" or "d".
            if let last = s.utf8.last, last == 0x73 || last == 0x68 || last == 0x74 || last == 0x64 {
                if s.hasSuffix("th") || s.hasSuffix("st") || s.hasSuffix("nd") || s.hasSuffix("rd") || s.hasSuffix("s")
                {
                    return nil
                }
            }
            if isGarbled(t, i) { return nil }
            let western = westernDigits(s)
            digits = western
            guard let v = numberValue(western) else { return nil }
            value = v
        } else if t[i].kind == .word, let v = spelledNumber(t[i].lower) {
            value = v
            spelled = true
            // "twenty-four" is one token: "twenty" "-" would not reach here.
        } else if t[i].kind == .word, t[i].hasHyphen, FastSearch.foundationContains(t[i].lower, "-") {
            let parts = t[i].lower.split(separator: "-").map(String.init)
            guard parts.count == 2, let a = spelledNumber(parts[0]), let b = spelledNumber(parts[1]), a >= 20, b < 10
            else {
                return nil
            }
            value = a + b
            spelled = true
        } else {
            return nil
        }
        if end < t.count, let scale = scaleFactor(t[end].lower), !(spelled && scale == 100 && value >= 100) {
            value *= scale
            end += 1
            if end < t.count, let more = scaleFactor(t[end].lower), more > 100 { value *= more; end += 1 }
        }
        // Not a figure: part of a hyphenated modifier ("300-man"), a degree, a year-like bare number.
        // The marks read on the bytes: - ° (C2 B0) º (C2 BA) and %.
        var mark: UInt8?
        if end < t.count {
            // The bytes in place (the view's iterator is a call a byte).
            var text = t[end].text
            let read = text.withUTF8 { u -> (refused: Bool, mark: UInt8?) in
                let n = u.count
                if n == 1 && u[0] == 0x2D { return (true, nil) }
                if n == 2 && u[0] == 0xC2 && (u[1] == 0xB0 || u[1] == 0xBA) { return (true, nil) }
                return (false, n == 1 ? u[0] : nil)
            }
            if read.refused { return nil }
            mark = read.mark
        }
        var isPercent = false
        if end < t.count, mark == 0x25 || t[end].lowerIs("percent") {
            isPercent = true; end += 1
        } else if end + 1 < t.count, t[end].lowerIs("per"), t[end + 1].lowerIs("cent") {
            isPercent = true; end += 2
        }
        let qualifier = englishQualifierBefore(t, i)
        let counted = isPercent ? end..<end : countedPhrase(t, from: end)
        if !isPercent && counted.isEmpty { return nil }
        if value <= 1 && !isPercent { return nil }
        let countedText = phrase(t, counted)
        let western = digits ?? westernDigits(t[i].text)
        var surface = western
        if end > i + 1 && !isPercent {
            for k in (i + 1)..<end {
                surface += " "
                surface += t[k].text
            }
        }
        let nv = NumberValue(
            value: value, surface: surface, isPercent: isPercent,
            counted: countedText, head: headNoun(t, counted),
            qualifier: qualifier.map { phrase(t, $0).lowercased() } ?? "",
            spelled: spelled)
        out.append(FigureMention(tokens: i..<end, qualifierTokens: qualifier, countedTokens: counted, value: nv))
        return counted.upperBound
    }

    /// The last words of `qualifiers`: a qualifier ends just before the number in one of them.
    static let qualifierEnds = WordSet(Set(qualifiers.map { $0.last! }))

    /// `qualifierBefore(t, i, table: qualifiers)`, asked only when the word before ends a qualifier.
    static func englishQualifierBefore(_ t: [Token], _ i: Int) -> Range<Int>? {
        guard i > 0, let end = qualifierEndWords.index(t[i - 1].lower) else { return nil }
        // Only the qualifiers that end in the word can match, asked in the table's order.
        for q in qualifiersByEnd[end] where i >= qualifiers[q].count {
            let words = qualifiers[q]
            let start = i - words.count
            var k = 0
            while k < words.count - 1, t[start + k].lower == words[k] { k += 1 }
            if k == words.count - 1 { return start..<i }
        }
        return nil
    }

    /// `qualifierEnds`, looked up on bytes (every qualifier is ASCII), and for each of its words the
    /// indices in `qualifiers`, in order, of the qualifiers it ends.
    static let qualifierEndWords = ASCIIWordSet(qualifierEnds.words.sorted())
    static let qualifiersByEnd: [[Int]] = qualifierEndWords.words.map { w in
        qualifiers.indices.filter { qualifiers[$0].last == w }
    }

    /// `numberWords[w]` and `scales[w]`, looked up on bytes (every key is ASCII).
    @inline(__always)
    static func spelledNumber(_ w: String) -> Double? { numberWordSet.index(w).map { numberWordValues[$0] } }
    @inline(__always)
    static func scaleFactor(_ w: String) -> Double? { scaleSet.index(w).map { scaleValues[$0] } }
    static let numberWordSet = ASCIIWordSet(numberWords.keys.sorted())
    static let numberWordValues: [Double] = numberWordSet.words.map { numberWords.entries[$0]! }
    static let scaleSet = ASCIIWordSet(scales.keys.sorted())
    static let scaleValues: [Double] = scaleSet.words.map { scales.entries[$0]! }

    static func qualifierBefore(_ t: [Token], _ i: Int, table: [[String]]) -> Range<Int>? {
        for q in table where i >= q.count {
            // Word by word in place (no slices of the tokens made).
            let start = i - q.count
            var k = 0
            while k < q.count, t[start + k].lower == q[k] { k += 1 }
            if k == q.count { return start..<i }
        }
        return nil
    }

    static let countedStops = WordSet(
        English.stopwords.words.subtracting(["war", "day", "days", "year", "years", "time"])
            .union(["who", "which", "that", "were", "was"]))
    /// `countedStops`, looked up on bytes.
    static let countedStopWords = ASCIIWordSet(countedStops.words.sorted())

    /// The noun phrase after a number: adjectives and nouns up to a function word or a verb; "of" + noun
    /// is kept after a unit or collective ("tons of bombs", "prisoners of war").
    static func countedPhrase(_ t: [Token], from start: Int) -> Range<Int> {
        var k = start
        while k < t.count, k - start < 5, t[k].kind == .word {
            let w = t[k].lower
            // The cheap tests first (all are pure): the first word is never cut at a verb form.
            if countedStopWords.contains(w) || (k > start && !t[k].isCapitalized && English.isPast(w)) { break }
            if k > start && English.irregularParticipleWords.contains(w) { break }
            if SentenceQuality.endsInLY(w) && w.hasSuffix("ly") && !t[k].isCapitalized { break }
            k += 1
        }
        if k > start, k + 1 < t.count, t[k].lower == "of", t[k + 1].kind == .word,
            !countedStopWords.contains(t[k + 1].lower)
        {
            let head = t[k - 1].lower
            if ofHeads.contains(head) {
                var m = k + 1
                while m < t.count, m - k <= 2, t[m].kind == .word, !countedStopWords.contains(t[m].lower),
                    !English.isPast(t[m].lower)
                { m += 1 }
                k = m
            }
        }
        return start..<k
    }

    static let ofHeads: WordSet = [
        "prisoners", "tons", "tonnes", "kilometers", "kilometres", "miles", "hectares", "barrels", "square", "units",
        "pieces", "rounds", "dollars", "rubles", "yen", "yuan", "acres", "members", "prisoner",
    ]

    static func headNoun(_ t: [Token], _ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        var last = r.upperBound - 1
        // The first "of", read in place ("of" is ASCII: bytes decide).
        var of = r.lowerBound
        while of < r.upperBound, !t[of].lowerIs("of") { of += 1 }
        if of < r.upperBound, of > r.lowerBound { last = of - 1 }
        return singular(t[last].lower)
    }

    static func singular(_ w: String) -> String {
        if let answer = w.utf8.withContiguousStorageIfAvailable({ plainSingular(w, $0) }), let answer {
            return answer
        }
        if ASCIIText.isPlain(w) {
            // The same tests on bytes: in ASCII without CR a character is one byte.
            let n = w.utf8.count
            if ASCIIText.hasSuffix(w, "ies"), n > 4 { return String(w.dropLast(3)) + "y" }
            if ASCIIText.hasSuffix(w, "ss") || ASCIIText.hasSuffix(w, "us") { return w }
            if w == "people" || w == "men" { return w == "men" ? "man" : "person" }
            if ASCIIText.hasSuffix(w, "s"), n > 3 { return String(w.dropLast()) }
            return w
        }
        if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("ss") || w.hasSuffix("us") { return w }
        if w == "people" || w == "men" { return w == "men" ? "man" : "person" }
        if w.hasSuffix("s"), w.count > 3 { return String(w.dropLast()) }
        return w
    }

    /// `singular` of a word in ASCII without CR (one byte a character), on its bytes `b`: nil
    /// for any other word.
    static func plainSingular(_ w: String, _ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        for c in b where c >= 0x80 || c == 0x0D { return nil }
        @inline(__always) func ends(_ x: UInt8) -> Bool { n >= 1 && b[n - 1] == x }
        @inline(__always) func ends(_ x: UInt8, _ y: UInt8) -> Bool { n >= 2 && b[n - 2] == x && b[n - 1] == y }
        // ies
        if n > 4, ends(0x65, 0x73), b[n - 3] == 0x69 {
            return String(decoding: UnsafeBufferPointer(rebasing: b[..<(n - 3)]), as: UTF8.self) + "y"
        }
        // ss us
        if ends(0x73, 0x73) || ends(0x75, 0x73) { return w }
        if w == "people" || w == "men" { return w == "men" ? "man" : "person" }
        if n > 3, ends(0x73) { return String(decoding: UnsafeBufferPointer(rebasing: b[..<(n - 1)]), as: UTF8.self) }
        return w
    }

    static func phrase(_ t: [Token], _ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        if r.count == 1 { return String(t[r.lowerBound].text) }
        // The bytes counted first, then written once (a short phrase is a small string).
        var n = 0
        for k in r {
            if k > r.lowerBound, t[k].spaceBefore { n += 1 }
            n += t[k].text.utf8.count
        }
        return String(unsafeUninitializedCapacity: n) { out in
            var at = 0
            for k in r {
                if k > r.lowerBound, t[k].spaceBefore {
                    out[at] = 0x20
                    at += 1
                }
                let text = t[k].text
                let copied = text.utf8.withContiguousStorageIfAvailable { b -> Int in
                    UnsafeMutableBufferPointer(rebasing: out[at...]).initialize(fromContentsOf: b)
                }
                if let copied {
                    at += copied
                } else {
                    for c in text.utf8 {
                        out[at] = c
                        at += 1
                    }
                }
            }
            return at
        }
    }

    /// `Script.westernDigits(text)`: a text without the lead bytes D9 DB of the Arabic digits and
    /// separators is made a string from its bytes (a short one without allocation).
    static func westernDigits(_ text: Substring) -> String {
        // `withUTF8` hands the bytes over in place (the view's generic buffer call costs more).
        var bytes = text
        let plain = bytes.withUTF8 { b -> String? in
            b.contains { $0 == 0xD9 || $0 == 0xDB } ? nil : String(decoding: b, as: UTF8.self)
        }
        return plain ?? Script.westernDigits(text)
    }

    /// `Double` of the digits with their commas dropped; plain digits (up to 15, exact in a
    /// `Double`) are summed on their bytes, others parsed.
    static func numberValue(_ digits: String) -> Double? {
        let fast = digits.utf8.withContiguousStorageIfAvailable { b -> Double? in
            var n: Int64 = 0
            var count = 0
            for c in b where c != 0x2C {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                n = n * 10 + Int64(c - 0x30)
                count += 1
                if count > 15 { return nil }
            }
            return count == 0 ? nil : Double(n)
        }
        if let fast, let fast { return fast }
        return Double(String(decoding: digits.utf8.filter { $0 != 0x2C }, as: UTF8.self))
    }

    // MARK: Arabic

    static let arabicCountedStops: WordSet = [
        "في", "من", "على", "إلى", "الى", "مع", "عن", "بعد", "قبل", "حتى", "خلال", "التي", "الذي", "أن", "إلى",
    ]

    /// `arabicCountedStops`, looked up exactly on a simple word's bytes.
    static let arabicCountedStopTable = StemTable(words: arabicCountedStops.words)

    /// `englishAt` for an Arabic sentence.
    private static func arabicAt(_ t: [Token], _ i: Int, into out: inout [FigureMention]) -> Int? {
        var value: Double
        var end = i + 1
        var spelled = false
        if t[i].kind == .number {
            if isGarbled(t, i) { return nil }
            guard
                let v = Double(
                    String(decoding: Script.westernDigits(t[i].text).utf8.filter { $0 != 0x2C }, as: UTF8.self))
            else {
                return nil
            }
            value = v
            if let y = DateExtractor.yearNumber(t, i), y > 0, end < t.count,
                DateExtractor.arabicEraWords.contains(String(t[end].text))
            {
                return nil
            }
        } else if t[i].kind == .word {
            // A simple word's forms are looked up on its bytes in place; any other word's as strings.
            var word = t[i].text
            let settled = word.withUTF8 { u -> Double?? in
                // Most words end in none of the number words' last letters: no stem is read.
                guard arabicNumberTable.mayEndAsKey(u) else { return .some(nil) }
                let stems = ArabicStems.read(u)
                return stems.simple ? .some(arabicNumberTable.firstStem(stems, u)) : nil
            }
            let found: Double?
            if let settled {
                found = settled
            } else {
                found =
                    arabicNumberWords.mayContainStem(t[i].text)
                    ? DateExtractor.slowFirstStem(t[i].text, { arabicNumberWords[$0] }) : nil
            }
            guard let v = found, v < 1000 else { return nil }
            value = v
            spelled = true
        } else {
            return nil
        }
        if end < t.count, let scale = arabicScales[String(t[end].text)] { value *= scale; end += 1 }
        var isPercent = false
        if end < t.count, t[end].isMark("%") || t[end].isMark("٪") { isPercent = true; end += 1 }
        // The counted noun: one or two words, stopping at prepositions and conjunction-led words.
        var k = end
        while k < t.count, k - end < 2, t[k].kind == .word,
            !(arabicCountedStopTable.holds(t[k].text) ?? arabicCountedStops.contains(String(t[k].text)))
        {
            if k > end, ArabicStems.startsWithWaw(t[k].text) { break }
            k += 1
        }
        if !isPercent && k == end { return nil }
        if spelled && k == end { return nil }
        let qualifier = qualifierBefore(t, i, table: arabicQualifiers)
        let counted = end..<k
        let surface = Script.westernDigits(t[i].text)
        let nv = NumberValue(
            value: value, surface: spelled ? NumberFormat.grouped(value) : surface, isPercent: isPercent,
            counted: phrase(t, counted), head: counted.isEmpty ? "" : String(t[counted.lowerBound].text),
            qualifier: qualifier.map { phrase(t, $0) } ?? "", spelled: spelled)
        out.append(FigureMention(tokens: i..<end, qualifierTokens: qualifier, countedTokens: counted, value: nv))
        return counted.upperBound
    }
}
