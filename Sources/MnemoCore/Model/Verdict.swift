/// How a typed answer compared with the card's answer.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case right
    /// Right but for a small typo; the correct spelling is shown.
    case almost
    case wrong
    /// No answer was checked (self-rated mode, or the learner revealed the answer).
    case unchecked
}
