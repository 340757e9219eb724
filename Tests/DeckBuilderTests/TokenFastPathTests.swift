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
