import Foundation
import Testing

@testable import MnemoCore

@Suite("Workload simulator")
struct WorkloadSimulatorTests {
    static let small = WorkloadSimulator(days: 120, cards: 600, newPerDay: 10, seed: 42)

    @Test("same seed, same result; another seed, another result")
    func seeded() throws {
        let a = try Self.small.run(retention: 0.9)
        #expect(a == (try Self.small.run(retention: 0.9)))
        var other = Self.small
        other.seed = 43
        #expect(a.reviewsPerDay != (try other.run(retention: 0.9)).reviewsPerDay)
    }

    @Test("higher retention costs more reviews and keeps more knowledge", arguments: [UInt64(1), 2, 3])
    func monotonic(seed: UInt64) throws {
        var sim = Self.small
        sim.seed = seed
        let results = try sim.run(retentions: [0.75, 0.85, 0.9, 0.95])
        let totals = results.map(\.totalReviews)
        #expect(zip(totals, totals.dropFirst()).allSatisfy { $0 < $1 }, "\(totals)")
        let kept = results.map(\.memorized)
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $0 < $1 }, "\(kept)")
    }

    @Test("new cards stop when the deck is used up; knowledge never exceeds the cards learned")
    func bounds() throws {
        let r = try WorkloadSimulator(days: 30, cards: 95, newPerDay: 10, seed: 5).run(retention: 0.9)
        #expect(r.newPerDay.reduce(0, +) == 95 && r.newPerDay[9] == 5 && r.newPerDay[10] == 0)
        #expect(r.memorizedPerDay.allSatisfy { $0 <= 95 } && r.memorized > 60)
        #expect(r.reviewsPerDay.count == 30 && r.reviewsPerDay[0] == 0)
    }

    @Test("bad retention is refused by the scheduler")
    func refused() {
        #expect(throws: SchedulingError.badDesiredRetention(1.2)) { try Self.small.run(retention: 1.2) }
    }
}

@Suite("Interval order with fuzz")
struct IntervalOrderTests {
    @Test(
        "with fuzz on, a Review card's previewed intervals keep Hard ≤ Good < Easy for every draw",
        arguments: [0.5, 3.0, 20.0, 300.0])
    func ordered(stability: Double) throws {
        let scheduler = try Scheduler(SchedulerConfig(enableFuzz: true))
        let last = Date(timeIntervalSince1970: 1_704_099_600)
        let card = CardState(phase: .review, stability: stability, difficulty: 5, due: last, lastReview: last, reps: 5)
        for seed in 0..<300 {
            var rng = SeededGenerator(seed: UInt64(seed))
            let now = last.addingTimeInterval(86_400 * max(1, (stability * 0.9).rounded()))
            let p = scheduler.preview(card, at: now, using: &rng)
            let days = { (r: Rating) in (p[r]?.due ?? now).timeIntervalSince(now) / 86_400 }
            #expect(
                days(.hard) <= days(.good) && days(.good) < days(.easy),
                "seed \(seed): \(days(.hard)) \(days(.good)) \(days(.easy))")
        }
    }

    @Test("with fuzz off, intervals are py-fsrs's own (no reordering, no draws)")
    func fuzzOff() throws {
        let scheduler = try Scheduler(SchedulerConfig(enableFuzz: false))
        let last = Date(timeIntervalSince1970: 1_704_099_600)
        let card = CardState(phase: .review, stability: 20, difficulty: 5, due: last, lastReview: last, reps: 5)
        var rng = SeededGenerator(seed: 1)
        let now = last.addingTimeInterval(86_400 * 18)
        let good = scheduler.review(card, rating: .good, at: now, using: &rng)
        #expect(good.due == now.addingTimeInterval(Double(scheduler.interval(stability: good.stability ?? 0)) * 86_400))
    }
}
