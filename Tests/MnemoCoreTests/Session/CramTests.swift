import Foundation
import Testing

@testable import MnemoCore

@Suite("Cram practice and today's counts from the end of the log")
struct CramTests {
    static func reviewRecord(_ seconds: Double, stability: Double) -> CardRecord {
        var record = Fixture.reviewRecord(dueIn: seconds)
        record.state.stability = stability
        return record
    }

    static func cramSession(_ mode: StudySession.Cram, records: [CardID: CardRecord]) -> StudySession {
        StudySession(
            cards: StudyCard.all(in: [Fixture.deck(5)]), records: records,
            today: DailyCounts(newCards: 20, reviewCards: 200), limits: StudyLimits(newPerDay: 0, reviewsPerDay: 0),
            day: Fixture.day, scheduler: StepScheduler(), now: Fixture.noon, seed: 1, cram: mode)
    }

    static let records: [CardID: CardRecord] = {
        var suspended = reviewRecord(-60, stability: 0.5)
        suspended.suspended = true
        return [
            CardID("q-1"): reviewRecord(30 * 86_400, stability: 40),  // strong, due in a month
            CardID("q-2"): reviewRecord(5 * 86_400, stability: 1),  // weakest
            CardID("q-3"): suspended,
            CardID("q-4"): reviewRecord(86_400, stability: 8),
        ]
    }()

    @Test(
        "cram shows every card, due or not and past the daily limits, weakest first, new ones last; not suspended ones")
    func order() {
        var session = Self.cramSession(.practice, records: Self.records)
        #expect(session.drain(rating: .good, from: Fixture.noon) == ["q-2", "q-4", "q-1", "q-5"])
    }

    @Test("practice reviews are marked cram and leave every card's schedule as it was; undo works")
    func practiceLeavesTheSchedule() throws {
        var session = Self.cramSession(.practice, records: Self.records)
        let before = session.records
        let rated = session.rate(.again, at: Fixture.noon)
        let event = try #require(rated)
        #expect(event.cram == true && !event.countsForSchedule)
        #expect(session.preview(now: Fixture.noon).isEmpty)
        session.rate(.easy, at: Fixture.noon + 5)
        #expect(session.records == before)
        #expect(session.summary.reviewed == 2)
        let undoEvent = session.undoEvent(now: Fixture.noon + 6)
        let undo = try #require(undoEvent)
        session.apply(undo)
        #expect(session.current?.card.id == CardID("q-4"))
        #expect(session.records == before)
    }

    @Test("with --cram-reschedule the reviews are ordinary ones and reschedule")
    func reschedule() throws {
        var session = Self.cramSession(.reschedule, records: Self.records)
        let rated = session.rate(.good, at: Fixture.noon)
        let event = try #require(rated)
        #expect(event.cram == nil && event.countsForSchedule)
        #expect(session.records[CardID("q-2")]?.state.reps == 4)
        #expect(session.next(now: Fixture.noon + 1) != nil)
        #expect(!session.preview(now: Fixture.noon + 1).isEmpty)
    }

    @Test("replay skips cram reviews; stats count them as practice only")
    func replayAndStats() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        var practice = review("p1", card: "c1", rating: .again, minutes: 10)
        practice.cram = true
        let store = try openWriter(folder)
        try store.append(review("r1", card: "c1"))
        let after = store.records[CardID("c1")]
        try store.append(practice)
        #expect(store.records[CardID("c1")] == after)
        store.close()
        // A rebuild from the log (no snapshot) agrees.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        let reader = try openReader(folder)
        #expect(reader.records[CardID("c1")] == after)
        reader.close()
        let events = try ReviewLog.events(inFolder: folder).events
        #expect(events.map(\.cram) == [nil, true])
        let scheduler = try Scheduler(SchedulerConfig(enableFuzz: false))
        let report = StatsBuilder.report(
            StatsInput(
                decks: [
                    Deck(
                        id: "deck-1", title: "D",
                        cards: [Card(id: CardID("c1"), kind: .question, prompt: "p", answer: "a")])
                ],
                events: events, records: [CardID("c1"): after ?? CardRecord(deck: "deck-1")], scheduler: scheduler,
                now: baseTime + 3600, studyDay: StudyDay(timeZone: Fixture.utc)))
        #expect(report.totals.reviews == 1)
        #expect(report.totals.practiceReviews == 1)
        #expect(Revlog.entries(from: events).count == 1)
        #expect(DailyCounts.from(events, dayStart: baseTime - 60).cards == [CardID("c1")])
    }

    @Test("today's counts from today's events and the records equal the counts from the whole log", arguments: 0..<20)
    func recentCountsMatchTheWholeLog(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let dayStart = Fixture.noon
        var events: [ReviewEvent] = []
        var reps: [CardID: Int] = [:]
        var time = dayStart - 3 * 86_400
        for n in 0..<60 {
            time += Double(rng.next() % 7200)
            let card = CardID("c\(rng.next() % 8)")
            let roll = rng.next() % 10
            if roll == 0, let target = events.last(where: { $0.kind == .review && $0.card == card }) {
                events.append(
                    ReviewEvent(id: "u\(n)", kind: .undo, card: card, deck: "d", time: time, undoes: target.id))
            } else {
                events.append(
                    ReviewEvent(
                        id: "e\(n)", kind: .review, card: card, deck: "d", time: time, rating: .good,
                        cram: roll == 1 ? true : nil))
            }
        }
        // reps as replay keeps them: applied reviews not undone, cram left out.
        let undone = Set(events.compactMap(\.undoes))
        for e in events where e.kind == .review && e.countsForSchedule && !undone.contains(e.id) {
            reps[e.card, default: 0] += 1
        }
        let full = DailyCounts.from(events, dayStart: dayStart)
        let recent = DailyCounts.from(
            recent: events.filter { $0.time >= dayStart }, dayStart: dayStart, reps: { reps[$0] ?? 0 })
        #expect(recent == full)
    }
}
