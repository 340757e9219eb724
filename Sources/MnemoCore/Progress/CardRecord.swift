import Foundation

/// What the progress snapshot holds for one card: its FSRS state plus the flags
/// that suspend/bury events set. Derived from the review log; only a cache.
public struct CardRecord: Codable, Hashable, Sendable {
    public var state: CardState
    public var deck: String
    public var suspended: Bool
    /// Not shown before this time (set by `bury`).
    public var buriedUntil: Date?

    public init(state: CardState = .new, deck: String, suspended: Bool = false, buriedUntil: Date? = nil) {
        self.state = state
        self.deck = deck
        self.suspended = suspended
        self.buriedUntil = buriedUntil
    }
}
