import Foundation
import Testing

@testable import DeckBuilder

/// Role and head look-ups on bytes answer as the word sets.
@Suite struct RoleLookupTests {
    static let words = [
        "marshal", "Marshal", "general", "generalissimo", "palace", "islands", "treaty", "pact", "troop", "tank",
        "day", "days", "decade", "month", "", "a", "x-ray", "ton", "tonne", "elite", "front", "fortification",
        "جندي", "يوم", "caf\u{e9}", "\u{212A}ing", "expert", "experts", "man", "men",
    ]

    @Test(arguments: words)
    func headsMatchTheWordSets(_ w: String) {
        #expect(CardDrafter.significantHeadWords.contains(w) == CardDrafter.significantHeads.contains(w))
        #expect(CardDrafter.timeHeadWords.contains(w) == CardDrafter.timeHeads.contains(w))
    }

    @Test func namesMatchTheWordSetReading() {
        let texts = [
            "Marshal Zhukov and General Vasilevsky met Emperor Hirohito at the Livadia Palace.",
            "Marshal Of The Kwantung Army, Admiral Yamamoto Island Offensive, President May Treaty.",
            "The Yalta Conference and the Potsdam Declaration; Prince Konoe Fumimaro Tokyo Bay.",
            "General Marshal Premier Stalin Kuril Islands Strait Khalkhin Gol River Sakhalin Island",
        ]
        for s in texts {
            let t = Tokenizer.tokens(s)
            let names = NameExtractor.names(in: t, language: "en", taken: [])
            // What the loop read through `isNameWord` and the head sets, rebuilt here.
            var expected: [String] = []
            var k = 0
            while k < t.count {
                defer { k += 1 }
                guard t[k].isCapitalized else { continue }
                let w = t[k].lower
                if NameExtractor.titles.contains(w), k + 1 < t.count, NameExtractor.isNameWord(t[k + 1]) {
                    var e = k + 1
                    while e < t.count, e - k <= 3, NameExtractor.isNameWord(t[e]),
                        !NameExtractor.placeHeads.contains(t[e].lower), !NameExtractor.eventHeads.contains(t[e].lower)
                    { e += 1 }
                    expected.append(FigureExtractor.phrase(t, (k + 1)..<e))
                    k = e - 1
                    continue
                }
                let place = NameExtractor.placeHeads.contains(w)
                if place || NameExtractor.eventHeads.contains(w), k > 0 {
                    var s = k
                    while s > 0, NameExtractor.isNameWord(t[s - 1]), k - s < 3 { s -= 1 }
                    guard s < k else { continue }
                    expected.append(FigureExtractor.phrase(t, s..<(place ? k + 1 : k)))
                }
            }
            #expect(names.map(\.value) == expected, "\(s)")
        }
    }
}

/// The quote-or-list test on a token's lower case answers as on its text.
@Suite struct LowerCaseMarkTests {
    @Test(arguments: [
        "He said: “Yes” (then) \"no\" ; : ( “ ” ‘ ’ « » — A B.", "الاتحاد: «نعم» (ثم) “لا”", "\u{212A}elvin “K” :K (K",
    ])
    func opensQuoteOrListMatchesTheText(_ s: String) {
        for tok in Tokenizer.tokens(s) {
            #expect(SentenceQuality.opensQuoteOrList(lower: tok.lower) == SentenceQuality.opensQuoteOrList(tok.text))
        }
    }
}
