/// What one document gave: its facts, what was dropped and why.
public struct DocumentAnalysis: Sendable {
    public struct Dropped: Sendable, Hashable {
        public var line: Int
        public var reason: NoiseReason
        public var text: String
    }

    public var source: String
    public var language: String
    public var facts: [FactCandidate] = []
    public var dropped: [Dropped] = []
    public var sentences = 0
    public var datesFound = 0
    public var figuresFound = 0
    public var namesFound = 0
}
