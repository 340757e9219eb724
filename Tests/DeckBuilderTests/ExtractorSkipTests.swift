import Foundation
import Testing

@testable import DeckBuilder

/// The extractors' cheap skip tests pass every token the full tests could accept, and the taken
/// mask answers as the set does.
@Suite struct ExtractorSkipTests {
    static let texts = [
        "On August 9th, 1945, THE Soviet Union declared war; Marshal Vasilevsky led the Manchurian Offensive.",
        "In mid-May and early-June of 1939, twenty-four divisions (about 1,500 tanks) crossed the Khalkhin Gol River.",
        "MAY MARCH May March Sept. Sep Dec. JUNE June june Mayday Marches Augustus Octobers Jan. Feb. Nov. Apr.",
        "Eighteen hundred men, two thousand ships, a dozen planes, ninety-nine tons, fifty-fifty, one-off.",
        "the nineteenth century, the twenty-first century, 10th centuries, 1930s, 1945s, ’s “Yalta Conference”",
        "Émile Ángel Øresund Ωmega Ｍay \u{212A}ing İstanbul Ma\u{301}y — – - … ‘Apr’ 5° 7º 19% per cent",
        "الاتحاد السوفيتي أعلن الحرب في ٩ آب ١٩٤٥ وفي 8 أغسطس 1945 وفي شهر مارس من عام 1950",
        "في 4 كانون الثاني 1972 وكانون الأول وتشرين الثاني ومـارس وبمارس ولآب عملية عاصفة الصحراء وعملية",
        "أكثر من ثلاثة آلاف جندي وخمسة ملايين نسمة و٪٥ ١٢٫٥ مؤتمر يالطا واتفاقية بوتسدام",
        "", "-", "A", "a-b", "x", "D", "Nd", "Sеptember", "Dece\u{301}mber",
        "Mid-May late-June Late-Sept. mid-early-Oct",
        "Sixty-five thousand, the Twentieth Century, eleventh centuries, Tenth century, thirty-first, ten-fold",
    ]

    static var allTokens: [[Token]] {
        var out = texts.map { Tokenizer.tokens($0) }
        if let dir = Fixtures.sharedSources,
            let names = try? FileManager.default.contentsOfDirectory(atPath: dir)
        {
            for name in names.sorted() {
                guard let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) else { continue }
                for line in text.split(separator: "\n") { out.append(Tokenizer.tokens(String(line))) }
            }
        }
        return out
    }

    /// `monthAt`'s table test as it read every word before the skip (prefixes stripped).
    static func slowMonthWord(_ tok: Token) -> Bool {
        guard tok.kind == .word, tok.isCapitalized || tok.hasHyphen else { return false }
        var word = tok.text
        for prefix in ["mid-", "early-", "late-", "Mid-", "Early-", "Late-"] where word.hasPrefix(prefix) {
            word = word.dropFirst(prefix.count)
        }
        return MonthNames.englishMonth(word.lowercased()) != nil && word.first?.isUppercase == true
    }

    /// What `FigureExtractor.englishAt` reads of a word before giving up.
    static func slowNumberWord(_ tok: Token) -> Bool {
        guard tok.kind == .word else { return false }
        if FigureExtractor.numberWords[tok.lower] != nil { return true }
        let parts = tok.lower.split(separator: "-").map(String.init)
        return tok.lower.contains("-") && parts.count == 2 && FigureExtractor.numberWords[parts[0]] != nil
    }

    @Test func skippedTokensCannotStartAFact() {
        for t in Self.allTokens {
            for i in t.indices where !DateExtractor.mayStartEnglish(t, i) {
                #expect(t[i].kind != .number && !Self.slowMonthWord(t[i]), "\(t[i].text)")
                let century = i + 1 < t.count && ["century", "centuries"].contains(t[i + 1].lower)
                #expect(!century || DateExtractor.ordinalValue(t[i]) == nil, "\(t[i].text)")
            }
            for tok in t {
                if !DateExtractor.mayBeMonth([tok], 0) {
                    #expect(!Self.slowMonthWord(tok), "\(tok.text)")
                }
                if !FigureExtractor.mayStartEnglish([tok], 0) {
                    #expect(tok.kind != .number && !Self.slowNumberWord(tok), "\(tok.text)")
                }
                for word: StaticString in ["of", "century", "centuries"] {
                    #expect(tok.lowerIs(word) == (tok.lower == word.description))
                }
                let bytes = Array(tok.text.utf8)
                let viaBuffer = bytes.withUnsafeBufferPointer { MonthNames.mayStartPlainPair(buffer: $0) }
                if WordFilter.isPlain(tok.text) {
                    #expect(viaBuffer == MonthNames.mayStartPair(copying: tok.text), "\(tok.text)")
                }
                #expect(MonthNames.mayStartPair(tok.text) == MonthNames.mayStartPair(copying: tok.text))
            }
        }
    }

    @Test(arguments: [[], [0..<1], [2..<5], [-1..<0, 7..<8, 100..<101], [1..<2, 5..<7], [3..<3, 2..<6, 4..<9]])
    func takenMaskAnswersAsTheSet(_ taken: [Range<Int>]) {
        let set = Set(taken.flatMap { Array($0) })
        for count in [0, 1, 4, 8] {
            FigureExtractor.withTakenMask(taken, count: count) { mask in
                #expect(mask.count == count)
                for k in 0..<count { #expect(mask[k] == set.contains(k)) }
            }
        }
    }

    /// Names and figures with taken tokens: the taken ones are passed over as before.
    @Test func takenTokensAreSkipped() {
        let t = Tokenizer.tokens("Marshal Zhukov met General Vasilevsky at Livadia Palace with 500 tanks.")
        let all = NameExtractor.names(in: t, language: "en", taken: [])
        #expect(all.map(\.value) == ["Zhukov", "Vasilevsky", "Livadia Palace"])
        let some = NameExtractor.names(in: t, language: "en", taken: [0..<1, 7..<8])
        #expect(some.map(\.value) == ["Vasilevsky"])
        #expect(FigureExtractor.figures(in: t, language: "en", taken: []).map(\.value.counted) == ["tanks"])
        #expect(FigureExtractor.figures(in: t, language: "en", taken: [9..<10]).isEmpty)
    }
}
