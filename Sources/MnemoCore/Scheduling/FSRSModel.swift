import Foundation

/// The FSRS-6 memory model: pure formulas of SPEC.md §3 and §5, computed in the same order as
/// py-fsrs 6.3.2 so results agree to the last bit where it matters (whole-day intervals).
///
/// Stability `S` is in days, difficulty `D` in [1, 10], elapsed time `t` in days.
public struct FSRSModel: Sendable, Hashable {
    /// FSRS-6 default weights (SPEC.md §2).
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// Allowed range of each weight (py-fsrs raises outside them; the optimizer clamps to them).
    public static let parameterBounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100,
        1...10, 0.001...4, 0.001...4, 0.001...0.75,
        0...4.5, 0...0.8, 0.001...3.5,
        0.001...5, 0.001...0.25, 0.001...0.9, 0...4,
        0...1, 1...6,
        0...2, 0...2, 0...0.8, 0.1...0.8,
    ]

    public static let minimumStability = 0.001
    public static let minimumDifficulty = 1.0
    public static let maximumDifficulty = 10.0

    public let w: [Double]
    /// −w20.
    public let decay: Double
    /// 0.9^(1/decay) − 1.
    public let factor: Double
    // Precomputed constants (same values py-fsrs computes on every call).
    private let expW8: Double
    private let lapseShortTermDivisor: Double
    private let easyD0Unclamped: Double

    /// `parameters` must hold 21 values; `Scheduler.init` validates them.
    public init(parameters: [Double]) {
        precondition(parameters.count == 21, "FSRSModel needs 21 parameters")
        w = parameters
        decay = -parameters[20]
        factor = FSRSModel.factor(decay: -parameters[20])
        expW8 = pow(M_E, parameters[8])
        lapseShortTermDivisor = pow(M_E, parameters[17] * parameters[18])
        easyD0Unclamped = parameters[4] - pow(M_E, parameters[5] * 3) + 1
    }

    /// 0.9^(1/decay) − 1, so that R(S, S) = 0.9.
    public static func factor(decay: Double) -> Double {
        pow(0.9, 1 / decay) - 1
    }

    /// Every weight outside its bounds (empty when all are fine); NaN counts as out of bounds.
    public static func outOfBounds(_ parameters: [Double]) -> [SchedulingError.BadParameter] {
        zip(parameters, parameterBounds).enumerated().compactMap { i, pair in
            let (value, range) = pair
            return range.contains(value)
                ? nil : .init(index: i, value: value, lower: range.lowerBound, upper: range.upperBound)
        }
    }

    // MARK: Forgetting curve and intervals

    /// R(t, S) = (1 + FACTOR · t / S)^decay.
    @inline(__always)
    public func retrievability(elapsedDays t: Double, stability s: Double) -> Double {
        pow(1 + factor * t / s, decay)
    }

    /// The unrounded interval in days at which R falls to `desiredRetention`.
    @inline(__always)
    public func rawInterval(stability s: Double, desiredRetention: Double) -> Double {
        (s / factor) * (pow(desiredRetention, 1 / decay) - 1)
    }

    /// py-fsrs `_next_interval`: round half to even, at least 1 day, at most `maximumInterval`.
    public func interval(stability s: Double, desiredRetention: Double, maximumInterval: Int) -> Int {
        FSRSModel.wholeDays(
            rawInterval(stability: s, desiredRetention: desiredRetention), maximumInterval: maximumInterval)
    }

    @inline(__always)
    static func wholeDays(_ raw: Double, maximumInterval: Int) -> Int {
        let rounded = raw.rounded(.toNearestOrEven)
        guard rounded.isFinite else { return maximumInterval }
        if rounded >= Double(maximumInterval) { return maximumInterval }
        return max(Int(rounded), 1)
    }

    // MARK: Memory updates

    /// S0(G) = w[G−1], at least 0.001.
    @inline(__always)
    public func initialStability(_ rating: Rating) -> Double {
        max(w[rating.rawValue - 1], FSRSModel.minimumStability)
    }

    /// D0(G) = w4 − e^(w5·(G−1)) + 1, clamped to [1, 10] unless `clamp` is false.
    @inline(__always)
    public func initialDifficulty(_ rating: Rating, clamp: Bool = true) -> Double {
        let d = w[4] - pow(M_E, w[5] * Double(rating.rawValue - 1)) + 1
        return clamp ? FSRSModel.clampDifficulty(d) : d
    }

    @inline(__always)
    static func clampDifficulty(_ d: Double) -> Double {
        min(max(d, minimumDifficulty), maximumDifficulty)
    }

    /// Difficulty after any review: linear damping, then mean reversion toward D0(Easy) unclamped.
    @inline(__always)
    public func nextDifficulty(_ d: Double, rating: Rating) -> Double {
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = d + (10.0 - d) * delta / 9.0
        return FSRSModel.clampDifficulty(w[7] * easyD0Unclamped + (1 - w[7]) * damped)
    }

    /// Same-day stability (elapsed < 1 day); passing grades never shrink S.
    @inline(__always)
    public func shortTermStability(_ s: Double, rating: Rating) -> Double {
        var increase = pow(M_E, w[17] * (Double(rating.rawValue) - 3 + w[18])) * pow(s, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return max(s * increase, FSRSModel.minimumStability)
    }

    /// Stability after a successful review (G ≥ 2) at retrievability `r`.
    @inline(__always)
    public func recallStability(difficulty d: Double, stability s: Double, retrievability r: Double, rating: Rating)
        -> Double
    {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        let growth = expW8 * (11 - d) * pow(s, -w[9]) * (pow(M_E, (1 - r) * w[10]) - 1) * hardPenalty * easyBonus
        return max(s * (1 + growth), FSRSModel.minimumStability)
    }

    /// Stability after a lapse (G = 1) at retrievability `r`.
    @inline(__always)
    public func forgetStability(difficulty d: Double, stability s: Double, retrievability r: Double) -> Double {
        let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * pow(M_E, (1 - r) * w[14])
        let shortTerm = s / lapseShortTermDivisor
        return max(min(longTerm, shortTerm), FSRSModel.minimumStability)
    }

    /// Stability after a review at least a day after the last one.
    @inline(__always)
    public func nextStability(difficulty d: Double, stability s: Double, retrievability r: Double, rating: Rating)
        -> Double
    {
        rating == .again
            ? forgetStability(difficulty: d, stability: s, retrievability: r)
            : recallStability(difficulty: d, stability: s, retrievability: r, rating: rating)
    }

    /// New (S, D) after a review `elapsedDays` whole days after the previous one, or the initial
    /// state when there is no memory yet. Under a day uses the short-term formula.
    @inline(__always)
    public func nextMemory(
        stability s: Double?, difficulty d: Double?, elapsedDays: Int, rating: Rating
    ) -> (stability: Double, difficulty: Double) {
        guard let s, let d else { return (initialStability(rating), initialDifficulty(rating)) }
        if elapsedDays < 1 {
            return (shortTermStability(s, rating: rating), nextDifficulty(d, rating: rating))
        }
        let r = retrievability(elapsedDays: Double(elapsedDays), stability: s)
        return (
            nextStability(difficulty: d, stability: s, retrievability: r, rating: rating),
            nextDifficulty(d, rating: rating)
        )
    }

    // MARK: Fuzz (SPEC.md §5)

    /// The fuzz bounds for an interval of at least 2.5 days: (min, max) as py-fsrs computes them.
    public static func fuzzRange(interval: Int, maximumInterval: Int) -> (min: Int, max: Int) {
        let ivl = Double(interval)
        var delta = 1.0
        delta += 0.15 * max(min(ivl, 7.0) - 2.5, 0.0)
        delta += 0.10 * max(min(ivl, 20.0) - 7.0, 0.0)
        delta += 0.05 * max(ivl - 20.0, 0.0)
        var lower = Int((ivl - delta).rounded(.toNearestOrEven))
        var upper = Int((ivl + delta).rounded(.toNearestOrEven))
        lower = max(2, lower)
        upper = min(upper, maximumInterval)
        lower = min(lower, upper)
        return (lower, upper)
    }

    /// py-fsrs `_get_fuzzed_interval` with `random()` = `u` in [0, 1]: intervals under 2.5 days are
    /// unchanged; otherwise round(u · (max − min + 1) + min) (half to even), capped at the maximum.
    /// Note the rounding makes max + 1 reachable and gives min half weight, as in py-fsrs.
    public static func fuzzedInterval(_ interval: Int, maximumInterval: Int, unit u: Double) -> Int {
        guard Double(interval) >= 2.5 else { return interval }
        let (lower, upper) = fuzzRange(interval: interval, maximumInterval: maximumInterval)
        let fuzzed = (u * Double(upper - lower + 1) + Double(lower)).rounded(.toNearestOrEven)
        return min(Int(fuzzed), maximumInterval)
    }
}
