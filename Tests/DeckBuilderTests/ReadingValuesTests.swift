import Testing

@testable import DeckBuilder

/// The pool's copy of a group's reading values answers as `FactGroup.sameValue` on the readings.
@Suite struct ReadingValuesTests {
    static func date(_ y: Int, _ m: Int? = nil, _ d: Int? = nil) -> (FactCandidate.Value, String) {
        let g: DateValue.Granularity = d != nil ? .day : m != nil ? .month : .year
        let v = DateValue(granularity: g, year: y, month: m, day: d)
        return (.date(v), v.normalized)
    }

    static func figure(_ x: Double, _ normalized: String, percent: Bool = false) -> (FactCandidate.Value, String) {
        let n = NumberValue(
            value: x, surface: normalized, isPercent: percent, counted: "troops", head: "troop", qualifier: "",
            spelled: false)
        return (.figure(n), normalized)
    }

    static func name(_ s: String) -> (FactCandidate.Value, String) {
        (.name(NameValue(value: s, kind: "person", head: "marshal")), s.lowercased())
    }

    static let values: [(FactCandidate.Value, String)] = [
        date(1945), date(1945, 8), date(1945, 8, 6), date(1945, 8, 9), date(1945, 9), date(1904), date(19450),
        figure(600_000, "600000"), figure(600_000, "600,000"), figure(700_000, "700000"),
        figure(19, "19%", percent: true), figure(19, "19.0"),
        figure(19, "19"), figure(1945, "1945"), name("Zhukov"), name("Stalin"), name("1945"),
        (.name(NameValue(value: "x", kind: "place", head: "")), "1945-08"),
    ]

    @Test func entriesCompareAsTheReadings() {
        for (a, an) in Self.values {
            for (b, bn) in Self.values {
                let entry = ReadingValues.Entry(a, normalized: an)
                #expect(
                    entry.sameValue(.init(b, normalized: bn)) == FactGroup.sameValue(a, an, b, bn),
                    "\(an) against \(bn)")
            }
        }
    }
}
