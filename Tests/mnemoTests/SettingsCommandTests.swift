import Foundation
import Testing

@testable import MnemoCore
@testable import mnemo

/// End-to-end: `mnemo settings` runs the built binary.
@Suite("mnemo settings")
struct SettingsCommandTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
    }

    @Test("with no option it prints the defaults; options change the file and the JSON shows them")
    func showAndChange() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shown = try OptimizeCommandTests.run(["settings", "--progress", dir.path])
        #expect(
            shown.status == 0 && shown.stdout.contains("desired retention   0.9")
                && shown.stdout.contains("FSRS-6 defaults"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))

        let changed = try OptimizeCommandTests.run([
            "settings", "--progress", dir.path, "--retention", "0.85", "--new", "7", "--reviews", "90",
            "--rollover", "3", "--name", "Ann", "--fuzz", "off", "--json",
        ])
        #expect(changed.status == 0, "\(changed.stderr)")
        let printed = try JSONDecoder().decode(ProgressSettings.self, from: Data(changed.stdout.utf8))
        let saved = try ProgressSettings.load(fromFolder: dir)
        #expect(printed == saved)
        #expect(saved.scheduler.desiredRetention == 0.85 && saved.newPerDay == 7 && saved.reviewsPerDay == 90)
        #expect(saved.dayRolloverHour == 3 && saved.learnerName == "Ann" && !saved.scheduler.enableFuzz)
    }

    @Test("--load-balance on|off is saved (on by default, also for old files without the key) and shown")
    func loadBalance() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shown = try OptimizeCommandTests.run(["settings", "--progress", dir.path])
        #expect(shown.stdout.contains("load balancing      on"), "\(shown.stdout)")
        let off = try OptimizeCommandTests.run(["settings", "--progress", dir.path, "--load-balance", "off"])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(try !ProgressSettings.load(fromFolder: dir).scheduler.loadBalance)
        let text = try String(contentsOf: dir.appendingPathComponent(ProgressSettings.fileName), encoding: .utf8)
        #expect(text.contains(#""loadBalance" : false"#), "\(text)")
        #expect(
            try OptimizeCommandTests.run(["settings", "--progress", dir.path]).stdout.contains(
                "load balancing      off"))
        // An older settings file has no such key: load balancing is on.
        try Data(#"{"scheduler":{"enableFuzz":true}}"#.utf8).write(
            to: dir.appendingPathComponent(ProgressSettings.fileName))
        #expect(try ProgressSettings.load(fromFolder: dir).scheduler.loadBalance)
        let bad = try OptimizeCommandTests.run(["settings", "--progress", dir.path, "--load-balance", "maybe"])
        #expect(bad.status != 0 && bad.stderr.contains("--load-balance must be 'on' or 'off', got 'maybe'"))
    }

    @Test("every bad value gets its own line, the exit is non-zero and nothing changes")
    func badValues() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try OptimizeCommandTests.run(["settings", "--progress", dir.path, "--new", "5"])
        let before = try Data(contentsOf: dir.appendingPathComponent(ProgressSettings.fileName))
        var bad = FSRSModel.defaultParameters.map { String($0) }
        bad[0] = "0"
        bad[20] = "0.95"
        let result = try OptimizeCommandTests.run([
            "settings", "--progress", dir.path, "--retention", "1.5", "--rollover", "24", "--fuzz", "maybe",
            "--parameters", bad.joined(separator: ","), "--new", "3",
        ])
        #expect(result.status != 0 && result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        let file = dir.appendingPathComponent(ProgressSettings.fileName).path
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("Error: ") && $0.hasSuffix("; nothing was changed in \(file)") })
        #expect(result.stderr.contains("--retention must be a number between 0 and 1 (exclusive), got '1.5'"))
        #expect(result.stderr.contains("--rollover must be an hour from 0 to 23, got '24'"))
        #expect(result.stderr.contains("--fuzz must be 'on' or 'off', got 'maybe'"))
        #expect(result.stderr.contains("w0 = 0.0 (allowed 0.001…100.0), w20 = 0.95 (allowed 0.1…0.8)"))
        #expect(try Data(contentsOf: dir.appendingPathComponent(ProgressSettings.fileName)) == before)

        let short = try OptimizeCommandTests.run(["settings", "--progress", dir.path, "--parameters", "0.2,1.3"])
        #expect(short.status != 0 && short.stderr.contains("FSRS-6 needs 21 parameters, got 2"))
        #expect(short.stderr.split(separator: "\n").count == 1, "\(short.stderr)")

        // A negative number is the option's value, refused by its check (not "missing value").
        let negative = try OptimizeCommandTests.run(["settings", "--progress", dir.path, "--new", "-1"])
        #expect(negative.status != 0 && negative.stderr.hasPrefix("Error: --new "), "\(negative.stderr)")
        #expect(!negative.stderr.contains("Missing value"))
        #expect(try Data(contentsOf: dir.appendingPathComponent(ProgressSettings.fileName)) == before)
    }

    @Test("a hand-broken settings file is named and left alone")
    func malformed() throws {
        let dir = Self.folder()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(ProgressSettings.fileName)
        try Data("{\"newPerDay\": \"many\"}".utf8).write(to: file)
        let result = try OptimizeCommandTests.run(["settings", "--progress", dir.path, "--new", "3"])
        #expect(result.status != 0)
        #expect(
            result.stderr.hasPrefix("Error: \(file.path) is not valid settings: 'newPerDay' has the wrong type"),
            "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"newPerDay\": \"many\"}")
    }

    @Test("changing the scheduler re-derives every card's state from the log (the snapshot is rebuilt)")
    func rebuildsStates() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let start = Date(timeIntervalSince1970: 1_704_099_600)
        do {
            let store = try ProgressStore(
                folder: dir, access: .readWrite(ProgressLocation.owner(command: "test")),
                applier: try ProgressSettings.default.applier())
            for day in [0.0, 3, 10] {
                try store.append(
                    ReviewEvent(
                        kind: .review, card: CardID("c1"), deck: "d", time: start.addingTimeInterval(day * 86_400),
                        rating: .good))
            }
            store.close()
        }
        let before = try ProgressStore(folder: dir, access: .readOnly, applier: try ProgressSettings.default.applier())
        let result = try OptimizeCommandTests.run(["settings", "--progress", dir.path, "--retention", "0.8"])
        #expect(
            result.status == 0 && result.stderr.contains("re-derived 1 cards' states from 3 events"), "\(result.stderr)"
        )
        let settings = try ProgressSettings.load(fromFolder: dir)
        let after = try ProgressStore(folder: dir, access: .readOnly, applier: try settings.applier())
        #expect(after.loadPath == .snapshot(newEvents: 0))
        let due = { (s: ProgressStore) in s.records[CardID("c1")]?.state.due }
        #expect(try #require(due(after)) > (try #require(due(before))))
    }
}
