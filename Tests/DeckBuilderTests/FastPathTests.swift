import Foundation
import Testing

@testable import DeckBuilder

/// The byte-level fast paths give what the general paths they stand in for give.
@Suite struct FastPathTests {
    static let asciiTexts = [
        "On August 9, 1945, the Soviet Union declared war on Japan.",
        "More than 1,500.5 tons of supplies; the 9th Army and the 1930s.",
        "B-29 bombers, Marshal Vasilevsky's troops, don't, mid-1945 and 'quoted'.",
        "Tabs\tand  double  spaces, a trailing dot . and 600,000 prisoners.",
        "Line with a CR\r at the end, 3rd and 21st and 2nd and 5ths.",
        "x-ray A-1 AB-12c 12,34,56 1.2.3 4th- -5 '' -- ...",
        "",
        "   ",
    ]

    @Test(arguments: asciiTexts)
    func byteTokenizerMatchesScalarTokenizer(_ text: String) {
        let bytes = Fixtures.tokens(of: text, by: Tokenizer.asciiTokens)
        let scalars = Fixtures.tokens(of: text, by: Tokenizer.scalarTokens)
        #expect(bytes.count == scalars.count)
        for (a, b) in zip(bytes, scalars) {
            #expect(a.kind == b.kind && a.text == b.text && a.spaceBefore == b.spaceBefore)
            #expect(a.lower == b.lower && a.isCapitalized == b.isCapitalized)
            #expect(
                text.utf8.distance(from: text.startIndex, to: a.range.lowerBound)
                    == text.utf8.distance(from: text.startIndex, to: b.range.lowerBound))
        }
    }

    @Test func tokenizerStopsWhenAsked() {
        var seen: [String] = []
        Tokenizer.forEachToken("On 9 August, it began.") {
            seen.append(String($0.text)); return seen.count < 3
        }
        #expect(seen == ["On", "9", "August"])
    }

    static let needleCases: [(String, [String])] = [
        ("Marshal Zhukov crossed the river", DocumentAnalyzer.nameCues),
        ("nothing to see here", DocumentAnalyzer.nameCues),
        ("in the fourteenth century", DocumentAnalyzer.quickWords),
        ("often the case", DocumentAnalyzer.quickWords),
        ("في شهر آب من عام", DocumentAnalyzer.quickWords),
        ("نستخدم ملفات تعريف الارتباط", ["ملفات تعريف الارتباط", "كوكيز"]),
        ("a", ["ab", "a"]),
        ("", ["ab"]),
        ("Home - Site", [" - ", " | "]),
    ]

    @Test(arguments: needleCases)
    func needleSetMatchesOneSearchPerNeedle(_ haystack: String, _ needles: [String]) {
        #expect(NeedleSet(needles).containsAny(haystack) == FastSearch.containsAny(haystack, needles))
    }

    @Test(arguments: [
        "ABC def", "déjà VU", "الاتحاد السوفيتي", "İstanbul", "Ünited", "mixed ÉCOLE and الحرب", "42",
        "B-29 قاذفة في Tokyo", "ﻻ Ab", "Japan’s “Army” — ON…", "\u{2070}\u{2071}X", "A\u{E2}", "ABC\u{2000}",
    ])
    func fastLowerMatchesLowercased(_ s: String) {
        #expect(FastCase.lower(s) == s.lowercased())
    }

    @Test(arguments: [
        ("On [date], it launched an attack.", true),
        ("On [date], the Red Army launched an attack.", false),
        ("It was [date] when the war ended.", true),
        ("However, they crossed the river on [date].", true),
        ("In [year] the Soviets attacked.", false),
        ("On [date] he arrived.", false),
        ("\"They\" said so on [date].", true),
        (", , it", true),
        ("", false),
    ])
    func vagueSubject(_ clause: String, _ vague: Bool) {
        #expect(CardDrafter.vagueSubject(clause) == vague)
    }

    @Test(arguments: [
        ("declared", true), ("fought", true), ("need", false), ("freed", false), ("red", false), ("bed", false),
        ("agreed", false), ("ended", true), ("hundred", false), ("attacked", true), ("ed", false), ("café", false),
    ])
    func pastTense(_ word: String, _ past: Bool) {
        #expect(English.isPast(word) == past)
    }

    static let monthWords = Array(MonthNames.arabicSingle.keys)

    /// Words the filter is asked about: table words, their prefixed forms, near misses, other
    /// scripts, and a table word spelled with a combining madda (canonically equal, other bytes).
    static let filterWords: [(String, Bool)] = [
        ("آب", true), ("وآب", true), ("بآب", true), ("ولآب", true), ("وبآب", true), ("اب", true),
        ("\u{0627}\u{0653}ب", true), ("أغسطس", true), ("وأغسطس", true), ("الحرب", false), ("السوفيتي", false),
        ("august", false), ("Ünited", false), ("", false), ("شباطـ", false),
    ]

    @Test(arguments: filterWords)
    func wordFilterNeverMissesATableWord(_ word: String, _ inTable: Bool) {
        let stems = DateExtractor.arabicStem(Substring(word))
        #expect(stems.contains { MonthNames.arabicSingle.entries[$0] != nil } == inTable)
        // "Not there" from the filter is always right; "maybe" is allowed for any word.
        if !MonthNames.arabicSingle.mayContainStem(Substring(word)) { #expect(!inTable) }
        if inTable { #expect(MonthNames.arabicSingle.mayContainStem(Substring(word))) }
    }

    @Test func wordFilterPassesOverMostOtherWords() {
        let others = ["الحرب", "السوفيتي", "اليابان", "القوات", "الجيش", "مدينة", "war", "the", "Soviet", "troops"]
        let passed = others.filter { MonthNames.arabicSingle.mayContainStem(Substring($0)) }
        #expect(passed.count <= 1)
        #expect(Self.monthWords.allSatisfy { MonthNames.arabicSingle[$0] != nil })
        #expect(English.irregularPast.keys.allSatisfy { English.irregularPast[$0] != nil })
        #expect(English.stopwords.words.allSatisfy { English.stopwords.contains($0) })
        #expect(!English.stopwords.contains("Soviet") && !English.stopwords.contains("soviet"))
    }

    @Test(arguments: [
        ("كانون", true), ("وكانون", true), ("تشرين", true), ("شباط", false), ("كانـون", true), ("war", false),
        ("\u{0627}\u{0653}", true),
    ])
    func twoWordMonthHeads(_ word: String, _ may: Bool) {
        #expect(MonthNames.mayStartPair(Substring(word)) == may)
    }

    /// Every word of the five sources (when the shared folder is there) and hand-picked ones.
    static var probeWords: [String] {
        var words = [
            "the", "The", "soviet", "marshal", "Marshal", "آب", "\u{0627}\u{0653}ب", "في", "عام", "العام", "ميلادي",
            "déjà", "İstanbul", "", "x", "hundred", "thousand", "fought", "declared",
        ]
        if let dir = Fixtures.sharedSources, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for name in names where name.hasSuffix(".txt") {
                let text = (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? ""
                for line in text.split(separator: "\n") { words += Tokenizer.tokens(String(line)).map(\.lower) }
            }
        }
        return words
    }

    @Test func wordSetsAnswerAsTheirSets() {
        let sets: [WordSet] = [
            English.stopwords, English.pronouns, NameExtractor.titles, NameExtractor.placeHeads,
            SentenceQuality.hedges, Normalizer.arabicStopwords, DateExtractor.arabicYearWords,
            FigureExtractor.countedStops, Clause.finiteVerbs,
        ]
        let probes = Self.probeWords
        #expect(probes.count > 1000 || Fixtures.sharedSources == nil)
        for set in sets {
            let wrong = probes.filter { set.contains($0) != set.words.contains($0) }
            #expect(wrong.isEmpty)
        }
        let tables = [FigureExtractor.numberWords, FigureExtractor.arabicNumberWords]
        for table in tables {
            let wrong = probes.filter { (table[$0] == nil) != (table.entries[$0] == nil) }
            #expect(wrong.isEmpty)
        }
    }

    @Test(arguments: [
        "On [date] , the Soviet Union declared war .", "He said \" yes \" and left .", " lead space , here",
        "في [التاريخ] ، أعلن الاتحاد السوفيتي الحرب .", "Japan’s army — and \" الجيش \" ; too !",
        "a \u{0301}, combining after a space", "x ,\u{0301} combining after a comma", "\u{0600} , prepended",
        "ends with a space ", "CR\r\n line", "\u{1}marker , \u{1}", "", "\"", "ﻻ , ligature", "e\u{301} .",
    ])
    func promptCleaningOnBytesMatchesCharacters(_ s: String) {
        #expect(PromptText.clean(s) == PromptText.cleanCharacters(s))
        #expect(!PromptText.bytesAreCharacters(s) || PromptText.cleanBytes(s) == PromptText.cleanCharacters(s))
    }

    @Test func promptCleaningTakesTheBytePathForArabicAndTypographicText() {
        #expect(PromptText.bytesAreCharacters("في [التاريخ] ، أعلن الاتحاد السوفيتي الحرب ."))
        #expect(PromptText.bytesAreCharacters("Japan’s army — and \" more \" ."))
        #expect(!PromptText.bytesAreCharacters("a \u{0301}, b"))
        #expect(!PromptText.bytesAreCharacters("\u{0600} , b"))
        #expect(!PromptText.bytesAreCharacters("a\r\nb"))
    }

    @Test(arguments: [
        [], ["a"], ["b", "a", "b", "c", "a"], ["war", "soviet", "war", "union", "soviet", "war"], ["x", "x", "x"],
        ["الحرب", "war", "الحرب", "1945"],
    ])
    func sortedUniqueIsSetThenSorted(_ words: [String]) {
        #expect(CardDrafter.sortedUnique(words) == Array(Set(words)).sorted())
    }

    @Test(arguments: [
        (",", ",", true), (",", ";", false), ("،", "،", true), ("،", ",", false), ("\u{064B}", "\u{064B}", true),
        (",\u{0301}", ",", false), ("و", "و", true), ("وب", "و", false), ("%", "%", true), ("٪", "%", false),
    ])
    func tokenMarkIsStringEquality(_ text: String, _ mark: String, _ same: Bool) {
        let token = Token(kind: .punct, text: Substring(text), spaceBefore: false)
        let scalar = mark.unicodeScalars.first!
        #expect(token.isMark(scalar) == same)
        #expect((token.text == mark) == same)
    }

    @Test func arabicLettersAreWordScalarsWithoutALookUp() {
        for value in UInt32(0x0621)...0x064A {
            let c = Unicode.Scalar(value)!
            #expect(Tokenizer.isWordScalar(c) == (c.properties.isAlphabetic && !Tokenizer.isDigit(c)), "U+\(value)")
        }
    }
}
