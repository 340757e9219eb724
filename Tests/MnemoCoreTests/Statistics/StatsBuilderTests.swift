import Foundation
import Testing

@testable import MnemoCore

/// Shared fixtures for statistics tests.
enum StatsFixture {
    static let utc = TimeZone(identifier: "UTC")!

    static func time(_ iso: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: iso)!
    }

    static func card(_ id: String, source: String, tags: [String] = []) -> Card {
        Card(
            id: CardID(id), kind: .question, prompt: "Prompt \(id)?", answer: "Answer \(id)",
            evidence: [Provenance(source: source, line: 3, start: 0, end: 10, quote: "Quote of \(id).")], tags: tags)
    }

    /// Writes `events` as a log in `folder` and opens it read-only, so records come from a real replay.
    static func records(_ events: [ReviewEvent], folder: URL, scheduler: Scheduler) throws -> [CardID: CardRecord] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(ReviewLog.lines(for: events)).write(to: folder.appendingPathComponent(ReviewLog.fileName))
        let store = try ProgressStore(folder: folder, access: .readOnly, applier: applier(scheduler))
        return store.records
    }

    static func applier(_ scheduler: Scheduler) -> ReviewApplier {
        ReviewApplier(configHash: "stats-test") { state, rating, time, rng in
            scheduler.review(state, rating: rating, at: time, using: &rng)
        }
    }
}

@Suite("Statistics on a small log computed by hand")
struct StatsBuilderTests {
    // No learning steps: a card's first answer puts it in the Review phase, so every later answer
    // is a Review-phase answer and can be counted by hand.
    let scheduler = try! Scheduler(SchedulerConfig(learningSteps: [], relearningSteps: [], enableFuzz: false))
    let now = StatsFixture.time("2026-03-10T12:00:00Z")

    var deck: Deck {
        Deck(
            id: "d1", title: "Deck one",
            sources: [
                SourceInfo(file: "a.txt", title: "Article A", sha256: "00", language: "en"),
                SourceInfo(file: "b.txt", title: "Article B", sha256: "11", language: "en"),
            ],
            cards: [
                StatsFixture.card("c1", source: "a.txt", tags: ["war"]),
                StatsFixture.card("c2", source: "a.txt", tags: ["war", "dates"]),
                StatsFixture.card("c3", source: "b.txt", tags: ["dates"]),
                StatsFixture.card("c4", source: "b.txt"),
                StatsFixture.card("c5", source: "b.txt"),
            ])
    }

    var events: [ReviewEvent] {
        func review(_ id: String, _ card: String, _ rating: Rating, _ time: String, _ ms: Int, deck: String = "d1")
            -> ReviewEvent
        {
            ReviewEvent(
                id: id, kind: .review, card: CardID(card), deck: deck, time: StatsFixture.time(time), rating: rating,
                durationMs: ms)
        }
        return [
            review("e1", "c1", .good, "2026-03-01T10:00:00Z", 5000),
            review("e2", "c2", .again, "2026-03-01T10:01:00Z", 8000),
            // 03:00 UTC is before the 4 a.m. rollover: still the study day of March 1.
            review("e3", "c3", .good, "2026-03-02T03:00:00Z", 4000),
            review("e3b", "c5", .good, "2026-03-02T03:00:00Z", 4000),
            review("e4", "c1", .good, "2026-03-05T10:00:00Z", 6000),  // Review phase, 4 days: pass
            review("e5", "c2", .again, "2026-03-09T10:00:00Z", 7000),  // Review phase, 8 days: lapse
            review("e6", "c2", .good, "2026-03-09T10:05:00Z", 3000),  // taken back below
            ReviewEvent(
                id: "e7", kind: .undo, card: CardID("c2"), deck: "d1", time: StatsFixture.time("2026-03-09T10:06:00Z"),
                undoes: "e6"),
            review("e8", "c5", .hard, "2026-03-10T09:00:00Z", 5000),  // Review phase, 8.25 days: pass
            review("e9", "gone", .good, "2026-03-10T09:30:00Z", 2000),  // card no longer in d1
            review("e10", "x", .again, "2026-03-10T09:40:00Z", 1000, deck: "other"),
        ]
    }

