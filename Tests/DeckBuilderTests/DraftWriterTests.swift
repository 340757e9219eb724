import Foundation
import Testing

@testable import DeckBuilder

/// Dates displayed by writing their pieces once read as the interpolated displays.
@Suite struct DateDisplayWriterTests {
    static var values: [DateValue] {
        var out: [DateValue] = []
        for g in [DateValue.Granularity.century, .decade, .year, .month, .day, .yearRange] {
            for year in [nil, 0, 7, 1945, 2099, -44] as [Int?] {
                for month in [nil, 1, 8, 12] as [Int?] {
                    for (day, end) in [(nil, nil), (1, 1946), (31, 21), (9, 11), (3, -2)] as [(Int?, Int?)] {
                        out.append(DateValue(granularity: g, year: year, month: month, day: day, endYear: end))
                    }
                }
            }
        }
        return out
    }

    @Test func displaysMatchTheInterpolatedOnes() {
        for v in Self.values {
            for includeYear in [true, false] {
                #expect(v.english(includeYear: includeYear) == v.englishByInterpolation(includeYear: includeYear))
                for levantine in [true, false] {
                    #expect(
                        v.arabic(levantine: levantine, includeYear: includeYear)
                            == v.arabicByInterpolation(levantine: levantine, includeYear: includeYear))
                }
            }
        }
    }

    @Test(arguments: [0, 1, 9, 10, 11, 12, 13, 21, 99, 100, 101, 111, 1945, -1, -7, -10, -1945, Int.max, Int.min])
    func numbersAreWrittenAsInterpolated(_ n: Int) {
        #expect(PromptText.written { $0.put(number: n) } == "\(n)")
        #expect(Ordinal.english(n) == "\(n)\(Ordinal.suffix(n))")
    }

    @Test(arguments: ["", " ", "a b  c ", "no-spaces", "الاتحاد السوفيتي أعلن", String(repeating: "x y ", count: 40)])
    func spacesAreCounted(_ s: String) {
        #expect(CardDrafter.spaces(s) == s.utf8.filter { $0 == 0x20 }.count)
    }
}

/// Small sorts in place give what the standard library's sort gives, byte for byte.
@Suite struct SmallSortTests {
    static let lists: [[String]] = [
        [], ["a"], ["b", "a"], ["war", "soviet", "union", "declared", "war", "japan", "august"],
        ["café", "cafe\u{301}", "cafe", "café", "Café", "b", "a", "cafe\u{301}"],
        ["الحرب", "السوفيتي", "أعلن", "الحرب", "إعلان", "اعلن", "a", "z", "1945", "lang:en", "src:x", "date"],
        (0..<16).map { String(($0 * 7) % 16) }, (0..<17).map { String(($0 * 5) % 17) },
        (0..<40).map { ["x", "y", "e\u{301}", "é", "z"][$0 % 5] + String($0 % 3) },
    ]

    @Test(arguments: lists)
    func sortsAsTheStandardLibrary(_ words: [String]) {
        var small = words
        CardDrafter.sortSmall(&small)
        #expect(small.map { Array($0.utf8) } == words.sorted().map { Array($0.utf8) })
        var unique = words
        CardDrafter.sortUnique(&unique)
        var expected = words.sorted()
        var kept = 0
        for i in expected.indices where kept == 0 || expected[i] != expected[kept - 1] {
            expected.swapAt(kept, i)
            kept += 1
        }
        expected.removeLast(expected.count - kept)
        #expect(unique.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
        #expect(CardDrafter.sortedUnique(words).map { Array($0.utf8) } == expected.map { Array($0.utf8) })
    }
}
