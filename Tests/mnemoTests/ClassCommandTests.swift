import Foundation
import Testing

@testable import MnemoCore

@Suite("mnemo class over three simulated students")
struct ClassCommandTests {
    /// What a student's log says, computed here independently of the statistics code: the real
    /// scheduler replays each card to know which answers were Review-phase answers.
    struct Expected {
        var reviews = 0
        var answers = 0
        var passed = 0
        var last: Date?
        var lapsesByCard: [CardID: Int] = [:]
        var reviewedCards = Set<CardID>()
        var activeDays = Set<Int>()
    }

    static func expected(_ events: [ReviewEvent], deck: Deck) throws -> Expected {
        let scheduler = try Scheduler()
        let inDeck = Set(deck.cards.map(\.id))
        let undone = Set(events.filter { $0.kind == .undo }.compactMap(\.undoes))
        var states: [CardID: CardState] = [:]
        var e = Expected()
        for event in events where event.kind == .review && !undone.contains(event.id) && inDeck.contains(event.card) {
            guard let rating = event.rating else { continue }
            let before = states[event.card] ?? .new
            e.reviews += 1
            e.reviewedCards.insert(event.card)
            e.last = max(e.last ?? event.time, event.time)
            e.activeDays.insert(Int(((event.time.timeIntervalSince1970 - 4 * 3600) / 86_400).rounded(.down)))
            if before.phase == .review {
                e.answers += 1
                if rating != .again { e.passed += 1 } else { e.lapsesByCard[event.card, default: 0] += 1 }
            }
            var rng = SeededGenerator(seedString: event.id)
            states[event.card] = scheduler.review(before, rating: rating, at: event.time, using: &rng)
        }
        return e
    }

    @Test func perStudentAndPerCardFigures() throws {
        let box = try StatsSandbox()
        let deck = try box.writeDeck(cards: 30)
        let now = StatsFixtureTime.now
        let logs = [
            try box.simulate(folder: "alice", deck: deck, days: 90, seed: 11, difficulty: 1.0, name: "Alice", now: now),
            try box.simulate(folder: "bob", deck: deck, days: 60, seed: 12, difficulty: 1.8, name: "Bob", now: now),
            try box.simulate(folder: "carol", deck: deck, days: 30, seed: 13, difficulty: 0.6, now: now),
        ]
        let run = try runMnemoBinary(
            ["class", "alice", "bob", "carol", "--deck", "deck.json", "--json", "--now", StatsCommandTests.now],
            in: box.url)
        #expect(run.status == 0, "\(run.stderr)")
        let json = run.json
        let students = json["students"] as? [[String: Any]] ?? []
        #expect(students.map { $0["name"] as? String } == ["Alice", "Bob", "carol"])

        let expected = try logs.map { try Self.expected($0, deck: deck) }
        let today = Int(((now.timeIntervalSince1970 - 4 * 3600) / 86_400).rounded(.down))
        for (student, e) in zip(students, expected) {
            #expect(student["reviews"] as? Int == e.reviews)
            let retention = student["retention"] as? [String: Any] ?? [:]
            #expect(retention["reviews"] as? Int == e.answers)
            #expect(retention["passed"] as? Int == e.passed)
            let rate = (Double(e.passed) / Double(e.answers) * 10_000).rounded() / 10_000
            #expect(retention["rate"] as? Double == rate)
            #expect(student["lastActive"] as? String == e.last.map(LogTime.format))
            #expect(student["studiedCards"] as? Int == e.reviewedCards.count)
            var streak = 0
            var day = e.activeDays.contains(today) ? today : today - 1
            while e.activeDays.contains(day) {
                streak += 1
                day -= 1
            }
            #expect(student["streak"] as? Int == streak)
            let mastery = student["mastery"] as? Double ?? -1
            #expect(mastery > 0 && mastery <= 1)
        }
        // The harder learner forgets more.
        let rates = students.map { (($0["retention"] as? [String: Any])?["rate"] as? Double) ?? 0 }
        #expect(rates[1] < rates[0])

        let cards = json["cards"] as? [[String: Any]] ?? []
        #expect(cards.count == 30)
        let names = ["Alice", "Bob", "carol"]
        for card in cards {
            let id = CardID(card["card"] as? String ?? "")
            let studied = expected.count { $0.reviewedCards.contains(id) }
            let missedBy = zip(names, expected).filter { ($0.1.lapsesByCard[id] ?? 0) > 0 }.map(\.0)
            #expect(card["studied"] as? Int == studied, "\(id)")
            #expect(card["missed"] as? Int == missedBy.count, "\(id)")
            #expect(card["missedBy"] as? [String] == missedBy, "\(id)")
            #expect(card["lapses"] as? Int == expected.reduce(0) { $0 + ($1.lapsesByCard[id] ?? 0) })
            let share = studied > 0 ? (Double(missedBy.count) / Double(studied) * 10_000).rounded() / 10_000 : 0
            #expect(card["missedShare"] as? Double == share)
            #expect((card["quote"] as? String)?.hasPrefix("Event ") == true)
        }
        let shares = cards.map { $0["missedShare"] as? Double ?? 0 }
        #expect(shares == shares.sorted(by: >), "most missed first")
        #expect(shares.first ?? 0 > 0)

        let sources = json["sources"] as? [[String: Any]] ?? []
        #expect(sources.count == 3)
        #expect(sources.map { $0["cards"] as? Int } == [10, 10, 10])
        let masteries = sources.map { $0["mastery"] as? Double ?? 0 }
        #expect(masteries == masteries.sorted())
        let pooled = sources.reduce(0) { $0 + ((($1["retention"] as? [String: Any])?["reviews"] as? Int) ?? 0) }
        #expect(pooled == expected.reduce(0) { $0 + $1.answers })

        let text = try runMnemoBinary(
            ["class", "alice", "bob", "carol", "--deck", "deck.json", "--now", StatsCommandTests.now], in: box.url)
        #expect(text.status == 0)
        for heading in ["Students", "Most missed cards", "Sources (weakest first)"] {
            #expect(text.stdout.contains("\n\(heading)\n"))
        }
        #expect(text.stdout.contains("  Alice "))
        #expect(text.stdout.contains("“Event "))

        let html = try runMnemoBinary(
            [
                "class", "alice", "bob", "carol", "--deck", "deck.json", "--now", StatsCommandTests.now, "--html",
                "c.html",
            ],
            in: box.url)
        #expect(html.status == 0)
        let page = try String(contentsOfFile: box.path("c.html"), encoding: .utf8)
        #expect(page.contains("<h2>Cards, most missed first</h2>"))
    }

    @Test func aFolderThatIsNotThereIsAnError() throws {
        let box = try StatsSandbox()
        try box.writeDeck(cards: 3)
        let run = try runMnemoBinary(["class", "ghost", "--deck", "deck.json"], in: box.url)
        #expect(run.status != 0)
        #expect(run.stderr.contains("Error: ghost is not a progress folder"))
    }
}
