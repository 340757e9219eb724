/// The outcome of checking one typed answer.
public struct AnswerResult: Codable, Hashable, Sendable {
    /// `.right`, `.almost` (a small typo in a name or word) or `.wrong`; never `.unchecked`.
    public var verdict: Verdict
    /// The card's answer as it should be shown.
    public var expected: String
    /// The form the typed answer matched: the answer itself, one of the card's `accepted`
    /// alternatives, or the choice a letter named; nil when wrong.
    public var matched: String?
    /// A line to show with the verdict ("almost right: the correct spelling is Truman"), or nil.
    public var note: String?

    public init(verdict: Verdict, expected: String, matched: String? = nil, note: String? = nil) {
        self.verdict = verdict
        self.expected = expected
        self.matched = matched
        self.note = note
    }
}
