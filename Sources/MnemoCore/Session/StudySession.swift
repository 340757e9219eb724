import Foundation

/// One study session as a value: which card comes next and what each answer does.
/// No I/O and no clock: the caller passes `now`, appends the events this type makes to the log
/// (durably), and only then `apply`s them, so the session never runs ahead of the log.
///
/// Order: due reviews first (earliest due first, up to the daily review limit), then learning cards
/// as they come due within the session, then new cards in source order up to the daily new limit;
/// when nothing else is left, learning cards due within `learnAhead` (20 minutes, as Anki does),
/// then the cards skipped with `:skip`. Siblings (cards of the same `fact`) are not shown the same
/// day: once one is reviewed, the others wait for another day (as Anki buries siblings).
public struct StudySession: Sendable {
    /// Cram practice (`mnemo study --cram`): every card given, due or not, weakest first.
    public enum Cram: Sendable, Equatable {
        /// Practice only: reviews are logged with `cram: true` and leave the schedule alone.
        case practice
        /// Ordinary reviews that reschedule the cards (`--cram-reschedule`).
        case reschedule
    }

    public let day: StudyDay
    /// Set for a cram session: no daily limits, no siblings rule, all cards in one queue.
    public let cram: Cram?
    public let limits: StudyLimits
    public let learnAhead: TimeInterval
    /// The end of the study day the session started in; cards due before it count as due today.
    public let dayEnd: Date
    public private(set) var records: [CardID: CardRecord]
    public private(set) var today: DailyCounts
    public private(set) var summary: SessionSummary
    public private(set) var current: StudyItem?
    /// Cards due on each day, over every card of the progress folder (what replay's load balancer
    /// sees), kept up to date as this session changes records, so a preview is what the rating gives.
    public private(set) var dueLoad: DueHistogram

    private let scheduler: any ReviewScheduling
    private let cards: [CardID: StudyCard]
    private let order: [CardID]
    private var reviewQueue: [CardID]
    private var reviewHead = 0
    private var handledReviews = Set<CardID>()
    private var newQueue: [CardID]
    private var newHead = 0
    private var handledNew = Set<CardID>()
    private var learning: [CardID: Date] = [:]
    private var skipped: [CardID] = []
    private var undoStack: [UndoEntry] = []
    private var rng: SeededGenerator
    /// Fact id → the cards asking it (only facts with more than one card).
    private let siblings: [String: [CardID]]

    private struct UndoEntry: Sendable {
        var eventID: String
        var card: CardID
        var previous: CardRecord
        var source: QueueKind
        var previousLearningDue: Date?
        var rating: Rating
        var durationMs: Int
        /// Siblings this rating hid for the day, given back on undo.
        var hidSiblings: [CardID]
    }

