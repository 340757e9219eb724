import Testing

@testable import DeckBuilder

/// The front end's paths on shared buffers and tables (repeat keys in one buffer, short lower
/// cases from a table, the sentence gates on the line's bytes, scalars counted a word at a time)
/// answer as the string code they replaced.
@Suite struct FrontEndBufferTests {
    /// Documents of varied lines: repeats in other cases and punctuation, Arabic keys equal only
    /// as canonically equivalent strings, breadcrumbs, site suffixes, lines inside others, blanks.
    static let documents: [[String]] = {
        let arabic = "لحرب انتهت في عام ألف وتسعمئة وخمسة وأربعين بعد معارك طويلة."
        let base = FrontEndFastPathTests.texts + TokenFastPathTests.texts
        return [
            [
                "\u{0622}" + arabic, "\u{0627}\u{0653}" + arabic, "A line that is long enough to count as prose here.",
                "a line, that is long enough to count as prose here.",
                "Another line, not repeated at all in this text.",
            ],
            base,
            base + base.reversed(),
            base.map { $0.uppercased() } + base,
            [
                "Home > News > The Soviet Union declared war", "The Soviet Union declared war",
                "The Soviet Union declared war on Japan - Site News", "The Soviet Union declared war on Japan | Site",
                "The Soviet Union declared war on Japan – A longer tail. With a dot", "", "   ", "\t",
                "الرئيسية › أخبار › الحرب انتهت", "الحرب انتهت في عام ١٩٤٥ - موقع الأخبار", "الحرب انتهت في عام ١٩٤٥",
                "Published 2021-09-04 10:30", "Read more", "We use cookies to improve the site.",
                "Kelvin \u{212A} line long enough here", "Kelvin K line long enough here",
                "kelvin k line long enough here",
                "Straße line that is long enough", "Strasse line that is long enough", "é line that is long enough",
                "e\u{301} line that is long enough",
            ],
            // More than 2000 long keys: the containment pass is left out, the counting kept.
            (0..<2100).map { "Line number \($0 % 700) of a long document, long enough." },
        ]
    }()

    @Test(arguments: documents)
    func classifyMatchesTheStringKeys(_ lines: [String]) {
        #expect(LineCleaner.classify(lines) == LineCleaner.classifyByStrings(lines))
    }

    @Test(arguments: FrontEndFastPathTests.texts + TokenFastPathTests.texts)
    func repeatKeyEndCutsWhereTheKeyEnds(_ line: String) {
        var copy = line
        let end = copy.withUTF8 { LineCleaner.repeatKeyEnd(line, bytes: $0) }
        let u = line.utf8
        #expect(LineCleaner.repeatKey(line) == LineCleaner.fastKey(line[..<u.index(u.startIndex, offsetBy: end)]))
    }

    /// Every ASCII token of one or two bytes takes the lower case its bytes give.
    @Test func shortLowerCasesAreTheBytesLowered() {
        let bytes = (0..<128).map { UInt8($0) }
        for x in bytes {
            let one = String(decoding: [x], as: UTF8.self)
            #expect(Tokenizer.shortLowers[Int(x)] == FastCase.lower(one))
            for y in bytes {
                let two = String(decoding: [x, y], as: UTF8.self)
                if let at = Tokenizer.shortLowerIndex(x, y) {
                    #expect(Tokenizer.shortLowers[at] == two.lowercased())
                    #expect(Tokenizer.shortLowers[at].utf8.elementsEqual(FastCase.lower(two).utf8))
                }
            }
        }
        for text in ["a I x 1 9 ; , of IN To 12 9s 1S Ok I'm a-b A-1 B-29 u.s.", "xy XY Xy 42 4t ab-"] {
            for tok in Tokenizer.tokens(text) {
                #expect(tok.lower == FastCase.lower(tok.text) && tok.lower == tok.text.lowercased())
            }
        }
    }

