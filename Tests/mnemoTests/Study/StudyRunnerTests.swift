import Foundation
import MnemoCore
import Testing

@testable import mnemo

/// Fixed steps, no fuzz: easy to predict in transcripts.
private struct FixedScheduler: ReviewScheduling {
    func review<G: RandomNumberGenerator>(
        _ card: CardState, rating: Rating, at now: Date, using rng: inout G
    ) -> CardState {
        var next = card
        next.reps += 1
        next.lastReview = now
        let days: [Rating: Double] = [.again: 60.0 / 86_400, .hard: 1, .good: 3, .easy: 7]
        next.phase = rating == .again ? .learning : .review
        next.due = now.addingTimeInterval((days[rating] ?? 1) * 86_400)
        return next
    }
}

/// A clock that moves one second each time it is read.
private final class TickingClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_773_144_000)
    func read() -> Date {
        now += 1
        return now
    }
}

private let deck = Deck(
    id: "ww2", title: "World War II",
    cards: [
        Card(
            id: CardID("q-1"), kind: .question, prompt: "In which year did the war in Europe end?", answer: "1945",
            answerType: .year,
            evidence: [
                Provenance(source: "ww2.txt", line: 3, start: 0, end: 40, quote: "The war in Europe ended in 1945.")
            ]),
        Card(
            id: CardID("q-2"), kind: .question, prompt: "Who led Britain in 1940?", answer: "Winston Churchill",
            accepted: ["Churchill"], answerType: .person),
        Card(
            id: CardID("c-3"), kind: .choice, prompt: "When did Germany invade Poland?", answer: "1939",
            choices: ["1938", "1939", "1940", "1941"], answerType: .year,
            conflict: Conflict(readings: [
                ConflictReading(
                    value: "1938", evidence: Provenance(source: "b.txt", line: 9, start: 0, end: 5, quote: "In 1938 …"))
            ])),
    ])

private struct Harness {
    let output = BufferOutput()
    let log = MemoryEventSink()
    let runner: StudyRunner

    init(
        _ script: [LineInput], mode: StudyMode = .typed, records: [CardID: CardRecord] = [:], style: Style = .plain,
        sources: SourceLibrary = SourceLibrary(deckFolders: [:])
    ) {
        let clock = TickingClock()
        let start = clock.now
        let session = StudySession(
            cards: StudyCard.all(in: [deck]), records: records,
            day: StudyDay(timeZone: TimeZone(secondsFromGMT: 0) ?? .current), scheduler: FixedScheduler(),
            now: start, seed: 1)
        runner = StudyRunner(
            session: session, editor: ScriptedLineEditor(script, output: output), output: output, log: log,
            judge: CheckerJudge(decks: [deck]), mode: mode, style: style, sources: sources,
            clock: clock.read)
    }

    init(lines: [String], mode: StudyMode = .typed, style: Style = .plain, sources: SourceLibrary? = nil) {
        self.init(
            lines.map { .line($0) }, mode: mode, style: style, sources: sources ?? SourceLibrary(deckFolders: [:]))
    }

    var reviews: [ReviewEvent] { log.events.filter { $0.kind == .review } }
}

@Suite("Study runner (scripted input)")
struct StudyRunnerTests {
    @Test("right → Good, wrong → Again, each proposed and accepted with Enter")
    func proposedRatings() throws {
        let harness = Harness(lines: ["1945", "", "Attlee", "", "1939", ""])
        let summary = try harness.runner.run()
        #expect(harness.reviews.map(\.rating) == [.good, .again, .good])
        #expect(harness.reviews.map(\.verdict) == [.right, .wrong, .right])
        #expect(harness.reviews.map(\.answer) == ["1945", "Attlee", "1939"])
        #expect(summary.reviewed == 3 && summary.right == 2 && summary.wrong == 1 && summary.newSeen == 3)
        let text = harness.output.text
        #expect(text.contains("World War II · card 1 · 3 left · new"))
        #expect(text.contains("Right.\nAnswer: 1945\nSource: ww2.txt:3  “The war in Europe ended in 1945.”"))
        #expect(text.contains("Wrong. You answered \"Attlee\".\nAnswer: Winston Churchill"))
        #expect(text.contains("1 Again 1m · 2 Hard 1d · 3 Good 3d · 4 Easy 7d\nEnter = 3 Good, or 1-4: "))
        #expect(text.contains("Enter = 1 Again, or 1-4: "))
        #expect(text.contains("Session over.\nReviewed: 3   passed: 2 (67%)   again: 1\nNew cards seen: 3"))
    }

