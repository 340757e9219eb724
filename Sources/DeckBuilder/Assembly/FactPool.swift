import MnemoCore

/// Gathers facts from document after document, merging the same fact across sources as it goes
/// (an inverted index on keywords keeps this linear), and bounding its size so memory stays flat.
struct FactPool {
    private(set) var groups: [FactGroup] = []
    private var index: [String: [Int]] = [:]
    /// Scratch for `match`: words shared with the candidate, per group id; all zero between calls.
    private var sharedWords: [Int32] = []
    /// Most groups kept; beyond it the weakest single-source half is pruned.
    let capacity: Int

    init(capacity: Int = 12_000) { self.capacity = capacity }

    mutating func add(_ c: FactCandidate) {
        if let g = match(c) {
            groups[g].add(c)
            return
        }
        groups.append(FactGroup(readings: [.init(candidate: c, support: [c.evidence])]))
        let id = groups.count - 1
        for w in c.matchWords { index[w, default: []].append(id) }
        if groups.count > capacity { prune() }
    }

    /// The group asking the same thing, if any.
    private mutating func match(_ c: FactCandidate) -> Int? {
        // Shared words per group, counted in a scratch array (cleared through `touched`), not a dictionary.
        if sharedWords.count < groups.count {
            sharedWords += [Int32](repeating: 0, count: groups.count - sharedWords.count)
        }
        var touched: [Int] = []
        for w in c.matchWords {
            guard let ids = index[w], ids.count <= 400 else { continue }
            for id in ids {
                if sharedWords[id] == 0 { touched.append(id) }
                sharedWords[id] += 1
            }
        }
        defer { for id in touched { sharedWords[id] = 0 } }
        // Groups are read in place through the buffer: `groups[id]` in a mutating method copied each
        // group's candidate (a dozen strings and sets) for every look.
        return groups.withUnsafeBufferPointer { buffer -> Int? in
            var best: (id: Int, score: Double)?
            for id in touched where sharedWords[id] >= 2 {
                guard let overlap = Self.overlap(buffer[id], c, shared: Int(sharedWords[id])) else { continue }
                if let b = best, overlap < b.score || (overlap == b.score && id > b.id) { continue }
                best = (id, overlap)
            }
            return best?.id
        }
    }

    /// How much of the smaller word list the candidate shares with the group's primary reading, when
    /// the two ask the same thing; nil when they do not.
    private static func overlap(_ g: FactGroup, _ c: FactCandidate, shared: Int) -> Double? {
        overlap(g.primary, readings: g.readings, c, shared: shared)
    }

    private static func overlap(_ p: FactCandidate, readings: [FactGroup.Reading], _ c: FactCandidate, shared: Int)
        -> Double?
    {
        let overlap = Double(shared) / Double(min(p.matchWords.count, c.matchWords.count))
        let needed = p.dateValue != nil ? 0.6 : 0.5
        guard overlap >= needed, shared >= (p.dateValue != nil ? 3 : 2) else { return nil }
        guard compatible(p, c) else { return nil }
        // By index: iterating the readings would copy each one's candidate.
        for r in readings.indices where sameSentence(readings[r].candidate.evidence, c.evidence) { return nil }
        // The same happening: when both name a verb, they share one ("returned" is not "died").
        let pv = p.matchWords.filter { $0.hasPrefix("v:") }
        let cv = c.matchWords.filter { $0.hasPrefix("v:") }
        // …unless both name the same event ("the Yalta meeting", "a meeting in Yalta").
        let sameEvent = !p.matchWords.filter { $0.hasPrefix("e:") }.isDisjoint(
            with: c.matchWords.filter { $0.hasPrefix("e:") })
        if !sameEvent, !pv.isEmpty, !cv.isEmpty, pv.isDisjoint(with: cv) { return nil }
        // Different values of different precision are not a disagreement to flag.
        // (A month and a day of different months do disagree.)
        if let x = p.dateValue, let y = c.dateValue, x.granularity != y.granularity, !FactGroup.sameValue(p, c) {
            let fine: Set<DateValue.Granularity> = [.month, .day]
            if !(fine.contains(x.granularity) && fine.contains(y.granularity)) { return nil }
        }
        return overlap
    }

    static func sameSentence(_ a: Provenance, _ b: Provenance) -> Bool {
        a.source == b.source && a.line == b.line && a.start == b.start
    }

    static func compatible(_ a: FactCandidate, _ b: FactCandidate) -> Bool {
        guard a.language == b.language else { return false }
        switch (a.value, b.value) {
        case (.date(let x), .date(let y)):
            let coarse: Set<DateValue.Granularity> = [.decade, .century, .yearRange]
            return !coarse.contains(x.granularity) && !coarse.contains(y.granularity)
        case (.name(let x), .name(let y)):
            // Names merge only when they are the same name; two different names are not a disagreement we can judge.
            return x.head == y.head && x.value == y.value
        case (.figure(let x), .figure(let y)):
            guard x.isPercent == y.isPercent else { return false }
            return headClass(x.head) == headClass(y.head)
        default: return false
        }
    }

    static func headClass(_ head: String) -> String {
        switch head {
        case "troop", "soldier", "army", "force", "man", "elite": "troop"
        default: Normalizer.synonyms[head] ?? head
        }
    }

    private mutating func prune() {
        let scores = groups.map(\.score)
        let order = groups.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        let keep = Set(order.prefix(capacity / 2)).union(groups.indices.filter { groups[$0].sources.count > 1 })
        groups = groups.indices.filter { keep.contains($0) }.map { groups[$0] }
        index = [:]
        for (id, g) in groups.enumerated() {
            for w in g.primary.matchWords { index[w, default: []].append(id) }
        }
    }
}
