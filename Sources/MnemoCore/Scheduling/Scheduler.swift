import Foundation

/// The FSRS-6 scheduler: py-fsrs 6.3.2 `Scheduler.review_card` semantics (SPEC.md §4), with fuzz
/// drawn from an injected generator so replaying a log gives the same intervals every time.
///
/// With fuzz off it is py-fsrs-exact (the shared reference vectors). With fuzz on, a Review-phase
/// card's intervals keep Hard ≤ Good < Easy as Anki does (py-fsrs fuzzes each on its own, so a
/// Hard interval can exceed Good's there): see `orderedInterval` and docs/scheduling.md.
public struct Scheduler: Sendable {
    public let config: SchedulerConfig
    public let model: FSRSModel
    /// (DR^(1/decay) − 1): the interval per unit of S / FACTOR.
    private let retentionTerm: Double

    public init(_ config: SchedulerConfig = .default) throws(SchedulingError) {
        guard config.parameters.count == 21 else { throw .wrongParameterCount(config.parameters.count) }
        let bad = FSRSModel.outOfBounds(config.parameters)
        guard bad.isEmpty else { throw .parametersOutOfBounds(bad) }
        guard config.desiredRetention > 0, config.desiredRetention < 1 else {
            throw .badDesiredRetention(config.desiredRetention)
        }
        guard config.maximumInterval >= 1 else { throw .badMaximumInterval(config.maximumInterval) }
        for step in config.learningSteps where !(step > 0 && step.isFinite) {
            throw .badStep(kind: "learning", value: step)
        }
        for step in config.relearningSteps where !(step > 0 && step.isFinite) {
            throw .badStep(kind: "relearning", value: step)
        }
        self.config = config
        model = FSRSModel(parameters: config.parameters)
        retentionTerm = pow(config.desiredRetention, 1 / model.decay) - 1
    }

    /// Whole days between two times, as Python's `timedelta.days` (floor, microsecond resolution).
    @inline(__always)
    static func elapsedDays(from start: Date, to end: Date) -> Int {
        let micros = (end.timeIntervalSince(start) * 1e6).rounded()
        return Int((micros / 86_400_000_000).rounded(.down))
    }

    /// Whole-day interval for stability `s` (py-fsrs `_next_interval`).
    @inline(__always)
    public func interval(stability s: Double) -> Int {
        FSRSModel.wholeDays((s / model.factor) * retentionTerm, maximumInterval: config.maximumInterval)
    }

    /// R at `now` as py-fsrs `get_card_retrievability`: whole elapsed days (at least 0);
    /// 0 for a card never reviewed.
    public func retrievability(of card: CardState, at now: Date) -> Double {
        guard let last = card.lastReview, let s = card.stability else { return 0 }
        let days = max(0, Scheduler.elapsedDays(from: last, to: now))
        return model.retrievability(elapsedDays: Double(days), stability: s)
    }

    /// Apply one review (py-fsrs 6.3.2 `Scheduler.review_card` semantics). Increments reps;
    /// lapses += 1 when a Review-phase card is rated Again. Draws one uniform number from `rng`
    /// only when the result is a Review interval of at least 3 days and fuzz is on.
    public func review(_ card: CardState, rating: Rating, at now: Date, using rng: inout some RandomNumberGenerator)
        -> CardState
    {
        review(card, rating: rating, at: now, using: &rng, dueLoad: nil)
    }

    /// Apply one review, with Anki's load balancer (`LoadBalancer`) choosing a fuzzed Review
    /// interval's day from `dueLoad`, the cards due on each day before this review (all cards of
    /// the progress folder, as replay counts them). Balancing needs fuzz and `loadBalance` on and a
    /// `dueLoad`; otherwise this is `review(_:rating:at:using:)`. The generator is drawn from exactly
    /// as there (one draw, same conditions), so the draw that fuzzes also picks the day.
    public func review(
        _ card: CardState, rating: Rating, at now: Date, using rng: inout some RandomNumberGenerator,
        dueLoad: DueHistogram?
    ) -> CardState {
        var next = card
        next.reps += 1
        // Memory update first.
        if let s = card.stability, let d = card.difficulty, let last = card.lastReview {
            let days = Scheduler.elapsedDays(from: last, to: now)
            if days < 1 {
                next.stability = model.shortTermStability(s, rating: rating)
            } else {
                let r = model.retrievability(elapsedDays: Double(max(0, days)), stability: s)
                next.stability = model.nextStability(difficulty: d, stability: s, retrievability: r, rating: rating)
            }
            next.difficulty = model.nextDifficulty(d, rating: rating)
        } else {
            next.stability = model.initialStability(rating)
            next.difficulty = model.initialDifficulty(rating)
        }
        let stability = next.stability ?? model.initialStability(rating)

        // Then the state machine.
        var waitSeconds: Double = 0
        var days: Int?
        switch card.phase {
        case .new, .learning, .relearning:
            let steps = card.phase == .relearning ? config.relearningSteps : config.learningSteps
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                next.phase = .review
                next.step = nil
                days = interval(stability: stability)
            } else {
                next.phase = card.phase == .new ? .learning : card.phase
                switch rating {
                case .again:
                    next.step = 0
                    waitSeconds = steps[0]
                case .hard:
                    next.step = step
                    if step == 0 && steps.count == 1 {
                        waitSeconds = steps[0] * 1.5
                    } else if step == 0 {
                        waitSeconds = (steps[0] + steps[1]) / 2.0
                    } else {
                        waitSeconds = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        next.phase = .review
                        next.step = nil
                        days = interval(stability: stability)
                    } else {
                        next.step = step + 1
                        waitSeconds = steps[step + 1]
                    }
                case .easy:
                    next.phase = .review
                    next.step = nil
                    days = interval(stability: stability)
                }
            }
        case .review:
            if rating == .again {
                next.lapses += 1
                if config.relearningSteps.isEmpty {
                    days = interval(stability: stability)
                } else {
                    next.phase = .relearning
                    next.step = 0
                    waitSeconds = config.relearningSteps[0]
                }
            } else {
                next.step = nil
                days = interval(stability: stability)
            }
        }

