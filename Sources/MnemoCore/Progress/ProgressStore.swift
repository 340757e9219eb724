import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress folder (docs/progress-format.md): the review log, the snapshot cache, the settings
/// and the lock. Open it read-write (takes the lock) to study, read-only to list or report.
///
///     let store = try ProgressStore(folder: dir, access: .readWrite(owner))
///     let record = store.record(for: card.id)            // memory state, .new if never seen
///     let (event, updated) = try store.append(event)     // durable (fsync'd) when this returns
///     try store.close()                                   // saves the snapshot, drops the lock
public final class ProgressStore {
    public enum Access: Sendable {
        case readOnly
        /// Takes the folder's lock; `owner` is written into it for a second writer to read.
        case readWrite(LockOwner)
    }

    /// How the records were obtained when the store was opened (for tests and benchmarks).
    public enum LoadPath: Equatable, Sendable {
        /// The log was replayed from the start (no usable snapshot).
        case rebuilt
        /// The snapshot matched the log; `newEvents` events after it were replayed.
        case snapshot(newEvents: Int)
    }

    public let folder: URL
    public let applier: ReviewApplier
    /// The folder's settings (defaults when opened with an explicit applier).
    public let settings: ProgressSettings
    public let isWritable: Bool
    public private(set) var loadPath: LoadPath
    /// Problems found while loading (bad lines, a torn last line, a malformed snapshot); never fatal.
    public private(set) var warnings: [ProgressWarning]

    private var replay: ProgressReplay
    private var lock: ProgressLock?
    private var writer: ReviewLogWriter?
    private var snapshotIsCurrent: Bool
    /// For undo within a session: each appended event's card record before it.
    private var recordBefore: [String: CardRecord?] = [:]
    private var lastEventOfCard: [CardID: String] = [:]
    /// Events appended by this store, in order, and where each is in that list: with the load
    /// balancer on, undoing one by restoring its card's record is exact only when no review has
    /// been applied after it.
    private var appended: [(id: String, card: CardID, schedules: Bool)] = []
    private var appendedIndex: [String: Int] = [:]

    public var logURL: URL { folder.appendingPathComponent(ReviewLog.fileName) }
    public var snapshotURL: URL { folder.appendingPathComponent(ProgressSnapshot.fileName) }

    /// Every card seen in the log, with its record.
    public var records: [CardID: CardRecord] { replay.records }
    /// Whole events in the log.
    public var eventCount: Int { replay.eventCount }
    /// The state of the whole replay (what the snapshot stores); equal for a rebuild and an incremental load.
    public var replayState: ProgressReplay { replay }
    /// Cards due on each day, over every card in the folder: what the load balancer sees next.
    public var dueLoad: DueHistogram { replay.dueLoad }

    /// The record for `card`: what the log says, or a new card if it has no events.
    public func record(for card: CardID, deck: String = "") -> CardRecord {
        replay.records[card] ?? CardRecord(deck: deck)
    }

    /// Opens `folder` replaying reviews with `applier` (tests, benchmarks; the usual way in is
    /// `init(folder:access:)`, which builds the scheduler from the folder's settings).
    public init(
        folder: URL, access: Access, applier: ReviewApplier, settings: ProgressSettings = .default
    ) throws(ProgressError) {
        self.folder = folder
        self.applier = applier
        self.settings = settings
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue { throw .notAFolder(path: folder.path) }

        switch access {
        case .readOnly:
            isWritable = false
        case .readWrite(let owner):
            isWritable = true
            if !exists { try ProgressStore.createFolder(folder) }
            lock = try ProgressLock(folder: folder, owner: owner)
        }
        replay = ProgressReplay()
        loadPath = .rebuilt
        warnings = []
        snapshotIsCurrent = false
        guard exists || isWritable else { return }

        let logURL = folder.appendingPathComponent(ReviewLog.fileName)
        var snapshotWarning: ProgressWarning?
        var start: ProgressReplay?
        switch try ProgressSnapshot.load(from: folder.appendingPathComponent(ProgressSnapshot.fileName)) {
        case .missing: break
        case .malformed(let why):
            snapshotWarning = ProgressWarning(
                file: folder.appendingPathComponent(ProgressSnapshot.fileName).path,
                message: "the snapshot is malformed (\(why)); rebuilt it from the review log")
        case .loaded(let snapshot):
            if snapshot.configHash == applier.configHash,
                try ProgressStore.logHasPrefix(logURL, bytes: snapshot.log.bytes, lastEventID: snapshot.log.lastEventID)
            {
                start = snapshot.replay(logFile: logURL.path)
            }
        }
        replay = start ?? ProgressReplay()
        let tail = try ReviewLog.read(at: logURL, fromOffset: replay.logLength, firstLine: replay.lineCount + 1)
        let applier = self.applier
        let replayedWhole = try replay.apply(
            tail, applier: applier,
            history: { card throws(ProgressError) in
                try ReviewLog.events(of: card, at: logURL, upTo: tail.wholeLength)
            },
            rebuild: { () throws(ProgressError) in try ProgressStore.fullReplay(of: logURL, applier: applier) })
        loadPath = start == nil || replayedWhole ? .rebuilt : .snapshot(newEvents: tail.events.count)
        snapshotIsCurrent = start != nil && tail.events.isEmpty && tail.lineCount == 0
        warnings = replay.lineWarnings
        if let torn = tail.tornWarning { warnings.append(torn) }
        if let snapshotWarning { warnings.insert(snapshotWarning, at: 0) }

        if isWritable {
            do {
                writer = try ReviewLogWriter(url: logURL, tail: tail)
                if !snapshotIsCurrent { try saveSnapshot() }
            } catch {
                close()
                throw error
            }
        }
    }

