import Foundation
import MnemoCore

/// FSRS reviews applied per second, replaying a log as the progress store does: one
/// `SeededGenerator(seedString: eventID)` per event, fuzz on. Budget (DESIGN.md): 2 million/s.
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
                events.append(Event(card: card, id: "\(card)-\(n)-\(UUID().uuidString)", rating: rating, time: time))
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
        var rates: [Double] = []
        for _ in 0..<5 {
            for i in states.indices { states[i] = .new }
            let seconds = measureSeconds {
                for event in events {
                    var rng = SeededGenerator(seedString: event.id)
                    states[event.card] = scheduler.review(states[event.card], rating: event.rating, at: event.time, using: &rng)
                }
            }
            checksum += states.reduce(0) { $0 + ($1.stability ?? 0) }
            rates.append(Double(events.count) / seconds)
        }
        let rate = median(rates)
        print(String(format: "scheduler: %d reviews replayed (10,000 cards), median of 5 runs: %.2f million reviews/s (budget 2.0) [checksum %.3f]",
                     events.count, rate / 1e6, checksum))
    }
}
