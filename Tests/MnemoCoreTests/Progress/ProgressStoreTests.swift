import Foundation
import Testing

@testable import MnemoCore

@Suite(.serialized)
struct ProgressStoreTests {
    /// A small history over three cards with an undo, a suspend and a bury.
    static var history: [ReviewEvent] {
        [
            review("e01", card: "c1", rating: .good, minutes: 0),
            review("e02", card: "c2", rating: .again, minutes: 1),
            review("e03", card: "c1", rating: .easy, minutes: 2),
            review("e04", card: "c3", rating: .hard, minutes: 3),
            undo("e05", of: "e03", card: "c1", minutes: 4),
            review("e06", card: "c1", rating: .hard, minutes: 5),
            ReviewEvent(
                id: "e07", kind: .suspend, card: CardID("c2"), deck: "deck-1", time: baseTime.addingTimeInterval(360)),
            ReviewEvent(
                id: "e08", kind: .bury, card: CardID("c3"), deck: "deck-2", time: baseTime.addingTimeInterval(420),
                until: baseTime.addingTimeInterval(86_400)),
            review("e09", card: "c2", rating: .good, minutes: 8),
            ReviewEvent(
                id: "e10", kind: .unsuspend, card: CardID("c2"), deck: "deck-1", time: baseTime.addingTimeInterval(540)),
        ]
    }

