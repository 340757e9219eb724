import Foundation

/// What statistics are computed from: no clock, no files. `log` holds the review log's events in
/// log order; `records` the replayed card records (`ProgressStore.records`).
public struct StatsInput: Sendable {
    public var decks: [Deck]
    public var log: StatsLog
    public var records: [CardID: CardRecord]
    public var scheduler: Scheduler
    public var now: Date
    public var studyDay: StudyDay
    /// The learner's new cards per day (for "new cards left today").
    public var newPerDay: Int

    public init(
        decks: [Deck], events: [ReviewEvent], records: [CardID: CardRecord], scheduler: Scheduler, now: Date,
        studyDay: StudyDay, newPerDay: Int = 20
    ) {
        self.init(
            decks: decks, log: StatsLog(events: events), records: records, scheduler: scheduler, now: now,
            studyDay: studyDay, newPerDay: newPerDay)
    }

    public init(
        decks: [Deck], log: StatsLog, records: [CardID: CardRecord], scheduler: Scheduler, now: Date,
        studyDay: StudyDay, newPerDay: Int = 20
    ) {
        self.decks = decks
        self.log = log
        self.records = records
        self.scheduler = scheduler
        self.now = now
        self.studyDay = studyDay
        self.newPerDay = newPerDay
    }
}

/// One card's answers in the log (undone ones excluded), for the class roll-up.
public struct CardTally: Equatable, Sendable {
    public var reviews = 0
    /// Answers rated Again, in any phase.
    public var again = 0
    /// Answers given while the card was in the Review phase, and how many passed.
    public var reviewAnswers = 0
    public var reviewPassed = 0

    public init() {}
}