    func compute() throws -> (StatsReport, [CardID: CardRecord]) {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let records = try StatsFixture.records(events, folder: folder, scheduler: scheduler)
        let input = StatsInput(
            decks: [deck], events: events, records: records, scheduler: scheduler, now: now,
            studyDay: StudyDay(timeZone: StatsFixture.utc, rolloverHour: 4), newPerDay: 20)
        return (StatsBuilder.report(input), records)
    }

    @Test func totalsCountUndoneReviewsApart() throws {
        let (r, _) = try compute()
        #expect(r.totals.cards == 5)
        #expect(r.totals.studiedCards == 4)
        #expect(r.totals.newCards == 1)
        #expect(r.totals.reviews == 7)
        #expect(r.totals.undoneReviews == 1)
        #expect(r.totals.firstReview == "2026-03-01T10:00:00.000Z")
        #expect(r.totals.lastReview == "2026-03-10T09:00:00.000Z")
    }

    @Test func todayAndStreak() throws {
        let (r, records) = try compute()
        #expect(r.today.date == "2026-03-10")
        #expect(r.today.reviews == 1)
        #expect(r.today.cardsReviewed == 1)
        #expect(r.today.newStudied == 0)
        #expect(r.today.newLeft == 1)  // only c4 is unseen
        #expect(r.today.timeMs == 5000)
        let dayEnd = StatsFixture.time("2026-03-11T04:00:00Z")
        let dueByHand = records.values.count { $0.state.due.map { $0 < dayEnd } ?? false }
        #expect(r.today.due == dueByHand)
        // Active study days: Mar 1, 5, 9, 10.
        #expect(r.streak.current == 2)
        #expect(r.streak.longest == 2)
        #expect(r.streak.studiedToday)
        #expect(r.streak.lastStudyDay == "2026-03-10")
    }

    @Test func calendarPutsReviewsInStudyDays() throws {
        let (r, _) = try compute()
        #expect(r.calendar.days.count == 365)
        #expect(r.calendar.days.last?.date == "2026-03-10")
        #expect(r.calendar.days.first?.date == "2025-03-11")
        let byDate = Dictionary(uniqueKeysWithValues: r.calendar.days.map { ($0.date, $0) })
        #expect(byDate["2026-03-01"]?.reviews == 4)
        #expect(byDate["2026-03-01"]?.timeMs == 21000)
        #expect(byDate["2026-03-02"]?.reviews == 0)
        #expect(byDate["2026-03-05"]?.reviews == 1)
        #expect(byDate["2026-03-09"]?.reviews == 1)  // the undone answer does not count
        #expect(byDate["2026-03-09"]?.timeMs == 7000)
        #expect(r.calendar.activeDays == 4)
        #expect(r.calendar.maxReviews == 4)
        #expect(r.calendar.reviews == 7)
    }

    @Test func trueRetentionOverallByPeriodAndInterval() throws {
        let (r, _) = try compute()
        // Review-phase answers: e4 pass, e5 fail, e8 pass.
        #expect(r.retention.overall == .init(reviews: 3, passed: 2, rate: 0.6667))
        #expect(r.retention.today == .init(reviews: 1, passed: 1, rate: 1))
        let bands = Dictionary(uniqueKeysWithValues: r.retention.intervals.map { ($0.band, $0) })
        #expect(bands["<7d"]?.reviews == 1)
        #expect(bands["<7d"]?.passed == 1)
        #expect(bands["7-21d"]?.reviews == 2)
        #expect(bands["7-21d"]?.rate == 0.5)
        #expect(bands["21-90d"]?.reviews == 0)
        #expect(bands["21-90d"]?.rate == nil)
        #expect(bands[">90d"]?.maxDays == nil)
        #expect(r.retention.weeks.count == 12)
        #expect(r.retention.weeks.last?.period == "2026-W11")
        #expect(r.retention.weeks.last?.start == "2026-03-09")
        #expect(r.retention.weeks.last?.reviews == 2)
        #expect(r.retention.weeks.last?.passed == 1)
        #expect(r.retention.weeks[10].period == "2026-W10")
        #expect(r.retention.weeks[10].rate == 1)
        #expect(r.retention.months.last?.period == "2026-03")
        #expect(r.retention.months.last?.reviews == 3)
        #expect(r.retention.months.count == 12)
    }