    @Test(arguments: FrontEndFastPathTests.texts + TokenFastPathTests.texts)
    func gatesOnTheLineMatchTheSentenceStrings(_ line: String) {
        for range in SentenceSplitter.ranges(in: line) + [line.startIndex..<line.endIndex] {
            let s = String(line[range])
            let expected = DocumentAnalyzer.mayHoldFacts(s) || DocumentAnalyzer.mayHoldNames(s)
            #expect(DocumentAnalyzer.mayHoldFactsOrNames(line, range) == expected, "\(s)")
            #expect(DocumentAnalyzer.mayHoldFacts(s) == DocumentAnalyzer.mayHoldFactsSlowly(s), "\(s)")
        }
    }

    @Test(arguments: FrontEndFastPathTests.texts + TokenFastPathTests.scalarTexts)
    func scalarCountIsTheScalars(_ text: String) {
        #expect(CharacterMeasure.scalarCount(text.utf8) == text.unicodeScalars.count)
        for k in 0..<min(text.utf8.count, 20) {
            let tail = text.utf8.dropFirst(k)
            #expect(CharacterMeasure.scalarCount(tail) == tail.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
        }
    }
}

/// The second round of byte paths: blank lines told at an Arabic letter, strong separators past
/// stretches without their bytes, abbreviations on packed bytes, letter kinds from a table.
@Suite struct FrontEndSkipTests {
    static let lines =
        FrontEndFastPathTests.texts + TokenFastPathTests.scalarTexts + [
            " \u{064B}", "\u{064B}", " \u{0621}", "\u{00A0}\u{2003}", "\u{00A0}ب", "\t\u{0600}ا", " \u{0640}",
            "\u{200B}",
            " \u{0301} ", "\u{3000}\u{3000}", "ابت", "\u{06F0}", "\u{0660} ", "\r\n", "", "   ",
        ]

    @Test(arguments: lines)
    func blankLinesAreTheCharactersWhiteSpace(_ line: String) {
        #expect(LineCleaner.isBlank(line) == LineCleaner.isBlankSlowly(line))
        #expect(LineCleaner.isBlank(line) == line.allSatisfy(\.isWhitespace))
    }

    /// Separators at every offset of long lines, with and without Arabic (whose غ holds the byte BA).
    @Test(arguments: [" > ", " » ", " › ", " >> ", " ›› ", " » › > "])
    func strongSeparatorsAtEveryOffsetAreCounted(_ sep: String) {
        for filler in ["word", "غرب", "x", "الحرب انتهت", "»x", ">", "ﺑ"] {
            for pad in 0..<20 {
                let head = String(repeating: "a", count: pad) + " " + filler
                for line in [
                    head + sep + filler + sep + filler, head + sep + String(repeating: filler, count: 5),
                    String(repeating: head, count: 3) + sep,
                ] {
                    let slow = LineCleaner.strongBreadcrumbSeparators.reduce(0) { $0 + FastSearch.count(line, $1) }
                    #expect(LineCleaner.strongSeparatorCount(line) == slow, "\(line)")
                }
            }
        }
    }

    @Test func abbreviationsOnPackedBytesMatchTheSet() {
        var words = Array(SentenceSplitter.abbreviations.words)
        words += words.map { $0.uppercased() } + words.map { $0.capitalized } + words.map { $0 + "x" }
        words += words.map { String($0.dropFirst()) } + ["", "a", "u.s", "e.g.", "abcdefghi", "approxx", "Messrs"]
        for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
            let expected = SentenceSplitter.abbreviations.contains(
                String(decoding: word.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self))
            let bytes = Array(word.utf8)
            #expect(bytes.withUnsafeBufferPointer { SentenceSplitter.isASCIIAbbreviation($0) } == expected, "\(word)")
        }
    }

    @Test func twoByteLetterKindsMatchTheTests() {
        for v in UInt32(0x80)..<0x800 {
            guard let s = Unicode.Scalar(v) else { continue }
            let text = "a" + String(s) + "b"
            var copy = text
            let counts = copy.withUTF8 { Script.letterCounts(utf8: $0) }
            let arabic = Script.isArabicLetter(v) ? 1 : 0
            let latin = 2 + (arabic == 0 && Script.isLatinLetter(v) ? 1 : 0)
            let other = arabic == 0 && latin == 2 && s.properties.isAlphabetic ? 1 : 0
            #expect(counts.arabic == arabic && counts.latin == latin && counts.other == other, "\(v)")
        }
    }
}

