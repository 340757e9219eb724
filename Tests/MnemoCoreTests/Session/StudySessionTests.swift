import Foundation
import Testing

@testable import MnemoCore

@Suite("Study session")
struct StudySessionTests {
    @Test("due reviews come first (earliest due first), then new cards in source order")
    func order() {
        let deck = Fixture.deck(5)
        let records: [CardID: CardRecord] = [
            CardID("q-4"): Fixture.reviewRecord(dueIn: -3600),
            CardID("q-2"): Fixture.reviewRecord(dueIn: -7200),
            // due after the day ends (04:00 tomorrow): not today
            CardID("q-5"): Fixture.reviewRecord(dueIn: 20 * 3600),
        ]
        var session = Fixture.session(decks: [deck], records: records)
        let shown = session.drain(rating: .easy, from: Fixture.noon)
        #expect(shown == ["q-2", "q-4", "q-1", "q-3"])
    }

    @Test("a learning card comes back within the session once due; new cards wait their turn")
    func learningComesBack() {
        var session = Fixture.session(decks: [Fixture.deck(3)])
        var now = Fixture.noon
        #expect(session.next(now: now)?.card.id == CardID("q-1"))
        session.rate(.again, at: now)  // q-1 learning, due in 60 s
        now += 10
        #expect(session.next(now: now)?.card.id == CardID("q-2"))
        session.rate(.easy, at: now)
        now += 70  // q-1 now due: learning before new
        let item = session.next(now: now)
        #expect(item?.card.id == CardID("q-1"))
        #expect(item?.queue == .learning)
        session.rate(.good, at: now)  // step 1, due in 10 minutes
        now += 5
        #expect(session.next(now: now)?.card.id == CardID("q-3"))
        session.rate(.easy, at: now)
        // Nothing else: the learning card due within 20 minutes is shown ahead of time.
        #expect(session.next(now: now + 5)?.card.id == CardID("q-1"))
        session.rate(.good, at: now + 5)  // graduates
        #expect(session.next(now: now + 10) == nil)
    }

    @Test("a card failed just before the 4 a.m. rollover comes back in a minute, in the same session")
    func learningAcrossRollover() {
        let beforeRollover = Fixture.noon.addingTimeInterval(-8 * 3600 - 30)  // 03:59:30 UTC
        var session = Fixture.session(decks: [Fixture.deck(1)], now: beforeRollover)
        session.rate(.again, at: beforeRollover)  // due 04:00:30, after the day's end
        #expect(session.counts.learning == 1)
        let item = session.next(now: beforeRollover.addingTimeInterval(61))
        #expect(item?.card.id == CardID("q-1"))
        #expect(item?.queue == .learning)
    }

    @Test("a learning card due after the learn-ahead window ends the session; next due names it")
    func learningBeyondWindow() {
        var session = Fixture.session(decks: [Fixture.deck(1)])
        let due = Fixture.noon.addingTimeInterval(600)
        session.rate(.good, at: Fixture.noon)
        #expect(session.next(now: Fixture.noon.addingTimeInterval(-30 * 60)) == nil)
        #expect(session.finalSummary(now: Fixture.noon).nextDue == due)
    }

    @Test(
        "daily limits count what was done earlier today",
        arguments: [
            (StudyLimits(newPerDay: 20, reviewsPerDay: 200), DailyCounts(), 6),
            (StudyLimits(newPerDay: 2, reviewsPerDay: 200), DailyCounts(), 5),
            (StudyLimits(newPerDay: 2, reviewsPerDay: 200), DailyCounts(newCards: 1), 4),
            (StudyLimits(newPerDay: 0, reviewsPerDay: 1), DailyCounts(), 1),
            (StudyLimits(newPerDay: 5, reviewsPerDay: 3), DailyCounts(newCards: 5, reviewCards: 3), 0),
        ])
    func limits(limits: StudyLimits, today: DailyCounts, expected: Int) {
        // 3 reviews due, 3 new cards.
        let deck = Fixture.deck(6)
        var records: [CardID: CardRecord] = [:]
        for n in 4...6 { records[CardID("q-\(n)")] = Fixture.reviewRecord(dueIn: -60) }
        var session = Fixture.session(decks: [deck], records: records, today: today, limits: limits)
        #expect(session.remaining == expected)
        #expect(session.drain(rating: .easy, from: Fixture.noon).count == expected)
    }

    @Test("the header numbers cards: card 1 of 3, then 2 of 3")
    func numbering() {
        var session = Fixture.session(decks: [Fixture.deck(3)])
        let first = session.next(now: Fixture.noon)
        #expect(first?.number == 1)
        #expect(first?.total == 3)
        session.rate(.easy, at: Fixture.noon)
        let second = session.next(now: Fixture.noon)
        #expect(second?.number == 2)
        #expect(second?.total == 3)
    }

