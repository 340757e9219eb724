import Foundation

/// Simulates a learner with given FSRS parameters over many days, as Anki's workload-versus-retention
/// simulator does: each day, up to `newPerDay` new cards are introduced (first rating drawn from
/// `firstRatingProbabilities`), due cards are reviewed, each recalled with the probability FSRS
/// predicts (R at the review) and then rated Hard/Good/Easy by `recallRatingProbabilities`, or Again.
/// Memory follows the FSRS-6 formulas; intervals follow the desired retention (no fuzz, no
/// same-day learning steps). Seeded: the same inputs give the same result; every retention of one
/// run sees the same random draws, so differences come from the retention alone.
public struct WorkloadSimulator: Sendable {
    public var parameters: [Double]
    public var days: Int
    /// Cards available to learn.
    public var cards: Int
    public var newPerDay: Int
    /// At most this many reviews a day (the rest wait); nil for no limit.
    public var reviewLimit: Int?
    public var maximumInterval: Int
    public var seed: UInt64
    /// P(Again), P(Hard), P(Good), P(Easy) for a new card's first rating (Anki's defaults).
    public var firstRatingProbabilities: [Double] = [0.24, 0.094, 0.495, 0.171]
    /// P(Hard), P(Good), P(Easy) when a review is recalled (Anki's defaults).
    public var recallRatingProbabilities: [Double] = [0.224, 0.632, 0.144]

    public init(
        parameters: [Double] = FSRSModel.defaultParameters, days: Int = 365, cards: Int = 1000,
        newPerDay: Int = 20, reviewLimit: Int? = nil, maximumInterval: Int = 36500, seed: UInt64 = 1
    ) {
        self.parameters = parameters
        self.days = days
        self.cards = cards
        self.newPerDay = newPerDay
        self.reviewLimit = reviewLimit
        self.maximumInterval = maximumInterval
        self.seed = seed
    }

    public struct Result: Codable, Hashable, Sendable {
        public var desiredRetention: Double
        /// Reviews on each day (new cards' first reviews not counted).
        public var reviewsPerDay: [Int]
        /// New cards introduced on each day.
        public var newPerDay: [Int]
        /// Knowledge kept at the end of each day: the sum of R over the cards introduced so far.
        public var memorizedPerDay: [Double]
        public var totalReviews: Int { reviewsPerDay.reduce(0, +) }
        public var averageReviewsPerDay: Double {
            reviewsPerDay.isEmpty ? 0 : Double(totalReviews) / Double(reviewsPerDay.count)
        }
        public var memorized: Double { memorizedPerDay.last ?? 0 }
        public var lapses: Int

        private enum CodingKeys: String, CodingKey {
            case desiredRetention, reviewsPerDay, newPerDay, memorizedPerDay, lapses, totalReviews,
                averageReviewsPerDay, memorized
        }

        public init(
            desiredRetention: Double, reviewsPerDay: [Int], newPerDay: [Int], memorizedPerDay: [Double], lapses: Int
        ) {
            self.desiredRetention = desiredRetention
            self.reviewsPerDay = reviewsPerDay
            self.newPerDay = newPerDay
            self.memorizedPerDay = memorizedPerDay
            self.lapses = lapses
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            desiredRetention = try c.decode(Double.self, forKey: .desiredRetention)
            reviewsPerDay = try c.decode([Int].self, forKey: .reviewsPerDay)
            newPerDay = try c.decode([Int].self, forKey: .newPerDay)
            memorizedPerDay = try c.decode([Double].self, forKey: .memorizedPerDay)
            lapses = try c.decode(Int.self, forKey: .lapses)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(desiredRetention, forKey: .desiredRetention)
            try c.encode(reviewsPerDay, forKey: .reviewsPerDay)
            try c.encode(newPerDay, forKey: .newPerDay)
            try c.encode(memorizedPerDay, forKey: .memorizedPerDay)
            try c.encode(lapses, forKey: .lapses)
            try c.encode(totalReviews, forKey: .totalReviews)
            try c.encode(averageReviewsPerDay, forKey: .averageReviewsPerDay)
            try c.encode(memorized, forKey: .memorized)
        }
    }

