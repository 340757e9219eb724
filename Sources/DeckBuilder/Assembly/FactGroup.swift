import MnemoCore

/// One fact as the corpus states it: the primary reading with every source that agrees,
/// and the readings of sources that disagree.
public struct FactGroup: Sendable {
    public struct Reading: Sendable {
        public var candidate: FactCandidate
        public var support: [Provenance]
    }

    /// Readings, the primary one first once `settle()` has run.
    public var readings: [Reading]
    /// Read in place (`_read`): a computed getter would copy the whole candidate at every use.
    public var primary: FactCandidate { _read { yield readings[0].candidate } }
    public var isConflict: Bool { readings.count > 1 }
    public var sources: Set<String> {
        // Loops, not `flatMap` and a key path: read for every group at every prune.
        var out = Set<String>()
        for r in readings.indices {
            for e in readings[r].support.indices { out.insert(readings[r].support[e].source) }
        }
        return out
    }

    /// `sources.count`, counted without a set: a group has a few sources (at most eight citations
    /// a reading, four readings), and every group's are counted at every prune.
    /// The sources seen are kept on the stack (an array of them was an allocation per group).
    var sourceCount: Int {
        var room = 0
        for r in readings.indices { room += readings[r].support.count }
        return withUnsafeTemporaryAllocation(of: String.self, capacity: room) { seen in
            var n = 0
            for r in readings.indices {
                for e in readings[r].support.indices {
                    let source = readings[r].support[e].source
                    if !seen[..<n].contains(source) {
                        (seen.baseAddress! + n).initialize(to: source)
                        n += 1
                    }
                }
            }
            seen.baseAddress?.deinitialize(count: n)
            return n
        }
    }

    /// Key of the fact: what is asked (normalized words) and the primary answer.
    public var factKey: String {
        let p = primary
        let kind = p.dateValue != nil ? "date" : p.nameValue != nil ? "name" : "figure"
        return "\(kind)|\(p.language)|\(p.keywords.joined(separator: " "))|\(p.normalized)"
    }

    public var factID: String { "fact-" + SHA256.hexDigest(of: Array(factKey.utf8)).prefix(16) }

    public var score: Double { score(sourceCount: sourceCount) }

    /// `score`, given `sources.count` (a set built from every citation).
    func score(sourceCount: Int) -> Double {
        let support = Double(sourceCount - 1) * 0.7 + Double(min(readings[0].support.count - 1, 3)) * 0.2
        return primary.score + support
    }

    static let maxSupport = 8

    /// Adds `c` as support of its reading or as a new reading; true when the primary reading's
    /// candidate was replaced (by a better-worded draft).
    @discardableResult
    mutating func add(_ c: FactCandidate) -> Bool {
        if let i = readings.indices.first(where: { Self.sameValue(readings[$0].candidate, c) }) {
            if readings[i].support.count < Self.maxSupport, !readings[i].support.contains(c.evidence) {
                readings[i].support.append(c.evidence)
            }
            // Keep the better-worded draft as the reading's text.
            let better = c.quotable && (!readings[i].candidate.quotable || c.score > readings[i].candidate.score + 0.01)
            if better { readings[i].candidate = c }
            return better && i == 0
        } else if readings.count < 4 {
            readings.append(Reading(candidate: c, support: [c.evidence]))
        }
        return false
    }

    /// False when `add` would change nothing for a fact with this preview and evidence, whatever
    /// its card texts: no reading has its value and four are held; or the reading of its value
    /// keeps no more support (or has this evidence) and its draft is quotable and scores at least
    /// as well as the fact could.
    func mayTake(_ preview: FactPreview, evidence: Provenance) -> Bool {
        let view = preview.view
        guard
            let i = readings.indices.first(where: {
                Self.sameValue(
                    readings[$0].candidate.value, readings[$0].candidate.normalized, view.value, view.normalized)
            })
        else { return readings.count < 4 }
        if readings[i].support.count < Self.maxSupport, !readings[i].support.contains(evidence) { return true }
        let held = readings[i].candidate
        return preview.mayBeQuotable && (!held.quotable || preview.bestScore > held.score + 0.01)
    }

    /// Primary reading: most support, then the earliest evidence.
    mutating func settle() {
        readings.sort { a, b in
            if a.candidate.quotable != b.candidate.quotable { return a.candidate.quotable }
            if a.support.count != b.support.count { return a.support.count > b.support.count }
            let ea = a.support.min(by: Self.evidenceOrder) ?? a.candidate.evidence
            let eb = b.support.min(by: Self.evidenceOrder) ?? b.candidate.evidence
            return Self.evidenceOrder(ea, eb)
        }
        for i in readings.indices { readings[i].support.sort(by: Self.evidenceOrder) }
    }

    static func evidenceOrder(_ a: Provenance, _ b: Provenance) -> Bool {
        (a.source, a.line, a.start) < (b.source, b.line, b.start)
    }

    /// Same value, or a coarser date that the finer one falls in ("August 1945" and "August 6, 1945").
    static func sameValue(_ a: FactCandidate, _ b: FactCandidate) -> Bool {
        sameValue(a.value, a.normalized, b.value, b.normalized)
    }

    static func sameValue(_ a: FactCandidate.Value, _ an: String, _ b: FactCandidate.Value, _ bn: String) -> Bool {
        if an == bn { return true }
        switch (a, b) {
        case (.date, .date):
            // A date candidate's normalized answer is its value's (`DateValue.normalized`, built
            // anew at each read): the strings given stand for both.
            return an.hasPrefix(bn + "-") || bn.hasPrefix(an + "-")
        case (.figure(let x), .figure(let y)):
            return x.value == y.value && x.isPercent == y.isPercent
        default:
            return false
        }
    }
}
