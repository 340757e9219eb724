/// A sentence of a source line, with where it stands in that line.
public struct Sentence: Sendable {
    /// 1-based line number.
    public var line: Int
    public var text: String
    /// Character offsets within the line, `[start, end)`.
    public var start: Int
    public var end: Int
    public var language: String
    /// Index of the sentence within its document (for "nearest preceding context").
    public var index: Int
}