    private struct SimCard {
        var stability: Double
        var difficulty: Double
        var lastDay: Int
        var dueDay: Int
    }

    /// One run per retention (each validated by `Scheduler`).
    public func run(retentions: [Double]) throws(SchedulingError) -> [Result] {
        var out: [Result] = []
        for r in retentions { out.append(try run(retention: r)) }
        return out
    }

    public func run(retention: Double) throws(SchedulingError) -> Result {
        let config = SchedulerConfig(
            parameters: parameters, desiredRetention: retention, maximumInterval: maximumInterval, enableFuzz: false)
        let scheduler = try Scheduler(config)
        let model = scheduler.model
        var rng = SeededGenerator(seed: seed)
        var learned: [SimCard] = []
        learned.reserveCapacity(min(cards, max(0, days) * max(0, newPerDay)))
        // Due queue: card indices per due day (cards due after the horizon are dropped from it).
        var dueOn: [[Int]] = Array(repeating: [], count: max(days, 0) + 1)
        var reviews = [Int](repeating: 0, count: max(days, 0))
        var introduced = [Int](repeating: 0, count: max(days, 0))
        var memorized = [Double](repeating: 0, count: max(days, 0))
        var lapses = 0
        var carried: [Int] = []

        func draw(_ probabilities: [Double]) -> Int {
            let u = rng.nextUnit() * probabilities.reduce(0, +)
            var acc = 0.0
            for (i, p) in probabilities.enumerated() {
                acc += p
                if u < acc { return i }
            }
            return probabilities.count - 1
        }

        for day in 0..<max(days, 0) {
            var queue = carried + dueOn[day]
            carried = []
            if let limit = reviewLimit, queue.count > limit {
                carried = Array(queue[limit...])
                queue = Array(queue[..<limit])
            }
            for index in queue {
                var card = learned[index]
                let elapsed = Double(day - card.lastDay)
                let r = model.retrievability(elapsedDays: elapsed, stability: card.stability)
                let rating: Rating
                if rng.nextUnit() < r {
                    rating = Rating(rawValue: 2 + draw(recallRatingProbabilities)) ?? .good
                } else {
                    rating = .again
                    lapses += 1
                }
                card.stability = model.nextStability(
                    difficulty: card.difficulty, stability: card.stability, retrievability: r, rating: rating)
                card.difficulty = model.nextDifficulty(card.difficulty, rating: rating)
                card.lastDay = day
                card.dueDay = day + scheduler.interval(stability: card.stability)
                learned[index] = card
                if card.dueDay < dueOn.count { dueOn[card.dueDay].append(index) }
            }
            reviews[day] = queue.count
            let fresh = min(newPerDay, cards - learned.count)
            for _ in 0..<max(fresh, 0) {
                let rating = Rating(rawValue: 1 + draw(firstRatingProbabilities)) ?? .good
                let s = model.initialStability(rating)
                let card = SimCard(
                    stability: s, difficulty: model.initialDifficulty(rating), lastDay: day,
                    dueDay: day + scheduler.interval(stability: s))
                learned.append(card)
                if card.dueDay < dueOn.count { dueOn[card.dueDay].append(learned.count - 1) }
            }
            introduced[day] = max(fresh, 0)
            var sum = 0.0
            for card in learned {
                sum += model.retrievability(elapsedDays: Double(day + 1 - card.lastDay), stability: card.stability)
            }
            memorized[day] = sum
        }
        return Result(
            desiredRetention: retention, reviewsPerDay: reviews, newPerDay: introduced, memorizedPerDay: memorized,
            lapses: lapses)
    }
}
