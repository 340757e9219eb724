import Testing

@testable import DeckBuilder

/// The needle search's filter on raw byte pairs passes every position where a needle may start, as
/// read plain and with A–Z taken for a–z: the searches answer as one search per needle (the
/// reference) for needles of either case, next to letters of either case, at every offset.
@Suite struct NeedlePairTests {
    static let needleLists: [[String]] = [
        DocumentAnalyzer.quickWords, DocumentAnalyzer.nameCues, CardDrafter.eventNouns,
        ["Bay", "bay", "AB", "a-b", "Zz", "«x", "[a", "@b", "`c", "z{"],
        ["two ", "ten ", "six", "May", "mAy", "عام", "ست"],
    ]

    /// Each needle with its letters in every case in turn, a neighbour of either case before and
    /// after, at offsets 0 to 17 (so that its first pair falls before, across and after a word).
    static func haystacks(_ needles: [String]) -> [String] {
        var out: [String] = []
        for needle in needles {
            let forms = [
                needle, needle.uppercased(), needle.capitalized, String(needle.dropFirst()),
                String(needle.dropLast()),
            ]
            for form in forms {
                for pad in [0, 1, 2, 7, 8, 9, 15, 16, 17] {
                    let lead = String(repeating: "q", count: pad)
                    out += [lead + form, lead + "A" + form + "z", lead + "[" + form + "@", "ب" + lead + form + "ـ"]
                }
            }
        }
        return out
    }

    @Test(arguments: needleLists)
    func pairFilteredSearchMatchesOneSearchPerNeedle(_ needles: [String]) {
        let set = NeedleSet(needles)
        for h in Self.haystacks(needles) {
            #expect(set.containsAny(h) == FastSearch.containsAny(h, needles), "\(h)")
            var copy = h
            if copy.withUTF8({ NeedleSet.onlyASCIICased($0) }) {
                let folded = copy.withUTF8 { set.containsAnyIgnoringASCIICase($0) }
                #expect(folded == FastSearch.containsAny(FastCase.lower(h), needles), "\(h)")
            }
        }
    }
}
