import Foundation

/// Everything that shapes scheduling, as py-fsrs 6.3.2's `Scheduler` takes it (SPEC.md §2, §4).
public struct SchedulerConfig: Codable, Hashable, Sendable {
    /// The 21 FSRS-6 weights w0…w20 (SPEC.md §2).
    public var parameters: [Double]
    /// Target probability of recall at the due time, in (0, 1).
    public var desiredRetention: Double
    /// Learning steps in seconds (py-fsrs default: 1 min, 10 min).
    public var learningSteps: [Double]
    /// Relearning steps in seconds (py-fsrs default: 10 min).
    public var relearningSteps: [Double]
    /// Longest interval in days.
    public var maximumInterval: Int
    /// Whether Review-phase intervals are fuzzed (SPEC.md §5).
    public var enableFuzz: Bool
    /// Whether a fuzzed Review interval's day is chosen by the load balancer (Anki's, within the
    /// fuzz range: the day with fewer cards due is preferred). Only with fuzz on, as in Anki.
    public var loadBalance: Bool

    public init(
        parameters: [Double] = FSRSModel.defaultParameters, desiredRetention: Double = 0.9,
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500, enableFuzz: Bool = true, loadBalance: Bool = true
    ) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzz = enableFuzz
        self.loadBalance = loadBalance
    }

    public static let `default` = SchedulerConfig()

    private enum CodingKeys: String, CodingKey {
        case parameters, desiredRetention, learningSteps, relearningSteps, maximumInterval, enableFuzz, loadBalance
    }

    /// Missing keys take their defaults, so settings files written by older versions still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SchedulerConfig.default
        parameters = try c.decodeIfPresent([Double].self, forKey: .parameters) ?? d.parameters
        desiredRetention = try c.decodeIfPresent(Double.self, forKey: .desiredRetention) ?? d.desiredRetention
        learningSteps = try c.decodeIfPresent([Double].self, forKey: .learningSteps) ?? d.learningSteps
        relearningSteps = try c.decodeIfPresent([Double].self, forKey: .relearningSteps) ?? d.relearningSteps
        maximumInterval = try c.decodeIfPresent(Int.self, forKey: .maximumInterval) ?? d.maximumInterval
        enableFuzz = try c.decodeIfPresent(Bool.self, forKey: .enableFuzz) ?? d.enableFuzz
        loadBalance = try c.decodeIfPresent(Bool.self, forKey: .loadBalance) ?? d.loadBalance
    }
}
