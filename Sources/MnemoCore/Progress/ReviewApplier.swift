import Foundation

/// Applies one review to a card's state: the scheduler, behind a small seam so replay can be
/// tested on its own. `configHash` identifies the scheduler settings; a snapshot made with other
/// settings is rebuilt.
public struct ReviewApplier: Sendable {
    public let configHash: String
    /// Whether reviews depend on the due counts of other cards (the load balancer is on): then an
    /// undo re-derives the whole log after the undone event, not only the undone card.
    public let balances: Bool
    let review: @Sendable (CardState, Rating, Date, inout SeededGenerator, DueHistogram) -> CardState

    /// An applier whose reviews see the due counts before each review (`DueHistogram`).
    public init(
        configHash: String, balances: Bool,
        review: @escaping @Sendable (CardState, Rating, Date, inout SeededGenerator, DueHistogram) -> CardState
    ) {
        self.configHash = configHash
        self.balances = balances
        self.review = review
    }

    /// An applier whose reviews do not depend on other cards.
    public init(
        configHash: String, review: @escaping @Sendable (CardState, Rating, Date, inout SeededGenerator) -> CardState
    ) {
        self.configHash = configHash
        self.balances = false
        self.review = { state, rating, time, rng, _ in review(state, rating, time, &rng) }
    }
}
