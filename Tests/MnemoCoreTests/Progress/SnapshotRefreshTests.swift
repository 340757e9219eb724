import Foundation
import Testing

@testable import MnemoCore

/// A read-only reader that had to replay (new settings, an upgrade) leaves the snapshot for the next one.
@Suite(.serialized)
struct SnapshotRefreshTests {
    /// The same stand-in scheduler under other settings: snapshots of `testApplier` do not fit it.
    static let otherSettings = ReviewApplier(configHash: "other-config") { state, rating, time, _ in
        var s = state
        s.reps += 1
        s.stability = Double(rating.rawValue)
        s.due = time.addingTimeInterval(86_400)
        return s
    }

    private func folderWithReviews() throws -> URL {
        let folder = try makeTemporaryFolder()
        let store = try openWriter(folder)
        for (k, card) in ["c1", "c2", "c3"].enumerated() {
            try store.append(review("e\(k)", card: card, minutes: Double(k)))
        }
        store.close()
        return folder
    }

    @Test func aReaderThatReplayedWritesTheSnapshotTheNextReaderUses() throws {
        let folder = try folderWithReviews()
        defer { removeTemporaryFolder(folder) }
        let first = try openReader(folder, applier: Self.otherSettings)
        #expect(first.loadPath == .rebuilt)
        #expect(first.refreshSnapshotIfFree(owner: testOwner))
        let second = try openReader(folder, applier: Self.otherSettings)
        #expect(second.loadPath == .snapshot(newEvents: 0))
        #expect(second.records == first.records)
        // …and it is what a writer's full replay gives.
        let writer = try openWriter(folder, applier: Self.otherSettings)
        defer { writer.close() }
        #expect(writer.records == first.records)
    }

    @Test func nothingIsWrittenWhileAWriterHoldsTheFolder() throws {
        let folder = try folderWithReviews()
        defer { removeTemporaryFolder(folder) }
        let snapshot = folder.appendingPathComponent(ProgressSnapshot.fileName)
        let before = try Data(contentsOf: snapshot)
        let writer = try openWriter(folder)
        defer { writer.close() }
        let reader = try openReader(folder, applier: Self.otherSettings)
        #expect(reader.loadPath == .rebuilt)
        #expect(!reader.refreshSnapshotIfFree(owner: testOwner))
        #expect(try Data(contentsOf: snapshot) == before)
    }

    @Test func aReaderThatStartedFromTheSnapshotWritesNothing() throws {
        let folder = try folderWithReviews()
        defer { removeTemporaryFolder(folder) }
        let reader = try openReader(folder)
        #expect(reader.loadPath == .snapshot(newEvents: 0))
        #expect(!reader.refreshSnapshotIfFree(owner: testOwner))
    }

    @Test func aTornLastLineIsLeftForAWriterToRepair() throws {
        let folder = try folderWithReviews()
        defer { removeTemporaryFolder(folder) }
        let log = try FileHandle(forWritingTo: folder.appendingPathComponent(ReviewLog.fileName))
        try log.seekToEnd()
        try log.write(contentsOf: Data("{\"id\":\"torn".utf8))
        try log.close()
        let reader = try openReader(folder, applier: Self.otherSettings)
        #expect(!reader.refreshSnapshotIfFree(owner: testOwner))
    }
}
