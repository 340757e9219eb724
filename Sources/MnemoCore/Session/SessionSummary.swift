import Foundation

/// What a session did, for the summary printed at its end and for `:stats`.
public struct SessionSummary: Hashable, Sendable, Codable {
    /// Ratings given (undone ones not counted).
    public var reviewed: Int
    /// Ratings Hard, Good or Easy.
    public var right: Int
    /// Ratings Again.
    public var wrong: Int
    public var newSeen: Int
    public var buried: Int
    public var suspended: Int
    public var undone: Int
    /// Time spent answering (sum of the events' durations), in milliseconds.
    public var answeringMs: Int
    public var started: Date
    /// When the next card falls due after the session; nil when nothing is scheduled.
    public var nextDue: Date?

    public init(started: Date) {
        reviewed = 0
        right = 0
        wrong = 0
        newSeen = 0
        buried = 0
        suspended = 0
        undone = 0
        answeringMs = 0
        self.started = started
        nextDue = nil
    }
}