    public init(
        cards: [StudyCard], records: [CardID: CardRecord], today: DailyCounts = DailyCounts(),
        limits: StudyLimits = StudyLimits(), day: StudyDay, scheduler: any ReviewScheduling,
        now: Date, seed: UInt64, learnAhead: TimeInterval = 20 * 60, cram: Cram? = nil,
        dueLoad: DueHistogram? = nil
    ) {
        self.day = day
        self.cram = cram
        self.limits = cram == nil ? limits : StudyLimits(newPerDay: Int.max, reviewsPerDay: Int.max)
        self.learnAhead = learnAhead
        self.scheduler = scheduler
        self.today = cram == nil ? today : DailyCounts()
        self.dayEnd = day.end(of: now)
        self.summary = SessionSummary(started: now)
        self.rng = SeededGenerator(seed: seed)
        self.cards = Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.order = cards.map(\.id)
        var byFact: [String: [CardID]] = [:]
        for card in cards { if let fact = card.card.fact { byFact[fact, default: []].append(card.id) } }
        self.siblings = byFact.filter { $0.value.count > 1 }
        var factsToday = Set<String>()
        for id in today.cards { if let card = self.cards[id], let fact = card.card.fact { factsToday.insert(fact) } }
        var records = records
        var reviews: [(CardID, Date, Int)] = []
        var new: [CardID] = []
        var learning: [CardID: Date] = [:]
        for card in cards {
            let record = records[card.id] ?? CardRecord(deck: card.deck)
            if records[card.id] == nil { records[card.id] = record }
            if record.suspended { continue }
            if let until = record.buriedUntil, until > now { continue }
            let siblingDoneToday =
                card.card.fact.map { factsToday.contains($0) && !today.cards.contains(card.id) } ?? false
            switch record.state.phase {
            case .new:
                if !siblingDoneToday { new.append(card.id) }
            case .learning, .relearning:
                let due = record.state.due ?? now
                if Self.staysInSession(record.state, due: due, dayEnd: dayEnd) { learning[card.id] = due }
            case .review:
                let due = record.state.due ?? now
                if due < dayEnd && !siblingDoneToday { reviews.append((card.id, due, card.position)) }
            }
        }
        reviews.sort { ($0.1, $0.2) < ($1.1, $1.2) }
        if cram != nil {
            // Weakest first: lowest retrievability now (seen cards), ties and new cards in source order
            // after them. Suspended and buried cards stay out.
            var seen: [(CardID, Double, Int)] = []
            new = []
            for card in cards {
                guard let record = records[card.id], !record.suspended else { continue }
                if let until = record.buriedUntil, until > now { continue }
                if record.state.phase == .new {
                    new.append(card.id)
                } else {
                    seen.append((card.id, scheduler.retrievability(of: record.state, at: now), card.position))
                }
            }
            seen.sort { ($0.1, $0.2) < ($1.1, $1.2) }
            reviews = seen.map { ($0.0, now, $0.2) }
            learning = [:]
        }
        self.records = records
        if let dueLoad {
            self.dueLoad = dueLoad
        } else {
            var load = DueHistogram()
            for record in records.values { if let day = ProgressReplay.dueDay(record) { load.add(day: day) } }
            self.dueLoad = load
        }
        self.reviewQueue = reviews.map(\.0)
        self.newQueue = new
        self.learning = learning
    }

    /// A learning card is part of today's session when it is due before the day ends, or when its
    /// step is shorter than a day: a card failed at 3:55 comes back in a minute, not after the 4 a.m. rollover.
    static func staysInSession(_ state: CardState, due: Date, dayEnd: Date) -> Bool {
        if due < dayEnd { return true }
        guard let last = state.lastReview else { return false }
        return due.timeIntervalSince(last) < 86_400
    }

    // MARK: - Choosing the next card

    private var reviewsAllowed: Bool { today.reviewCards < limits.reviewsPerDay }
    private var newAllowed: Bool { today.newCards < limits.newPerDay }

    /// Cards still expected this session (the current one included).
    public var remaining: Int {
        let reviews = min(reviewQueue.count - handledReviews.count, max(0, limits.reviewsPerDay - today.reviewCards))
        let new = min(newQueue.count - handledNew.count, max(0, limits.newPerDay - today.newCards))
        return reviews + learning.count + new
    }

    /// Cards waiting in each queue now (for the header), within the daily limits.
    public var counts: (review: Int, learning: Int, new: Int) {
        (
            min(reviewQueue.count - handledReviews.count, max(0, limits.reviewsPerDay - today.reviewCards)),
            learning.count,
            min(newQueue.count - handledNew.count, max(0, limits.newPerDay - today.newCards))
        )
    }

    /// The card to show at `now`, or nil when the session is over.
    public mutating func next(now: Date) -> StudyItem? {
        if let current { return current }
        guard let (id, queue) = pick(now: now) else { return nil }
        current = makeItem(id, queue: queue)
        return current
    }

    private mutating func makeItem(_ id: CardID, queue: QueueKind) -> StudyItem? {
        guard let card = cards[id] else { return nil }
        let state = records[id]?.state ?? .new
        let reviewed = summary.reviewed
        return StudyItem(
            card: card, state: state, queue: queue, number: reviewed + 1,
            total: max(reviewed + remaining, reviewed + 1), pendingEventID: makeEventID())
    }