    @Test("skip shows the card again after the others")
    func skip() {
        var session = Fixture.session(decks: [Fixture.deck(3)])
        #expect(session.next(now: Fixture.noon)?.card.id == CardID("q-1"))
        session.skip()
        #expect(session.drain(rating: .easy, from: Fixture.noon) == ["q-2", "q-3", "q-1"])
    }

    @Test("bury hides the card until the next study day; suspend until unsuspended")
    func buryAndSuspend() throws {
        var session = Fixture.session(decks: [Fixture.deck(3)])
        _ = session.next(now: Fixture.noon)
        let buryValue = session.buryEvent(now: Fixture.noon)
        let bury = try #require(buryValue)
        #expect(bury.kind == .bury)
        #expect(bury.card == CardID("q-1"))
        // 04:00 UTC the next day
        #expect(bury.until == Date(timeIntervalSince1970: 1_773_201_600))
        session.apply(bury)
        _ = session.next(now: Fixture.noon)
        let suspendValue = session.suspendEvent(now: Fixture.noon)
        let suspend = try #require(suspendValue)
        #expect(suspend.kind == .suspend && suspend.card == CardID("q-2"))
        session.apply(suspend)
        #expect(session.records[CardID("q-1")]?.buriedUntil == bury.until)
        #expect(session.records[CardID("q-2")]?.suspended == true)
        #expect(session.drain(rating: .easy, from: Fixture.noon) == ["q-3"])
        let summary = session.finalSummary(now: Fixture.noon)
        #expect(summary.buried == 1 && summary.suspended == 1 && summary.reviewed == 1)
        // A new session the same day still leaves out the buried card.
        var later = Fixture.session(decks: [Fixture.deck(3)], records: session.records)
        #expect(later.next(now: Fixture.noon + 60) == nil)
        var tomorrow = Fixture.session(
            decks: [Fixture.deck(3)], records: session.records, now: Fixture.noon.addingTimeInterval(86_400))
        #expect(tomorrow.next(now: Fixture.noon.addingTimeInterval(86_400))?.card.id == CardID("q-1"))
    }

    @Test("undo names the last review, restores the card's state and counts, and the card comes back")
    func undo() throws {
        let records = [CardID("q-1"): Fixture.reviewRecord(dueIn: -60)]
        var session = Fixture.session(decks: [Fixture.deck(3)], records: records)
        let before = session.records[CardID("q-1")]
        let reviewValue = session.rate(.again, at: Fixture.noon, verdict: .wrong)
        let review = try #require(reviewValue)
        let secondValue = session.rate(.good, at: Fixture.noon + 5)
        let second = try #require(secondValue)
        #expect(second.card == CardID("q-2"))
        #expect(session.summary.reviewed == 2)
        #expect(session.canUndo)

        let undoSecondValue = session.undoEvent(now: Fixture.noon + 10)
        let undoSecond = try #require(undoSecondValue)
        #expect(undoSecond.kind == .undo)
        #expect(undoSecond.undoes == second.id)
        session.apply(undoSecond)
        #expect(session.current?.card.id == CardID("q-2"))
        #expect(session.current?.queue == .new)
        #expect(session.records[CardID("q-2")]?.state == .new)
        #expect(session.today.newCards == 0)

        let undoFirstValue = session.undoEvent(now: Fixture.noon + 12)
        let undoFirst = try #require(undoFirstValue)
        #expect(undoFirst.undoes == review.id)
        session.apply(undoFirst)
        #expect(session.records[CardID("q-1")] == before)
        #expect(session.current?.card.id == CardID("q-1"))
        #expect(session.current?.queue == .review)
        #expect(session.today.reviewCards == 0)
        #expect(session.summary.reviewed == 0 && session.summary.wrong == 0 && session.summary.undone == 2)
        #expect(session.undoEvent(now: Fixture.noon + 13) == nil)
        // Everything is shown again, in the usual order.
        #expect(session.drain(rating: .easy, from: Fixture.noon + 20) == ["q-1", "q-2", "q-3"])
    }

