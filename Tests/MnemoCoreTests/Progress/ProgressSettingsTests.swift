import Foundation
import Testing

@testable import MnemoCore

@Suite("Progress settings")
struct ProgressSettingsTests {
    @Test("missing file gives the defaults; saved settings read back equal; missing keys default")
    func roundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try ProgressSettings.load(folder: dir) == .default)
        var s = ProgressSettings(name: "Ann", newPerDay: 5)
        s.scheduler.desiredRetention = 0.87
        try s.save(folder: dir)
        #expect(try ProgressSettings.load(folder: dir) == s)
        try Data("{\"newPerDay\": 3}".utf8).write(to: dir.appendingPathComponent(ProgressSettings.fileName))
        let partial = try ProgressSettings.load(folder: dir)
        #expect(partial.newPerDay == 3 && partial.scheduler == .default && partial.rolloverHour == 4)
    }

    @Test("a newer format and invalid values are refused with the file named")
    func refused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(ProgressSettings.fileName)
        try Data("{\"formatVersion\": 9}".utf8).write(to: file)
        #expect(throws: ProgressError.newerFormat(path: file.path, found: 9, supported: 1)) { try ProgressSettings.load(folder: dir) }
        try Data("{\"scheduler\": {\"desiredRetention\": 1.5}}".utf8).write(to: file)
        #expect(throws: ProgressError.invalidScheduler(path: file.path, problem: "desired retention must be between 0 and 1 (exclusive), got 1.5")) {
            try ProgressSettings.load(folder: dir)
        }
    }

    @Test("the config hash changes with the scheduler and nothing else")
    func hash() {
        var a = SchedulerConfig.default
        let h = ProgressSettings.configHash(a)
        #expect(h == ProgressSettings.configHash(.default))
        a.desiredRetention = 0.8
        #expect(h != ProgressSettings.configHash(a))
    }

    @Test("a card reaching 8 lapses is suspended in replay, again at 12; an unsuspend brings it back")
    func leeches() throws {
        let applier = try ReviewApplier.scheduling(with: SchedulerConfig(enableFuzz: false))
        var record: CardRecord?
        var time = Date(timeIntervalSince1970: 1_704_099_600)
        var events: [ReviewEvent] = []
        func review(_ rating: Rating) {
            let e = ReviewEvent(id: "e\(events.count)", kind: .review, card: CardID("c"), deck: "d", time: time, rating: rating)
            events.append(e)
            ProgressReplay.step(&record, e, undone: false, applier: applier)
        }
        review(.easy)
        var suspendedAt: [Int] = []
        for _ in 0..<12 {
            time = try #require(record?.state.due).addingTimeInterval(86_400 * 3)
            review(.again)
            if record?.suspended == true {
                suspendedAt.append(record?.state.lapses ?? -1)
                let u = ReviewEvent(kind: .unsuspend, card: CardID("c"), deck: "d", time: time)
                ProgressReplay.step(&record, u, undone: false, applier: applier)
            }
            time = time.addingTimeInterval(600)
            review(.good)
        }
        #expect(suspendedAt == [8, 12])
        #expect(ReplayRules.becomesLeech(lapsesBefore: 7, after: 8) && !ReplayRules.becomesLeech(lapsesBefore: 8, after: 8))
        #expect(!ReplayRules.becomesLeech(lapsesBefore: 8, after: 9) && ReplayRules.becomesLeech(lapsesBefore: 15, after: 16))
    }
}
