import Foundation

/// A seeded simulated learner, for statistics tests, the HTML check and benchmarks: each day it
/// studies the cards due (FSRS decides when), introduces a few new ones, and answers each with the
/// probability of recall the memory model gives the card now (made harder or easier per card).
/// Pure: the same cards, start, seed and profile give the same events.
public struct LearnerSimulator {
    public struct Profile: Sendable {
        public var newPerDay: Int
        /// Chance of skipping a whole day (so streaks break).
        public var skipDay: Double
        /// Chance of taking back an answer (an undo) and answering again.
        public var undo: Double
        /// Local hour the daily session starts (plus up to two hours).
        public var sessionHour: Int
        /// Scales how hard cards are for this learner: recall probability is R^(hardness · difficulty).
        public var difficulty: Double

        public init(
            newPerDay: Int = 10, skipDay: Double = 0.1, undo: Double = 0.01, sessionHour: Int = 19,
            difficulty: Double = 1
        ) {
            self.newPerDay = newPerDay
            self.skipDay = skipDay
            self.undo = undo
            self.sessionHour = sessionHour
            self.difficulty = difficulty
        }
    }

    public struct SimCard: Sendable {
        public var id: CardID
        public var deck: String

        public init(id: CardID, deck: String) {
            self.id = id
            self.deck = deck
        }
    }

    /// Events of `days` days of study starting on the day of `start` (at `profile.sessionHour`
    /// after `start`'s midnight UTC), in time order.
    public static func simulate(
        cards: [SimCard], days: Int, start: Date, seed: UInt64, scheduler: Scheduler, profile: Profile = Profile()
    ) -> [ReviewEvent] {
        var rng = SeededGenerator(seed: seed)
        let hardness = cards.map { _ in 0.5 + 2.0 * rng.nextUnit() * rng.nextUnit() }
        var states = Array(repeating: CardState.new, count: cards.count)
        var nextNew = 0
        var events: [ReviewEvent] = []
        let midnight = (start.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        for day in 0..<max(0, days) {
            if rng.nextUnit() < profile.skipDay { continue }
            var now = Date(
                timeIntervalSince1970: midnight + Double(day) * 86_400 + Double(profile.sessionHour) * 3600
                    + (rng.nextUnit() * 7200).rounded())
            var newToday = 0
            var guardSteps = 0
            while guardSteps < 10 * cards.count + 100 {
                guardSteps += 1
                let pick: Int
                if let due = earliestDue(states, by: now) {
                    pick = due
                } else if newToday < profile.newPerDay, nextNew < cards.count {
                    pick = nextNew
                    nextNew += 1
                    newToday += 1
                } else if let soon = earliestDue(states, by: now.addingTimeInterval(20 * 60)),
                    let due = states[soon].due
                {
                    now = due
                    pick = soon
                } else {
                    break
                }
                var answer = answer(
                    states[pick], hardness: hardness[pick] * profile.difficulty, at: now, model: scheduler.model,
                    rng: &rng)
                var event = ReviewEvent(
                    id: uuid(&rng), kind: .review, card: cards[pick].id, deck: cards[pick].deck,
                    time: LogTime.truncated(now), rating: answer.rating, verdict: answer.verdict, durationMs: answer.ms)
                events.append(event)
                now = now.addingTimeInterval(Double(answer.ms) / 1000 + 1)
                if rng.nextUnit() < profile.undo {
                    events.append(
                        ReviewEvent(
                            id: uuid(&rng), kind: .undo, card: cards[pick].id, deck: cards[pick].deck,
                            time: LogTime.truncated(now), undoes: event.id))
                    now = now.addingTimeInterval(2)
                    answer = self.answer(
                        states[pick], hardness: hardness[pick] * profile.difficulty, at: now, model: scheduler.model,
                        rng: &rng)
                    event = ReviewEvent(
                        id: uuid(&rng), kind: .review, card: cards[pick].id, deck: cards[pick].deck,
                        time: LogTime.truncated(now), rating: answer.rating, verdict: answer.verdict,
                        durationMs: answer.ms)
                    events.append(event)
                    now = now.addingTimeInterval(Double(answer.ms) / 1000 + 1)
                }
                var fuzz = SeededGenerator(seedString: event.id)
                states[pick] = scheduler.review(states[pick], rating: answer.rating, at: event.time, using: &fuzz)
            }
        }
        return events
    }

    private static func earliestDue(_ states: [CardState], by time: Date) -> Int? {
        var best: Int?
        for (i, s) in states.enumerated() {
            guard let due = s.due, due <= time else { continue }
            if let b = best, let bd = states[b].due, bd <= due { continue }
            best = i
        }
        return best
    }

    private static func answer(
        _ state: CardState, hardness: Double, at now: Date, model: FSRSModel, rng: inout SeededGenerator
    ) -> (rating: Rating, verdict: Verdict, ms: Int) {
        let recall: Double
        if let s = state.stability, let last = state.lastReview {
            let days = max(0, now.timeIntervalSince(last) / 86_400)
            recall = pow(model.retrievability(elapsedDays: days, stability: s), hardness)
        } else {
            recall = pow(0.6, hardness)
        }
        let passed = rng.nextUnit() < recall
        let rating: Rating
        if !passed {
            rating = .again
        } else {
            let u = rng.nextUnit()
            rating = u < 0.12 ? .hard : (u < 0.92 ? .good : .easy)
        }
        let base = 2500 + hardness * 2000 + rng.nextUnit() * 6000 + (passed ? 0 : 4000)
        return (rating, passed ? (rating == .hard ? .almost : .right) : .wrong, Int(base.rounded()))
    }

    /// A UUID-shaped id drawn from `rng`.
    static func uuid(_ rng: inout SeededGenerator) -> String {
        let hex = Array("0123456789ABCDEF")
        var chars: [Character] = []
        var a = rng.next()
        var b = rng.next()
        for i in 0..<32 {
            let nibble: UInt64
            if i < 16 {
                nibble = a & 0xF
                a >>= 4
            } else {
                nibble = b & 0xF
                b >>= 4
            }
            if i == 8 || i == 12 || i == 16 || i == 20 { chars.append("-") }
            chars.append(hex[Int(nibble)])
        }
        return String(chars)
    }
}
