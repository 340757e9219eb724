import Foundation

/// An event taken back by an undo of the same card.
public struct UndoneEvent: Codable, Hashable, Sendable, Comparable {
    public var event: String
    public var card: CardID

    public init(event: String, card: CardID) {
        self.event = event
        self.card = card
    }

    public static func < (a: UndoneEvent, b: UndoneEvent) -> Bool { (a.event, a.card) < (b.event, b.card) }
}

/// What replaying a prefix of the log yields: every card's record, plus where the prefix ends.
/// The snapshot stores exactly this; replaying the whole log rebuilds it exactly.
public struct ProgressReplay: Equatable, Sendable {
    public var records: [CardID: CardRecord] = [:]
    /// Events named by undo events (kept so that an event read after its undo is still skipped).
    public var undone: Set<UndoneEvent> = []
    /// Events applied (whole lines that are events).
    public var eventCount = 0
    /// Lines read, bad ones included.
    public var lineCount = 0
    /// Bytes of the log this reflects (whole lines).
    public var logLength = 0
    public var lastEventID: String?
    /// Bad lines met in this prefix, so a load from the snapshot reports them as a rebuild does.
    public var lineWarnings: [ProgressWarning] = []

    public init() {}

    /// The rules, one card at a time: an undo event takes back the event it names on the same card
    /// (any kind but undo; an undo naming an undo does nothing); the card is then as if that event
    /// never happened. Reviews go through the scheduler with a generator seeded by the event id, so
    /// fuzz replays exactly. A review that makes the card a leech (8 lapses, then every 4 more) suspends
    /// it. Suspend/unsuspend/bury set the flags. A card's deck is that of its
    /// latest applied event.
    static func step(_ record: inout CardRecord?, _ event: ReviewEvent, undone: Bool, applier: ReviewApplier) {
        if event.kind == .undo {
            if record == nil { record = CardRecord(deck: event.deck) }
            if !event.deck.isEmpty { record?.deck = event.deck }
            return
        }
        if undone { return }
        if event.kind == .review && !event.countsForSchedule { return }  // cram practice
        var r = record ?? CardRecord(deck: event.deck)
        if !event.deck.isEmpty { r.deck = event.deck }
        switch event.kind {
        case .review:
            if let rating = event.rating {
                var rng = SeededGenerator(seedString: event.id)
                let lapses = r.state.lapses
                r.state = canonical(applier.review(r.state, rating, event.time, &rng))
                // Leeches (ReplayRules): derived here, so replay stays deterministic.
                if ReplayRules.becomesLeech(lapsesBefore: lapses, after: r.state.lapses) { r.suspended = true }
            }
        case .suspend: r.suspended = true
        case .unsuspend: r.suspended = false
        case .bury: r.buriedUntil = event.until.map(LogTime.rounded)
        case .undo: break
        }
        record = r
    }

    /// Times rounded to whole milliseconds, as the snapshot stores them, so that a record read
    /// back from the snapshot equals the one computed.
    static func canonical(_ state: CardState) -> CardState {
        var s = state
        s.due = s.due.map(LogTime.rounded)
        s.lastReview = s.lastReview.map(LogTime.rounded)
        return s
    }

    /// Applies events read from the log in order (`contents` continues this prefix). When the prefix
    /// was not empty and `contents` holds undo events, their cards are recomputed from `history`
    /// (all of a card's events in the log so far), since what they take back may be in the prefix.
    mutating func apply(
        _ contents: ReviewLogContents, applier: ReviewApplier,
        history: (CardID) throws(ProgressError) -> [ReviewEvent] = { _ in [] }
    ) throws(ProgressError) {
        let continuing = eventCount > 0
        for event in contents.events where event.kind == .undo {
            if let target = event.undoes { undone.insert(UndoneEvent(event: target, card: event.card)) }
        }
        for event in contents.events {
            var record = records[event.card]
            let isUndone = event.kind != .undo && undone.contains(UndoneEvent(event: event.id, card: event.card))
            ProgressReplay.step(&record, event, undone: isUndone, applier: applier)
            records[event.card] = record
        }
        if continuing {
            let cards = Set(contents.events.filter { $0.kind == .undo }.map(\.card))
            for card in cards.sorted() {
                records[card] = ProgressReplay.fold(try history(card), card: card, applier: applier)
            }
        }
        eventCount += contents.events.count
        lineCount += contents.lineCount
        logLength = contents.wholeLength
        if let last = contents.events.last { lastEventID = last.id }
        lineWarnings += contents.warnings
    }

    /// The record of `card` computed from scratch from its events (used after an undo).
    static func fold(_ events: [ReviewEvent], card: CardID, applier: ReviewApplier) -> CardRecord? {
        let undone = Set(events.filter { $0.kind == .undo && $0.card == card }.compactMap(\.undoes))
        var record: CardRecord?
        for event in events where event.card == card {
            step(&record, event, undone: event.kind != .undo && undone.contains(event.id), applier: applier)
        }
        return record
    }
}
