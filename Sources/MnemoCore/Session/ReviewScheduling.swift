import Foundation

/// What a session needs from the scheduler: the state a rating leads to. The FSRS `Scheduler` conforms;
/// tests may pass a simpler one. Fuzz comes from `rng`, which the session seeds from the event id
/// (`SeededGenerator(seedString: event.id)`) so replaying the log reproduces every interval.
public protocol ReviewScheduling: Sendable {
    func review<G: RandomNumberGenerator>(
        _ card: CardState, rating: Rating, at now: Date, using rng: inout G
    ) -> CardState
    /// The state a rating leads to when the cards due on each day before it are `dueLoad` (the
    /// scheduler's load balancer weighs them; others ignore them).
    func review<G: RandomNumberGenerator>(
        _ card: CardState, rating: Rating, at now: Date, using rng: inout G, dueLoad: DueHistogram?
    ) -> CardState
    /// The chance of recall of `card` at `now` (0 for a new card).
    func retrievability(of card: CardState, at now: Date) -> Double
}

extension Scheduler: ReviewScheduling {}

extension ReviewScheduling {
    /// Schedulers without a load balancer ignore the due counts.
    public func review<G: RandomNumberGenerator>(
        _ card: CardState, rating: Rating, at now: Date, using rng: inout G, dueLoad: DueHistogram?
    ) -> CardState {
        review(card, rating: rating, at: now, using: &rng)
    }

    /// The chance of recall of `card` at `now` (0 for a new card), for ordering cram practice.
    /// `Scheduler` gives its own (its fitted decay); other schedulers use FSRS-6's default curve.
    public func retrievability(of card: CardState, at now: Date) -> Double {
        guard let stability = card.stability, stability > 0, let last = card.lastReview else { return 0 }
        let decay = -0.1542
        let factor = pow(0.9, 1 / decay) - 1
        let days = max(0, now.timeIntervalSince(last) / 86_400)
        return pow(1 + factor * days / stability, decay)
    }
}
