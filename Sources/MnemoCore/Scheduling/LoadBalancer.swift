/// Anki's load balancer (24.11+, `rslib/src/scheduler/states/load_balancer.rs`): within the fuzz
/// range of a Review interval, a weighted random pick of the day, each day weighted by how few cards
/// are already due on it, so the daily workload evens out. docs/scheduling.md.
///
/// - A day with no card due weighs 1; a day with n cards due weighs (1/n)² · (1/interval), so
///   emptier and (a little) earlier days are preferred, as in Anki.
/// - Intervals (or minimums) over 90 days are not balanced (Anki: "the need to balance is low"):
///   the scheduler fuzzes them as without a balancer.
/// - The pick uses the uniform draw `u` the scheduler took from the injected generator (seeded per
///   event id on replay), so the same log and the same due counts always give the same day.
/// - Not taken from Anki: its sibling penalty (the replay knows cards, not notes) and easy days
///   (no such setting here).
public enum LoadBalancer {
    /// Longer intervals are fuzzed, not balanced.
    public static let maximumBalancedInterval = 90

    /// Whether Anki would balance an interval of `interval` days that must be at least `minimum`.
    @inline(__always)
    static func balances(interval: Int, minimum: Int) -> Bool {
        interval <= maximumBalancedInterval && minimum <= maximumBalancedInterval
    }

    /// The candidate days for an interval: its fuzz range (SPEC.md §5) kept within
    /// [`minimum`, `maximumInterval`] and widened to two days where that is allowed, as Anki's
    /// `constrained_fuzz_bounds`.
    public static func bounds(interval: Int, minimum: Int, maximumInterval: Int) -> (lower: Int, upper: Int) {
        let minimum = min(max(1, minimum), maximumInterval)
        let ivl = min(max(interval, minimum), maximumInterval)
        var (lower, upper) =
            ivl >= 3 ? FSRSModel.fuzzRange(interval: ivl, maximumInterval: maximumInterval) : (ivl, ivl)
        lower = min(max(lower, minimum), maximumInterval)
        upper = min(max(upper, minimum), maximumInterval)
        if upper == lower && upper > 2 && upper < maximumInterval { upper = lower + 1 }
        return (lower, upper)
    }

    /// The weight of a day `interval` days away with `due` cards already due on it.
    @inline(__always)
    public static func weight(due: Int, interval: Int) -> Double {
        due == 0 ? 1 : 1 / (Double(due) * Double(due) * Double(max(1, interval)))
    }

    /// The interval in [`lower`, `upper`] picked with weights from `load` (days counted from `today`)
    /// and the uniform draw `u` in [0, 1): the first day whose cumulative weight exceeds u · total.
    public static func pick(lower: Int, upper: Int, today: Int, load: DueHistogram, unit u: Double) -> Int {
        guard upper > lower else { return lower }
        var total = 0.0
        for i in lower...upper { total += weight(due: load.count(onDay: today + i), interval: i) }
        let target = u * total
        var cumulative = 0.0
        for i in lower..<upper {
            cumulative += weight(due: load.count(onDay: today + i), interval: i)
            if cumulative > target { return i }
        }
        return upper
    }
}
