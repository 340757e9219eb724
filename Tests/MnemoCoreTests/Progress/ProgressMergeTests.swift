import Foundation
import Testing

@testable import MnemoCore

@Suite(.serialized)
struct ProgressMergeTests {
    /// Two devices' folders: the laptop studied at even minutes, the desktop at odd ones; they
    /// share the first two events (copied before they diverged).
    private func twoDevices() throws -> (laptop: URL, desktop: URL, all: [ReviewEvent]) {
        let laptop = try makeTemporaryFolder("laptop")
        let desktop = laptop.deletingLastPathComponent().appendingPathComponent("desktop")
        let shared = [review("s1", card: "c1", minutes: 0), review("s2", card: "c2", rating: .again, minutes: 1)]
        let onLaptop = [
            review("l1", card: "c1", rating: .good, minutes: 10), review("l2", card: "c3", minutes: 12),
            review("l3", card: "c2", rating: .hard, minutes: 14),
        ]
        let onDesktop = [
            review("d1", card: "c2", rating: .easy, minutes: 11), review("d2", card: "c4", minutes: 13),
            undo("d3", of: "d2", card: "c4", minutes: 13.5), review("d4", card: "c1", rating: .again, minutes: 15),
        ]
        for (folder, events) in [(laptop, shared + onLaptop), (desktop, shared + onDesktop)] {
            let store = try openWriter(folder)
            for e in events { try store.append(e) }
            store.close()
        }
        return (laptop, desktop, shared + onLaptop + onDesktop)
    }

    private func ids(_ folder: URL) throws -> [String] {
        try ReviewLog.events(inFolder: folder).events.map(\.id)
    }

    @Test func interleavedLogsMergeByTimeWithNothingLostOrDoubled() throws {
        let (laptop, desktop, all) = try twoDevices()
        defer { removeTemporaryFolder(laptop) }
        let desktopBefore = try Data(contentsOf: desktop.appendingPathComponent("reviews.jsonl"))
        let report = try ProgressMerge.merge(into: laptop, from: desktop, owner: testOwner, applier: testApplier)
        #expect(report.added == 4)
        #expect(report.alreadyPresent == 2)
        #expect(report.total == 9)
        #expect(report.rewroteLog)
        #expect(try ids(laptop) == ["s1", "s2", "l1", "d1", "l2", "d2", "d3", "l3", "d4"])
        #expect(Set(try ids(laptop)) == Set(all.map(\.id)))
        #expect(
            try Data(contentsOf: desktop.appendingPathComponent("reviews.jsonl")) == desktopBefore,
            "the other folder is only read")