    private mutating func pick(now: Date) -> (CardID, QueueKind)? {
        let skippedSet = Set(skipped)
        if reviewsAllowed,
            let id = firstPending(in: reviewQueue, head: &reviewHead, handled: handledReviews, skipping: skippedSet)
        {
            return (id, .review)
        }
        if let id = earliestLearning(dueBy: now, skipping: skippedSet) { return (id, .learning) }
        if newAllowed, let id = firstPending(in: newQueue, head: &newHead, handled: handledNew, skipping: skippedSet) {
            return (id, .new)
        }
        if let id = earliestLearning(dueBy: now.addingTimeInterval(learnAhead), skipping: skippedSet) {
            return (id, .learning)
        }
        while !skipped.isEmpty {
            let id = skipped.removeFirst()
            if learning[id] != nil { return (id, .learning) }
            if reviewsAllowed, reviewQueue.contains(id), !handledReviews.contains(id) { return (id, .review) }
            if newAllowed, newQueue.contains(id), !handledNew.contains(id) { return (id, .new) }
        }
        return nil
    }

    private func firstPending(
        in queue: [CardID], head: inout Int, handled: Set<CardID>, skipping: Set<CardID>
    ) -> CardID? {
        while head < queue.count, handled.contains(queue[head]) { head += 1 }
        var index = head
        while index < queue.count {
            let id = queue[index]
            if !handled.contains(id) && !skipping.contains(id) { return id }
            index += 1
        }
        return nil
    }

    private func earliestLearning(dueBy limit: Date, skipping: Set<CardID>) -> CardID? {
        var best: (CardID, Date, Int)?
        for (id, due) in learning where due <= limit && !skipping.contains(id) {
            let position = cards[id]?.position ?? 0
            if let current = best, (current.1, current.2) <= (due, position) { continue }
            best = (id, due, position)
        }
        return best?.0
    }

    // MARK: - Making events (the caller appends them durably, then applies them)

    /// The review event for rating the current card.
    public func reviewEvent(
        rating: Rating, answer: String?, verdict: Verdict?, durationMs: Int?, now: Date
    ) -> ReviewEvent? {
        guard let current else { return nil }
        return ReviewEvent(
            id: current.pendingEventID, kind: .review, card: current.card.id, deck: current.card.deck,
            time: ReviewEvent.truncatedToMilliseconds(now), rating: rating, answer: answer, verdict: verdict,
            durationMs: durationMs, cram: cram == .practice ? true : nil)
    }

    /// The undo event taking back the last rating of this session, or nil if there is none.
    public mutating func undoEvent(now: Date) -> ReviewEvent? {
        guard let last = undoStack.last, let card = cards[last.card] else { return nil }
        return ReviewEvent(
            id: makeEventID(), kind: .undo, card: last.card, deck: card.deck,
            time: ReviewEvent.truncatedToMilliseconds(now), undoes: last.eventID)
    }

    /// Bury the current card until the next study day.
    public mutating func buryEvent(now: Date) -> ReviewEvent? {
        guard let current else { return nil }
        return ReviewEvent(
            id: makeEventID(), kind: .bury, card: current.card.id, deck: current.card.deck,
            time: ReviewEvent.truncatedToMilliseconds(now), until: dayEnd)
    }

    /// Suspend the current card (not shown until unsuspended).
    public mutating func suspendEvent(now: Date) -> ReviewEvent? {
        guard let current else { return nil }
        return ReviewEvent(
            id: makeEventID(), kind: .suspend, card: current.card.id, deck: current.card.deck,
            time: ReviewEvent.truncatedToMilliseconds(now))
    }

