import Testing

@testable import DeckBuilder

/// The pool's list index answers as a dictionary of the same keys does, through growth and clearing.
@Suite struct ListIndexTests {
    @Test(arguments: [(1, 10), (2, 700), (3, 5000), (4, 40_000)])
    func answersAsADictionaryDoes(_ seed: UInt64, _ inserts: Int) {
        var random = SeededNumbers(state: seed)
        var index = ListIndex()
        var reference: [Int64: Int32] = [:]
        for round in 0..<2 {
            for n in 0..<inserts {
                // Parts and words as the pool makes them: part << 32 | word, both small.
                let key = Int64(random.next(300)) << 32 | Int64(random.next(20_000))
                if reference[key] == nil {
                    index.insertNew(key, Int32(n))
                    reference[key] = Int32(n)
                }
                let probe = Int64(random.next(300)) << 32 | Int64(random.next(20_000))
                #expect(index[probe] == reference[probe])
            }
            #expect(index.count == reference.count)
            for (key, value) in reference { #expect(index[key] == value) }
            // All at once: the values of the keys in the table, in the keys' order.
            let keys =
                (0..<200).map { _ in Int64(random.next(300)) << 32 | Int64(random.next(20_000)) }
                + Array(reference.keys.prefix(50))
            var values: [Int32] = []
            keys.withUnsafeBufferPointer { index.forEachValue($0) { values.append($0) } }
            #expect(values == keys.compactMap { reference[$0] })
            if round == 0 {
                index.removeAll()
                reference = [:]
                #expect(index.count == 0 && index[0] == nil)
            }
        }
    }
}

/// A seeded generator (the tests repeat exactly).
struct SeededNumbers {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
}