    @Test("the review event carries the rating, answer, verdict, duration and millisecond time")
    func reviewEventFields() throws {
        var session = Fixture.session(decks: [Fixture.deck(1)])
        let itemValue = session.next(now: Fixture.noon)
        let item = try #require(itemValue)
        let event = try #require(
            session.reviewEvent(
                rating: .hard, answer: "typed", verdict: .almost, durationMs: 4200,
                now: Fixture.noon.addingTimeInterval(0.123456)))
        #expect(event.id == item.pendingEventID)
        #expect(event.kind == .review && event.rating == .hard && event.answer == "typed")
        #expect(event.verdict == .almost && event.durationMs == 4200 && event.deck == "d1")
        #expect(event.time == ReviewEvent.truncatedToMilliseconds(Fixture.noon.addingTimeInterval(0.123456)))
        #expect(abs(event.time.timeIntervalSince(Fixture.noon) - 0.123) < 1e-6)
    }

    @Test("the preview of each rating is what rating it then gives (fuzz seeded by the event id)")
    func previewMatchesRating() throws {
        struct Fuzzy: ReviewScheduling {
            func review<G: RandomNumberGenerator>(
                _ card: CardState, rating: Rating, at now: Date, using rng: inout G
            ) -> CardState {
                var next = card
                next.phase = .review
                next.due = now.addingTimeInterval(Double(rating.rawValue) * 86_400 + Double(rng.next() % 10_000))
                return next
            }
        }
        for rating in Rating.allCases {
            var session = StudySession(
                cards: StudyCard.all(in: [Fixture.deck(1)]), records: [:], day: Fixture.day, scheduler: Fuzzy(),
                now: Fixture.noon, seed: 7)
            _ = session.next(now: Fixture.noon)
            let preview = session.preview(now: Fixture.noon)
            let event = try #require(
                session.reviewEvent(
                    rating: rating, answer: nil, verdict: .unchecked, durationMs: nil, now: Fixture.noon))
            session.apply(event)
            #expect(session.records[CardID("q-1")]?.state == preview[rating])
        }
    }

    @Test("the same seed gives the same event ids; another seed others")
    func seeded() {
        func ids(seed: UInt64) -> [String] {
            var session = Fixture.session(decks: [Fixture.deck(3)], seed: seed)
            var result: [String] = []
            for offset in 0..<3 {
                if let event = session.rate(.easy, at: Fixture.noon + Double(offset)) { result.append(event.id) }
            }
            return result
        }
        #expect(ids(seed: 1) == ids(seed: 1))
        #expect(ids(seed: 1) != ids(seed: 2))
        #expect(Set(ids(seed: 1)).count == 3)
        #expect(ids(seed: 1).allSatisfy { UUID(uuidString: $0) != nil })
    }

    @Test("the summary counts right and wrong by rating, new cards seen and time spent")
    func summary() {
        var session = Fixture.session(decks: [Fixture.deck(3)])
        session.rate(.good, at: Fixture.noon, durationMs: 2000)
        session.rate(.again, at: Fixture.noon + 1, verdict: .wrong, durationMs: 3000)
        session.rate(.hard, at: Fixture.noon + 2, durationMs: 500)
        let summary = session.finalSummary(now: Fixture.noon + 3)
        #expect(summary.reviewed == 3)
        #expect(summary.right == 2)
        #expect(summary.wrong == 1)
        #expect(summary.newSeen == 3)
        #expect(summary.answeringMs == 5500)
        // q-2 (Again) is due 60 s after it was rated.
        #expect(summary.nextDue == Fixture.noon + 61)
    }

    @Test("with the new limit reached, the next due is the next study day")
    func nextDueTomorrow() {
        var session = Fixture.session(decks: [Fixture.deck(3)], limits: StudyLimits(newPerDay: 1))
        session.rate(.easy, at: Fixture.noon)
        #expect(session.next(now: Fixture.noon) == nil)
        #expect(session.finalSummary(now: Fixture.noon).nextDue == Date(timeIntervalSince1970: 1_773_201_600))
    }

    @Test("suspended cards are never shown")
    func suspendedNotShown() {
        var record = Fixture.reviewRecord(dueIn: -60)
        record.suspended = true
        var session = Fixture.session(decks: [Fixture.deck(2)], records: [CardID("q-1"): record])
        #expect(session.drain(rating: .easy, from: Fixture.noon) == ["q-2"])
    }

    static func siblingDeck() -> Deck {
        var cards = (1...4).map { Fixture.card($0) }
        cards[0].fact = "ww2-end"
        cards[2].fact = "ww2-end"
        cards[3].fact = "other"
        return Deck(id: "d1", title: "Deck d1", cards: cards)
    }

    @Test("siblings (same fact) are not shown the same day; undo gives them back")
    func siblings() throws {
        var session = Fixture.session(decks: [Self.siblingDeck()])
        #expect(session.remaining == 4)
        let first = session.rate(.easy, at: Fixture.noon)
        #expect(first?.card == CardID("q-1"))
        #expect(session.remaining == 2)
        let undoValue = session.undoEvent(now: Fixture.noon + 1)
        let undo = try #require(undoValue)
        session.apply(undo)
        #expect(session.remaining == 4)
        #expect(session.drain(rating: .easy, from: Fixture.noon + 2) == ["q-1", "q-2", "q-4"])
    }

    @Test("a sibling of a card reviewed earlier today waits for another day")
    func siblingReviewedToday() {
        var session = Fixture.session(
            decks: [Self.siblingDeck()], records: [CardID("q-3"): Fixture.reviewRecord(dueIn: 4 * 86_400)],
            today: DailyCounts(newCards: 1, cards: [CardID("q-3")]))
        #expect(session.drain(rating: .easy, from: Fixture.noon) == ["q-2", "q-4"])
    }
}