    @Test func knowledgeIsTheSumOfRetrievability() throws {
        let (r, records) = try compute()
        // c3: one Good at Mar 2 03:00, so S = w2 = 2.3065; 8 whole days later R = (1 + F·8/S)^(−w20).
        let w20 = 0.1542
        let factor = pow(0.9, 1 / -w20) - 1
        let r3 = pow(1 + factor * 8 / 2.3065, -w20)
        let inDeck = Set(deck.cards.map(\.id))
        let mine = records.filter { inDeck.contains($0.key) }.values
        let sum = mine.reduce(0.0) { $0 + scheduler.retrievability(of: $1.state, at: now) }
        #expect(abs(scheduler.retrievability(of: records[CardID("c3")]!.state, at: now) - r3) < 1e-9)
        #expect(abs(r.knowledge.estimated - sum) < 0.006)
        #expect(r.knowledge.studiedCards == 4)
        #expect(r.knowledge.above90 == mine.count { scheduler.retrievability(of: $0.state, at: now) >= 0.9 })
        // Records include the removed card "gone" and the other deck's "x"; they are not in d1.
        #expect(records.count == 6)
    }

    @Test func timeSpent() throws {
        let (r, _) = try compute()
        #expect(r.time.totalMs == 39000)
        #expect(r.time.timedReviews == 7)
        #expect(r.time.meanPerReviewMs == 5571)
        #expect(r.time.todayMs == 5000)
        #expect(r.time.days.count == 30)
        #expect(r.time.days.last == .init(date: "2026-03-10", ms: 5000, reviews: 1))
    }

    @Test func weakestCardsAndMastery() throws {
        let (r, _) = try compute()
        #expect(r.weakest.count == 4)
        #expect(r.weakest.first?.card == "c2")
        #expect(r.weakest.first?.lapses == 1)
        #expect(r.weakest.first?.source == "a.txt")
        #expect(r.weakest.first?.sourceTitle == "Article A")
        #expect(r.weakest.first?.quote == "Quote of c2.")
        let rs = r.weakest.dropFirst().map(\.retrievability)
        #expect(rs == rs.sorted())

        let sources = Dictionary(uniqueKeysWithValues: r.mastery.sources.map { ($0.name, $0) })
        #expect(sources["a.txt"]?.cards == 2)
        #expect(sources["a.txt"]?.studied == 2)
        #expect(sources["a.txt"]?.retention == .init(reviews: 2, passed: 1, rate: 0.5))
        #expect(sources["b.txt"]?.cards == 3)
        #expect(sources["b.txt"]?.studied == 2)
        #expect(sources["b.txt"]?.title == "Article B")
        let weak = r.weakest.reduce(into: [String: Double]()) { $0[$1.card] = $1.retrievability }
        let bMastery = ((weak["c3"] ?? 0) + (weak["c5"] ?? 0)) / 3
        #expect(abs((sources["b.txt"]?.mastery ?? 0) - bMastery) < 0.0002)
        #expect(r.mastery.sources.map(\.mastery) == r.mastery.sources.map(\.mastery).sorted())
        let tags = Dictionary(uniqueKeysWithValues: r.mastery.tags.map { ($0.name, $0) })
        #expect(tags["war"]?.cards == 2)
        #expect(tags["dates"]?.cards == 2)
    }

    @Test func reviewsOfCardsOutsideTheDecksAreKeptApart() throws {
        let (r, _) = try compute()
        #expect(
            r.removedCards
                == .init(
                    cards: 1, reviews: 1, passed: 1, timeMs: 2000, decks: ["d1"], lastReview: "2026-03-10T09:30:00.000Z"
                ))
        #expect(r.otherDecks.reviews == 1)
        #expect(r.otherDecks.passed == 0)
        #expect(r.otherDecks.decks == ["other"])
    }

    @Test func forecastCoversEveryScheduledCard() throws {
        let (r, _) = try compute()
        #expect(r.forecast.days.count == 30)
        #expect(r.forecast.days.first?.date == "2026-03-10")
        #expect(r.forecast.total + r.forecast.later == 4)
        #expect(r.forecast.days[0].due == r.today.due)
    }

    @Test func emptyLogGivesAnEmptyReport() throws {
        let input = StatsInput(
            decks: [deck], events: [], records: [:], scheduler: scheduler, now: now,
            studyDay: StudyDay(timeZone: StatsFixture.utc), newPerDay: 3)
        let r = StatsBuilder.report(input)
        #expect(r.totals.reviews == 0)
        #expect(r.today.newLeft == 3)
        #expect(r.streak.current == 0)
        #expect(r.retention.overall.rate == nil)
        #expect(r.knowledge.meanRetrievability == nil)
        #expect(r.weakest.isEmpty)
    }
}

