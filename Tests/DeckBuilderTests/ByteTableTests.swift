import Foundation
import Testing

@testable import DeckBuilder

/// The byte-keyed tables and the number formatting on bytes answer as the `String` ways they
/// stand in for.
@Suite struct ByteTableTests {
    /// Words asked of the sets: table words, near misses, other cases and scripts, and texts
    /// canonically equal to a table word in other bytes.
    static let probes: [String] = [
        "the", "The", "THE", "of", "i", "I", "a", "", "came", "camé", "ca\u{301}me", "understood", "understoodx",
        "overthrew", "withdrew", "so-called", "so-calle", "hundred", "hundreds", "red", "re", "\u{212A}ept", "kept",
        "Kept", "was", "were", "war", "day", "days", "time", "who", "which", "في", "من", "حوالي", "fought", "foughtt",
        "thoughtfulnesses", "aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", "ran\u{0}", "ran", "born", "borne", "tied", "lied",
        "\u{FB01}nally", "finally", "e\u{301}", "é", "led", "fled", "sled", "it's", "its", "déclared",
    ]

    static let sets: [(Set<String>, ASCIIWordSet)] = [
        (English.stopwords.words, English.stopwordWords),
        (Set(English.irregularPast.keys), English.irregularPastWords),
        (English.irregularParticiples.words, English.irregularParticipleWords),
        (English.notVerbs.words, English.notVerbWords),
        (FigureExtractor.countedStops.words, FigureExtractor.countedStopWords),
    ]

    @Test(arguments: probes)
    func setsAnswerAsStrings(_ word: String) {
        for (words, bytes) in Self.sets {
            #expect(bytes.contains(word) == words.contains(word), "\(word)")
            #expect(bytes.index(word).map { bytes.words[$0] } == words.first { $0 == word })
        }
    }

    @Test func everyTableWordIsFound() {
        for (words, bytes) in Self.sets {
            for w in words {
                #expect(bytes.contains(w))
                // A native (heap) copy of the word as well as a small one.
                let long = w + String(repeating: "x", count: 20)
                #expect(bytes.contains(String(long.prefix(w.count))))
            }
        }
    }

    @Test(arguments: probes)
    func irregularBases(_ word: String) {
        #expect(English.irregularBase(word) == English.irregularPast.entries[word])
    }

    @Test(arguments: [
        0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 12_345_678, -1, -12,
        -999, -1_000, -1_234_567, 1_000_000_000_000, Int64.max, Int64.min + 1,
    ])
    func groupedInteger(_ n: Int64) {
        #expect(NumberFormat.groupedInteger(n) == NumberFormat.groupedByCharacters(n))
    }

    @Test(arguments: [0.0, 2, 12, 1500, 1.5, 2.25, 1e6, 1.5e6, 600_000, -3, 19.999, 0.5])
    func groupedValues(_ v: Double) {
        let expected: String
        if v != v.rounded() {
            var s = String(format: "%.2f", v)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            expected = s
        } else {
            expected = NumberFormat.groupedByCharacters(Int64(v))
        }
        #expect(NumberFormat.grouped(v) == expected)
    }

    @Test(
        arguments: probes + [
            "declared", "ended", "need", "freed", "agreed", "ed", "eed", "ied", "café", "caféd", "بدأed", "naïved",
            "so-called", "hundred", "understood", "withdrawn", "attacked", "Attacked", "ATTACKED", "xed", "xxed",
            "abcdefghijklmnopqrsted", "abcdefghijklmnoed", "e\u{301}ed", "re\u{301}d",
        ])
    func pastOnBytes(_ word: String) {
        #expect(English.isPast(word) == English.isPastByViews(word), "\(word)")
    }

    static let clauseTexts: [String] = [
        "", " ", "  ", "a", "a b", "a  b", "a ,b", "a, b", "On August 9, 1945 the Red Army", "the Red Army .",
        "He said \"no\" then", "in 1945 ; they", "x :y", "x ! y", "abcdefg ,", "abcdefgh ,", "abcdefghi ,", "abcdefg  ",
        "abcdefgh  h", "one two three four five six seven eight nine ten eleven ?", "       .", "1234567 ?",
        "في عام 1945 ، أعلن", "في عام 1945، أعلن الاتحاد السوفيتي الحرب على اليابان .", "e\u{301} ,x",
        "\u{600} x", "a\r\nb", "abcdefghijklmno\"", "abcdefghijklmnop\"q", "a \u{301}b c",
    ]

