import Testing

@testable import DeckBuilder

/// The byte tests of tokens, the needle search and the one-pass sentence gates answer as the string
/// code they stand in for.
@Suite struct TokenFastPathTests {
    static let texts =
        FrontEndFastPathTests.texts + [
            "The war ended, and the troops, exhausted, returned home: a long march; “It’s over,” he said.",
            "When Khrushchev visited China, announced that he would come. It was probably late, etc.",
            "A colon: then more words follow here. “Quoted” text, ،وقال؛ الجيش: نعم",
            "I went home . then left. May came, Italy fell, Suddenly it rained, The end \"one\" \"two",
            "Cookies, COOKIE consent to the Privacy Policy and GDPR; كوكيز سياسة الخصوصية **redacted** XXX █",
            "ETC, Etc. the THE The tHe a A an An his its their \u{212A} ; \u{037E} ` \u{0000}",
        ]

    static let marks: [Unicode.Scalar] = [
        ",", ".", "\"", "“", "”", ":", ";", "(", "-", "–", "—", "،", "؛", "٪", "°", "\u{037E}", "\u{1F600}", "و",
    ]

    /// Texts for the byte reader of non-ASCII text: Arabic with its digits, separators, marks and
    /// tatweel, wide and odd spaces, combining marks, other scripts, scalars of four bytes.
    static let scalarTexts =
        texts + FastPathTests.asciiTexts + [
            "بَدَأَتْ الحربُ عام ١٩٤٥، وانتهت في ۱۹۴۶ بعد ١٬٥٠٠ يوم و٣٫٥ شهر. كانونـ ـب القرن-الـ",
            "\u{0600}١٢ ﻻ ﷲ Ab ب\u{0345}x Ǆemal ǅ ᾈ \u{0670}ا \u{064B}x ٩th ٩ th 5th 5thب 5sé 12st 3rdΩ 4nd\u{301}",
            "Japan’s “Army” — ON… mid-May B-29 B-٢٩ AB-12c É-12 x-١ Ab-1 ’s 'q' ــ -ب ’ب",
            "a\u{2003}b\u{2009}c\u{200B}d\u{202F}e\u{205F}f\u{3000}g\u{1680}h\u{0085}i\u{00A0}j\u{2028}k\u{2029}l",
            "戦争は終わった。 \u{1F600}x \u{1D400}\u{1D401} 𝟘𝟙 \u{10FFFF} 한국어 हिन्दी१२ ๑๒ \u{FF21}\u{FF41}",
            "e\u{301}\u{302} \u{301}x \u{20DD}\u{0300}a 1\u{0300} x\u{200D}y \u{FE0F} ٠٫ ١٬ 1,٢ ٣.4 ۵٫۶ 7٬8",
            "\r\n\n\u{0B}\u{0C}x\u{0}y\u{7F}z \u{80}\u{9F}\u{AD}\u{B5}\u{BA}\u{DF}\u{FF}\u{7FF}\u{800}\u{FFFF}",
        ]

    @Test(arguments: scalarTexts)
    func byteReaderMatchesScalarReader(_ text: String) {
        let bytes = Fixtures.tokens(of: text, by: Tokenizer.byteTokens)
        let scalars = Fixtures.tokens(of: text, by: Tokenizer.scalarTokens)
        #expect(bytes.count == scalars.count)
        for (a, b) in zip(bytes, scalars) {
            #expect(a.kind == b.kind && a.text == b.text && a.spaceBefore == b.spaceBefore, "\(a.text)")
            #expect(a.lower == b.lower && a.isCapitalized == b.isCapitalized && a.hasHyphen == b.hasHyphen)
            #expect(a.range == b.range)
            #expect(a.text.utf8.elementsEqual(b.text.utf8) && a.text.count == b.text.count)
        }
        // And stops when asked, as the scalar reader does.
        var seen = 0
        Tokenizer.byteTokens(text) { _ in
            seen += 1; return seen < 2
        }
        #expect(seen == min(2, scalars.count))
    }

    /// Every scalar's kind read from the table is the kind its properties give.
    @Test func scalarKindTableMatchesProperties() {
        let wrong = Tokenizer.ScalarKind.table.withUnsafeBufferPointer { table in
            (UInt32(0)..<0x3_0000).filter { Tokenizer.scalarKind($0, table) != Tokenizer.ScalarKind.of($0) }
        }
        #expect(wrong.isEmpty)
    }

    @Test(arguments: texts)
    func markAndLowerTestsMatchStrings(_ text: String) {
        for tok in Tokenizer.tokens(text) {
            for mark in Self.marks {
                #expect(tok.isMark(mark) == tok.text.unicodeScalars.elementsEqual([mark]))
            }
            #expect(tok.lowerIs("etc") == (tok.lower == "etc"))
            #expect(tok.lowerIs("the") == (tok.lower == "the"))
            #expect(tok.lowerIs("a") == (tok.lower == "a"))
        }
    }

    @Test(arguments: texts)
    func tokenLowerCaseIsTheTextLowerCased(_ text: String) {
        for tok in Tokenizer.tokens(text) {
            #expect(tok.lower == FastCase.lower(tok.text))
            #expect(tok.lower == tok.text.lowercased() || !tok.text.isASCIIText)
        }
    }

