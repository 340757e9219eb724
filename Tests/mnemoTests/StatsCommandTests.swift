import Foundation
import Testing

@testable import MnemoCore

/// The schema of docs/stats-json.md, as key paths and types ("?" marks an optional key).
let statsSchema: [String: String] = {
    let cell = ["reviews": "int", "passed": "int", "rate": "number?"]
    let outside = [
        "cards": "int", "reviews": "int", "passed": "int", "timeMs": "int", "decks": "array", "lastReview": "string?",
    ]
    var s: [String: String] = [
        "formatVersion": "int", "generatedAt": "string", "timeZone": "string", "rolloverHour": "int",
        "decks": "array", "decks[].id": "string", "decks[].title": "string", "decks[].cards": "int",
        "totals.cards": "int", "totals.newCards": "int", "totals.studiedCards": "int", "totals.suspendedCards": "int",
        "totals.reviews": "int", "totals.undoneReviews": "int", "totals.firstReview": "string?",
        "totals.lastReview": "string?",
        "today.date": "string", "today.due": "int", "today.overdue": "int", "today.reviews": "int",
        "today.cardsReviewed": "int", "today.newStudied": "int", "today.newLeft": "int", "today.newPerDay": "int",
        "today.timeMs": "int",
        "streak.current": "int", "streak.longest": "int", "streak.studiedToday": "bool",
        "streak.lastStudyDay": "string?",
        "calendar.days": "array", "calendar.days[].date": "string", "calendar.days[].reviews": "int",
        "calendar.days[].timeMs": "int", "calendar.activeDays": "int", "calendar.maxReviews": "int",
        "calendar.reviews": "int",
        "forecast.days": "array", "forecast.days[].date": "string", "forecast.days[].due": "int",
        "forecast.overdue": "int", "forecast.total": "int", "forecast.later": "int",
        "retention.desired": "number",
        "retention.weeks": "array", "retention.months": "array", "retention.intervals": "array",
        "retention.intervals[].band": "string", "retention.intervals[].minDays": "int",
        "retention.intervals[].maxDays": "int?", "retention.intervals[].reviews": "int",
        "retention.intervals[].passed": "int", "retention.intervals[].rate": "number?",
        "knowledge.estimated": "number", "knowledge.studiedCards": "int", "knowledge.above90": "int",
        "knowledge.meanRetrievability": "number?",
        "time.totalMs": "int", "time.todayMs": "int", "time.timedReviews": "int", "time.meanPerReviewMs": "int?",
        "time.days": "array", "time.days[].date": "string", "time.days[].ms": "int", "time.days[].reviews": "int",
        "weakest": "array", "weakest[].card": "string", "weakest[].deck": "string", "weakest[].prompt": "string",
        "weakest[].answer": "string", "weakest[].lapses": "int", "weakest[].reps": "int",
        "weakest[].retrievability": "number", "weakest[].due": "string?", "weakest[].source": "string?",
        "weakest[].sourceTitle": "string?", "weakest[].line": "int?", "weakest[].quote": "string?",
        "mastery.sources": "array", "mastery.tags": "array",
    ]
    for key in ["overall", "last30Days", "today"] { for (k, v) in cell { s["retention.\(key).\(k)"] = v } }
    for list in ["weeks", "months"] {
        for (k, v) in cell { s["retention.\(list)[].\(k)"] = v }
        s["retention.\(list)[].period"] = "string"
        s["retention.\(list)[].start"] = "string"
    }
    for list in ["sources", "tags"] {
        for (k, v) in [
            "name": "string", "title": "string?", "cards": "int", "studied": "int", "known": "int",
            "knownShare": "number",
            "mastery": "number",
        ] { s["mastery.\(list)[].\(k)"] = v }
        for (k, v) in cell { s["mastery.\(list)[].retention.\(k)"] = v }
    }
    for key in ["removedCards", "otherDecks"] { for (k, v) in outside { s["\(key).\(k)"] = v } }
    return s
}()

@Suite("mnemo stats, end to end")
struct StatsCommandTests {
    static let now = "2026-11-22T12:00:00Z"