    @Test(arguments: clauseTexts)
    func cleanLeavesAloneOnWords(_ text: String) {
        #expect(PromptText.cleanLeavesAlone(text) == PromptText.cleanLeavesAloneByBytes(text), "\(text)")
    }

    @Test(arguments: [
        "", ".", "!", "\"", "”", "a.", "a!", "a\"", "a”", "abc", "a .", "\u{600}.", "\u{600}!", "\u{600}”",
        "a\u{301}.", ".\u{301}", "!\u{301}", "”\u{301}", "x\u{200D}.", "في عام 1945.", "في عام 1945", "x\r\n",
        "ab.”", "\u{6DD}\"", "a\u{600}\"",
    ])
    func endsInStop(_ text: String) {
        for quotes in [false, true] {
            #expect(Clause.endsInStop(text, quotes: quotes) == Clause.endsInStopByCharacters(text, quotes: quotes))
        }
    }

    @Test(arguments: [
        "Zhukov", "Livadia Palace", "YALTA", "", "Café Royal", "أحمد", "الأمم المتحدة", "مؤتمر يالطا", "ﬁnal",
        "Straße", "e\u{301}cole",
    ])
    func nameNormalized(_ name: String) {
        #expect(CardDrafter.nameNormalized(name) == Normalizer.arabicFold(FastCase.lower(name)))
    }

    /// `DateExtractor.monthAt` as written before its ASCII reading (through Characters).
    static func referenceMonthAt(_ t: [Token], _ i: Int) -> (Int, Int)? {
        guard i < t.count, DateExtractor.mayBeMonth(t, i) else { return nil }
        let hasHyphen = t[i].hasHyphen
        guard t[i].isCapitalized || hasHyphen else { return nil }
        var word = Substring(t[i].text)
        if hasHyphen {
            for prefix in ["mid-", "early-", "late-", "Mid-", "Early-", "Late-"] where word.hasPrefix(prefix) {
                word = word.dropFirst(prefix.count)
            }
        }
        let whole = word.utf8.count == t[i].text.utf8.count
        let lowerWord = whole ? t[i].lower : FastCase.lower(word)
        guard let month = MonthNames.englishMonth(lowerWord), word.first?.isUppercase == true else { return nil }
        var next = i + 1
        let isAbbrev = word.count <= 4 && lowerWord != "may" && lowerWord != "june" && lowerWord != "july"
        if isAbbrev, next < t.count, t[next].isMark(".") { next += 1 }
        if word == "May" || word == "March" || isAbbrev {
            let after = next < t.count && t[next].kind == .number
            let before = i > 0 && t[i - 1].kind == .number
            let hyphen = !whole
            let lead = i > 0 && DateExtractor.abbreviationLead.contains(t[i - 1].lower)
            if !(after || before || hyphen || lead) { return nil }
        }
        return (month, next)
    }

    @Test(arguments: [
        "In May 1945 they met.", "May they meet?", "On 9 May the war ended.", "in mid-May the war ended",
        "Mid-March 1945", "late-Sept. 3", "Sept. 3, 1945", "Sep 3", "In SEPT 1945", "MAY 8", "March on", "March 1945",
        "in March", "Early-June", "june 5", "Jun. 5", "Aug 9 1945", "In Ja\u{301}n 1945", "Dec.", "in Dec.",
        "Décembre 5", "Mayo 5", "\u{212A}ay 5", "by July", "8 August 1945", "the 8th of August", "ﬁ May 5",
    ])
    func monthOnBytes(_ text: String) {
        let t = Tokenizer.tokens(text)
        for i in 0...t.count {
            let fast = DateExtractor.monthAt(t, i)
            let slow = Self.referenceMonthAt(t, i)
            #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(text) at \(i)")
        }
    }

    @Test(
        arguments: [
            [], ["a"], ["b", "a"], ["a", "a"], ["ab", "a", "abc", "a", "b"],
            ["war", "soviet", "japan", "war", "declared"],
            ["abcdefgh", "abcdefg", "abcdefghi", "abcdefgh"], ["counteroffensives", "counteroffensive", "counter"],
            ["internationalization", "internationalizations", "international"], ["averyveryverylongwordindeed", "a"],
            ["Zeta", "alpha", "Alpha", "zeta", "_", "0", "9", "~"], ["a\u{0}", "a", "a\u{0}\u{0}", "a\u{0}b"],
            ["café", "cafe", "cafe\u{301}"], ["السوفيتي", "اليابان", "war"], ["e\u{301}", "é", "f"],
        ] as [[String]])
    func sortedUnique(_ words: [String]) {
        #expect(CardDrafter.sortedUnique(words) == Array(Set(words)).sorted())
    }
}