@Suite("Phase tracking agrees with the scheduler")
struct PhaseTrackerTests {
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomRatingSequences(seed: UInt64) throws {
        let config = SchedulerConfig()
        let scheduler = try Scheduler(config)
        let tracker = PhaseTracker(config: config)
        var rng = SeededGenerator(seed: seed)
        var state = CardState.new
        var phase = CardPhase.new
        var step = -1
        var time = StatsFixture.time("2026-01-01T10:00:00Z")
        for _ in 0..<300 {
            let rating = Rating(rawValue: Int(rng.next() % 4) + 1)!
            state = scheduler.review(state, rating: rating, at: time, using: &rng)
            (phase, step) = tracker.next(phase, step: step, rating: rating)
            #expect(phase == state.phase)
            #expect(step == (state.step ?? -1))
            time = time.addingTimeInterval(Double(rng.next() % 400_000))
        }
    }
}

@Suite("Simulated learner")
struct LearnerSimulatorTests {
    let cards = (0..<20).map { LearnerSimulator.SimCard(id: CardID("c\($0)"), deck: "d") }
    let start = StatsFixture.time("2026-01-01T00:00:00Z")

    @Test func sameSeedSameHistory() throws {
        let scheduler = try Scheduler()
        let a = LearnerSimulator.simulate(cards: cards, days: 30, start: start, seed: 5, scheduler: scheduler)
        let b = LearnerSimulator.simulate(cards: cards, days: 30, start: start, seed: 5, scheduler: scheduler)
        let c = LearnerSimulator.simulate(cards: cards, days: 30, start: start, seed: 6, scheduler: scheduler)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func historyIsPlausible() throws {
        let scheduler = try Scheduler()
        let events = LearnerSimulator.simulate(
            cards: cards, days: 60, start: start, seed: 2, scheduler: scheduler, profile: .init(undo: 0.05))
        #expect(events.map(\.time) == events.map(\.time).sorted())
        #expect(Set(events.map(\.id)).count == events.count)
        #expect(Set(events.map(\.card)).count == 20, "every card introduced")
        #expect(events.contains { $0.kind == .undo })
        #expect(events.allSatisfy { $0.kind == .undo || ($0.durationMs ?? 0) >= 2500 })
        // Each undo names the review just before it, on the same card.
        for (i, e) in events.enumerated() where e.kind == .undo {
            #expect(events[i - 1].id == e.undoes)
            #expect(events[i - 1].card == e.card)
        }
        let ratings = events.compactMap(\.rating)
        #expect(
            ratings.contains(.again) && ratings.contains(.good) && ratings.contains(.hard) && ratings.contains(.easy))
    }
}

@Suite("Study days across daylight saving time")
struct StudyDayTableTests {
    @Test func reviewsFallInTheirLocalStudyDayAcrossTheAutumnChange() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let scheduler = try Scheduler()
        let deck = Deck(id: "d", title: "D", cards: [StatsFixture.card("c1", source: "a.txt")])
        func review(_ id: String, _ time: String) -> ReviewEvent {
            ReviewEvent(
                id: id, kind: .review, card: CardID("c1"), deck: "d", time: StatsFixture.time(time), rating: .good)
        }
        // Clocks go back at 03:00 CEST on 2026-10-25 (01:00 UTC).
        let events = [
            review("a", "2026-10-24T22:30:00Z"),  // 00:30 CEST on the 25th: still the study day of the 24th
            review("b", "2026-10-25T01:30:00Z"),  // 02:30 CET: still the 24th
            review("c", "2026-10-25T03:30:00Z"),  // 04:30 CET: the 25th
            review("d", "2026-10-26T02:59:00Z"),  // 03:59 CET on the 26th: the 25th
        ]
        let input = StatsInput(
            decks: [deck], events: events, records: [:], scheduler: scheduler,
            now: StatsFixture.time("2026-11-01T12:00:00Z"),
            studyDay: StudyDay(timeZone: paris, rolloverHour: 4))
        let report = StatsBuilder.report(input)
        let byDate = Dictionary(uniqueKeysWithValues: report.calendar.days.map { ($0.date, $0.reviews) })
        #expect(byDate["2026-10-24"] == 2)
        #expect(byDate["2026-10-25"] == 2)
        #expect(byDate["2026-10-26"] == 0)
        // 365 distinct consecutive dates, though two of the days are 23 and 25 hours long.
        let dates = report.calendar.days.map(\.date)
        #expect(Set(dates).count == 365)
        #expect(dates == dates.sorted())
        #expect(dates.first == "2025-11-02")
        #expect(dates.last == "2026-11-01")
    }
}

