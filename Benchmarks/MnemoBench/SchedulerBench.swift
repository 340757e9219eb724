import Foundation
import MnemoCore

/// FSRS reviews applied per second, replaying a log as the progress store does: one
/// `SeededGenerator(seedString: eventID)` per event, fuzz on, and the due counts the load balancer
/// weighs kept up to date. Budget (DESIGN.md): 2 million/s.
enum SchedulerBench {
    struct Event {
        var card: Int
        var id: String
        var rating: Rating
        var time: Date
    }

    static func makeLog(cards: Int, reviewsPerCard: Int) -> [Event] {
        var rng = SeededGenerator(seed: 42)
        var events: [Event] = []
        events.reserveCapacity(cards * reviewsPerCard)
        let start = Date(timeIntervalSince1970: 1_704_099_600)
        for card in 0..<cards {
            var time = start.addingTimeInterval(Double(card % 86_400))
            for n in 0..<reviewsPerCard {
                let roll = rng.next() % 100
                let rating: Rating = roll < 10 ? .again : roll < 20 ? .hard : roll < 90 ? .good : .easy
                events.append(Event(card: card, id: UUID().uuidString, rating: rating, time: time))
                time = time.addingTimeInterval(n < 2 ? 600 : Double(1 + rng.next() % 60) * 86_400)
            }
        }
        return events
    }

    static func run() throws {
        let scheduler = try Scheduler()
        let events = makeLog(cards: 10_000, reviewsPerCard: 20)
        var states = [CardState](repeating: .new, count: 10_000)
        var checksum = 0.0
        var replayRates: [Double] = []
        var balancedRates: [Double] = []
        var reviewRates: [Double] = []
        for _ in 0..<5 {
            // As the progress store replays with the load balancer on (the default): the due counts
            // before each review are kept up to date, as `ProgressReplay` keeps them.
            for i in states.indices { states[i] = .new }
            var load = DueHistogram()
            let balanced = measureSeconds {
                for event in events {
                    var rng = SeededGenerator(seedString: event.id)
                    let before = states[event.card]
                    let after = scheduler.review(
                        before, rating: event.rating, at: event.time, using: &rng, dueLoad: load)
                    if let due = before.due { load.remove(day: DueHistogram.day(of: due)) }
                    if let due = after.due { load.add(day: DueHistogram.day(of: due)) }
                    states[event.card] = after
                }
            }
            checksum += states.reduce(0) { $0 + ($1.stability ?? 0) }
            balancedRates.append(Double(events.count) / balanced)
            // As the progress store replays: a generator seeded from each event's id (a UUID).
            for i in states.indices { states[i] = .new }
            let replay = measureSeconds {
                for event in events {
                    var rng = SeededGenerator(seedString: event.id)
                    states[event.card] = scheduler.review(
                        states[event.card], rating: event.rating, at: event.time, using: &rng)
                }
            }
            checksum += states.reduce(0) { $0 + ($1.stability ?? 0) }
            replayRates.append(Double(events.count) / replay)
            // The scheduler alone: one generator for the whole run.
            for i in states.indices { states[i] = .new }
            var rng = SeededGenerator(seed: 1)
            let reviewOnly = measureSeconds {
                for event in events {
                    states[event.card] = scheduler.review(
                        states[event.card], rating: event.rating, at: event.time, using: &rng)
                }
            }
            checksum += states.reduce(0) { $0 + ($1.stability ?? 0) }
            reviewRates.append(Double(events.count) / reviewOnly)
        }
        print(String(format: "scheduler: %d reviews (10,000 cards, fuzz on), median of 5 runs:", events.count))
        print(
            String(
                format: "  replayed, load balancing on (due counts kept):  %.2f million reviews/s (budget 2.0)",
                median(balancedRates) / 1e6))
        print(
            String(
                format: "  replayed, no load balancing:                   %.2f million reviews/s",
                median(replayRates) / 1e6))
        print(
            String(
                format: "  review() alone:                               %.2f million reviews/s [checksum %.1f]",
                median(reviewRates) / 1e6, checksum))
    }
}