    @Test("sources that disagree show both readings with their sources")
    func conflict() throws {
        let harness = Harness(lines: ["1945", "4", "Churchill", "4", "1939", "4"])
        try harness.runner.run()
        #expect(harness.output.text.contains("Sources disagree:\n  1939\n  1938  b.txt:9  “In 1938 …”"))
    }

    @Test("a digit overrides the proposal; other input asks again")
    func override() throws {
        let harness = Harness(lines: ["1945", "x", "4", ":quit"])
        try harness.runner.run()
        #expect(harness.reviews.map(\.rating) == [.easy])
        #expect(harness.output.text.contains("Press Enter for Good, or type 1, 2, 3 or 4."))
    }

    @Test("a hint shows first letters and makes a right answer Hard")
    func hint() throws {
        let harness = Harness(lines: ["1945", "", ":hint", "Winston Churchill", "", ":q"])
        try harness.runner.run()
        #expect(harness.output.text.contains("Hint: W______ C________"))
        #expect(harness.reviews.map(\.rating) == [.good, .hard])
    }

    @Test("undo appends an undo event naming the last review, and that card comes back")
    func undo() throws {
        let harness = Harness(lines: ["1945", "", "Attlee", "", ":undo", "Churchill", "", ":quit"])
        let summary = try harness.runner.run()
        let events = harness.log.events
        #expect(events.map(\.kind) == [.review, .review, .undo, .review])
        #expect(events[2].undoes == events[1].id)
        #expect(events[2].card == CardID("q-2"))
        #expect(events[3].card == CardID("q-2") && events[3].rating == .good)
        #expect(harness.runner.state.records[CardID("q-2")]?.state.reps == 1)
        #expect(summary.reviewed == 2 && summary.wrong == 0 && summary.undone == 1)
        #expect(harness.output.text.components(separatedBy: "Who led Britain in 1940?").count == 3)
    }

    @Test("undo from the rating prompt takes back the previous card's rating")
    func undoWhileRating() throws {
        let harness = Harness(lines: ["1945", "", "Churchill", ":undo", "1945", "4", ":quit"])
        try harness.runner.run()
        #expect(harness.log.events.map(\.kind) == [.review, .undo, .review])
        #expect(harness.log.events.map(\.card) == [CardID("q-1"), CardID("q-1"), CardID("q-1")])
        #expect(harness.log.events.last?.rating == .easy)
    }

    @Test("skip shows the card after the others; bury and suspend append their events")
    func skipBurySuspend() throws {
        let harness = Harness(lines: [":skip", ":bury", ":suspend", "1945", "", ":quit"])
        try harness.runner.run()
        #expect(harness.log.events.map(\.kind) == [.bury, .suspend, .review])
        #expect(harness.log.events.map(\.card) == [CardID("q-2"), CardID("c-3"), CardID("q-1")])
        #expect(harness.log.events[0].until != nil)
    }

    @Test("Ctrl-C cancels the line; a second Ctrl-C at an empty prompt ends the session")
    func interrupts() throws {
        let harness = Harness([
            .interrupt(empty: false), .line("1945"), .line(""), .interrupt(empty: true), .interrupt(empty: true),
            .line("never read"),
        ])
        let summary = try harness.runner.run()
        #expect(summary.reviewed == 1)
        #expect(harness.output.text.contains("(Ctrl-C again, or Ctrl-D, ends the session.)"))
        #expect(harness.output.text.hasSuffix("Next card due: now.\n"))
    }

    @Test("Ctrl-D ends the session and prints the summary; nothing half-done is logged")
    func endOfInput() throws {
        let harness = Harness([.line("1945")])
        let summary = try harness.runner.run()
        #expect(harness.log.events.isEmpty)
        #expect(summary.reviewed == 0)
        #expect(harness.output.text.contains("Session over."))
    }