@Suite("Reading the log for statistics")
struct StatsLogTests {
    @Test func fastPathAndCodecReadTheSameEvents() throws {
        let cards = (0..<15).map { LearnerSimulator.SimCard(id: CardID("card-\($0)"), deck: "deck") }
        var events = LearnerSimulator.simulate(
            cards: cards, days: 40, start: StatsFixture.time("2026-01-01T00:00:00Z"), seed: 3,
            scheduler: try Scheduler(),
            profile: .init(undo: 0.05))
        events.append(
            ReviewEvent(
                id: "odd", kind: .review, card: CardID("card-1"), deck: "deck",
                time: StatsFixture.time("2026-03-01T10:00:00Z"),
                rating: .good, answer: "a \"quoted\"\nanswer\u{1}", verdict: .almost, durationMs: 1234))
        events.append(
            ReviewEvent(
                id: "b1", kind: .bury, card: CardID("card-2"), deck: "deck",
                time: StatsFixture.time("2026-03-01T10:01:00Z"),
                until: StatsFixture.time("2026-03-02T04:00:00Z")))
        var bytes = ReviewLog.lines(for: events)
        // Lines a person might write: spaces, an unknown key, keys in another order, escapes in an id.
        bytes +=
            Array(
                #"{ "id": "h1", "kind": "review", "card": "card-3", "deck": "deck", "time": "2026-03-02T10:00:00Z", "rating": 3 }"#
                    .utf8) + [0x0A]
        bytes +=
            Array(
                #"{"zzz":[1,2],"time":"2026-03-02T11:00:00.5Z","rating":1,"kind":"review","id":"h2","deck":"deck","card":"card-4"}"#
                    .utf8) + [0x0A]
        bytes +=
            Array(
                #"{"card":"card-5","deck":"deck","id":"h\u00e93","kind":"review","rating":2,"time":"2026-03-02T12:00:00.000Z","v":1}"#
                    .utf8) + [0x0A]
        bytes +=
            Array(
                #"{"card":"card-5","deck":"deck","id":"bad","kind":"review","time":"2026-03-02T12:00:00.000Z","v":1}"#
                    .utf8) + [0x0A]
        bytes += Array(#"{"card":"card-5","deck":"de"#.utf8)

        let fast = try StatsLog.parse(bytes, file: "reviews.jsonl")
        let slow = try ReviewLog.parse(bytes, file: "reviews.jsonl")
        let reference = StatsLog(events: slow.events)
        #expect(fast.count == slow.events.count)
        #expect(fast.entries == reference.entries)
        #expect(fast.cards == reference.cards)
        #expect(fast.decks == reference.decks)
        #expect(fast.warnings == slow.warnings)
        #expect(fast.tornWarning == slow.tornWarning)
        #expect(fast.warnings.count == 1)
        #expect(fast.tornWarning != nil)
    }

    @Test func aNewerLineIsRefusedAsTheStoreRefusesIt() throws {
        let bytes =
            Array(
                #"{"card":"c","deck":"d","id":"x","kind":"review","rating":3,"time":"2026-03-02T12:00:00.000Z","v":3}"#
                    .utf8) + [0x0A]
        #expect(throws: ProgressError.self) { try StatsLog.parse(bytes, file: "f") }
    }
}