    /// The hidden simulator writes 90 days through the progress store; stats show every section.
    @Test func simulatedLearnerHistoryShowsEverySection() throws {
        let box = try StatsSandbox()
        try box.writeDeck(cards: 24)
        let sim = try runMnemoBinary(
            [
                "_simulate-learner", "--progress", "p", "--deck", "deck.json", "--days", "90", "--seed", "3", "--now",
                Self.now,
            ],
            in: box.url)
        #expect(sim.status == 0, "\(sim.stderr)")
        #expect(FileManager.default.fileExists(atPath: box.path("p/snapshot.json")))

        let text = try runMnemoBinary(["stats", "deck.json", "--progress", "p", "--now", Self.now], in: box.url)
        #expect(text.status == 0)
        #expect(text.stderr == "")
        for heading in [
            "Today", "Reviews over the last 12 months", "Due in the next 30 days", "True retention (desired 90%)",
            "Estimated knowledge", "Time spent", "Weakest cards", "Mastery by source (weakest first)",
            "Mastery by tag (weakest first)",
        ] {
            #expect(text.stdout.contains("\n\(heading)\n"), "missing section \(heading)")
        }
        #expect(!text.stdout.contains("\u{1B}["), "no color when piped")
        #expect(text.stdout.contains("Streak"))
        #expect(text.stdout.contains("less ·░▒▓█ more"))
        #expect(text.stdout.contains(" 1. "))
        #expect(text.stdout.contains("“Event "))

        let json = try runMnemoBinary(
            ["stats", "deck.json", "--progress", "p", "--now", Self.now, "--json"], in: box.url)
        #expect(json.status == 0)
        let object = json.json
        #expect(schemaProblems(object, statsSchema) == [])
        // Every section has data.
        let totals = object["totals"] as? [String: Any] ?? [:]
        #expect((totals["reviews"] as? Int ?? 0) > 200)
        #expect((totals["studiedCards"] as? Int) == 24)
        let calendar = object["calendar"] as? [String: Any] ?? [:]
        #expect((calendar["days"] as? [Any])?.count == 365)
        #expect((calendar["activeDays"] as? Int ?? 0) > 60)
        #expect(((object["forecast"] as? [String: Any])?["days"] as? [Any])?.count == 30)
        let retention = object["retention"] as? [String: Any] ?? [:]
        #expect(((retention["overall"] as? [String: Any])?["rate"] as? Double ?? 0) > 0.5)
        #expect((retention["weeks"] as? [Any])?.count == 12)
        #expect(((object["knowledge"] as? [String: Any])?["estimated"] as? Double ?? 0) > 5)
        #expect(((object["time"] as? [String: Any])?["totalMs"] as? Int ?? 0) > 0)
        #expect((object["weakest"] as? [Any])?.count == 10)
        #expect(((object["mastery"] as? [String: Any])?["sources"] as? [Any])?.count == 3)
        // Sorted keys: the encoder's order is alphabetical.
        let keys = json.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
            $0.split(separator: "\"")[1]
        }
        #expect(keys == keys.sorted())

        // The totals agree with the log read independently: whole review events minus undone ones.
        let log = try ReviewLog.events(inFolder: box.url.appendingPathComponent("p"))
        let undone = Set(log.events.filter { $0.kind == .undo }.compactMap(\.undoes))
        let reviews = log.events.filter { $0.kind == .review && !undone.contains($0.id) }
        #expect(totals["reviews"] as? Int == reviews.count)
        #expect(totals["undoneReviews"] as? Int == undone.count)
        let ms = reviews.reduce(0) { $0 + ($1.durationMs ?? 0) }
        #expect((object["time"] as? [String: Any])?["totalMs"] as? Int == ms)