    @Test("choice mode shows options a-d; a letter answers; a hint removes two wrong options")
    func choiceMode() throws {
        let harness = Harness(lines: ["1945", "", "Churchill", "", ":hint", "b", ""], mode: .choice)
        try harness.runner.run()
        let text = harness.output.text
        #expect(text.contains("  a) "))
        #expect(text.contains("  d) "))
        #expect(text.contains("Hint: it is one of "))
        let last = try #require(harness.reviews.last)
        #expect(last.card == CardID("c-3"))
        // The options are shuffled with the seed; whatever "b" was, its text is logged and checked.
        #expect(["1938", "1939", "1940", "1941"].contains(last.answer ?? ""))
        #expect(last.verdict == (last.answer == "1939" ? .right : .wrong))
    }

    @Test("self mode: Enter shows the answer, the learner rates 1-4, nothing is checked")
    func selfMode() throws {
        let harness = Harness(lines: ["", "1", "", "", ":quit"], mode: .self)
        try harness.runner.run()
        #expect(harness.reviews.map(\.rating) == [.again, .good])
        #expect(harness.reviews.allSatisfy { $0.verdict == .unchecked && $0.answer == nil })
        #expect(harness.output.text.contains("(Enter shows the answer) \nAnswer: 1945"))
    }

    @Test("an empty answer is shown as no answer and proposes Again")
    func emptyAnswer() throws {
        let harness = Harness(lines: ["", "", ":quit"])
        try harness.runner.run()
        #expect(harness.reviews.first?.verdict == .wrong)
        #expect(harness.reviews.first?.rating == .again)
        #expect(harness.reviews.first?.answer == nil)
        #expect(harness.output.text.contains("No answer.\nAnswer: 1945"))
    }

    @Test("a failed append stops the session with the error and applies nothing")
    func appendFailure() {
        struct DiskFull: Error {}
        let harness = Harness(lines: ["1945", ""])
        harness.log.failure = DiskFull()
        #expect(throws: DiskFull.self) { try harness.runner.run() }
        #expect(harness.runner.state.summary.reviewed == 0)
    }

    @Test("help, stats and unknown commands keep the card")
    func informational() throws {
        let harness = Harness(lines: [":help", ":stats", ":frobnicate", ":source", "1945", ":source", "", ":quit"])
        try harness.runner.run()
        let text = harness.output.text
        #expect(text.contains(":undo     take back the last rating"))
        #expect(text.contains("So far: 0 reviewed"))
        #expect(text.contains("Unknown command \":frobnicate\"; :help lists them."))
        #expect(text.contains("Answer first: :source then shows the passage."))
        #expect(text.contains("ww2.txt:3 (source file not found beside the deck; showing the quote kept in the deck):"))
        #expect(harness.reviews.count == 1)
    }

    @Test("without a terminal the screen has no escape codes; with colors it does")
    func colors() throws {
        let plain = Harness(lines: ["1945", ""])
        try plain.runner.run()
        #expect(!plain.output.text.contains("\u{1B}["))
        let colored = Harness([.line("1945"), .line("")], style: Style(enabled: true))
        try colored.runner.run()
        #expect(colored.output.text.contains("\u{1B}[32mRight.\u{1B}[0m"))
    }

    @Test("Style is off with NO_COLOR set")
    func noColor() {
        #expect(Style.forStandardOutput(environment: ["NO_COLOR": "1"]).enabled == false)
    }

    @Test(
        "session commands parse, short forms included",
        arguments: [
            (":undo", SessionCommand?.some(.undo)), (":q", .quit), (" :HINT ", .hint), (":s", nil),
            (":src", nil), (":su", .suspend),
        ])
    func parse(line: String, expected: SessionCommand?) {
        #expect(SessionCommand.parse(line) == .some(expected))
    }

    @Test("answers are not commands")
    func notCommands() {
        #expect(SessionCommand.parse("1945") == nil)
        #expect(SessionCommand.parse(":") == nil)
        #expect(SessionCommand.completions(of: ":s") == [":skip", ":suspend", ":source", ":stats"])
    }

    @Test(
        "interval labels",
        arguments: [
            (30.0, "30s"), (600.0, "10m"), (7200.0, "2h"), (345_600.0, "4d"), (6_480_000.0, "2.5mo"),
            (63_072_000.0, "2y"),
        ] as [(Double, String)])
    func intervals(seconds: Double, label: String) {
        #expect(IntervalFormat.short(seconds) == label)
    }
}

