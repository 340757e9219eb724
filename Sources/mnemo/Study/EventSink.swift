import MnemoCore

/// Where the session's events go. `append` returns only once the event is durable (written and fsync'd).
protocol EventSink: AnyObject {
    /// Appends `event` durably; returns the card's record as the log now gives it, when known.
    @discardableResult
    func append(_ event: ReviewEvent) throws -> CardRecord?
}

/// Keeps events in memory (tests).
final class MemoryEventSink: EventSink {
    private(set) var events: [ReviewEvent] = []
    var failure: (any Error)?

    func append(_ event: ReviewEvent) throws -> CardRecord? {
        if let failure { throw failure }
        events.append(event)
        return nil
    }
}
