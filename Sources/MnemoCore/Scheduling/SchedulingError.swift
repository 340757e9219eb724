/// Why a scheduler configuration was refused. Messages read well after "Error: ".
public enum SchedulingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// One FSRS weight outside its bounds (SPEC.md §2).
    public struct BadParameter: Equatable, Sendable {
        public var index: Int
        public var value: Double
        public var lower: Double
        public var upper: Double

        public init(index: Int, value: Double, lower: Double, upper: Double) {
            self.index = index
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    /// FSRS-6 needs exactly 21 weights.
    case wrongParameterCount(Int)
    /// Every weight out of bounds (or not a number), all listed at once.
    case parametersOutOfBounds([BadParameter])
    /// Desired retention must lie strictly between 0 and 1.
    case badDesiredRetention(Double)
    /// Maximum interval must be at least one day.
    case badMaximumInterval(Int)
    /// A learning or relearning step that is not a positive number of seconds.
    case badStep(kind: String, value: Double)
    /// The optimizer needs more reviews made a day or more after the card's previous review.
    case notEnoughReviews(have: Int, need: Int)

    public var description: String {
        switch self {
        case .wrongParameterCount(let n):
            return "FSRS-6 needs 21 parameters, got \(n)"
        case .parametersOutOfBounds(let bad):
            let list = bad.map { "w\($0.index) = \($0.value) (allowed \($0.lower)…\($0.upper))" }
            return "FSRS parameters out of bounds: " + list.joined(separator: ", ")
        case .badDesiredRetention(let r):
            return "desired retention must be between 0 and 1 (exclusive), got \(r)"
        case .badMaximumInterval(let n):
            return "maximum interval must be at least 1 day, got \(n)"
        case .badStep(let kind, let value):
            return "\(kind) steps must be positive numbers of seconds, got \(value)"
        case .notEnoughReviews(let have, let need):
            return
                "not enough reviews to fit parameters: need at least \(need) reviews made a day or more after the card's previous review, the log has \(have)"
        }
    }

    public static func == (lhs: SchedulingError, rhs: SchedulingError) -> Bool {
        switch (lhs, rhs) {
        case (.wrongParameterCount(let a), .wrongParameterCount(let b)): a == b
        case (.parametersOutOfBounds(let a), .parametersOutOfBounds(let b)):
            a.count == b.count
                && zip(a, b).allSatisfy { x, y in
                    x.index == y.index && x.lower == y.lower && x.upper == y.upper
                        && (x.value == y.value || (x.value.isNaN && y.value.isNaN))
                }
        case (.badDesiredRetention(let a), .badDesiredRetention(let b)): a == b || (a.isNaN && b.isNaN)
        case (.badMaximumInterval(let a), .badMaximumInterval(let b)): a == b
        case (.notEnoughReviews(let a, let b), .notEnoughReviews(let c, let d)): a == c && b == d
        case (.badStep(let k1, let v1), .badStep(let k2, let v2)): k1 == k2 && (v1 == v2 || (v1.isNaN && v2.isNaN))
        default: false
        }
    }
}
