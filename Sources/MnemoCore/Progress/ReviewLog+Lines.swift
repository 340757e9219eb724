extension ReviewLog {
    /// The log lines for `events` (each ending in a newline), exactly as the store appends them.
    /// For tools that write a whole log at once (benchmarks, tests, simulations); a study session
    /// appends through `ProgressStore.append`, which fsyncs each event.
    public static func lines(for events: [ReviewEvent]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(events.count * 170)
        for event in events {
            bytes.append(contentsOf: EventLineCodec.encode(event))
            bytes.append(0x0A)
        }
        return bytes
    }
}
