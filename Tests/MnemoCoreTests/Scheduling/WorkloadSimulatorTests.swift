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
