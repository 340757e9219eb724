import Foundation
import MnemoCore

/// What statistics read from one progress folder: its events, the replayed records, the learner's
/// settings (`settings.json`, docs/progress-format.md) and the warnings met on the way (a torn last
/// line, lines that are not events).
struct ProgressReading {
    var folder: URL
    var log: StatsLog
    var records: [CardID: CardRecord]
    var settings: ProgressSettings
    /// The scheduler of the learner's settings.
    var scheduler: Scheduler
    var warnings: [String]

    /// Reads `folder` without taking its lock (a study session may be running), with its own
    /// settings, so the snapshot a session left is reused. A missing folder reads as empty.
    /// The log is read on other threads while the store opens (the store's errors come first).
    static func read(_ folder: URL, clock: PhaseClock? = nil) throws -> ProgressReading {
        let reading = BackgroundWork { () throws(ProgressError) in try StatsLog.read(folder: folder) }
        let store = try ProgressStore(folder: folder, access: .readOnly)
        let scheduler = try Scheduler(store.settings.scheduler)
        clock?.mark("store (snapshot)")
        let log = try reading.value()
        clock?.mark("log (after the store)")
        // Replayed (other settings than the snapshot's): leave the snapshot for the next reader.
        if store.loadPath == .rebuilt {
            store.refreshSnapshotIfFree(owner: ProgressLocation.owner(command: "mnemo stats"))
            clock?.mark("snapshot refreshed")
        }
        var seen = Set<String>()
        var warnings: [String] = []
        let found =
            store.warnings.map(\.description) + log.warnings.map(\.description)
            + (log.tornWarning.map { [$0.description] } ?? [])
        for warning in found where seen.insert(warning).inserted { warnings.append(warning) }
        return ProgressReading(
            folder: folder, log: log, records: store.records, settings: store.settings, scheduler: scheduler,
            warnings: warnings)
    }

    var hasReviews: Bool { log.hasReviews }

    var studyDay: StudyDay { StudyDay(timeZone: .current, rolloverHour: settings.dayRolloverHour) }
}

/// Deck files named on the command line, or every `*.json` in `./Decks`.
enum DeckSelection {
    static func load(_ paths: [String]) throws -> [Deck] {
        var files = paths
        if files.isEmpty {
            let folder = URL(fileURLWithPath: "Decks", isDirectory: true)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files = names.filter { $0.hasSuffix(".json") }.sorted().map { "Decks/\($0)" }
            if files.isEmpty { throw StatsCommandError.noDecks }
        }
        return try files.map { path throws(DeckError) in try Deck.load(from: URL(fileURLWithPath: path)) }
    }
}

/// Errors of `mnemo stats` and `mnemo class`; each reads well after "Error: ".
enum StatsCommandError: Error, CustomStringConvertible, Equatable {
    case noDecks
    case badNow(String)
    case notAProgressFolder(String)
    case cannotWrite(path: String, reason: String)

    var description: String {
        switch self {
        case .noDecks: "no decks given and none found in ./Decks; name a deck file (mnemo stats DECK.json)"
        case .badNow(let value): "--now '\(value)' is not an ISO-8601 time such as 2026-11-22T18:00:00Z"
        case .notAProgressFolder(let path): "\(path) is not a progress folder (no such folder)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

enum CommandTime {
    /// `--now` if given (for tests and reproducible reports), else the clock.
    static func now(_ option: String?) throws -> Date {
        guard let option else { return Date() }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = f.date(from: option) { return date }
        f.formatOptions = [.withInternetDateTime]
        if let date = f.date(from: option) { return date }
        throw StatsCommandError.badNow(option)
    }
}

enum OutputFile {
    /// Writes `text` to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw StatsCommandError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

enum Terminal {
    /// Colors only on a TTY and never with NO_COLOR.
    static var useColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("Warning: \(message)\n".utf8))
    }
}
