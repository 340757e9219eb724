import Foundation
import Testing

@testable import DeckBuilder

/// The sentence gates' and the clause reader's byte paths answer as the string and token paths
/// they replace, on English, Arabic, marks and edge cases.
@Suite struct GateFastPathTests {
    static let texts = [
        "On August 9th, 1945, the Soviet Union declared war; Marshal Vasilevsky led the offensive.",
        "Signed the German surrender, the delegation left.", "Signed, sealed.", "Signed-off work was done.",
        "Declared war on Japan.", "  Declared the war.", "\tAttacked a town", "attacked the town.",
        "Advanced units moved.", "Led the army.", "Fought his way.", "Won their war", "Ended.", "Ended",
        "Crossed’s river", "Café owners agreed.", "Crossed\u{301} the river", "Seized‐the bridge",
        "Seized the\u{00A0}bridge", "Caused an uproar", "B-29 bombers struck.", "Don't stop.", "1945 was late.",
        "“Quoted” words.", "", " ", "A", "Z9 struck", "Struck9 the town.",
        "The text is **redacted** here.", "A block █ of text.", "Agent [redacted] met XXX at noon.",
        "XX X XXY [redacted [Redacted] * * ** end", "█", "**", "[redacted]", "XXX", "[redacted", "XX",
        "Ends in Arabic ؟", "Ends in a quote”", "ends in e\u{301}", "𝔸 ends in a wide scalar 𝔸",
        "الاتحاد السوفيتي أعلن الحرب في ٩ آب ١٩٤٥، وفي 8 أغسطس 1945؛ وفي شهر مارس من عام 1950.",
        "أكثر من ثلاثة آلاف جندي ; وخمسة ملايين نسمة ، و٪٥ ١٢٫٥ مؤتمر يالطا: واتفاقية بوتسدام",
        "Italy, July, only, fly, Emily, ly, Ly, LY, holy; shyly: early... “Quoted”, (list) \"x\" a,b c ,d",
    ]

    @Test(arguments: texts)
    func redactionAndLastScalarMatchTheStrings(_ s: String) {
        #expect(SentenceQuality.hasRedaction(s) == FastSearch.containsAny(s, SentenceQuality.redactionMarks), "\(s)")
        #expect(SentenceQuality.redactionAndLast(s).last == s.unicodeScalars.last, "\(s)")
    }

    @Test(arguments: texts)
    func startsWithoutSubjectMatchesTheTokens(_ s: String) {
        #expect(SentenceQuality.startsWithoutSubject(s) == SentenceQuality.startsWithoutSubjectByTokens(s), "\(s)")
        for n in [1, 2, 5, 12, 40] {
            let prefix = String(s.prefix(n))
            #expect(
                SentenceQuality.startsWithoutSubject(prefix) == SentenceQuality.startsWithoutSubjectByTokens(prefix),
                "\(prefix)")
        }
    }

    @Test(arguments: texts)
    func markBytesOfLowerCaseMatchTheTexts(_ s: String) {
        for tok in Tokenizer.tokens(s) {
            let byText = SentenceQuality.markByte(tok.text)
            let byLower = SentenceQuality.markByte(lower: tok.lower)
            // The marks compared: on every token they answer alike.
            for mark: UInt8 in [0x2C, 0x2E, 0x22, 0x3A, 0x3B, 0x28] {
                #expect((byText == mark) == (byLower == mark), "\(tok.text)")
            }
            if tok.kind == .punct { #expect(byText == byLower, "\(tok.text)") }
            #expect(
                (tok.kind == .punct && Clause.isArabicClauseMark(tok.lower)) == (tok.isMark("،") || tok.isMark("؛")),
                "\(tok.text)")
            #expect(SentenceQuality.endsInLY(tok.lower) == tok.lower.utf8.reversed().starts(with: [0x79, 0x6C]))
        }
    }

    /// Every scalar that is not alphabetic (what a mark is) is its own lower case, byte for byte:
    /// the ground of `markByte(lower:)`.
    @Test func marksAreTheirOwnLowerCase() {
        for v in 0..<0x3000 {
            guard let c = Unicode.Scalar(v), !c.properties.isAlphabetic else { continue }
            let s = String(c)
            #expect(Array(s.lowercased().utf8) == Array(s.utf8), "\(v)")
        }
    }
}

/// Questions written once from their pieces read as the interpolated and joined ones.
@Suite struct QuestionWriterTests {
    static let clauses = [
        "On August 9, 1945, the Soviet Union declared war on Japan",
        "After the conference, Stalin was persuaded to join the war against Japan",
        "The Red Army crossed the border into Manchuria",
        "Marshal Vasilevsky led the Manchurian offensive , which lasted two weeks",
        "In 1939 the Kwantung Army attacked Mongolian forces at Khalkhin Gol",
        "Soviet troops were deployed in the Far East",
        "During the night, the Japanese garrison surrendered",
        "Meanwhile, Café owners in Harbin closed their shops",
        "الاتحاد السوفيتي أعلن الحرب",
        "The “Yalta” agreement said that the Soviets would enter the war",
        "Japan surrendered",
    ]

    @Test(arguments: clauses)
    func composedAsInterpolated(_ s: String) {
        let t = Tokenizer.tokens(s)
        for allowEmpty in [false, true] {
            guard let p = EnglishQuestions.parse(t, allowEmptyRest: allowEmpty) else { continue }
            for wh in ["When", "In what year", ""] {
                #expect(EnglishQuestions.compose(wh: wh, p) == EnglishQuestions.composeByInterpolation(wh: wh, p))
            }
            var noLead = p
            noLead.lead = []
            #expect(
                EnglishQuestions.compose(wh: "When", noLead)
                    == EnglishQuestions.composeByInterpolation(wh: "When", noLead))
            #expect(EnglishQuestions.event(p) == EnglishQuestions.eventByJoining(p))
            var noRest = p
            noRest.rest = []
            #expect(EnglishQuestions.event(noRest) == EnglishQuestions.eventByJoining(noRest))
            #expect(
                EnglishQuestions.compose(wh: "When", noRest)
                    == EnglishQuestions.composeByInterpolation(wh: "When", noRest))
        }
    }

    @Test(arguments: clauses)
    func writtenPiecesAreTheJoinedTexts(_ s: String) {
        let t = Tokenizer.tokens(s)
        for r in [0..<0, 0..<1, 0..<t.count, 1..<max(1, t.count - 1)] where r.upperBound <= t.count {
            #expect(PromptText.written { $0.put(t, r) } == FigureExtractor.phrase(t, r))
            #expect(
                PromptText.written {
                    $0.put(s); $0.put(" ?")
                } == s + " ?")
        }
    }
}
