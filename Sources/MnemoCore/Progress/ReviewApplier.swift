import Foundation

/// Applies one review to a card's state: the scheduler, behind a small seam so replay can be
/// tested on its own. `configHash` identifies the scheduler settings; a snapshot made with other
/// settings is rebuilt.
public struct ReviewApplier: Sendable {
    public let configHash: String
    let review: @Sendable (CardState, Rating, Date, inout SeededGenerator) -> CardState

    public init(
        configHash: String, review: @escaping @Sendable (CardState, Rating, Date, inout SeededGenerator) -> CardState
    ) {
        self.configHash = configHash
        self.review = review
    }
}
