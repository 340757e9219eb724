/// Daily caps on what a session introduces and reviews (as Anki's "new cards/day" and "maximum reviews/day").
public struct StudyLimits: Hashable, Sendable, Codable {
    public static let defaultNewPerDay = 20
    public static let defaultReviewsPerDay = 200

    /// New cards introduced per study day.
    public var newPerDay: Int
    /// Review-phase cards shown per study day (learning steps are not counted).
    public var reviewsPerDay: Int

    public init(newPerDay: Int = StudyLimits.defaultNewPerDay, reviewsPerDay: Int = StudyLimits.defaultReviewsPerDay) {
        self.newPerDay = max(0, newPerDay)
        self.reviewsPerDay = max(0, reviewsPerDay)
    }
}
