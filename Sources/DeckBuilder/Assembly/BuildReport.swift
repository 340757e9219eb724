/// What a build did, per source: lines dropped as noise, facts found by kind, cards kept by kind, conflicts.
public struct BuildReport: Sendable {
    public struct SourceReport: Sendable {
        public var source: String
        public var language: String
        public var sentences: Int
        public var dropped: [DocumentAnalysis.Dropped]
        public var datesFound: Int
        public var figuresFound: Int
        public var namesFound: Int
        public var factsDrafted: Int
        /// Facts not drafted because they could add nothing to a fact already read (`FactPool.admit`):
        /// it holds four other readings, or their reading's citations are full and its draft as good.
        public var factsPassedOver = 0
        public var cardsByKind: [String: Int] = [:]
    }

    public struct ConflictSummary: Sendable, Hashable {
        /// The question, as the cloze asks it.
        public var prompt: String
        /// Each reading with the places it is read from ("source:line").
        public var readings: [(value: String, places: [String])]

        public static func == (a: Self, b: Self) -> Bool {
            a.prompt == b.prompt && a.readings.map(\.value) == b.readings.map(\.value)
        }
        public func hash(into h: inout Hasher) { h.combine(prompt) }

        public var line: String {
            let parts = readings.map { "\($0.value) (\($0.places.joined(separator: ", ")))" }
            return "\(prompt) — " + parts.joined(separator: " vs ")
        }
    }

    /// Every fact drafted, kept or not (for --verbose).
    public struct FactSummary: Sendable {
        public var source: String
        public var line: Int
        public var score: Double
        public var quotable: Bool
        public var text: String
        public var answer: String
        public var readings: Int
    }

    public var facts: [FactSummary] = []
    public var sources: [SourceReport] = []
    public var problems: [SourceProblem] = []
    public var conflicts: [ConflictSummary] = []
    public var cardsByKind: [String: Int] = [:]

    /// The report as text lines, for `mnemo build --report`.
    public func render() -> String {
        var out: [String] = []
        for s in sources {
            out.append(
                "\(s.source) [\(s.language)]: \(s.sentences) sentences, \(s.datesFound) dates, \(s.figuresFound) figures and \(s.namesFound) names found, \(s.factsDrafted) facts drafted"
                    + (s.factsPassedOver > 0
                        ? ", \(s.factsPassedOver) passed over (adding nothing to facts already read)" : "")
            )
            var byReason: [String: [Int]] = [:]
            for d in s.dropped { byReason[d.reason.description, default: []].append(d.line) }
            for reason in byReason.keys.sorted() {
                let lines = byReason[reason] ?? []
                let shown = lines.prefix(12).map(String.init).joined(separator: ",") + (lines.count > 12 ? ",…" : "")
                out.append("  dropped \(lines.count) × \(reason): line \(shown)")
            }
            let kinds = s.cardsByKind.keys.sorted().map { "\($0) \(s.cardsByKind[$0] ?? 0)" }.joined(separator: ", ")
            out.append("  cards citing it: " + (kinds.isEmpty ? "none" : kinds))
        }
        for p in problems { out.append("skipped \(p)") }
        let kinds = cardsByKind.keys.sorted().map { "\($0) \(cardsByKind[$0] ?? 0)" }.joined(separator: ", ")
        out.append("deck: \(cardsByKind.values.reduce(0, +)) cards (\(kinds))")
        out.append("conflicts: \(conflicts.count)")
        for c in conflicts { out.append("  " + c.line) }
        return out.joined(separator: "\n")
    }
}
