import Foundation

/// Where a card is in the FSRS state machine. `new` means never reviewed
/// (py-fsrs models that as Learning with step 0 and no memory state).
public enum CardPhase: String, Codable, Sendable, CaseIterable {
    case new
    case learning
    case review
    case relearning
}

/// One card's memory and schedule: what replaying its review events yields.
public struct CardState: Codable, Hashable, Sendable {
    public var phase: CardPhase
    /// Learning or relearning step index; nil in Review (and for new cards).
    public var step: Int?
    /// FSRS stability in days; nil before the first review.
    public var stability: Double?
    /// FSRS difficulty in [1, 10]; nil before the first review.
    public var difficulty: Double?
    /// When the card is next due; nil for new cards.
    public var due: Date?
    public var lastReview: Date?
    /// Number of reviews applied.
    public var reps: Int
    /// Number of times a Review-phase card was rated Again.
    public var lapses: Int

    public init(
        phase: CardPhase = .new, step: Int? = nil, stability: Double? = nil, difficulty: Double? = nil,
        due: Date? = nil, lastReview: Date? = nil, reps: Int = 0, lapses: Int = 0
    ) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }

    /// A card never reviewed.
    public static let new = CardState()
}
