import Foundation

/// `snapshot.json`: a cache of every card's record and of where in the log it was taken.
/// Never the source of truth: whenever it is missing, malformed or does not match the log, the
/// store rebuilds it from the log.
struct ProgressSnapshot: Codable, Equatable {
    static let fileName = "snapshot.json"

    struct LogPosition: Codable, Equatable {
        /// Events in the prefix the snapshot reflects.
        var events: Int
        /// Lines in that prefix, bad ones included.
        var lines: Int
        /// Its length in bytes (ends with a newline).
        var bytes: Int
        /// The id of the prefix's last event, checked against the log before the snapshot is trusted.
        var lastEventID: String?
    }

    struct LineWarning: Codable, Equatable {
        var line: Int
        var message: String
    }

    var formatVersion: Int
    /// SHA-256 (hex) of the scheduler settings the states were computed with.
    var configHash: String
    var log: LogPosition
    var undone: [UndoneEvent]
    var warnings: [LineWarning]
    var cards: [String: CardRecord]

    init(
        formatVersion: Int, configHash: String, log: LogPosition, undone: [UndoneEvent], warnings: [LineWarning],
        cards: [String: CardRecord]
    ) {
        self.formatVersion = formatVersion
        self.configHash = configHash
        self.log = log
        self.undone = undone
        self.warnings = warnings
        self.cards = cards
    }

    init(replay: ProgressReplay, configHash: String) {
        formatVersion = ProgressFormat.version
        self.configHash = configHash
        log = LogPosition(
            events: replay.eventCount, lines: replay.lineCount, bytes: replay.logLength, lastEventID: replay.lastEventID
        )
        undone = replay.undone.sorted()
        warnings = replay.lineWarnings.compactMap { w in w.line.map { LineWarning(line: $0, message: w.message) } }
        var cards: [String: CardRecord] = [:]
        cards.reserveCapacity(replay.records.count)
        for (id, record) in replay.records { cards[id.rawValue] = record }
        self.cards = cards
    }

    func replay(logFile: String) -> ProgressReplay {
        var r = ProgressReplay()
        r.eventCount = log.events
        r.lineCount = log.lines
        r.logLength = log.bytes
        r.lastEventID = log.lastEventID
        r.undone = Set(undone)
        r.lineWarnings = warnings.map { ProgressWarning(file: logFile, line: $0.line, message: $0.message) }
        var records: [CardID: CardRecord] = [:]
        records.reserveCapacity(cards.count)
        for (id, record) in cards { records[CardID(id)] = record }
        r.records = records
        r.recount()
        return r
    }

    func encoded() throws(ProgressError) -> [UInt8] { SnapshotCodec.encode(self) }

    enum LoadResult {
        case missing
        case malformed(String)
        case loaded(ProgressSnapshot)
    }

    /// Reads `snapshot.json`; a newer format version throws, anything else unusable is reported.
    static func load(from url: URL) throws(ProgressError) -> LoadResult {
        let bytes = try ReviewLog.readBytes(at: url)
        guard !bytes.isEmpty else {
            return FileManager.default.fileExists(atPath: url.path) ? .malformed("the file is empty") : .missing
        }
        switch Result(catching: { () throws(SnapshotCodec.Failure) in try SnapshotCodec.decode(bytes) }) {
        case .success(let snapshot):
            if snapshot.formatVersion > ProgressFormat.version {
                throw .newerFormat(path: url.path, found: snapshot.formatVersion, supported: ProgressFormat.version)
            }
            return .loaded(snapshot)
        case .failure(let failure):
            // A newer format may be unreadable as a whole; its version still decides.
            if let version = formatVersion(in: bytes), version > ProgressFormat.version {
                throw .newerFormat(path: url.path, found: version, supported: ProgressFormat.version)
            }
            return .malformed(failure.message)
        }
    }

    /// The `formatVersion` of a JSON object, read leniently (the rest may be anything).
    static func formatVersion(in bytes: [UInt8]) -> Int? {
        let key = Array("\"formatVersion\"".utf8)
        guard let range = bytes.firstRange(of: key) else { return nil }
        var i = range.upperBound
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == UInt8(ascii: ":") || bytes[i] == 0x0A { i += 1 }
        var value = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 9 {
            value = value * 10 + Int(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        return digits > 0 ? value : nil
    }
}

/// The progress folder format (docs/progress-format.md).
public enum ProgressFormat {
    /// Written into settings.json and snapshot.json; files with a larger version are refused.
    public static let version = 1
}
