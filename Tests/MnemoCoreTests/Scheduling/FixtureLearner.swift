import Foundation

@testable import MnemoCore

/// A simulated student for optimizer tests: their true memory follows FSRS-6 with `truth`
/// (fsrs-rs semantics, days rolling over at 04:00 UTC), reviews are scheduled by FSRS-6 defaults
/// with fuzz, and each outcome is drawn from the true retrievability. Deterministic for a seed.
struct FixtureLearner {
    var truth: [Double]
    var cards: Int
    var newPerDay: Int
    var days: Int
    var seed: UInt64

    static let start: Int64 = 1_704_099_600_000  // 2024-01-01T09:00:00Z

    func reviews() throws -> [RevlogEntry] {
        let scheduler = try Scheduler()
        let model = TrainableModel<Double>(truth)
        var rng = SeededGenerator(seed: seed)
        let endMs = Self.start + Int64(days) * 86_400_000
        var entries: [RevlogEntry] = []
        for card in 0..<cards {
            var timeMs = Self.start + Int64(card / newPerDay) * 86_400_000 + Int64(card % newPerDay) * 30_000
            var state = CardState.new
            var memory: (s: Double, d: Double)?
            var lastDay: Int64 = 0
            while timeMs < endMs {
                let day = (timeMs - 4 * 3_600_000) / 86_400_000
                let rating: Rating
                if let m = memory {
                    let delta = Int(day - lastDay)
                    let r = delta == 0 ? 1.0 : model.retrievability(days: Double(delta), stability: m.s)
                    let recalled = rng.nextUnit() < (delta == 0 ? 0.95 : r)
                    rating = recalled ? Self.passingGrade(rng.nextUnit()) : .again
                    memory = model.step(s: m.s, d: m.d, days: delta, rating: rating)
                } else {
                    let u = rng.nextUnit()
                    rating = u < 0.2 ? .again : u < 0.3 ? .hard : u < 0.9 ? .good : .easy
                    memory = model.initial(rating)
                }
                lastDay = day
                entries.append(
                    RevlogEntry(
                        cardID: "c\(card)", timeMs: timeMs, rating: rating,
                        state: Self.revlogState(state.phase), durationMs: 5000))
                state = scheduler.review(
                    state, rating: rating, at: Date(timeIntervalSince1970: Double(timeMs) / 1000), using: &rng)
                guard let due = state.due else { break }
                timeMs = Int64((due.timeIntervalSince1970 * 1000).rounded())
            }
        }
        return entries.sorted { ($0.timeMs, $0.cardID) < ($1.timeMs, $1.cardID) }
    }

    static func passingGrade(_ u: Double) -> Rating { u < 0.15 ? .hard : u < 0.9 ? .good : .easy }

    static func revlogState(_ phase: CardPhase) -> Int {
        switch phase {
        case .new: 0
        case .learning: 1
        case .review: 2
        case .relearning: 3
        }
    }
}
