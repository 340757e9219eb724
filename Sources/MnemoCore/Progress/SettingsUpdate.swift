import Foundation

/// Changing a progress folder's settings: under the folder's lock, the snapshot is re-derived from
/// the review log with the new scheduler (DESIGN.md decision 2), then `settings.json` is replaced
/// atomically. A crash in between leaves the old settings and a snapshot that the next open
/// rebuilds (it is only a cache), so nothing is ever half-changed.
public enum SettingsUpdate {
    public struct Result: Equatable, Sendable {
        /// Cards whose state is in the log.
        public var cards: Int
        /// Events replayed.
        public var events: Int
        /// Whether every card's state was re-derived (the scheduler configuration changed).
        public var rebuilt: Bool
        /// The records after the change.
        public var records: [CardID: CardRecord]
    }

    /// Saves `settings` to `folder`. `previous` is what the caller read before deciding the change;
    /// if the file changed meanwhile (another process), nothing is written and `.writeFailed` is thrown.
    public static func apply(
        _ settings: ProgressSettings, previous: ProgressSettings, folder: URL, owner: LockOwner
    ) throws(ProgressError) -> Result {
        let url = folder.appendingPathComponent(ProgressSettings.fileName)
        try settings.validate(path: url.path)
        let applier: ReviewApplier
        do { applier = try settings.applier() } catch {
            throw .invalidScheduler(path: url.path, problem: error.description)
        }
        let store = try ProgressStore(folder: folder, access: .readWrite(owner), applier: applier, settings: settings)
        defer { store.close() }
        let onDisk = try ProgressSettings.load(fromFolder: folder)
        guard onDisk == previous else {
            throw .writeFailed(
                path: url.path, reason: "another process changed the settings meanwhile; run the command again")
        }
        try settings.save(toFolder: folder)
        return Result(
            cards: store.records.count, events: store.eventCount, rebuilt: store.loadPath == .rebuilt,
            records: store.records)
    }
}
