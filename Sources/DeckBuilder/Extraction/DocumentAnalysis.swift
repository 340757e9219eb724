/// What one document gave (its facts went to a `FactSink`): what was dropped and why, and counts.
public struct DocumentAnalysis: Sendable {
    public struct Dropped: Sendable, Hashable {
        public var line: Int
        public var reason: NoiseReason
        public var text: String
    }

    public var source: String
    public var language: String
    public var dropped: [Dropped] = []
    public var sentences = 0
    public var datesFound = 0
    public var figuresFound = 0
    public var namesFound = 0
    /// Facts whose card texts were drafted.
    public var factsDrafted = 0
    /// Facts the sink turned down before drafting (they could add nothing to a fact already read).
    public var factsPassedOver = 0
}
