import Foundation
import Testing

@testable import MnemoCore
@testable import mnemo

/// End-to-end: runs the built `mnemo` binary.
@Suite("mnemo optimize")
struct OptimizeCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mnemo"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("mnemo"),
            Bundle.main.bundleURL.appendingPathComponent("mnemo"),
            repository.appendingPathComponent(".build/debug/mnemo"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(
                .fileNoSuchFile, userInfo: [NSFilePathErrorKey: "mnemo binary (tried \(candidates.map(\.path)))"])
        }
        return found
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
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

    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("revlog-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("--revlog --json on the synthetic log prints 21 parameters and held-out figures meeting the target")
    func synthetic() throws {
        let csv = Self.repository.appendingPathComponent("../shared/reference/fsrs/synthetic-revlog.csv")
            .standardizedFileURL
        guard FileManager.default.fileExists(atPath: csv.path) else {
            Issue.record("synthetic-revlog.csv not found at \(csv.path)")
            return
        }
        let result = try Self.run(["optimize", "--revlog", csv.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(OptimizeOutput.self, from: Data(result.stdout.utf8))
        #expect(output.parameters.count == 21)
        #expect(output.reviews == 57_024 && output.trainItems == 36_208 && output.testItems == 9_052)
        #expect(output.after.logLoss <= 0.3740 && output.after.logLoss < output.before.logLoss)
        #expect(result.stdout.contains("\"after\""))
    }

    @Test(
        "bad or short logs: one clear line on stderr and a non-zero exit",
        arguments: [
            (
                "card_id,review_time,review_rating,review_state,review_duration\n1,1704098387261,7,0,5\n",
                ":2: review_rating must be 1 (Again) to 4 (Easy), got 7"
            ),
            ("card_id,time\n", "review log lacks column(s) review_time, review_rating, review_state, review_duration"),
            (
                "card_id,review_time,review_rating,review_state,review_duration\n1,1704098387261,3,0,5\n1,1704398387261,3,2,5\n",
                "not enough reviews to fit parameters: need at least 400 reviews made a day or more after the card's previous review, the log has 1"
            ),
        ])
    func refused(text: String, message: String) throws {
        let file = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Self.run(["optimize", "--revlog", file.path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(
            lines.count == 1 && lines.first.map { $0.hasPrefix("Error: ") && $0.contains(message) } == true,
            "\(result.stderr)")
    }

    @Test(
        "--progress fits the folder's review log (undone reviews left out); --dry-run changes nothing; otherwise the parameters are saved and every state re-derived"
    )
    func progressFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var rng = SeededGenerator(seed: 11)
        var lines: [UInt8] = []
        var reviews = 0
        var last: ReviewEvent?
        let start = Date(timeIntervalSince1970: 1_704_099_600)
        for card in 0..<60 {
            var time = start.addingTimeInterval(Double(card) * 60)
            for _ in 0..<12 {
                let rating: Rating = rng.next() % 5 == 0 ? .again : .good
                let event = ReviewEvent(
                    kind: .review, card: CardID("cloze-\(card)"), deck: "d", time: time, rating: rating)
                lines += EventLineCodec.encode(event) + [0x0A]
                reviews += 1
                last = event
                time = time.addingTimeInterval(Double(1 + rng.next() % 9) * 86_400)
            }
        }
        // Take back the last review: it must not count.
        if let last {
            let undo = ReviewEvent(
                kind: .undo, card: last.card, deck: "d", time: last.time.addingTimeInterval(5), undoes: last.id)
            lines += EventLineCodec.encode(undo) + [0x0A]
            reviews -= 1
        }
        let log = folder.appendingPathComponent(ReviewLog.fileName)
        try Data(lines).write(to: log)
        let dry = try Self.run(["optimize", "--progress", folder.path, "--json", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let dryOutput = try JSONDecoder().decode(OptimizeOutput.self, from: Data(dry.stdout.utf8))
        #expect(dryOutput.saved == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [ReviewLog.fileName])

        let result = try Self.run(["optimize", "--progress", folder.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(OptimizeOutput.self, from: Data(result.stdout.utf8))
        #expect(output.reviews == reviews && output.parameters.count == 21)
        #expect(output.trainItems + output.testItems == 60 * 11 - 1)
        #expect(output.saved == true && output.parameters == dryOutput.parameters)
        #expect(try Data(contentsOf: log) == Data(lines))
        #expect(
            result.stderr.contains("saved the parameters to") && result.stderr.contains("re-derived 60 cards' states"))

        // Settings hold the fit; the snapshot matches a replay with it (opened without a rebuild).
        let settings = try ProgressSettings.load(fromFolder: folder)
        #expect(settings.scheduler.parameters == output.parameters)
        let fitted = try settings.applier()
        let store = try ProgressStore(folder: folder, access: .readOnly, applier: fitted)
        #expect(store.loadPath == .snapshot(newEvents: 0))
        let scheduler = try Scheduler(settings.scheduler)
        let events = try ReviewLog.events(inFolder: folder).events
        let undone = Set(events.compactMap(\.undoes))
        var expected: [CardID: CardState] = [:]
        for event in events where event.kind == .review && !undone.contains(event.id) {
            var rng = SeededGenerator(seedString: event.id)
            expected[event.card] = scheduler.review(
                expected[event.card] ?? .new, rating: event.rating ?? .good, at: event.time, using: &rng)
        }
        #expect(store.records.count == 60)
        for (card, state) in expected {
            #expect(store.records[card]?.state.stability == state.stability)
            #expect(store.records[card]?.state.difficulty == state.difficulty)
        }
        let defaults = try ProgressStore(
            folder: folder, access: .readOnly, applier: try ProgressSettings.default.applier())
        #expect(
            defaults.records[CardID("cloze-0")]?.state.stability != store.records[CardID("cloze-0")]?.state.stability)

        let missing = try Self.run(["optimize", "--progress", folder.appendingPathComponent("nope").path])
        #expect(missing.status != 0 && missing.stderr.contains("no such progress folder"))
    }

    @Test(
        "the default progress folder follows DESIGN.md: MNEMO_HOME, then XDG_DATA_HOME/mnemo, then ~/.local/share/mnemo"
    )
    func defaultFolder() {
        #expect(
            OptimizeCommand.defaultProgressFolder(environment: ["MNEMO_HOME": "/a", "XDG_DATA_HOME": "/b"]).path == "/a"
        )
        #expect(OptimizeCommand.defaultProgressFolder(environment: ["XDG_DATA_HOME": "/b"]).path == "/b/mnemo")
        #expect(OptimizeCommand.defaultProgressFolder(environment: [:]).path.hasSuffix("/.local/share/mnemo"))
    }
}
