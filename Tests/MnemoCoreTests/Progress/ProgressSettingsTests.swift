import Foundation
import Testing

@testable import MnemoCore

@Suite(.serialized)
struct ProgressSettingsTests {
    @Test func defaultsAreWrittenOnFirstWritableOpenAndReadBack() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try ProgressStore(folder: folder, access: .readWrite(testOwner))
        store.close()
        let settings = try ProgressSettings.load(fromFolder: folder)
        #expect(settings == .default)
        #expect(settings.newPerDay == 20)
        #expect(settings.reviewsPerDay == 200)
        #expect(settings.dayRolloverHour == 4)
        #expect(settings.scheduler == .default)
        let text = try String(contentsOf: folder.appendingPathComponent("settings.json"), encoding: .utf8)
        #expect(text.contains("\"formatVersion\" : 1"))
        #expect(text.contains("\"desiredRetention\" : 0.9"))
    }

    @Test func partialHandEditedSettingsTakeDefaultsForTheRest() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"learnerName": "Amira", "newPerDay": 5, "scheduler": {"desiredRetention": 0.85}}"#.utf8)
            .write(to: folder.appendingPathComponent("settings.json"))
        let settings = try ProgressSettings.load(fromFolder: folder)
        #expect(settings.learnerName == "Amira")
        #expect(settings.newPerDay == 5)
        #expect(settings.reviewsPerDay == 200)
        #expect(settings.scheduler.desiredRetention == 0.85)
        #expect(settings.scheduler.parameters == SchedulerConfig.default.parameters)
    }

    @Test(arguments: [
        ("{oops", "is not valid settings: not valid JSON"),
        (#"{"newPerDay": "many"}"#, "is not valid settings: 'newPerDay' has the wrong type"),
        (#"{"newPerDay": -1}"#, "is not valid settings: newPerDay must be 0 or more, got -1"),
        (#"{"dayRolloverHour": 24}"#, "is not valid settings: dayRolloverHour must be 0-23, got 24"),
        (
            #"{"scheduler": {"desiredRetention": 1.5}}"#,
            "has invalid scheduler settings: desired retention must be between 0 and 1 (exclusive), got 1.5"
        ),
        (
            #"{"formatVersion": 7}"#,
            "has progress format version 7, but this mnemo reads only up to version 1; update mnemo"
        ),
        ("", "is not valid settings: the file is empty"),
    ])
    func badSettingsAreOneClearError(content: String, message: String) throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("settings.json")
        try Data(content.utf8).write(to: url)
        do {
            _ = try ProgressStore(folder: folder, access: .readOnly)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(url.path) \(message)")
        }
        #expect(try Data(contentsOf: url) == Data(content.utf8), "settings are never replaced")
    }

    @Test func realSchedulerReplayReproducesFuzzAndChangedSettingsRebuild() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try ProgressStore(folder: folder, access: .readWrite(testOwner))
        var time = baseTime
        // Enough Good reviews that intervals exceed 2.5 days, where fuzz applies.
        for k in 0..<8 {
            let (_, record) = try store.append(review("r\(k)", card: "c1", rating: .good, minutes: 0).with(time: time))
            time = record?.state.due ?? time
        }
        try store.append(undo("u", of: "r7", card: "c1"))
        let live = store.replayState
        #expect(live.records[CardID("c1")]?.state.reps == 7)
        #expect(live.records[CardID("c1")]?.state.phase == .review)
        store.close()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        let rebuilt = try ProgressStore(folder: folder, access: .readOnly)
        #expect(rebuilt.replayState == live)

        // Fuzz off gives other intervals: a new desired retention or fuzz setting re-derives every state.
        var settings = try ProgressSettings.load(fromFolder: folder)
        settings.scheduler.enableFuzz = false
        try settings.save(toFolder: folder)
        let refit = try ProgressStore(folder: folder, access: .readOnly)
        #expect(refit.loadPath == .rebuilt)
        #expect(refit.records[CardID("c1")]?.state.reps == 7)
        #expect(refit.records[CardID("c1")]?.state.due != live.records[CardID("c1")]?.state.due)
    }
}

extension ReviewEvent {
    func with(time: Date) -> ReviewEvent {
        var e = self
        e.time = time
        return e
    }
}
