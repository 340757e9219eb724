import Foundation
import Testing

@testable import DeckBuilder

/// The extractors' byte-level fast paths give what the string paths they stand in for give.
@Suite struct ExtractionFastPathTests {
    static let numberTexts = [
        "1945", "9", "09", "31", "32", "0", "00", "1st", "2nd", "3rd", "21st", "4th", "5s", "1930s", "10th", "999",
        "2099", "2100", "1000", "0999", "19526", "18000", "1,5", "1.5", "12,345", "1,2th", "١٩٤٥", "٩", "٣١",
        "۱۹۴۵", "١٢٫٥", "195٠", "12345678", "2", "1945s", "12th", "31st", "3 ", "", "x", "2000000000000000000000",
    ]

    /// `dayAt` and `yearNumber` as they read every number before the byte paths.
    static func slowDay(_ text: Substring) -> Int? {
        var s = Substring(Script.westernDigits(text))
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { s = s.dropLast(2) }
        guard s.count <= 2, let d = Int(s), (1...31).contains(d) else { return nil }
        return d
    }

    static func slowYear(_ text: Substring) -> Int? {
        let s = Script.westernDigits(text)
        guard s.count == 4, s.allSatisfy(\.isASCII), let y = Int(s), (1000...2099).contains(y) else { return nil }
        return y
    }

