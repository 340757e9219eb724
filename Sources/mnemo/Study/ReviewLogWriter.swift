import MnemoCore

/// Where the session's events go. `append` returns only once the event is durable (written and fsync'd).
protocol ReviewLogWriter: AnyObject {
    func append(_ event: ReviewEvent) throws
}

/// Keeps events in memory (tests).
final class MemoryLogWriter: ReviewLogWriter {
    private(set) var events: [ReviewEvent] = []
    var failure: (any Error)?

    func append(_ event: ReviewEvent) throws {
        if let failure { throw failure }
        events.append(event)
    }
}
