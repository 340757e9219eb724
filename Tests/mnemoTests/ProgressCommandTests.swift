import Foundation
import Testing

@testable import MnemoCore
@testable import mnemo

/// End-to-end: the built `mnemo` binary on progress folders, as a user (or a crash) would.
@Suite(.serialized)
struct ProgressCommandTests {
    static func binary() -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("mnemo")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: ".build/debug/mnemo")
    }

    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = binary()
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Starts `_append-events` and returns the process and a reader of its stdout lines.
    static func start(_ arguments: [String]) throws -> (Process, LineReader) {
        let process = Process()
        process.executableURL = binary()
        process.arguments = ["_append-events"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        return (process, LineReader(out.fileHandleForReading))
    }

    @Test func sigkillBetweenAppendsLosesNoAnnouncedEvent() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("p")
        let (process, reader) = try Self.start(["--progress", folder.path, "--count", "100000", "--pause", "1"])
        #expect(reader.nextLine() == "open")
        var announced: [String] = []
        while announced.count < 40, let line = reader.nextLine() { announced.append(line) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        while let line = reader.nextLine() { announced.append(line) }  // what was printed before the kill

        let log = try ReviewLog.events(inFolder: folder)
        let ids = Set(log.events.map(\.id))
        #expect(announced.count >= 40)
        #expect(announced.allSatisfy { ids.contains($0) }, "every event announced as durable is in the log")
        #expect(log.warnings.isEmpty)
        for event in log.events where announced.contains(event.id) {
            #expect(event.kind == .review && event.deck == "test" && event.answer?.hasPrefix("answer ") == true)
        }
        // The folder is usable at once: the kernel released the lock with the process.
        let next = try Self.run(["_append-events", "--progress", folder.path, "--count", "2"])
        #expect(next.status == 0)
        #expect(try ReviewLog.events(inFolder: folder).events.count == log.events.count + 2)
    }

    @Test func secondWriterIsRefusedWithOneClearLineAndNothingWritten() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("p")
        let (first, reader) = try Self.start(["--progress", folder.path, "--count", "1", "--hold", "20000"])
        defer {
            first.terminate()
            first.waitUntilExit()
        }
        #expect(reader.nextLine() == "open")
        _ = reader.nextLine()
        let before = try Data(contentsOf: folder.appendingPathComponent("reviews.jsonl"))
        let second = try Self.run(["_append-events", "--progress", folder.path, "--count", "3"])
        #expect(second.status != 0)
        #expect(second.stdout == "")
        let pattern =
            "Error: progress folder \(folder.path) is in use by mnemo _append-events (pid \(first.processIdentifier) on "
        #expect(second.stderr.hasPrefix(pattern))
        #expect(second.stderr.hasSuffix("; close that session first\n"))
        #expect(second.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try Data(contentsOf: folder.appendingPathComponent("reviews.jsonl")) == before)
        // Merging into it is refused the same way; reading is fine.
        let merge = try Self.run(["merge", folder.path, base.path])
        #expect(merge.status != 0)
        #expect(merge.stderr.hasPrefix("Error: progress folder \(folder.path) is in use by"))
    }

    @Test func unwritableProgressFolderIsOneClearError() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let result = try Self.run([
            "_append-events", "--progress", file.appendingPathComponent("p").path, "--count", "1",
        ])
        #expect(result.status != 0)
        #expect(
            result.stderr == "Error: cannot write progress at \(file.path)/p: \(file.path) is a file, not a folder\n")
    }

    static let deck = #"""
        {"formatVersion":1,"id":"deck-e2e","title":"E2E","languages":["en"],"sources":[],
         "cards":[
          {"id":"cloze-a","kind":"cloze","prompt":"The war ended in [...].","answer":"1945"},
          {"id":"question-b","kind":"question","prompt":"Who signed it?","answer":"Mamoru Shigemitsu"},
          {"id":"cloze-c","kind":"cloze","prompt":"The island of [...] was taken.","answer":"Sakhalin"}
         ]}
        """#

    @Test func cardsListsStatesFromTheLog() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let deckURL = base.appendingPathComponent("deck.json")
        try Data(Self.deck.utf8).write(to: deckURL)
        let folder = base.appendingPathComponent("p")
        let weekAgo = LogTime.truncated(Date().addingTimeInterval(-7 * 86_400))
        let store = try ProgressStore(
            folder: folder, access: .readWrite(LockOwner(pid: 1, host: "h", command: "test", since: weekAgo)))
        try store.append(
            ReviewEvent(
                id: "e1", kind: .review, card: CardID("cloze-a"), deck: "deck-e2e", time: weekAgo, rating: .good))
        try store.append(
            ReviewEvent(
                id: "e2", kind: .review, card: CardID("cloze-a"), deck: "deck-e2e",
                time: weekAgo.addingTimeInterval(600), rating: .good))
        try store.append(
            ReviewEvent(
                id: "e3", kind: .review, card: CardID("cloze-c"), deck: "deck-e2e", time: weekAgo, rating: .easy))
        try store.append(
            ReviewEvent(id: "e4", kind: .suspend, card: CardID("cloze-c"), deck: "deck-e2e", time: weekAgo))
        let expectedA = try #require(store.records[CardID("cloze-a")])
        store.close()

        let result = try Self.run(["cards", deckURL.path, "--progress", folder.path, "--json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["deck"] as? String == "deck-e2e")
        let cards = try #require(object["cards"] as? [[String: Any]])
        #expect(cards.map { $0["id"] as? String } == ["cloze-a", "question-b", "cloze-c"])
        let keys = [
            "answer", "buriedUntil", "difficulty", "due", "id", "kind", "lapses", "lastReview", "prompt", "reps",
            "stability", "state", "suspended",
        ]
        #expect(cards.allSatisfy { Set($0.keys) == Set(keys) }, "every key is always present")
        #expect(cards[0]["state"] as? String == "review")
        #expect(cards[0]["reps"] as? Int == 2)
        #expect(cards[0]["stability"] as? Double == expectedA.state.stability)
        #expect(cards[0]["due"] as? String == expectedA.state.due.map(LogTime.format))
        #expect(cards[1]["state"] as? String == "new")
        #expect(cards[1]["due"] is NSNull)
        #expect(cards[2]["suspended"] as? Bool == true)
        // Keys are sorted, so the output is stable.
        #expect(
            result.stdout.range(of: "\"answer\"")!.lowerBound < result.stdout.range(of: "\"buriedUntil\"")!.lowerBound)

        let due = try Self.run(["cards", deckURL.path, "--progress", folder.path, "--due", "--json"])
        let dueCards = try #require(
            (try JSONSerialization.jsonObject(with: Data(due.stdout.utf8)) as? [String: Any])?["cards"]
                as? [[String: Any]])
        #expect(dueCards.map { $0["id"] as? String } == ["cloze-a"], "new and suspended cards are not due")

        let search = try Self.run(["cards", deckURL.path, "--progress", folder.path, "--search", "SHIGEMITSU"])
        #expect(search.status == 0)
        let lines = search.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.last?.hasPrefix("question-b") == true)
        #expect(lines.last?.hasSuffix("Who signed it? → Mamoru Shigemitsu") == true)
    }

    @Test func cardsWithoutProgressShowsEveryCardNewAndUsesMNEMO_HOME() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let deckURL = base.appendingPathComponent("deck.json")
        try Data(Self.deck.utf8).write(to: deckURL)
        var environment = ProcessInfo.processInfo.environment
        environment["MNEMO_HOME"] = base.appendingPathComponent("nothing-yet").path
        let result = try Self.run(["cards", deckURL.path, "--json"], environment: environment)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["progress"] as? String == base.appendingPathComponent("nothing-yet").path)
        #expect((object["cards"] as? [[String: Any]])?.allSatisfy { $0["state"] as? String == "new" } == true)
        #expect(
            !FileManager.default.fileExists(atPath: base.appendingPathComponent("nothing-yet").path),
            "listing creates nothing")
    }

    @Test func cardsReportsABadLogLineAndAMalformedSnapshotOnStderr() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let deckURL = base.appendingPathComponent("deck.json")
        try Data(Self.deck.utf8).write(to: deckURL)
        let folder = base.appendingPathComponent("p")
        _ = try Self.run(["_append-events", "--progress", folder.path, "--count", "2", "--card", "cloze-a"])
        let log = folder.appendingPathComponent("reviews.jsonl")
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{broken\n".utf8))
        try handle.close()
        _ = try Self.run(["_append-events", "--progress", folder.path, "--count", "1", "--card", "cloze-a"])
        try Data("garbage".utf8).write(to: folder.appendingPathComponent("snapshot.json"))
        let result = try Self.run(["cards", deckURL.path, "--progress", folder.path])
        #expect(result.status == 0)
        let warnings = result.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("warning: \(folder.path)/snapshot.json: the snapshot is malformed") == true)
        #expect(
            warnings.last
                == "warning: \(log.path):3: skipped a line that is not a review event: not JSON (expected a key at byte 2)"
        )
    }

    @Test func mergeTwiceChangesNothing() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let laptop = base.appendingPathComponent("laptop")
        let desktop = base.appendingPathComponent("desktop")
        _ = try Self.run(["_append-events", "--progress", laptop.path, "--count", "3"])
        _ = try Self.run(["_append-events", "--progress", desktop.path, "--count", "4"])
        let first = try Self.run(["merge", laptop.path, desktop.path])
        #expect(first.status == 0)
        #expect(
            first.stdout
                == "merged 4 new events from \(desktop.path) into \(laptop.path) (0 already there); 7 events in all\n")
        let log = try Data(contentsOf: laptop.appendingPathComponent("reviews.jsonl"))
        let second = try Self.run(["merge", laptop.path, desktop.path])
        #expect(
            second.stdout == "\(laptop.path) already has every event of \(desktop.path); nothing changed (7 events)\n")
        #expect(try Data(contentsOf: laptop.appendingPathComponent("reviews.jsonl")) == log)
    }

    @Test(
        arguments: [
            ("/explicit", [:], "/explicit"),
            (nil, ["MNEMO_HOME": "/m", "XDG_DATA_HOME": "/x"], "/m"),
            (nil, ["XDG_DATA_HOME": "/x"], "/x/mnemo"),
            (nil, ["MNEMO_HOME": "", "XDG_DATA_HOME": ""], "/home/u/.local/share/mnemo"),
        ] as [(String?, [String: String], String)])
    func progressFolderIsResolvedInOrder(option: String?, environment: [String: String], expected: String) {
        #expect(
            ProgressLocation.resolve(option, environment: environment, home: URL(fileURLWithPath: "/home/u")).path
                == expected)
    }
}

/// Reads lines from a pipe as they arrive.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next line, or nil at end of file.
    func nextLine() -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<nl]
                buffer = Data(buffer[(nl + 1)...])
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