/// Lines with Arabic marks after letters are measured as scalars less marks; marks anywhere else
/// send the line to the Character walk. Either way the counts are the Characters'.
@Suite struct MarkMeasureTests {
    static let lines: [String] = {
        let marked = "قالَ الرئيسُ إنَّ الحربَ انتهتْ عامَ ١٩٤٥. ثمَّ بدأتِ المفاوضاتُ؟ نعمْ"
        return [
            marked, "بدأت الحرب\u{0651}\u{064E} في عام", "ـ\u{0651} تطويل", "\u{0651}بداية", " \u{0651} بعد فراغ",
            "١\u{0651} بعد رقم", "؟\u{0651} بعد علامة", "a\u{0651} after Latin", "ب\u{0670}ب ا\u{065F}ا",
            "جملة. \u{064B}بعد نقطة", "جملة؟\u{064B}", marked + " and English. Then more.", "كلمة\u{0651}\r",
            "رسول\u{0651}\u{0301}", "\u{00E9}\u{0651}", marked + " \u{2019}quoted\u{2019} — done.",
        ]
    }()

    /// The measure of `line` counts it, its sentences and their starts as Characters.
    static func expectCharacterCounts(_ line: String) {
        let measure = CharacterMeasure(of: line)
        #expect(measure.count(of: line) == line.count, "\(line)")
        for range in SentenceSplitter.ranges(in: line) {
            #expect(
                measure.offset(of: range.lowerBound, in: line)
                    == line.distance(from: line.startIndex, to: range.lowerBound))
            #expect(measure.count(of: line[range]) == line[range].count)
            #expect(measure.count(of: String(line[range])) == String(line[range]).count)
        }
    }

    @Test(arguments: lines)
    func marksAfterLettersCountAsTheirLetter(_ line: String) {
        Self.expectCharacterCounts(line)
    }

    @Test func marksDecideTheMeasure() {
        #expect(CharacterMeasure(of: "بدأت الحرب\u{0651}") == .marks)
        #expect(CharacterMeasure(of: "ـ\u{0651}") == .marks)
        #expect(CharacterMeasure(of: " \u{0651}") == .characters)
        #expect(CharacterMeasure(of: "\u{0651}ب") == .characters)
        #expect(CharacterMeasure(of: "١\u{0651}") == .characters)
        #expect(CharacterMeasure(of: "ب\u{0651}\u{064E}") == .marks)
        #expect(CharacterMeasure(of: "بب") == .scalars)
    }
}

/// The repeat key's skeleton hash read from its table is the one its switch gives.
@Suite struct SkeletonHashTableTests {
    @Test(arguments: FrontEndFastPathTests.texts + TokenFastPathTests.scalarTexts)
    func skeletonHashMatchesTheSwitch(_ text: String) {
        let all = (0x600..<0x700).compactMap(Unicode.Scalar.init).map { String($0) }.joined(separator: "١")
        for t in [text, text + all, all + text, LineCleaner.repeatKey(text) + "١٢٣٤٥٦٧٨"] {
            var copy = t
            copy.withUTF8 { b in #expect(RepeatKey.skeletonHash(b) == RepeatKey.skeletonHashBySwitch(b), "\(t)") }
        }
    }
}

/// The fact screen's eight-byte digit test over text of other scripts finds an ASCII digit
/// wherever it falls next to Arabic letters and digits, as the scalar reference does.
@Suite struct FactScreenWordTests {
    @Test(arguments: ["", "5", "x", "٥", "۵", "ب", "بت", "مارس", "عام", "\u{00B9}", "\u{0660}", "\u{06F9}", "é"])
    func digitsNextToOtherScriptsAreFound(_ middle: String) {
        for filler in ["قال الرئيس إن الحرب انتهت", "Déjà vu", "戦争", "abc", "\u{1F600}"] {
            for pad in 0..<17 {
                let text = String(repeating: "ب", count: pad / 2) + String(repeating: "a", count: pad % 2) + filler
                for line in [text + middle + filler, middle + text, text + middle, text + "9" + middle + filler] {
                    #expect(DocumentAnalyzer.mayHoldFacts(line) == DocumentAnalyzer.mayHoldFactsSlowly(line), "\(line)")
                }
            }
        }
    }
}