    static func slowGarbled(_ t: [Token], _ i: Int) -> Bool {
        let s = Script.westernDigits(t[i].text)
        if s.count >= 5, s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber),
            let head = Int(s.prefix(4)), (1800...2099).contains(head)
        {
            return true
        }
        return i + 1 < t.count && t[i + 1].kind == .number && t[i + 1].spaceBefore
            && (s.count <= 2 || Script.westernDigits(t[i + 1].text).count <= 2)
    }

    @Test(arguments: numberTexts)
    func dayAndYearMatchTheStringReading(_ text: String) {
        let t = [Token(kind: .number, text: Substring(text), spaceBefore: false)]
        #expect(DateExtractor.dayAt(t, 0) == Self.slowDay(t[0].text))
        #expect(DateExtractor.yearNumber(t, 0) == Self.slowYear(t[0].text))
    }

    @Test(arguments: [
        "more than 500 men", "no fewer than 12 ships", "fewer than 9 guns", "an estimated 300 dead",
        "estimated 4 tanks", "some 80 planes", "close to 70 units", "up to 1,000 men", "just over 6 miles",
        "than 5", "to 5", "at least 3", "well under 8", "About 40 men", "about 40 men", "in 1945", "10 ships",
        "over 7", "well over 9", "least 2", "the 12 ships",
    ])
    func qualifiersAsTheWholeTable(_ text: String) {
        let t = Tokenizer.tokens(text)
        for i in t.indices {
            #expect(
                FigureExtractor.englishQualifierBefore(t, i)
                    == FigureExtractor.qualifierBefore(t, i, table: FigureExtractor.qualifiers), "\(text) at \(i)")
        }
    }

    @Test(arguments: [
        "two", "twenty", "dozen", "hundred", "thousand", "million", "billion", "one", "", "Two", "tw", "twelve",
        "ninety", "nineteen", "hundreds", "twenty-four", "ｔwo", "ten", "eleven",
    ])
    func spelledNumbersAsTheStringTables(_ word: String) {
        let sets: [(WordSet, ASCIIWordSet)] = [
            (DateExtractor.yearLead, DateExtractor.yearLeadWords), (DateExtractor.sWords, DateExtractor.sWordSet),
            (DateExtractor.monthLead, DateExtractor.monthLeadWords),
            (DateExtractor.abbreviationLead, DateExtractor.abbreviationLeadWords),
            (FigureExtractor.qualifierEnds, FigureExtractor.qualifierEndWords),
            (English.pronouns, English.pronounWords),
        ]
        for w in [
            word, "in", "of", "mid", "was", "this", "by", "until", "than", "to", "over", "estimated", "In", "iN", "it",
            "they", "such", "It", "i", "I",
        ] {
            for (strings, bytes) in sets { #expect(bytes.contains(w) == strings.contains(w), "\(w)") }
        }
        #expect(FigureExtractor.spelledNumber(word) == FigureExtractor.numberWords.entries[word])
        #expect(FigureExtractor.scaleFactor(word) == FigureExtractor.scales.entries[word])
        #expect(SentenceQuality.mayBeHedge(word) || !SentenceQuality.hedges.contains(word))
    }

    @Test(arguments: [
        "may", "march", "mar", "sept", "sep", "september", "december", "dec", "decem", "jun", "june", "julyy", "",
        "marshal", "mayor", "ma", "m", "january", "jan.", "août", "mäy", "MAY", "May", "ｍay", "K", "октябрь", "مارس",
        "-may", "may-", "aug", "augustus", "nov", "novembre",
    ])
    func englishMonthsAsTheStringTable(_ word: String) {
        #expect(MonthNames.englishMonth(word) == MonthNames.englishLookup.entries[word], "\(word)")
        #expect(DateExtractor.isMayOrMarch(Substring(word)) == (word == "May" || word == "March"), "\(word)")
        let capital = word.prefix(1).uppercased() + word.dropFirst()
        #expect(DateExtractor.isMayOrMarch(Substring(capital)) == (capital == "May" || capital == "March"))
    }

    @Test(arguments: [
        "In 1945 12 ships.", "19526 men", "1 1 and 22 333", "٥ ٦ رجال", "1945 ١٢", "12345 and 2 3", "7 ۱۲۳",
        "18001 tons", "1799 1800", "600,000 troops 1 2", "12 3", "123 4567", "1 ١٢", "2099 1", "20991 x", "12a 3",
        "1945 and 12", "5 6 7",
    ])
    func garbledFiguresMatchTheStringReading(_ text: String) {
        let t = Tokenizer.tokens(text)
        for i in t.indices where t[i].kind == .number {
            #expect(FigureExtractor.isGarbled(t, i) == Self.slowGarbled(t, i), "\(text) at \(i)")
        }
    }

    @Test(arguments: [
        DateValue(granularity: .day, year: 1945, month: 8, day: 9),
        DateValue(granularity: .day, year: nil, month: 12, day: 31),
        DateValue(granularity: .day, year: 2001, month: nil, day: nil),
        DateValue(granularity: .month, year: 1939, month: 5),
        DateValue(granularity: .month, year: nil, month: 10),
        DateValue(granularity: .year, year: 1945),
        DateValue(granularity: .year, year: nil),
        DateValue(granularity: .year, year: -44),
        DateValue(granularity: .year, year: Int.min),
        DateValue(granularity: .day, year: Int.max, month: -3, day: Int.min),
        DateValue(granularity: .decade, year: 1930),
        DateValue(granularity: .decade, year: nil),
        DateValue(granularity: .century, year: nil, endYear: 10),
        DateValue(granularity: .century, year: nil),
        DateValue(granularity: .yearRange, year: 1868, endYear: 1869),
        DateValue(granularity: .yearRange, year: 1868, endYear: nil),
        DateValue(granularity: .yearRange, year: nil, endYear: 7),
    ])
    func normalizedDateMatchesInterpolation(_ value: DateValue) {
        #expect(value.normalized == value.normalizedByInterpolation)
    }

    @Test(arguments: [
        "مارس", "ومارس", "بمارس", "وبمارس", "ولمارس", "وكمارس", "ومار", "و", "وب", "آب", "واب", "فآب", "Mar",
        "عملية", "وعملية", "لعملية", "ثلاثة", "وثلاثة", "بثلاثة", "وفثلاثة", "ﻻ", "مارِس", "ومارِس", "x",
    ])
    func stemFilterMatchesTheCopyingOne(_ word: String) {
        let filters = [
            WordFilter(MonthNames.arabicSingle.keys), WordFilter(FigureExtractor.arabicNumberWords.keys),
            WordFilter(NameExtractor.arabicHeads.words),
        ]
        for filter in filters {
            #expect(filter.mayContainStem(Substring(word)) == filter.mayContainStemCopying(Substring(word)))
            #expect(filter.mayContainStem(word.dropFirst(0)) == filter.mayContainStemCopying(word.dropFirst(0)))
        }
    }

    @Test(arguments: ["I", "May", "and", "to", "i", "may", "And", "an", "andy", "", "K", "\u{212A}", "to-do"])
    func asciiTextTestMatchesEquality(_ text: String) {
        let tok = Token(kind: .word, text: Substring(text), spaceBefore: false)
        for needle: StaticString in ["I", "May", "and", "to"] {
            #expect(tok.isASCII(needle) == (String(tok.text) == needle.description))
        }
    }

    @Test(arguments: ["a-b", "ab", "", "مـارس", "-", "x\u{2011}y", "ﻻ-"])
    func byteTestsMatchTheViews(_ text: String) {
        #expect(text.hasByte(0x2D) == text.utf8.contains(0x2D))
        #expect(text.dropFirst(0).hasByte(0x2D) == text.utf8.contains(0x2D))
        #expect(text.isASCIIText == text.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test(arguments: [
        "ABC def", "déjà VU", "الاتحاد السوفيتي", "İstanbul", "Japan’s “Army” — ON…", "A\u{E2}", "B-29 قاذفة في Tokyo",
    ])
    func fastLowerOfSubstringsMatchesLowercased(_ s: String) {
        for k in 0...min(3, s.count) {
            let sub = s.dropFirst(k)
            #expect(FastCase.lower(sub) == sub.lowercased())
        }
    }

    @Test(arguments: [
        "On August 9, 1945 the war ended.", "mid-May 1939 and early-June", "the 8th of August 1945",
        "between 1904 and 1905", "1941–1945 and 1939-1945 and 1939 to 1945", "In 1945 was",
        "the 1930s and 10th century",
        "from 1945 ships", "May 1939", "Aug. 8", "He said: “Go” (now) \"yes\" ‘to’ — – -",
    ])
    func joinersAndOpenersAsBefore(_ text: String) {
        // The range joiners told by bytes are the ones compared as strings before.
        let t = Tokenizer.tokens(text)
        for tok in t {
            #expect(DateExtractor.isRangeWord(tok) == ["-", "–", "—", "to", "and"].contains(String(tok.text)))
            #expect(SentenceQuality.opensQuoteOrList(tok) == ["\"", "“", ":", "("].contains(String(tok.text)))
        }
    }

    @Test(arguments: [
        "x-ray A-1 AB-12c mid-May twenty-four - -- B-29", "Japan’s mid-August “war” — ended", "القرن-الـ ١٩ - x-y",
        "On 9 August 1945, it began.", "",
    ])
    func tokensNoteTheirHyphens(_ text: String) {
        Tokenizer.scalarTokens(text) { tok in
            #expect(tok.hasHyphen == tok.text.utf8.contains(0x2D))
            return true
        }
        guard text.isASCIIText else { return }
        Tokenizer.asciiTokens(text) { tok in
            #expect(tok.hasHyphen == tok.text.utf8.contains(0x2D))
            return true
        }
    }

    @Test(arguments: [
        "ies", "armies", "flies", "class", "bus", "us", "s", "ships", "gas", "men", "people", "man", "japan's",
        "japan’s", "the", "a", "formally", "italy", "declared", "dropped", "fought", "bombs", "soviets", "captured",
        "x", "", "bureaus", "ex-soldiers", "b-29s", "to", "\r\nies", "ab\r\n",
    ])
    func englishWordsAsByTheStringTests(_ w: String) {
        func slowSingular(_ w: String) -> String {
            if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
            if w.hasSuffix("ss") || w.hasSuffix("us") { return w }
            if w == "people" || w == "men" { return w == "men" ? "man" : "person" }
            if w.hasSuffix("s"), w.count > 3 { return String(w.dropLast()) }
            return w
        }
        func slowWord(_ lower: String, capitalized: Bool) -> String? {
            var w = lower
            for suffix in ["'s", "’s"] where w.hasSuffix(suffix) { w = String(w.dropLast(2)) }
            if w.count < 2 || English.stopwords.contains(w) { return nil }
            if w.hasSuffix("ly"), !capitalized, w.count > 4 { return nil }
            if English.isPast(w) && !capitalized { w = English.base(ofPast: w) }
            w = slowSingular(w)
            return Normalizer.synonyms[w] ?? w
        }
        #expect(FigureExtractor.singular(w) == slowSingular(w))
        for capitalized in [false, true] {
            let tok = Token(kind: .word, text: Substring(capitalized ? w.capitalized : w), spaceBefore: false)
            #expect(Normalizer.word(tok, language: "en") == slowWord(tok.lower, capitalized: tok.isCapitalized))
        }
        for suffix: StaticString in ["ies", "s", "ly", "'s"] {
            #expect(ASCIIText.hasSuffix(w, suffix) == w.hasSuffix(suffix.description) || !ASCIIText.isPlain(w))
        }
    }

    @Test(arguments: [
        "الاتحاد السوفيتي أعلن الحرب في ٩ آب ١٩٤٥", "Ωmega Σigma ΔΕΛΤΑ déjà Élan İstanbul", "بَدَأَتْ الحربُ عام ١٩٤٥",
        "ب\u{0345}x Ǆemal ǅ ᾈ", "Japan’s “Army” — ON… mid-May", "\u{0600}١٢ ـب كانونـ", "ﻻ ﷲ Ab",
    ])
    func tokensReadFromBytesAreTheTokensOfTheirText(_ text: String) {
        Tokenizer.scalarTokens(text) { tok in
            let plain = Token(kind: tok.kind, text: tok.text, spaceBefore: tok.spaceBefore)
            #expect(tok.lower == plain.lower && tok.isCapitalized == plain.isCapitalized, "\(tok.text)")
            #expect(tok.hasHyphen == plain.hasHyphen)
            return true
        }
    }

    static let longTexts: [String] = {
        let pieces = [
            "On August 9, 1945, THE Soviet Union declared war", "الاتحاد السوفيتي", "Japan’s “Army”", "ÉCOLE",
            "@[`{ AZaz",
            "\u{2070}X", "mid-May", "A\u{E2}", "Ω",
        ]
        var out: [String] = []
        for a in pieces {
            for b in pieces {
                for pad in 0..<9 { out.append(String(repeating: "x", count: pad) + a + " " + b + "ZZZZZZZZ") }
            }
        }
        return out
    }()

    @Test func wordAtATimeCaseMatchesLowercased() {
        for s in Self.longTexts {
            #expect(FastCase.lower(s) == s.lowercased(), "\(s)")
            let sub = s.dropFirst(3)
            #expect(FastCase.lower(sub) == sub.lowercased(), "\(sub)")
            var t = s
            t.withUTF8 { b in #expect(FastCase.isASCII(b) == s.utf8.allSatisfy { $0 < 0x80 }) }
        }
    }
}