    deinit { close() }

    /// Appends `event` to the log and fsyncs it, then updates its card's record. Times are
    /// truncated to milliseconds first (as the log stores them), so the record equals what replay
    /// gives. Returns the event as stored and the card's new record.
    @discardableResult
    public func append(_ event: ReviewEvent) throws(ProgressError) -> (event: ReviewEvent, record: CardRecord?) {
        guard let writer else { throw .readOnly(folder: folder.path) }
        var event = event
        event.time = LogTime.truncated(event.time)
        if let until = event.until { event.until = LogTime.truncated(until) }
        if let problem = ReviewEvent.problem(with: event) { throw .invalidEvent(id: event.id, problem: problem) }
        try writer.append([event])

        let card = event.card
        let before = replay.records[card]
        if event.kind == .undo, let target = event.undoes {
            replay.undone.insert(UndoneEvent(event: target, card: card))
            if lastEventOfCard[card] == target, let saved = recordBefore[target],
                !applier.balances || !reviewApplied(after: target)
            {
                var record = saved ?? CardRecord(deck: event.deck)
                if !event.deck.isEmpty { record.deck = event.deck }
                replay.set(record, for: card)
            } else if applier.balances {
                // Every review after the undone event may have been balanced around it: re-derive
                // the whole log, as a rebuild does. The saved records may be stale after that.
                replay = try ProgressStore.fullReplay(of: logURL, applier: applier)
                recordBefore = [:]
                lastEventOfCard = [:]
                appended = []
                appendedIndex = [:]
                snapshotIsCurrent = false
                return (event, replay.records[card])
            } else {
                let history = try ReviewLog.events(of: card, at: logURL, upTo: writer.length)
                replay.set(ProgressReplay.fold(history, card: card, applier: applier), for: card)
            }
        } else {
            var record = before
            let isUndone = event.kind != .undo && replay.undone.contains(UndoneEvent(event: event.id, card: card))
            ProgressReplay.step(&record, event, undone: isUndone, applier: applier, load: replay.dueLoad)
            replay.set(record, for: card)
        }
        recordBefore[event.id] = .some(before)
        lastEventOfCard[card] = event.id
        noteAppended(event)
        replay.eventCount += 1
        replay.lineCount += 1
        replay.logLength = writer.length
        replay.lastEventID = event.id
        snapshotIsCurrent = false
        return (event, replay.records[card])
    }

    /// Appends many events with one write and one fsync (an import): all of them are stored or,
    /// on any failure, none (the log is cut back). Undo events are not accepted here.
    public func append(contentsOf events: [ReviewEvent]) throws(ProgressError) {
        guard let writer else { throw .readOnly(folder: folder.path) }
        var stored: [ReviewEvent] = []
        stored.reserveCapacity(events.count)
        for var event in events {
            event.time = LogTime.truncated(event.time)
            if let until = event.until { event.until = LogTime.truncated(until) }
            if event.kind == .undo {
                throw .invalidEvent(id: event.id, problem: "undo events cannot be appended in a batch")
            }
            if let problem = ReviewEvent.problem(with: event) { throw .invalidEvent(id: event.id, problem: problem) }
            stored.append(event)
        }
        guard !stored.isEmpty else { return }
        try writer.append(stored)
        for event in stored {
            var record = replay.records[event.card]
            let isUndone = replay.undone.contains(UndoneEvent(event: event.id, card: event.card))
            ProgressReplay.step(&record, event, undone: isUndone, applier: applier, load: replay.dueLoad)
            replay.set(record, for: event.card)
            lastEventOfCard[event.card] = nil
            noteAppended(event)
        }
        replay.eventCount += stored.count
        replay.lineCount += stored.count
        replay.logLength = writer.length
        replay.lastEventID = stored.last?.id
        snapshotIsCurrent = false
    }

