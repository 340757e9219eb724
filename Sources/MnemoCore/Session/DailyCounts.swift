import Foundation

/// What has already been done today, counted from the review log, so limits hold across sessions.
public struct DailyCounts: Hashable, Sendable {
    /// Cards whose first (not undone) review happened today.
    public var newCards: Int
    /// Cards already reviewed before today that were reviewed again today (each card once).
    public var reviewCards: Int
    /// Every card reviewed today (so its siblings, cards of the same fact, wait for another day).
    public var cards: Set<CardID>

    public init(newCards: Int = 0, reviewCards: Int = 0, cards: Set<CardID> = []) {
        self.newCards = newCards
        self.reviewCards = reviewCards
        self.cards = cards
    }

    /// Counts from the log (events in log order). Undone reviews and cram practice do not count.
    public static func from(_ events: some Sequence<ReviewEvent>, dayStart: Date) -> DailyCounts {
        var undone = Set<String>()
        var reviews: [ReviewEvent] = []
        for event in events {
            switch event.kind {
            case .review: if event.countsForSchedule { reviews.append(event) }
            case .undo: if let id = event.undoes { undone.insert(id) }
            default: break
            }
        }
        var reviewedBefore = Set<CardID>()
        var newToday = Set<CardID>()
        var reviewedToday = Set<CardID>()
        for event in reviews where !undone.contains(event.id) {
            if event.time >= dayStart {
                if !reviewedBefore.contains(event.card) && !reviewedToday.contains(event.card) {
                    newToday.insert(event.card)
                }
                reviewedToday.insert(event.card)
            } else {
                reviewedBefore.insert(event.card)
            }
        }
        return DailyCounts(
            newCards: newToday.count, reviewCards: reviewedToday.subtracting(newToday).count, cards: reviewedToday)
    }
}

extension DailyCounts {
    /// The same counts as `from(_:dayStart:)` over the whole log, from only the events at or after
    /// `dayStart` (`ReviewLog.recentEvents`) plus each card's applied review count (`CardState.reps`,
    /// which replay keeps with undos already taken back): a card reviewed today was new today when
    /// all its applied reviews are today's. Start-up reads the end of the log only.
    public static func from(
        recent events: some Sequence<ReviewEvent>, dayStart: Date, reps: (CardID) -> Int
    ) -> DailyCounts {
        var undone = Set<String>()
        var reviews: [ReviewEvent] = []
        for event in events where event.time >= dayStart {
            switch event.kind {
            case .review: if event.countsForSchedule { reviews.append(event) }
            case .undo: if let id = event.undoes { undone.insert(id) }
            default: break
            }
        }
        var todayByCard: [CardID: Int] = [:]
        for event in reviews where !undone.contains(event.id) && event.rating != nil {
            todayByCard[event.card, default: 0] += 1
        }
        var newToday = 0
        for (card, count) in todayByCard where reps(card) <= count { newToday += 1 }
        return DailyCounts(
            newCards: newToday, reviewCards: todayByCard.count - newToday, cards: Set(todayByCard.keys))
    }
}