    static let needleLists: [[String]] = [
        DocumentAnalyzer.nameCues, DocumentAnalyzer.quickWords, SentenceQuality.redactionMarks,
        LineCleaner.siteSeparators,
        ["ookie", "OOKIE", "onsent to", "rivacy policy", "GDPR", "كوكيز", "سياسة الخصوصية"],
        ["ab", "ba", "aa", "zz", "k\u{301}"],
    ]

    @Test(arguments: needleLists)
    func needleSearchMatchesOneSearchPerNeedle(_ needles: [String]) {
        let set = NeedleSet(needles)
        let haystacks =
            Self.texts + needles + needles.map { "x" + $0 } + needles.map { $0 + "y" }
            + needles.map { String($0.dropLast()) } + needles.map { String($0.dropFirst()) }
            + needles.map { $0.uppercased() + " " + $0.capitalized }
        for h in haystacks {
            #expect(set.containsAny(h) == FastSearch.containsAny(h, needles), "\(h)")
            var copy = h
            if copy.withUTF8({ NeedleSet.onlyASCIICased($0) }) {
                let folded = copy.withUTF8 { set.containsAnyIgnoringASCIICase($0) }
                #expect(folded == set.containsAny(FastCase.lower(h)), "\(h)")
            }
        }
    }

    @Test(arguments: texts)
    func sentenceGatesMatchTheirReference(_ text: String) {
        for range in SentenceSplitter.ranges(in: text) + [text.startIndex..<text.endIndex] {
            let s = String(text[range])
            let t = Tokenizer.tokens(s)
            for language in ["en", "ar"] {
                #expect(SentenceQuality.problem(s, tokens: t, language: language) == Self.problem(s, t, language))
                #expect(SentenceQuality.penalty(t, language: language) == Self.penalty(t, language))
            }
            #expect(SentenceQuality.commaSplice(t) == Self.commaSplice(t))
        }
    }

    // The gates as first written, one pass each, for the test above.

    static func problem(_ s: String, _ t: [Token], _ language: String) -> NoiseReason? {
        if FastSearch.containsAny(s, SentenceQuality.redactionMarks) { return .redaction }
        for i in t.indices where t[i].kind == .number && FigureExtractor.isGarbled(t, i) { return .garbledFigure }
        guard let last = s.unicodeScalars.last else { return .garbledText }
        if last == "?" || last.value == 0x061F { return .question }
        if language == "ar" { return t.count < 5 ? .garbledText : nil }
        if t.count < 6 { return .garbledText }
        guard let first = t.first,
            first.isCapitalized || first.kind == .number || first.text == "\"" || first.text == "“"
        else { return .garbledText }
        if !(last == "." || last == "!" || last == "\"" || last == "”") { return .garbledText }
        for k in 1..<t.count {
            let kind = t[k].kind
            if kind == .punct, t[k].spaceBefore, t[k].text == ".", k + 1 < t.count { return .garbledText }
            if kind == .word, t[k].isCapitalized, !["\"", "“", ":", "("].contains(String(t[k - 1].text)) {
                if English.stopwords.contains(t[k].lower) && !(t[k].text == "I" || t[k].text == "May") {
                    return .garbledText
                }
                if t[k].lower.hasSuffix("ly") && !SentenceQuality.properLy.contains(t[k].lower) { return .garbledText }
            }
            if kind == .word, !t[k].spaceBefore, t[k - 1].text == "," { return .garbledText }
            if kind == .punct, t[k].text == ".", k + 1 < t.count, t[k + 1].kind == .word, !t[k + 1].isCapitalized {
                return .garbledText
            }
        }
        if t.filter({ $0.text == "\"" }).count % 2 == 1 { return .garbledText }
        if t.contains(where: { $0.lower == "etc" }) { return .garbledText }
        if t.count >= 2, t[0].kind == .word, t[0].isCapitalized, English.isPast(t[0].lower),
            !English.notVerbs.contains(t[0].lower), ["the", "a", "an", "his", "its", "their"].contains(t[1].lower)
        {
            return .garbledText
        }
        return nil
    }

    static func penalty(_ t: [Token], _ language: String) -> Double {
        guard language == "en", let first = t.first else { return 0 }
        var p = 0.0
        if English.pronouns.contains(first.lower) { p += 2 }
        if t.contains(where: { !$0.isCapitalized && SentenceQuality.hedges.contains($0.lower) }) { p += 1.5 }
        if t.count > 40 { p += 1 }
        if let k = t.firstIndex(where: { $0.text == ":" }), k + 3 < t.count { p += 3 }
        return p
    }

    static func commaSplice(_ t: [Token]) -> Int? {
        var sawVerb = false
        for k in t.indices {
            let tok = t[k]
            if tok.kind == .word, !tok.isCapitalized, English.isPast(tok.lower), k > 0 { sawVerb = true }
            if sawVerb, tok.text == ",", k + 1 < t.count, t[k + 1].kind == .word, !t[k + 1].isCapitalized,
                English.isPast(t[k + 1].lower),
                !English.irregularParticiples.contains(t[k + 1].lower) || English.irregularPast[t[k + 1].lower] != nil
            {
                return k
            }
        }
        return nil
    }
}

/// A token's strings come first and its flags after them, so that no padding falls between: an
/// array of tokens is read and freed a token at a time, and a fifth less room is a fifth fewer
/// cache lines.
@Suite struct TokenLayoutTests {
    @Test func aTokenTakesFiftySixBytesInAnArray() {
        #expect(MemoryLayout<Token>.stride == 56)
    }
}