        // The snapshot was rebuilt: it is used as is, and equals a replay from scratch.
        let merged = try openReader(laptop)
        #expect(merged.loadPath == .snapshot(newEvents: 0))
        try FileManager.default.removeItem(at: laptop.appendingPathComponent("snapshot.json"))
        #expect(try openReader(laptop).replayState == merged.replayState)
        // The undo made on the desktop still takes back its review after the merge.
        #expect(merged.records[CardID("c4")]?.state == .new)
        #expect(merged.records[CardID("c1")]?.state.reps == 3)
    }

    @Test func mergingTwiceChangesNothing() throws {
        let (laptop, desktop, _) = try twoDevices()
        defer { removeTemporaryFolder(laptop) }
        _ = try ProgressMerge.merge(into: laptop, from: desktop, owner: testOwner, applier: testApplier)
        let log = try Data(contentsOf: laptop.appendingPathComponent("reviews.jsonl"))
        let snapshot = try Data(contentsOf: laptop.appendingPathComponent("snapshot.json"))
        let again = try ProgressMerge.merge(into: laptop, from: desktop, owner: testOwner, applier: testApplier)
        #expect(again == MergeReport(added: 0, alreadyPresent: 6, total: 9, rewroteLog: false, warnings: []))
        #expect(try Data(contentsOf: laptop.appendingPathComponent("reviews.jsonl")) == log)
        #expect(try Data(contentsOf: laptop.appendingPathComponent("snapshot.json")) == snapshot)
        // And the other way round, the two folders end up with the same log.
        _ = try ProgressMerge.merge(into: desktop, from: laptop, owner: testOwner, applier: testApplier)
        #expect(try Data(contentsOf: desktop.appendingPathComponent("reviews.jsonl")) == log)
    }

    @Test func duplicatedEventsAreKeptOnce() throws {
        let (laptop, desktop, _) = try twoDevices()
        defer { removeTemporaryFolder(laptop) }
        // A hand-copied line: the desktop's log holds one event twice.
        let line = String(
            decoding: EventLineCodec.encode(review("d1", card: "c2", rating: .easy, minutes: 11)), as: UTF8.self)
        try appendLines(line + "\n", to: desktop.appendingPathComponent("reviews.jsonl"))
        let report = try ProgressMerge.merge(into: laptop, from: desktop, owner: testOwner, applier: testApplier)
        #expect(report.total == 9)
        #expect(try ids(laptop).filter { $0 == "d1" }.count == 1)
    }

    @Test(arguments: ["missing", "stale", "malformed"])
    func snapshotStateOnEitherSideDoesNotMatter(kind: String) throws {
        let (laptop, desktop, _) = try twoDevices()
        defer { removeTemporaryFolder(laptop) }
        for folder in [laptop, desktop] {
            let snapshot = folder.appendingPathComponent("snapshot.json")
            switch kind {
            case "missing": try FileManager.default.removeItem(at: snapshot)
            case "stale":
                try appendLines(
                    String(
                        decoding: EventLineCodec.encode(
                            review("x-\(folder.lastPathComponent)", card: "c9", minutes: 20)), as: UTF8.self) + "\n",
                    to: folder.appendingPathComponent("reviews.jsonl"))
            default: try Data("{oops".utf8).write(to: snapshot)
            }
        }
        _ = try ProgressMerge.merge(into: laptop, from: desktop, owner: testOwner, applier: testApplier)
        let merged = try openReader(laptop)
        #expect(merged.loadPath == .snapshot(newEvents: 0))
        #expect(merged.eventCount == (kind == "stale" ? 11 : 9))
        try FileManager.default.removeItem(at: laptop.appendingPathComponent("snapshot.json"))
        #expect(try openReader(laptop).replayState == merged.replayState)
    }

    @Test func badLinesAreSavedAsideNotDropped() throws {
        let (laptop, desktop, _) = try twoDevices()
        defer { removeTemporaryFolder(laptop) }
        try appendLines("not an event\n", to: desktop.appendingPathComponent("reviews.jsonl"))
        let report = try ProgressMerge.merge(into: laptop, from: desktop, owner: testOwner, applier: testApplier)
        #expect(report.warnings.map(\.line) == [7])
        let rejected = try String(contentsOf: laptop.appendingPathComponent("reviews.jsonl.rejected"), encoding: .utf8)
        #expect(rejected == "not an event\n")
    }

    @Test func mergeIsRefusedWhileTheTargetIsInUse() throws {
        let (laptop, desktop, _) = try twoDevices()
        defer { removeTemporaryFolder(laptop) }
        let session = try openWriter(laptop)
        defer { session.close() }
        #expect(throws: ProgressError.self) {
            try ProgressMerge.merge(into: laptop, from: desktop, owner: testOwner, applier: testApplier)
        }
        #expect(try ids(laptop) == ["s1", "s2", "l1", "l2", "l3"])
    }

    @Test func missingTargetFolderIsAnErrorAndNothingIsCreated() throws {
        let (laptop, desktop, _) = try twoDevices()
        defer { removeTemporaryFolder(laptop) }
        let typo = laptop.deletingLastPathComponent().appendingPathComponent("laptpo")
        #expect(throws: ProgressError.unreadable(path: typo.path, reason: "no such progress folder")) {
            try ProgressMerge.merge(into: typo, from: desktop, owner: testOwner, applier: testApplier)
        }
        #expect(!FileManager.default.fileExists(atPath: typo.path))
    }

    @Test func missingOtherFolderIsAnError() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let nowhere = folder.appendingPathComponent("nowhere")
        #expect(throws: ProgressError.unreadable(path: nowhere.path, reason: "no such progress folder")) {
            try ProgressMerge.merge(into: folder, from: nowhere, owner: testOwner, applier: testApplier)
        }
    }
}
