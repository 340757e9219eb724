import Foundation
import Testing

@testable import MnemoCore

@Suite("Study rules")
struct StudyRulesTests {
    @Test(
        "the study day starts at the rollover hour, local time",
        arguments: [
            // (now, time zone, rollover hour, expected start): all as ISO-8601 UTC
            ("2026-03-10T12:00:00Z", "UTC", 4, "2026-03-10T04:00:00Z"),
            ("2026-03-10T03:59:59Z", "UTC", 4, "2026-03-09T04:00:00Z"),
            ("2026-03-10T04:00:00Z", "UTC", 4, "2026-03-10T04:00:00Z"),
            ("2026-03-10T00:30:00Z", "UTC", 0, "2026-03-10T00:00:00Z"),
            // 02:00 in Riyadh (UTC+3) is before 04:00 local: still the previous day
            ("2026-03-09T23:00:00Z", "Asia/Riyadh", 4, "2026-03-09T01:00:00Z"),
            // 05:00 in Riyadh: the new day began at 01:00 UTC
            ("2026-03-10T02:00:00Z", "Asia/Riyadh", 4, "2026-03-10T01:00:00Z"),
            ("2026-03-10T12:00:00Z", "America/New_York", 4, "2026-03-10T08:00:00Z"),
        ])
    func dayStart(now: String, zone: String, hour: Int, expected: String) throws {
        let formatter = ISO8601DateFormatter()
        let date = try #require(formatter.date(from: now))
        let day = StudyDay(timeZone: try #require(TimeZone(identifier: zone)), rolloverHour: hour)
        #expect(formatter.string(from: day.start(of: date)) == expected)
        #expect(day.end(of: date).timeIntervalSince(day.start(of: date)) == 86_400)
    }

    @Test(
        "the proposed rating follows the verdict and hints",
        arguments: [
            (Verdict.wrong, false, Rating.again),
            (.wrong, true, .again),
            (.right, false, .good),
            (.right, true, .hard),
            (.almost, false, .good),
            (.almost, true, .hard),
            (.unchecked, false, .good),
        ])
    func proposal(verdict: Verdict, hinted: Bool, expected: Rating) {
        #expect(RatingProposal.propose(for: verdict, hinted: hinted) == expected)
    }

    @Test(
        "a hint shows the first letters of each word",
        arguments: [
            ("Treaty of Versailles", 1, "T_____ o_ V_________"),
            ("Treaty of Versailles", 2, "Tr____ of Ve________"),
            ("1945", 1, "1___"),
            ("600,000", 1, "6__,___"),
            ("Jean-Paul Sartre", 1, "J___-P___ S_____"),
            ("صلاح الدين", 1, "ص___ ا____"),
        ])
    func firstLetters(answer: String, level: Int, expected: String) {
        #expect(Hint.firstLetters(of: answer, level: level) == expected)
    }

    @Test("eliminating options removes two wrong ones, never the answer, and leaves a wrong one")
    func eliminate() {
        for seed in UInt64(0)..<50 {
            var rng = SeededGenerator(seed: seed)
            let options = ["1939", "1941", "1945", "1950"]
            let removed = Hint.eliminate(from: options, answer: "1945", using: &rng)
            #expect(removed.count == 2)
            #expect(!removed.contains(2))
        }
        var rng = SeededGenerator(seed: 1)
        #expect(Hint.eliminate(from: ["true", "false"], answer: "true", using: &rng).isEmpty)
        #expect(Hint.eliminate(from: ["a", "b", "c"], answer: "a", using: &rng).count == 1)
    }

    @Test("today's counts come from the log: first reviews today are new, undone reviews do not count")
    func dailyCounts() {
        let dayStart = Fixture.noon.addingTimeInterval(-8 * 3600)
        func review(_ id: String, _ card: String, _ offset: Double) -> ReviewEvent {
            ReviewEvent(id: id, kind: .review, card: CardID(card), deck: "d", time: dayStart + offset, rating: .good)
        }
        let events = [
            review("e1", "a", -86_400),  // a: reviewed yesterday
            review("e2", "a", 100),  // and today: a review
            review("e3", "b", 200),  // b: first ever today: new
            review("e4", "b", 300),  // again today: still one new card
            review("e5", "c", 400),  // c: new, but undone
            ReviewEvent(id: "e6", kind: .undo, card: CardID("c"), deck: "d", time: dayStart + 401, undoes: "e5"),
            review("e7", "d", -100),  // d: yesterday only
        ]
        #expect(
            DailyCounts.from(events, dayStart: dayStart)
                == DailyCounts(newCards: 1, reviewCards: 1, cards: [CardID("a"), CardID("b")]))
    }
}
