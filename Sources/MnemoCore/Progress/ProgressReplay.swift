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
    /// Every card's record. Changed only through `set(_:for:)`, which keeps `dueLoad` counting them.
    public internal(set) var records: [CardID: CardRecord] = [:]
    /// How many of the records fall due on each day: what the load balancer sees at this point of
    /// the log. Derived from `records` (not stored in the snapshot; `recount()` rebuilds it).
    public private(set) var dueLoad = DueHistogram()
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

    /// The balancer day a record counts on: its due day, unless it has none (new) or is suspended.
    @inline(__always)
    static func dueDay(_ record: CardRecord?) -> Int? {
        guard let record, !record.suspended, let due = record.state.due else { return nil }
        return DueHistogram.day(of: due)
    }

    /// Replaces `card`'s record, moving it in `dueLoad`.
    @inline(__always)
    mutating func set(_ record: CardRecord?, for card: CardID) {
        Self.move(&dueLoad, from: records[card], to: record)
        records[card] = record
    }

    /// Moves a card's count in `load` from the day `old` is due to the day `new` is (none for a
    /// suspended or undated record).
    @inline(__always)
    static func move(_ load: inout DueHistogram, from old: CardRecord?, to new: CardRecord?) {
        let from = dueDay(old)
        let to = dueDay(new)
        guard from != to else { return }
        if let from { load.remove(day: from) }
        if let to { load.add(day: to) }
    }

    /// Rebuilds `dueLoad` from `records` (after they were set wholesale, e.g. from the snapshot).
    mutating func recount() {
        var load = DueHistogram()
        for record in records.values { if let day = ProgressReplay.dueDay(record) { load.add(day: day) } }
        dueLoad = load
    }

    /// The rules, one card at a time: an undo event takes back the event it names on the same card
    /// (any kind but undo; an undo naming an undo does nothing); the card is then as if that event
    /// never happened. Reviews go through the scheduler with a generator seeded by the event id, so
    /// fuzz replays exactly. A review that makes the card a leech (8 lapses, then every 4 more) suspends
    /// it. Suspend/unsuspend/bury set the flags. A card's deck is that of its
    /// latest applied event. `load` is the due counts before this event (for the load balancer).
    static func step(
        _ record: inout CardRecord?, _ event: ReviewEvent, undone: Bool, applier: ReviewApplier,
        load: DueHistogram = DueHistogram()
    ) {
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
                r.state = canonical(applier.review(r.state, rating, event.time, &rng, load))
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
    /// was not empty and `contents` holds undo events, what they take back may be in the prefix: with
    /// the load balancer on, every later review may depend on it, so `rebuild` replays the whole log
    /// (`contents` included) from scratch; otherwise only their cards are recomputed from `history`
    /// (all of a card's events in the log so far). Returns whether the whole log was replayed.
    @discardableResult
    mutating func apply(
        _ contents: ReviewLogContents, applier: ReviewApplier,
        history: (CardID) throws(ProgressError) -> [ReviewEvent] = { _ in [] },
        rebuild: () throws(ProgressError) -> ProgressReplay? = { nil }
    ) throws(ProgressError) -> Bool {
        let continuing = eventCount > 0
        let undoesPrefix = continuing && undoesEarlierEvent(contents)
        if undoesPrefix, applier.balances, let whole = try rebuild() {
            self = whole
            return true
        }
        for event in contents.events where event.kind == .undo {
            if let target = event.undoes { undone.insert(UndoneEvent(event: target, card: event.card)) }
        }
        for event in contents.events {
            var record = records[event.card]
            let isUndone = event.kind != .undo && undone.contains(UndoneEvent(event: event.id, card: event.card))
            ProgressReplay.step(&record, event, undone: isUndone, applier: applier, load: dueLoad)
            set(record, for: event.card)
        }
        if continuing {
            let cards = Set(contents.events.filter { $0.kind == .undo }.map(\.card))
            for card in cards.sorted() {
                set(ProgressReplay.fold(try history(card), card: card, applier: applier), for: card)
            }
        }
        eventCount += contents.events.count
        lineCount += contents.lineCount
        logLength = contents.wholeLength
        if let last = contents.events.last { lastEventID = last.id }
        lineWarnings += contents.warnings
        return false
    }

    /// Whether `contents` holds an undo whose target is not in `contents` and not already undone
    /// (so it may be an event of the prefix that was applied).
    func undoesEarlierEvent(_ contents: ReviewLogContents) -> Bool {
        let undos = contents.events.filter { $0.kind == .undo }
        guard !undos.isEmpty else { return false }
        let ids = Set(contents.events.map(\.id))
        return undos.contains { undo in
            guard let target = undo.undoes else { return false }
            return !ids.contains(target) && !undone.contains(UndoneEvent(event: target, card: undo.card))
        }
    }

    /// The record of `card` computed from scratch from its events (used after an undo when reviews
    /// do not depend on other cards).
    static func fold(_ events: [ReviewEvent], card: CardID, applier: ReviewApplier) -> CardRecord? {
        let undone = Set(events.filter { $0.kind == .undo && $0.card == card }.compactMap(\.undoes))
        var record: CardRecord?
        for event in events where event.card == card {
            step(&record, event, undone: event.kind != .undo && undone.contains(event.id), applier: applier)
        }
        return record
    }
}
