import Foundation

/// What `ProgressMerge.merge` did.
public struct MergeReport: Equatable, Sendable {
    /// Events of the other folder that were new to this one.
    public var added: Int
    /// Events both folders had (same id): kept once.
    public var alreadyPresent: Int
    /// Events in the merged log.
    public var total: Int
    /// Whether reviews.jsonl was rewritten (false when the other folder brought nothing new).
    public var rewroteLog: Bool
    /// Lines of either log that were not events; they were saved to `reviews.jsonl.rejected`.
    public var warnings: [ProgressWarning]
}

/// Uniting two progress folders of the same learner (a laptop's and a desktop's): the union of
/// their review events by id, written into the first folder in time order (ties by id), with the
/// snapshot rebuilt. The second folder is only read. Idempotent: merging again changes nothing.
public enum ProgressMerge {
    public static let rejectedFileName = "reviews.jsonl.rejected"

    public static func merge(
        into target: URL, from other: URL, owner: LockOwner, applier: ReviewApplier
    ) throws(ProgressError) -> MergeReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: other.path, isDirectory: &isDirectory) else {
            throw .unreadable(path: other.path, reason: "no such progress folder")
        }
        guard isDirectory.boolValue else { throw .notAFolder(path: other.path) }
        // A mistyped target would otherwise become a new folder holding a copy: refuse it as `class` does.
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
            throw .unreadable(path: target.path, reason: "no such progress folder")
        }
        guard isDirectory.boolValue else { throw .notAFolder(path: target.path) }
        // Opening the store takes the lock and repairs a torn tail; it stays open (locked) until the end.
        let store = try ProgressStore(folder: target, access: .readWrite(owner), applier: applier)
        defer { store.close() }
        let mine = try ReviewLog.read(at: store.logURL)
        let theirs = try ReviewLog.read(at: other.appendingPathComponent(ReviewLog.fileName))

        var seen = Set<String>()
        seen.reserveCapacity(mine.events.count + theirs.events.count)
        var merged: [ReviewEvent] = []
        merged.reserveCapacity(mine.events.count + theirs.events.count)
        for event in mine.events where seen.insert(event.id).inserted { merged.append(event) }
        let mineCount = merged.count
        var alreadyPresent = 0
        for event in theirs.events {
            if seen.insert(event.id).inserted { merged.append(event) } else { alreadyPresent += 1 }
        }
        let added = merged.count - mineCount
        merged = ordered(merged)

        let warnings = mine.warnings + theirs.warnings + [mine.tornWarning, theirs.tornWarning].compactMap { $0 }
        let unchanged = merged.map(\.id) == mine.events.map(\.id) && mine.warnings.isEmpty
        if !unchanged {
            try saveRejectedLines(mine, theirs, otherLog: other.appendingPathComponent(ReviewLog.fileName), in: target)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(merged.count * 200)
            for event in merged {
                bytes.append(contentsOf: EventLineCodec.encode(event))
                bytes.append(0x0A)
            }
            store.prepareForLogReplacement()
            try AtomicFile.write(bytes, to: store.logURL)
            var replay = ProgressReplay()
            try replay.apply(try ReviewLog.read(at: store.logURL), applier: applier)
            try AtomicFile.write(
                try ProgressSnapshot(replay: replay, configHash: applier.configHash).encoded(), to: store.snapshotURL)
        }
        return MergeReport(
            added: added, alreadyPresent: alreadyPresent, total: merged.count, rewroteLog: !unchanged,
            warnings: warnings)
    }

    /// Events by time, ties broken by id (a stable, device-independent order).
    public static func ordered(_ events: [ReviewEvent]) -> [ReviewEvent] {
        events.sorted { a, b in a.time != b.time ? a.time < b.time : a.id < b.id }
    }

    /// Bad lines are not dropped silently: they go to `reviews.jsonl.rejected` with where they came from.
    private static func saveRejectedLines(
        _ mine: ReviewLogContents, _ theirs: ReviewLogContents, otherLog: URL, in target: URL
    ) throws(ProgressError) {
        let sources = [(target.appendingPathComponent(ReviewLog.fileName), mine), (otherLog, theirs)]
        var out: [UInt8] = []
        for (url, contents) in sources where !contents.warnings.isEmpty {
            let bytes = try ReviewLog.readBytes(at: url)
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            for warning in contents.warnings {
                guard let n = warning.line, n - 1 < lines.count else { continue }
                out.append(contentsOf: Array(lines[n - 1]))
                out.append(0x0A)
            }
        }
        guard !out.isEmpty else { return }
        let url = target.appendingPathComponent(rejectedFileName)
        var existing = try ReviewLog.readBytes(at: url)
        existing.append(contentsOf: out)
        try AtomicFile.write(existing, to: url)
    }
}
