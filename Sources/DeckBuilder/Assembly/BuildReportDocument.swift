/// `mnemo build --json`: the build report as a stable JSON document (docs/deck-builder.md).
public struct BuildReportDocument: Codable, Equatable, Sendable {
    public struct Source: Codable, Equatable, Sendable {
        public var source: String
        public var language: String
        public var sentences: Int
        public var datesFound: Int
        public var figuresFound: Int
        public var namesFound: Int
        public var factsDrafted: Int
        /// Facts not drafted because they could add nothing to a fact already read.
        public var factsPassedOver: Int
        public var cardsByKind: [String: Int]
        /// Line numbers dropped as noise, by reason key ("repeated", "cookie", "garbled-figure", …).
        public var dropped: [String: [Int]]
    }

    public struct Problem: Codable, Equatable, Sendable {
        public var path: String
        public var message: String
    }

    public struct Reading: Codable, Equatable, Sendable {
        public var value: String
        /// "source:line" of each place the reading is read from.
        public var places: [String]
    }

    public struct Conflict: Codable, Equatable, Sendable {
        public var prompt: String
        /// The deck's answer first, then the other sources' readings.
        public var readings: [Reading]
    }

    /// Where the deck was written, nil when none was.
    public var deck: String?
    public var cards: Int
    public var cardsByKind: [String: Int]
    public var sources: [Source]
    public var problems: [Problem]
    public var conflicts: [Conflict]
}

extension BuildReport {
    public func document(deck: String?) -> BuildReportDocument {
        BuildReportDocument(
            deck: deck, cards: cardsByKind.values.reduce(0, +), cardsByKind: cardsByKind,
            sources: sources.map { s in
                var dropped: [String: [Int]] = [:]
                for d in s.dropped { dropped[d.reason.key, default: []].append(d.line) }
                return .init(
                    source: s.source, language: s.language, sentences: s.sentences, datesFound: s.datesFound,
                    figuresFound: s.figuresFound, namesFound: s.namesFound, factsDrafted: s.factsDrafted,
                    factsPassedOver: s.factsPassedOver, cardsByKind: s.cardsByKind, dropped: dropped)
            },
            problems: problems.map { .init(path: $0.path, message: $0.description) },
            conflicts: conflicts.map { c in
                .init(prompt: c.prompt, readings: c.readings.map { .init(value: $0.value, places: $0.places) })
            })
    }
}