    /// What each rating would do to the current card at `now` (with the fuzz its event id will give).
    public func preview(now: Date) -> [Rating: CardState] {
        guard let current, cram != .practice else { return [:] }
        var result: [Rating: CardState] = [:]
        for rating in Rating.allCases {
            var fuzz = SeededGenerator(seedString: current.pendingEventID)
            result[rating] = scheduler.review(
                current.state, rating: rating, at: ReviewEvent.truncatedToMilliseconds(now), using: &fuzz,
                dueLoad: dueLoad)
        }
        return result
    }

    /// Show the current card again later in this session.
    public mutating func skip() {
        guard let current else { return }
        skipped.removeAll { $0 == current.card.id }
        skipped.append(current.card.id)
        self.current = nil
    }

    /// Whether `:undo` has something to take back.
    public var canUndo: Bool { !undoStack.isEmpty }

    // MARK: - Applying events

    /// Apply an event that has been appended to the log. `stored` is the card's record as the progress
    /// store computed it, when the caller has it; it is taken as is so the session and the log agree.
    public mutating func apply(_ event: ReviewEvent, stored: CardRecord? = nil) {
        switch event.kind {
        case .review: applyReview(event, stored: stored)
        case .undo: applyUndo(event, stored: stored)
        case .bury:
            let until = event.until ?? dayEnd
            applyRemoval(event) { $0.buriedUntil = until }
        case .suspend: applyRemoval(event) { $0.suspended = true }
        case .unsuspend:
            if var record = records[event.card] {
                record.suspended = false
                setRecord(record, for: event.card)
            }
        }
    }

    private mutating func applyReview(_ event: ReviewEvent, stored: CardRecord?) {
        guard let rating = event.rating, let card = cards[event.card] else { return }
        let previous = records[event.card] ?? CardRecord(deck: card.deck)
        let source: QueueKind
        if current?.card.id == event.card, let queue = current?.queue {
            source = queue
        } else if learning[event.card] != nil {
            source = .learning
        } else {
            source = previous.state.phase == .new ? .new : .review
        }
        var fuzz = SeededGenerator(seedString: event.id)
        var record = previous
        if event.countsForSchedule {
            record.state = scheduler.review(
                previous.state, rating: rating, at: event.time, using: &fuzz, dueLoad: dueLoad)
            if let stored { record = stored }
        }
        let state = record.state
        setRecord(record, for: event.card)
        let previousLearningDue = event.countsForSchedule ? learning.removeValue(forKey: event.card) : nil
        switch source {
        case .new:
            handledNew.insert(event.card)
            today.newCards += 1
            summary.newSeen += 1
        case .review:
            handledReviews.insert(event.card)
            today.reviewCards += 1
        case .learning:
            break
        }
        if event.countsForSchedule, state.phase == .learning || state.phase == .relearning, let due = state.due,
            Self.staysInSession(state, due: due, dayEnd: dayEnd)
        {
            learning[event.card] = due
        }
        skipped.removeAll { $0 == event.card }
        let duration = event.durationMs ?? 0
        let hidden = cram == nil ? hideSiblings(of: event.card) : []
        undoStack.append(
            UndoEntry(
                eventID: event.id, card: event.card, previous: previous, source: source,
                previousLearningDue: previousLearningDue, rating: rating, durationMs: duration, hidSiblings: hidden))
        summary.reviewed += 1
        if rating.isPass { summary.right += 1 } else { summary.wrong += 1 }
        summary.answeringMs += duration
        if current?.card.id == event.card { current = nil }
    }

