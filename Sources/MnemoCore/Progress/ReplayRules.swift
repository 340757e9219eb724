/// Rules of replay beyond the scheduler (leeches, docs/scheduling.md). Part of every applier's
/// configuration hash: bumping the version rebuilds every snapshot.
public enum ReplayRules {
    public static let version = 2
    /// Lapses at which a card becomes a leech and is suspended (Anki's default), then again every
    /// `leechRepeat` lapses after that.
    public static let leechThreshold = 8
    public static let leechRepeat = 4

    /// Whether a review that brought the card's lapses from `before` to `after` makes it a leech now.
    public static func becomesLeech(lapsesBefore before: Int, after: Int) -> Bool {
        guard after > before, after >= leechThreshold else { return false }
        return (after - leechThreshold) % leechRepeat == 0
    }
}