/// What `:source` wrote: the lines between its echo and the next rating prompt.
private func sourceOutput(_ text: String) -> [String] {
    guard let start = text.range(of: ":source\n"),
        let end = text.range(of: "Enter = ", range: start.upperBound..<text.endIndex)
    else { return [] }
    return text[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
}

@Suite("Study runner: :source at a terminal's width")
struct StudySourceWrapTests {
    @Test("the quote kept in the deck (no source file beside it) wraps at spaces", arguments: [24, 40])
    func quoteWraps(width: Int) throws {
        let harness = Harness(lines: ["1945", ":source", ":quit"], style: Style(enabled: false, width: width))
        try harness.runner.run()
        let lines = sourceOutput(harness.output.text)
        #expect(lines.count >= 3, "\(harness.output.text)")
        for line in lines { #expect(line.count <= width, "\(line)") }
        let words = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(words.contains("The war in Europe ended in 1945."), "broken at spaces only: \(words)")
    }

    @Test("the passage from the source file wraps under its text, past the line numbers")
    func passageWraps() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-src-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let long =
            "The war in Europe ended in 1945, when Germany signed its unconditional surrender and the fighting stopped."
        try Data("Title\n\n\(long)\nA second line of the same paragraph.\n".utf8)
            .write(to: folder.appendingPathComponent("ww2.txt"))
        let harness = Harness(
            lines: ["1945", ":source", ":quit"], style: Style(enabled: false, width: 40),
            sources: SourceLibrary(deckFolders: ["ww2": folder]))
        try harness.runner.run()
        let lines = sourceOutput(harness.output.text)
        #expect(lines.first == "ww2.txt")
        #expect(lines.dropFirst().first?.hasPrefix(">    3 | The war") == true, "\(lines)")
        for line in lines { #expect(line.count <= 40, "\(line)") }
        // Continuation lines start under the text, so the numbered column stays clear.
        let continued = lines.dropFirst().filter { !$0.contains(" | ") }
        #expect(!continued.isEmpty)
        for line in continued { #expect(line.hasPrefix(String(repeating: " ", count: 9)), "\(line)") }
        let text = lines.dropFirst().map { line -> String in
            let body = line.range(of: " | ").map { String(line[$0.upperBound...]) } ?? line
            return body.trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        #expect(text.contains(long))
    }
}

@Suite("Study runner: what the screen says")
struct StudyScreenWordingTests {
    @Test("evidence is quoted with typographic quotes, as in curate")
    func typographicQuotes() throws {
        let harness = Harness(lines: ["1945", "", "Churchill", "", "1939", "", ":quit"])
        try harness.runner.run()
        let text = harness.output.text
        #expect(text.contains("Source: ww2.txt:3  “The war in Europe ended in 1945.”"))
        #expect(text.contains("  1938  b.txt:9  “In 1938 …”"))
        #expect(!text.contains("\"The war"))
    }

    @Test("the quote shown by :source without the source file is in typographic quotes too")
    func typographicQuotesInSource() throws {
        let harness = Harness(lines: ["1945", ":source", ":quit"])
        try harness.runner.run()
        #expect(sourceOutput(harness.output.text).last == "  “The war in Europe ended in 1945.”")
    }

    @Test("the header counts the cards left, failed cards included, instead of a growing total")
    func headerCountsCardsLeft() throws {
        // q-1 failed comes back (learning); the count of cards left does not fall for it.
        let harness = Harness(lines: ["1066", "", "Churchill", "", ":quit"])
        try harness.runner.run()
        let text = harness.output.text
        #expect(text.contains("World War II · card 1 · 3 left · new   (review 0 · learning 0 · new 3)"))
        #expect(text.contains("World War II · card 2 · 3 left · new   (review 0 · learning 1 · new 2)"))
        #expect(text.contains("World War II · card 3 · 2 left · "))
        #expect(!text.contains("card 2 of"), "no 'card N of M' whose M grows")
    }

    @Test("another source's reading is accepted as such, not called right; Good is still proposed")
    func anotherSourcesReading() throws {
        let harness = Harness(lines: ["1945", "", "Churchill", "", "1938", "", ":quit"])
        try harness.runner.run()
        let text = harness.output.text
        #expect(
            text.contains(
                "> 1938\nAccepted: another source's reading.\n1938 is what b.txt says; this card teaches 1939.\n"
                    + "Answer: 1939\n"), "\(text)")
        #expect(harness.reviews.last?.verdict == .right)
        #expect(harness.reviews.last?.rating == .good)
    }
}