    private mutating func applyUndo(_ event: ReviewEvent, stored: CardRecord?) {
        guard let index = undoStack.lastIndex(where: { $0.eventID == event.undoes }) else { return }
        let entry = undoStack.remove(at: index)
        setRecord(stored ?? entry.previous, for: entry.card)
        learning.removeValue(forKey: entry.card)
        if let due = entry.previousLearningDue { learning[entry.card] = due }
        switch entry.source {
        case .new:
            handledNew.remove(entry.card)
            newHead = min(newHead, newQueue.firstIndex(of: entry.card) ?? newHead)
            today.newCards -= 1
            summary.newSeen -= 1
        case .review:
            handledReviews.remove(entry.card)
            reviewHead = min(reviewHead, reviewQueue.firstIndex(of: entry.card) ?? reviewHead)
            today.reviewCards -= 1
        case .learning:
            break
        }
        summary.reviewed -= 1
        if entry.rating.isPass { summary.right -= 1 } else { summary.wrong -= 1 }
        summary.answeringMs -= entry.durationMs
        summary.undone += 1
        for sibling in entry.hidSiblings {
            handledNew.remove(sibling)
            handledReviews.remove(sibling)
            if let index = newQueue.firstIndex(of: sibling) { newHead = min(newHead, index) }
            if let index = reviewQueue.firstIndex(of: sibling) { reviewHead = min(reviewHead, index) }
        }
        // The card comes back: it is shown again straight away.
        current = makeItem(entry.card, queue: entry.source)
    }

    /// Replaces a card's record, moving it in `dueLoad` as replay does.
    private mutating func setRecord(_ record: CardRecord, for card: CardID) {
        ProgressReplay.move(&dueLoad, from: records[card], to: record)
        records[card] = record
    }

    /// Takes the pending new and review siblings of `card` out of today's queues; returns them.
    private mutating func hideSiblings(of card: CardID) -> [CardID] {
        guard let fact = cards[card]?.card.fact, let others = siblings[fact] else { return [] }
        var hidden: [CardID] = []
        for other in others where other != card && learning[other] == nil {
            let pendingNew = newQueue.contains(other) && !handledNew.contains(other)
            let pendingReview = reviewQueue.contains(other) && !handledReviews.contains(other)
            guard pendingNew || pendingReview else { continue }
            if pendingNew { handledNew.insert(other) }
            if pendingReview { handledReviews.insert(other) }
            skipped.removeAll { $0 == other }
            hidden.append(other)
        }
        return hidden
    }

    private mutating func applyRemoval(_ event: ReviewEvent, change: (inout CardRecord) -> Void) {
        guard let card = cards[event.card] else { return }
        var record = records[event.card] ?? CardRecord(deck: card.deck)
        change(&record)
        setRecord(record, for: event.card)
        if reviewQueue.contains(event.card) { handledReviews.insert(event.card) }
        if newQueue.contains(event.card) { handledNew.insert(event.card) }
        learning.removeValue(forKey: event.card)
        skipped.removeAll { $0 == event.card }
        if event.kind == .bury { summary.buried += 1 } else { summary.suspended += 1 }
        if current?.card.id == event.card { current = nil }
    }

    // MARK: - The end

    /// The summary at `now`, with when the next card falls due.
    public func finalSummary(now: Date) -> SessionSummary {
        var result = summary
        result.nextDue = nextDue(now: now)
        return result
    }

    /// When the next card of these decks can be studied, given the limits; nil if none ever.
    public func nextDue(now: Date) -> Date? {
        var best: Date?
        func consider(_ date: Date) { if best.map({ date < $0 }) ?? true { best = date } }
        var newWaiting = false
        for id in order {
            guard let record = records[id], !record.suspended else { continue }
            var due: Date
            switch record.state.phase {
            case .new:
                newWaiting = true
                continue
            case .learning, .relearning:
                due = record.state.due ?? now
            case .review:
                due = record.state.due ?? now
                if !reviewsAllowed && due < dayEnd { due = dayEnd }
            }
            if let until = record.buriedUntil, until > due { due = until }
            consider(due)
        }
        if newWaiting { consider(newAllowed ? now : dayEnd) }
        return best
    }

    // MARK: - Ids

    /// A UUID-shaped event id drawn from the session's generator (seeded by `--seed`, so runs repeat).
    private mutating func makeEventID() -> String {
        let high = rng.next()
        let low = rng.next()
        var bytes: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(
            separator: "-")
    }

    /// A generator for choice order and hints, drawn from the session's own.
    public mutating func makeGenerator() -> SeededGenerator {
        SeededGenerator(seed: rng.next())
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