        if var d = days {
            if config.enableFuzz && next.phase == .review && d >= 3 {
                let u = Double(rng.next() >> 11) * 0x1p-53
                let balance = config.loadBalance ? dueLoad.map { ($0, DueHistogram.day(of: now)) } : nil
                if card.phase == .review && rating != .again {
                    d = orderedInterval(card, rating: rating, at: now, unit: u, balance: balance)
                } else {
                    d = fuzzed(d, minimum: 1, unit: u, balance: balance)
                }
            }
            waitSeconds = Double(d) * 86_400
        }
        next.due = now.addingTimeInterval(waitSeconds)
        next.lastReview = now
        return next
    }

    /// The fuzzed interval of a Review-phase card rated Hard, Good or Easy, kept in Anki's order
    /// Hard ≤ Good < Easy (docs/scheduling.md): the three unfuzzed intervals are fuzzed with the same
    /// draw `u`, then Good is raised to Hard's and Easy to Good's + 1 (within the maximum interval).
    /// Only used with fuzz on: with fuzz off the scheduler is py-fsrs-exact (the reference vectors).
    /// With `balance` (the due counts and today's balancer day), each interval is balanced within its
    /// fuzz range kept at or above the minimum its order sets: Good ≥ Hard, Easy ≥ Good + 1.
    func orderedInterval(
        _ card: CardState, rating: Rating, at now: Date, unit u: Double,
        balance: (load: DueHistogram, today: Int)? = nil
    ) -> Int {
        guard let s = card.stability, let d = card.difficulty, let last = card.lastReview else { return 1 }
        let elapsed = Scheduler.elapsedDays(from: last, to: now)
        func fuzzed(_ g: Rating, minimum: Int) -> Int {
            let stability: Double
            if elapsed < 1 {
                stability = model.shortTermStability(s, rating: g)
            } else {
                let r = model.retrievability(elapsedDays: Double(max(0, elapsed)), stability: s)
                stability = model.nextStability(difficulty: d, stability: s, retrievability: r, rating: g)
            }
            return self.fuzzed(interval(stability: stability), minimum: minimum, unit: u, balance: balance)
        }
        let hard = fuzzed(.hard, minimum: 1)
        if rating == .hard { return hard }
        let good = fuzzed(.good, minimum: hard)
        if rating == .good { return good }
        return fuzzed(.easy, minimum: good + 1)
    }

    /// The fuzzed interval `d`, at least `minimum` (within the maximum interval): balanced when
    /// `balance` is given and Anki would balance it, else py-fsrs fuzz raised to the minimum.
    @inline(__always)
    func fuzzed(_ d: Int, minimum: Int, unit u: Double, balance: (load: DueHistogram, today: Int)?) -> Int {
        let top = config.maximumInterval
        if let balance, LoadBalancer.balances(interval: d, minimum: minimum) {
            let (lower, upper) = LoadBalancer.bounds(interval: d, minimum: minimum, maximumInterval: top)
            return LoadBalancer.pick(lower: lower, upper: upper, today: balance.today, load: balance.load, unit: u)
        }
        return min(max(FSRSModel.fuzzedInterval(d, maximumInterval: top, unit: u), minimum), top)
    }

    /// The four possible next states, one per rating (to show each rating's interval). Each rating
    /// draws its fuzz from a copy of `rng`, so `preview(...)[.good]` equals `review(..., .good, ...)`
    /// with a copy of the same generator. `rng` itself is left unchanged.
    public func preview(
        _ card: CardState, at now: Date, using rng: inout some RandomNumberGenerator, dueLoad: DueHistogram? = nil
    ) -> [Rating: CardState] {
        var result: [Rating: CardState] = [:]
        result.reserveCapacity(4)
        for rating in Rating.allCases {
            var copy = rng
            result[rating] = review(card, rating: rating, at: now, using: &copy, dueLoad: dueLoad)
        }
        return result
    }
}
