import Foundation

/// What a session needs from the scheduler: the state a rating leads to. The FSRS `Scheduler` conforms;
/// tests may pass a simpler one. Fuzz comes from `rng`, which the session seeds from the event id
/// (`SeededGenerator(seedString: event.id)`) so replaying the log reproduces every interval.
public protocol ReviewScheduling: Sendable {
    func review<G: RandomNumberGenerator>(
        _ card: CardState, rating: Rating, at now: Date, using rng: inout G
    ) -> CardState
}

extension Scheduler: ReviewScheduling {}
