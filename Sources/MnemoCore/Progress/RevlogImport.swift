import Foundation

/// Bringing review history in from a revlog CSV (`card_id,review_time,review_rating,review_state,
/// review_duration`) and out again (docs/scheduling.md "Review history in and out").
///
/// Everything is checked before anything is written: `plan` either returns the events to append
/// or throws the first problem with its row (line) number.
public enum RevlogImport {
    /// How the CSV's `card_id` names a deck card.
    public enum CardIDs: String, Sendable, CaseIterable {
        /// `card_id` is a Mnemo card id in the deck (what `mnemo reviews export` writes).
        case deck
        /// `card_id` is a whole number n: the deck's n-th card (0-based, in deck order), as in
        /// Anki-derived logs and the synthetic benchmark log.
        case index
    }

    public struct Plan: Sendable {
        /// Events to append, in file order.
        public var events: [ReviewEvent]
        /// Rows skipped because the log (or an earlier row) already has that card at that time.
        public var skipped: Int
    }

    /// The events that importing `entries` (with their file `lines`) into a log holding `existing`
    /// adds. Rows must be sorted by time, in the past of `now`, name cards of `deck`, and be newer
    /// than the card's events already in the log (or be exactly one of them, then skipped).
    public static func plan(
        _ entries: [RevlogEntry], lines: [Int], path: String, deck: Deck, cardIDs: CardIDs,
        existing: [ReviewEvent], now: Date
    ) throws(RevlogImportError) -> Plan {
        let known = Set(deck.cards.map(\.id))
        var latest: [CardID: Int64] = [:]
        var present: Set<Key> = []
        for event in existing where event.kind == .review {
            let ms = milliseconds(event.time)
            present.insert(Key(card: event.card, ms: ms))
            latest[event.card] = max(latest[event.card] ?? .min, ms)
        }
        let nowMs = milliseconds(now)
        var events: [ReviewEvent] = []
        events.reserveCapacity(entries.count)
        var skipped = 0
        var previous: Int64 = .min
        for (i, entry) in entries.enumerated() {
            let line = i < lines.count ? lines[i] : i + 2
            guard entry.timeMs >= previous else {
                throw .unsorted(path: path, line: line, time: entry.timeMs, previous: previous)
            }
            previous = entry.timeMs
            guard entry.timeMs <= nowMs else { throw .inFuture(path: path, line: line, time: entry.timeMs) }
            let card: CardID
            switch cardIDs {
            case .deck:
                card = CardID(entry.cardID)
                guard known.contains(card) else {
                    throw .unknownCard(path: path, line: line, id: entry.cardID, deck: deck.id, how: cardIDs)
                }
            case .index:
                guard let n = Int(entry.cardID), n >= 0, n < deck.cards.count else {
                    throw .unknownCard(path: path, line: line, id: entry.cardID, deck: deck.id, how: cardIDs)
                }
                card = deck.cards[n].id
            }
            let key = Key(card: card, ms: entry.timeMs)
            if present.contains(key) {
                skipped += 1
                continue
            }
            if let last = latest[card], last > entry.timeMs {
                throw .olderThanLog(path: path, line: line, card: card.rawValue)
            }
            present.insert(key)
            latest[card] = entry.timeMs
            events.append(
                ReviewEvent(
                    id: eventID(card: card, ms: entry.timeMs), kind: .review, card: card, deck: deck.id,
                    time: Date(timeIntervalSince1970: Double(entry.timeMs) / 1000), rating: entry.rating,
                    durationMs: entry.durationMs > 0 ? Int(clamping: entry.durationMs) : nil))
        }
        return Plan(events: events, skipped: skipped)
    }

    /// A stable id for an imported review, so importing the same file twice names the same events.
    public static func eventID(card: CardID, ms: Int64) -> String {
        "import-" + String(SHA256.hexDigest(of: Array("\(card.rawValue)\u{1F}\(ms)".utf8)).prefix(32))
    }

    /// The reviews in `events` that still count (undone ones left out), in log order, with
    /// `review_state` the card's phase just before the review (0 New, 1 Learning, 2 Review,
    /// 3 Relearning) as replay with `applier` gives it, and card ids as stored.
    public static func export(_ events: [ReviewEvent], applier: ReviewApplier) -> [RevlogEntry] {
        let undone = Set(
            events.lazy.filter { $0.kind == .undo }.map { UndoneEvent(event: $0.undoes ?? "", card: $0.card) })
        var states: [CardID: CardState] = [:]
        var out: [RevlogEntry] = []
        for event in events where event.kind == .review && event.countsForSchedule {
            guard let rating = event.rating, !undone.contains(UndoneEvent(event: event.id, card: event.card)) else {
                continue
            }
            let before = states[event.card] ?? .new
            var rng = SeededGenerator(seedString: event.id)
            // Only phases are read: they do not depend on intervals, so no due counts are needed.
            states[event.card] = applier.review(before, rating, event.time, &rng, DueHistogram())
            let state: Int
            switch before.phase {
            case .new: state = 0
            case .learning: state = 1
            case .review: state = 2
            case .relearning: state = 3
            }
            out.append(
                RevlogEntry(
                    cardID: event.card.rawValue, timeMs: milliseconds(event.time), rating: rating, state: state,
                    durationMs: Int64(event.durationMs ?? 0)))
        }
        return out
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    struct Key: Hashable {
        var card: CardID
        var ms: Int64
    }
}

/// Why a revlog import was refused (nothing was imported). Line numbers count the header as line 1.
public enum RevlogImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsorted(path: String, line: Int, time: Int64, previous: Int64)
    case inFuture(path: String, line: Int, time: Int64)
    case unknownCard(path: String, line: Int, id: String, deck: String, how: RevlogImport.CardIDs)
    case olderThanLog(path: String, line: Int, card: String)

    public var description: String {
        switch self {
        case .unsorted(let path, let line, let time, let previous):
            "\(path):\(line): review_time \(time) is earlier than the row before (\(previous)); rows must be sorted by review_time; nothing was imported"
        case .inFuture(let path, let line, let time):
            "\(path):\(line): review_time \(time) (\(LogTime.format(Date(timeIntervalSince1970: Double(time) / 1000)))) is in the future; nothing was imported"
        case .unknownCard(let path, let line, let id, let deck, let how):
            switch how {
            case .deck:
                "\(path):\(line): card_id '\(id)' is not a card of deck '\(deck)' (use --card-ids index for numeric ids); nothing was imported"
            case .index:
                "\(path):\(line): card_id '\(id)' is not a card number of deck '\(deck)' (0 to its card count - 1); nothing was imported"
            }
        case .olderThanLog(let path, let line, let card):
            "\(path):\(line): card \(card) has later reviews in the progress log; only reviews after them can be imported; nothing was imported"
        }
    }
}