        let html = try runMnemoBinary(
            ["stats", "deck.json", "--progress", "p", "--now", Self.now, "--html", "stats.html"], in: box.url)
        #expect(html.status == 0)
        #expect(html.stdout == "")
        let page = try String(contentsOfFile: box.path("stats.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.components(separatedBy: "<svg").count - 1 >= 5)
        for heading in ["Today", "Due in the next 30 days", "Weakest cards", "Mastery by source and tag"] {
            #expect(page.contains("<h2>\(heading)</h2>"))
        }
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"))
    }

    @Test func emptyProgressFolderSaysNothingStudiedYet() throws {
        let box = try StatsSandbox()
        try box.writeDeck()
        try FileManager.default.createDirectory(atPath: box.path("empty"), withIntermediateDirectories: true)
        let run = try runMnemoBinary(["stats", "deck.json", "--progress", "empty", "--now", Self.now], in: box.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Nothing studied yet"))
        #expect(run.stdout.contains("mnemo study"))
        // A folder that does not exist yet reads the same, and is not created.
        let missing = try runMnemoBinary(
            ["stats", "deck.json", "--progress", "nowhere", "--now", Self.now], in: box.url)
        #expect(missing.stdout.contains("Nothing studied yet"))
        #expect(!FileManager.default.fileExists(atPath: box.path("nowhere")))
    }

    @Test func noDeckAndNoDecksFolderIsAClearError() throws {
        let box = try StatsSandbox()
        let run = try runMnemoBinary(["stats", "--progress", "p"], in: box.url)
        #expect(run.status != 0)
        #expect(run.stderr.contains("Error: no decks given and none found in ./Decks"))
    }

    @Test func decksFolderIsUsedWithoutArguments() throws {
        let box = try StatsSandbox()
        try FileManager.default.createDirectory(atPath: box.path("Decks"), withIntermediateDirectories: true)
        let deck = try box.writeDeck("Decks/a.json", cards: 10)
        try box.simulate(folder: "p", deck: deck, days: 20, seed: 4, now: StatsFixtureTime.now)
        let run = try runMnemoBinary(["stats", "--progress", "p", "--now", Self.now, "--json"], in: box.url)
        #expect(run.status == 0)
        #expect((run.json["decks"] as? [[String: Any]])?.first?["id"] as? String == "test-deck")
    }

    @Test func tornLastLineIsReadToTheLastWholeEventWithAWarning() throws {
        let box = try StatsSandbox()
        let deck = try box.writeDeck(cards: 10)
        let events = try box.simulate(folder: "p", deck: deck, days: 10, seed: 9, now: StatsFixtureTime.now)
        let log = box.url.appendingPathComponent("p/reviews.jsonl")
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"card":"question-0001","deck":"test-deck","id":"torn","kind":"rev"#.utf8))
        try handle.close()
        let before = try Data(contentsOf: log)

        let run = try runMnemoBinary(
            ["stats", "deck.json", "--progress", "p", "--now", Self.now, "--json"], in: box.url)
        #expect(run.status == 0)
        #expect(run.stderr.contains("Warning: "))
        #expect(run.stderr.contains("reviews.jsonl"))
        #expect(run.stderr.contains("the last line is incomplete"))
        let undone = Set(events.filter { $0.kind == .undo }.compactMap(\.undoes))
        let whole = events.filter { $0.kind == .review && !undone.contains($0.id) }.count
        #expect((run.json["totals"] as? [String: Any])?["reviews"] as? Int == whole)
        #expect(try Data(contentsOf: log) == before, "stats never writes to the log")
    }

    @Test func reviewsOfCardsNoLongerInTheDeckAreCountedApart() throws {
        let box = try StatsSandbox()
        let deck = try box.writeDeck(cards: 12)
        let events = try box.simulate(folder: "p", deck: deck, days: 20, seed: 5, now: StatsFixtureTime.now)
        // The deck is rebuilt without its first two cards.
        var smaller = deck
        smaller.cards.removeFirst(2)
        try smaller.write(to: box.url.appendingPathComponent("deck.json"))
        let gone = Set(deck.cards.prefix(2).map(\.id))
        let undone = Set(events.filter { $0.kind == .undo }.compactMap(\.undoes))
        let goneReviews = events.filter { $0.kind == .review && gone.contains($0.card) && !undone.contains($0.id) }
            .count
        #expect(goneReviews > 0)

        let run = try runMnemoBinary(
            ["stats", "deck.json", "--progress", "p", "--now", Self.now, "--json"], in: box.url)
        let removed = run.json["removedCards"] as? [String: Any] ?? [:]
        #expect(removed["reviews"] as? Int == goneReviews)
        #expect(removed["cards"] as? Int == 2)
        #expect(removed["decks"] as? [String] == ["test-deck"])
        let total = events.filter { $0.kind == .review && !undone.contains($0.id) }.count
        #expect((run.json["totals"] as? [String: Any])?["reviews"] as? Int == total - goneReviews)

        let text = try runMnemoBinary(["stats", "deck.json", "--progress", "p", "--now", Self.now], in: box.url)
        #expect(text.stdout.contains("Reviews kept apart"))
        #expect(text.stdout.contains("of 2 cards no longer in test-deck"))
    }

    @Test func colorOnlyWhenAskedForByATerminal() throws {
        // Piped output never has escape codes, NO_COLOR or not.
        let box = try StatsSandbox()
        let deck = try box.writeDeck(cards: 6)
        try box.simulate(folder: "p", deck: deck, days: 5, seed: 1, now: StatsFixtureTime.now)
        let run = try runMnemoBinary(
            ["stats", "deck.json", "--progress", "p", "--now", Self.now], in: box.url, environment: ["NO_COLOR": "1"])
        #expect(!run.stdout.contains("\u{1B}"))
    }
}

enum StatsFixtureTime {
    static let now: Date = {
        let f = ISO8601DateFormatter()
        return f.date(from: StatsCommandTests.now) ?? Date(timeIntervalSince1970: 0)
    }()
}