    @Test func appendedEventsAreReadBackAndReplayedAfterReopening() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        var live: [CardID: CardRecord] = [:]
        do {
            let store = try openWriter(folder)
            for event in Self.history { try store.append(event) }
            live = store.records
            store.close()
        }
        let log = try ReviewLog.events(inFolder: folder)
        #expect(
            log.events
                == Self.history.map { e in
                    var e = e
                    e.time = LogTime.truncated(e.time)
                    e.until = e.until.map(LogTime.truncated)
                    return e
                })
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        let rebuilt = try openReader(folder)
        #expect(rebuilt.loadPath == .rebuilt)
        #expect(rebuilt.records == live)
        #expect(rebuilt.warnings.isEmpty)
    }

    @Test func replayFollowsTheRules() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        for event in Self.history { try store.append(event) }
        let c1 = try #require(store.records[CardID("c1")])
        // c1: Good then (Easy undone) then Hard: two reviews applied.
        var expected = CardState.new
        for (id, rating, minutes) in [("e01", Rating.good, 0.0), ("e06", .hard, 5)] {
            var rng = SeededGenerator(seedString: id)
            expected = ProgressReplay.canonical(
                testApplier.review(
                    expected, rating, LogTime.truncated(baseTime.addingTimeInterval(minutes * 60)), &rng, DueHistogram()
                )
            )
        }
        #expect(c1.state == expected)
        #expect(c1.state.reps == 2)
        let c2 = try #require(store.records[CardID("c2")])
        #expect(c2.suspended == false)
        #expect(c2.state.reps == 2)
        let c3 = try #require(store.records[CardID("c3")])
        #expect(c3.buriedUntil == LogTime.truncated(baseTime.addingTimeInterval(86_400)))
        #expect(c3.deck == "deck-2")
        #expect(store.record(for: CardID("never"), deck: "d") == CardRecord(deck: "d"))
    }

    @Test func rebuiltSnapshotEqualsTheIncrementalOne() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        // Incremental: several sessions, each appending a few events and saving its snapshot.
        var incremental = ProgressReplay()
        for chunk in stride(from: 0, to: Self.history.count, by: 3) {
            let store = try openWriter(folder)
            for event in Self.history[chunk..<min(chunk + 3, Self.history.count)] { try store.append(event) }
            store.close()
            incremental = try openReader(folder).replayState
        }
        let fromSnapshot = try openReader(folder)
        #expect(fromSnapshot.loadPath == .snapshot(newEvents: 0))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        let rebuilt = try openWriter(folder)
        #expect(rebuilt.loadPath == .rebuilt)
        #expect(rebuilt.replayState == incremental)
        #expect(rebuilt.replayState == fromSnapshot.replayState)
        rebuilt.close()
        let snapshotBytes = try Data(contentsOf: folder.appendingPathComponent("snapshot.json"))
        // The snapshot file written after the rebuild is byte-identical to a fresh one.
        let again = try openWriter(folder)
        try again.saveSnapshot()
        again.close()
        #expect(try Data(contentsOf: folder.appendingPathComponent("snapshot.json")) == snapshotBytes)
    }

    @Test func staleSnapshotIsCaughtUpFromTheLogTail() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        for event in Self.history.prefix(4) { try store.append(event) }
        store.close()
        // Another writer (say, an older mnemo) appended without saving the snapshot.
        let tail = Self.history.dropFirst(4).map { String(decoding: EventLineCodec.encode($0), as: UTF8.self) + "\n" }
            .joined()
        try appendLines(tail, to: folder.appendingPathComponent("reviews.jsonl"))
        let reopened = try openReader(folder)
        #expect(reopened.loadPath == .snapshot(newEvents: 6))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        #expect(try openReader(folder).replayState == reopened.replayState)
    }

    @Test func snapshotOfAnotherLogOrSchedulerIsRebuilt() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        for event in Self.history { try store.append(event) }
        store.close()
        let other = ReviewApplier(configHash: "other") { s, _, _, _ in s }
        let reopened = try openReader(folder, applier: other)
        #expect(reopened.loadPath == .rebuilt)
        #expect(reopened.records[CardID("c1")]?.state.reps == 0)
        // The log rewritten behind the snapshot's back (same length, other last event).
        let log = folder.appendingPathComponent("reviews.jsonl")
        var text = try String(contentsOf: log, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"e10\"", with: "\"x10\"")
        try text.write(to: log, atomically: true, encoding: .utf8)
        #expect(try openReader(folder).loadPath == .rebuilt)
    }

    @Test(arguments: ["{\"formatVersion\":1,", "", "not json at all", "{\"formatVersion\":1,\"cards\":[]}"])
    func malformedSnapshotIsRebuiltWithAWarning(content: String) throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        for event in Self.history { try store.append(event) }
        let expected = store.replayState
        store.close()
        let snapshot = folder.appendingPathComponent("snapshot.json")
        try Data(content.utf8).write(to: snapshot)
        let reopened = try openWriter(folder)
        #expect(reopened.loadPath == .rebuilt)
        #expect(reopened.replayState == expected)
        #expect(reopened.warnings.count == 1)
        #expect(reopened.warnings.first?.file == snapshot.path)
        #expect(reopened.warnings.first?.message.hasPrefix("the snapshot is malformed (") == true)
        #expect(reopened.warnings.first?.message.hasSuffix("); rebuilt it from the review log") == true)
        reopened.close()
        // The rebuilt snapshot was written back and is used next time.
        #expect(try openReader(folder).loadPath == .snapshot(newEvents: 0))
    }

    @Test func newerSnapshotOrEventVersionIsRefused() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        try store.append(review("e1", card: "c1"))
        store.close()
        let snapshot = folder.appendingPathComponent("snapshot.json")
        try Data(#"{"formatVersion":2,"whatever":true}"#.utf8).write(to: snapshot)
        #expect(throws: ProgressError.newerFormat(path: snapshot.path, found: 2, supported: 1)) {
            try openReader(folder)
        }
        try FileManager.default.removeItem(at: snapshot)
        try appendLines(
            #"{"id":"z","kind":"suspend","card":"c","time":"2024-01-01T09:00:00Z","v":3}"# + "\n",
            to: folder.appendingPathComponent("reviews.jsonl"))
        #expect(
            throws: ProgressError.newerFormat(
                path: folder.appendingPathComponent("reviews.jsonl").path + ":2", found: 3, supported: 2)
        ) {
            try openReader(folder)
        }
    }

    @Test func secondWriterIsRefusedNamingTheHolderAndWritesNothing() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let first = try openWriter(folder)
        try first.append(review("e1", card: "c1"))
        let log = folder.appendingPathComponent("reviews.jsonl")
        let before = try Data(contentsOf: log)
        let snapshotBefore = try? Data(contentsOf: folder.appendingPathComponent("snapshot.json"))
        let expected = ProgressError.inUse(
            folder: folder.path, holder: "mnemo study (pid 4242 on testhost) since 2026-09-21T14:13:20.000Z")
        #expect(throws: expected) { try openWriter(folder) }
        #expect(
            expected.description
                == "progress folder \(folder.path) is in use by mnemo study (pid 4242 on testhost) since 2026-09-21T14:13:20.000Z; close that session first"
        )
        #expect(try Data(contentsOf: log) == before)
        #expect((try? Data(contentsOf: folder.appendingPathComponent("snapshot.json"))) == snapshotBefore)
        #expect(
            ProgressStore.lockHolder(of: folder) == "mnemo study (pid 4242 on testhost) since 2026-09-21T14:13:20.000Z")
        // Readers need no lock.
        #expect(try openReader(folder).records.count == 1)
        first.close()
        #expect(ProgressStore.lockHolder(of: folder) == nil)
        let second = try openWriter(folder)
        #expect(second.records.count == 1)
        second.close()
    }

    @Test func tornTailIsCutSavedAsideAndTheNextAppendStartsAFreshLine() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        for event in Self.history.prefix(3) { try store.append(event) }
        store.close()
        let log = folder.appendingPathComponent("reviews.jsonl")
        let fragment = String(String(decoding: EventLineCodec.encode(Self.history[3]), as: UTF8.self).prefix(50))
        try appendLines(fragment, to: log)

        let reader = try openReader(folder)
        #expect(reader.eventCount == 3)
        #expect(
            reader.warnings.map(\.description) == [
                "\(log.path):4: the last line is incomplete (50 bytes, a write cut short); every whole event before it was read"
            ])
        #expect(try Data(contentsOf: log).count > 0)  // a reader changes nothing

        let writer = try openWriter(folder)
        #expect(writer.warnings.count == 1)
        try writer.append(Self.history[4])
        writer.close()
        let contents = try ReviewLog.read(at: log)
        #expect(contents.events.map(\.id) == ["e01", "e02", "e03", "e05"])
        #expect(contents.warnings.isEmpty)
        #expect(contents.tornWarning == nil)
        let aside = try String(contentsOf: folder.appendingPathComponent("reviews.jsonl.torn"), encoding: .utf8)
        #expect(aside == fragment + "\n")
    }

    @Test func badLineInTheMiddleIsReportedOnEveryOpen() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        try store.append(Self.history[0])
        store.close()
        let log = folder.appendingPathComponent("reviews.jsonl")
        try appendLines("{garbage\n", to: log)
        let writer = try openWriter(folder)
        try writer.append(Self.history[1])
        writer.close()
        let expected = ["\(log.path):2: skipped a line that is not a review event: not JSON (expected a key at byte 2)"]
        let fromSnapshot = try openReader(folder)
        #expect(fromSnapshot.loadPath == .snapshot(newEvents: 0))
        #expect(fromSnapshot.warnings.map(\.description) == expected)
        #expect(fromSnapshot.eventCount == 2)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        let rebuilt = try openReader(folder)
        #expect(rebuilt.warnings.map(\.description) == expected)
        #expect(rebuilt.replayState == fromSnapshot.replayState)
    }

    @Test func folderThatCannotBeWrittenGivesOneClearError() throws {
        // Tests run as root, for whom permission bits do not stop writes; a path below a regular
        // file cannot be created by anyone.
        let base = try makeTemporaryFolder()
        defer { removeTemporaryFolder(base) }
        let file = base.deletingLastPathComponent().appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let folder = file.appendingPathComponent("progress")
        #expect(throws: ProgressError.notWritable(path: folder.path, reason: "\(file.path) is a file, not a folder")) {
            try openWriter(folder)
        }
        #expect(throws: ProgressError.notAFolder(path: file.path)) { try openWriter(file) }
        #expect(
            ProgressError.notWritable(path: "/x/p", reason: "permission denied").description
                == "cannot write progress at /x/p: permission denied")
    }

    @Test func readOnlyFolderRefusesWritesWhenPermissionsApply() throws {
        guard getuid() != 0 else { return }  // root ignores permission bits; see the test above
        let folder = try makeTemporaryFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            removeTemporaryFolder(folder)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        #expect(throws: ProgressError.self) { try openWriter(folder) }
    }

    @Test func readOnlyStoreRefusesAppends() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let reader = try openReader(folder)
        #expect(reader.records.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path), "reading creates nothing")
        #expect(throws: ProgressError.readOnly(folder: folder.path)) { try reader.append(Self.history[0]) }
    }

    @Test func invalidEventIsRefusedBeforeWriting() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        let bad = ReviewEvent(id: "r", kind: .review, card: CardID("c"), deck: "d", time: baseTime)
        #expect(throws: ProgressError.invalidEvent(id: "r", problem: "review r has no rating")) {
            try store.append(bad)
        }
        #expect(store.eventCount == 0)
        store.close()
        #expect(try ReviewLog.events(inFolder: folder).events.isEmpty)
    }

    @Test func undoRestoresTheCardWhetherFromMemoryOrFromTheLog() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        try store.append(review("a", card: "c1", rating: .good, minutes: 0))
        let afterFirst = store.records[CardID("c1")]
        try store.append(review("b", card: "c1", rating: .again, minutes: 1))
        try store.append(undo("u1", of: "b", card: "c1", minutes: 2))  // restored from memory
        #expect(store.records[CardID("c1")] == afterFirst)
        store.close()

        let second = try openWriter(folder)
        try second.append(undo("u2", of: "a", card: "c1", minutes: 3))  // recomputed from the log
        #expect(second.records[CardID("c1")]?.state == .new)
        try second.append(review("c", card: "c1", rating: .easy, minutes: 4))
        let live = second.replayState
        second.close()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        #expect(try openReader(folder).replayState == live)
    }

    @Test func undoReadBeforeItsTargetStillTakesItBack() throws {
        // After a merge by time, clocks that disagree could put an undo first: the rule is by id.
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try openWriter(folder)
        try store.append(undo("u", of: "b", card: "c1", minutes: 0))
        try store.append(review("b", card: "c1", rating: .again, minutes: 1))
        #expect(store.records[CardID("c1")]?.state == .new)
        let live = store.replayState
        store.close()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        #expect(try openReader(folder).replayState == live)
    }
}