    private func noteAppended(_ event: ReviewEvent) {
        appendedIndex[event.id] = appended.count
        appended.append((event.id, event.card, event.kind == .review && event.countsForSchedule))
    }

    /// Whether a review that changes a schedule was appended after `target` and is still in effect.
    private func reviewApplied(after target: String) -> Bool {
        guard let index = appendedIndex[target] else { return true }
        return appended[(index + 1)...].contains { e in
            e.schedules && !replay.undone.contains(UndoneEvent(event: e.id, card: e.card))
        }
    }

    /// The whole log replayed from its first line (what a rebuild gives).
    static func fullReplay(of logURL: URL, applier: ReviewApplier) throws(ProgressError) -> ProgressReplay {
        var whole = ProgressReplay()
        try whole.apply(try ReviewLog.read(at: logURL), applier: applier)
        return whole
    }

    /// Replaces snapshot.json atomically with the current records.
    public func saveSnapshot() throws(ProgressError) {
        guard isWritable else { throw .readOnly(folder: folder.path) }
        let snapshot = ProgressSnapshot(replay: replay, configHash: applier.configHash)
        try AtomicFile.write(try snapshot.encoded(), to: snapshotURL)
        snapshotIsCurrent = true
    }

    /// For a store opened read-only that had to replay (no snapshot, or one of other settings, as
    /// after `mnemo settings` or an upgrade): writes the snapshot the replay gives, so the next
    /// reader starts from it. Only when nobody holds the folder's lock (taken for the write) and the
    /// log is still the one replayed; otherwise, or if the write fails, nothing happens: the snapshot
    /// is a cache. True when it wrote one.
    @discardableResult
    public func refreshSnapshotIfFree(owner: LockOwner) -> Bool {
        guard !isWritable, loadPath == .rebuilt, replay.logLength > 0 else { return false }
        guard let lock = try? ProgressLock(folder: folder, owner: owner) else { return false }
        defer { lock.release() }
        // Under the lock nobody appends: the log must be exactly the bytes replayed (a torn tail is not).
        let attributes = try? FileManager.default.attributesOfItem(atPath: logURL.path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue, size == replay.logLength else { return false }
        let snapshot = ProgressSnapshot(replay: replay, configHash: applier.configHash)
        guard let data = try? snapshot.encoded(), (try? AtomicFile.write(data, to: snapshotURL)) != nil else {
            return false
        }
        return true
    }

    /// Saves the snapshot if it is behind, closes the log and drops the lock. Idempotent.
    /// A failed snapshot write loses nothing (the log has every event); it is reported.
    public func close() {
        if writer != nil, !snapshotIsCurrent { try? saveSnapshot() }
        writer?.finish()
        writer = nil
        lock?.release()
        lock = nil
    }

    /// Stops appending (the log is about to be replaced by a merge); the lock stays held until `close`.
    func prepareForLogReplacement() {
        writer?.finish()
        writer = nil
        snapshotIsCurrent = true
    }

    /// Who holds `folder`'s lock now, or nil if nobody does.
    public static func lockHolder(of folder: URL) -> String? { ProgressLock.currentHolder(of: folder) }

    private static func createFolder(_ folder: URL) throws(ProgressError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .notWritable(path: folder.path, reason: reason(creating: folder))
        }
        try? AtomicFile.syncFolder(of: folder)
    }

    /// Why `folder` cannot be created, in the system's words.
    private static func reason(creating folder: URL) -> String {
        var url = folder
        while url.path != "/" {
            let parent = url.deletingLastPathComponent()
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return "\(parent.path) is a file, not a folder" }
                if access(parent.path, W_OK) != 0 { return String(cString: strerror(errno)) }
                return "permission denied"
            }
            url = parent
        }
        return "permission denied"
    }

    /// Whether the log's first `bytes` bytes are the prefix a snapshot recorded: that many bytes
    /// exist, they end with a newline, and the line before it is the event `lastEventID`.
    static func logHasPrefix(_ url: URL, bytes: Int, lastEventID: String?) throws(ProgressError) -> Bool {
        if bytes == 0 { return lastEventID == nil }
        guard let lastEventID else { return false }
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { SystemCall.closeFile(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) >= bytes else { return false }
        let window = min(bytes, 64 * 1024)
        var buffer = [UInt8](repeating: 0, count: window)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, window, off_t(bytes - window)) }
        guard n == window, buffer[window - 1] == 0x0A else { return false }
        var start = window - 1
        while start > 0, buffer[start - 1] != 0x0A { start -= 1 }
        if start == 0, window < bytes { return false }
        let event = buffer.withUnsafeBytes { buf in
            try? EventLineCodec.decode(UnsafeRawBufferPointer(rebasing: buf[start..<(window - 1)]))
        }
        return event?.id == lastEventID
    }
}
