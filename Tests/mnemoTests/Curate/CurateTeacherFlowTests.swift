import Foundation
import MnemoCore
import Testing

/// The teacher's week with curation, as a new user meets it: build from the shared sources, a
/// student studies a little, the teacher curates ten cards in a real terminal (tmux: readline,
/// pre-filled edits), prints three quiz variants, exports an Anki package, and the student goes on
/// studying the curated deck with their progress still keyed to the same card ids.
@Suite("mnemo curate: the teacher's flow (tmux)", .serialized)
struct CurateTeacherFlowTests {
    @Test(.enabled(if: BuildIntoTests.sharedSources != nil && TmuxSession.tmux != nil))
    func buildStudyCurateExportStudy() throws {
        let sources = try #require(BuildIntoTests.sharedSources)
        let m = try MnemoRunner()
        defer { m.remove() }
        let build = try m.run("build", sources.path, "-o", "Decks/unit.json", "--title", "Unit 3")
        #expect(build.status == 0, "\(build.stderr)")
        let before = try Deck.load(from: m.url("Decks/unit.json"))
        try #require(before.cards.count > 20)
        let first = Array(before.cards.prefix(10))
        try #require(
            first[0].conflict != nil && first[1].conflict != nil && first[2].conflict != nil
                && first[3].conflict != nil,
            "the shared sources' first facts disagree (the flow settles them)")

        // A student starts before the teacher curates.
        let progress = m.url("progress").path
        let study1 = try StudyProcess.run(
            ["study", "--progress", progress, "--seed", "1", "Decks/unit.json"],
            input: "no idea\n\nno idea\n\nno idea\n\n:quit\n", in: m.folder)
        #expect(study1.status == 0, "\(study1.stderr)")
        let events1 = try ReviewLog.read(at: m.url("progress/reviews.jsonl")).events
        #expect(events1.count == 3)

        // The teacher curates ten cards in a terminal.
        let command =
            "cd '\(m.folder.path)' && env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 '\(MnemoRunner.binary.path)' curate Decks/unit.json; echo EXITED=$?; sleep 5"
        let tmux = try TmuxSession(command: command, width: 160, height: 50)
        func enter(_ text: String, expecting needle: String, count: Int = 1) throws {
            if !text.isEmpty { try tmux.type(text) }
            try tmux.press("Enter")
            #expect(
                tmux.waitInHistory(for: needle, count: count),
                "after '\(text)' expected '\(needle)'; screen:\n\(tmux.history())")
        }
        #expect(tmux.wait(for: "Card 1 of \(before.cards.count)"), "screen:\n\(tmux.screen())")
        // 1, 2: teach the second reading (May 8, 1945), then keep.
        try enter("c", expecting: "Teach which reading?")
        try enter("2", expecting: "Settled: teaching “May 8, 1945”")
        try enter("", expecting: "Card 2 of")
        try enter("c", expecting: "Teach which reading?")
        try enter("2", expecting: "Settled: teaching “May 8, 1945”", count: 2)
        try enter("", expecting: "Card 3 of")
        // 3: drop, take it back, settle it instead (the choice's wrong option is replaced).
        try enter("d", expecting: "Card 4 of")
        try enter("b", expecting: "Took back the last drop")
        try enter("c", expecting: "Teach which reading?")
        try enter("2", expecting: "Settled: teaching “May 8, 1945”", count: 3)
        try enter("", expecting: "Card 4 of", count: 2)
        // 4: the first reading is right: settle by keeping it.
        try enter("c", expecting: "Teach which reading?")
        try enter("1", expecting: "Settled: teaching “\(first[3].answer)”")
        try enter("", expecting: "Card 5 of")
        // 5: drop.
        try enter("d", expecting: "Card 6 of")
        // 6: the prompt is pre-filled: add to its end.
        try enter("p", expecting: "New prompt: \(first[5].prompt.prefix(30))")
        try enter(" (1945)", expecting: "(1945)")
        try enter("", expecting: "Card 7 of")
        // 7: the answer is pre-filled: clear it (Ctrl-U) and type another.
        try enter("a", expecting: "New answer: \(first[6].answer)")
        try tmux.press("C-u")
        try enter("6 August 1945", expecting: "Answer:    6 August 1945")
        try enter("", expecting: "Card 8 of")
        // 8: a tag added to the pre-filled tags.
        try enter("t", expecting: "New tags")
        try enter(", curated", expecting: "curated")
        try enter("", expecting: "Card 9 of")
        // 9: one more accepted answer (the pre-filled list is ;-separated: "August 8, 1945" holds a comma); Ctrl-C first cancels a half-typed command.
        try tmux.type("zzz")
        try tmux.press("C-c")
        #expect(tmux.waitInHistory(for: "(q quits"), "screen:\n\(tmux.history())")
        try enter("l", expecting: "New accepted answers")
        try enter("; the eighth of August", expecting: "the eighth of August")
        try enter("", expecting: "Card 10 of")
        // 10: keep; then quit on card 11.
        try enter("k", expecting: "Card 11 of")
        try enter("q", expecting: "EXITED=0")
        #expect(
            tmux.history().contains("Curation: kept 1, edited 8, dropped 1, conflicts settled 4."),
            "screen:\n\(tmux.history())")

        let after = try Deck.load(from: m.url("Decks/unit.json"))
        #expect(
            after.cards.map(\.id) == before.cards.map(\.id).filter { $0 != first[4].id },
            "ids kept, order kept, one dropped")
        func card(_ i: Int) throws -> Card { try #require(after.cards.first { $0.id == first[i].id }) }
        for i in 0..<3 {
            #expect(try card(i).answer == "May 8, 1945")
            #expect(
                try card(i).conflict?.readings.contains { $0.value == first[i].answer } == true,
                "the old reading stays recorded")
            #expect(try card(i).conflict?.note != nil)
        }
        #expect(try card(2).choices.contains("May 8, 1945") && !card(2).choices.contains(first[2].answer))
        #expect(try card(3).answer == first[3].answer && card(3).conflict?.note != nil)
        #expect(try card(5).prompt == first[5].prompt + " (1945)")
        #expect(try card(6).answer == "6 August 1945")
        #expect(try card(7).tags == first[7].tags + ["curated"])
        #expect(try card(8).accepted == first[8].accepted + ["the eighth of August"])
        #expect(try card(9) == first[9])
        let sidecar =
            try JSONSerialization.jsonObject(with: Data(contentsOf: m.url("Decks/unit.curation.json")))
            as? [String: Any]
        #expect((sidecar?["reviewed"] as? [String])?.count == 10)
        #expect(sidecar?["dropped"] as? [String] == [first[4].id.rawValue])

        // Friday's quiz, and the Anki package.
        let quiz = try m.run(
            "export", "Decks/unit.json", "--format", "quiz-html", "--variants", "3", "--count", "12", "-o", "quiz.html")
        #expect(quiz.status == 0, "\(quiz.stderr)")
        let html = try String(contentsOf: m.url("quiz.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<section class=\"sheet\">").count - 1 == 3)
        #expect(html.components(separatedBy: "<section class=\"key\">").count - 1 == 3)
        let anki = try m.run("export", "Decks/unit.json", "--format", "anki", "-o", "unit.apkg")
        #expect(anki.status == 0, "\(anki.stderr)")
        let back = try m.run("import", "unit.apkg", "-o", "back.json")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try Deck.load(from: m.url("back.json")).cards.map(\.id) == after.cards.map(\.id))
        if ProcessInfo.processInfo.environment["MNEMO_ANKI_TESTS"] == "1" {
            let script = MnemoRunner.repositoryRoot.appendingPathComponent("scripts/anki-check.sh")
            let run = try MnemoRunner.run(
                URL(fileURLWithPath: "/bin/bash"), [script.path, m.url("Decks/unit.json").path],
                in: MnemoRunner.repositoryRoot, environment: ["MNEMO_BIN": MnemoRunner.binary.path])
            #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        }

        // The student goes on with the curated deck: earlier progress is still theirs.
        let cards = try m.run("cards", "Decks/unit.json", "--progress", progress, "--json")
        #expect(cards.status == 0, "\(cards.stderr)")
        let rows = try #require(
            (try JSONSerialization.jsonObject(with: Data(cards.stdout.utf8)) as? [String: Any])?["cards"]
                as? [[String: Any]])
        let reps = Dictionary(
            uniqueKeysWithValues: rows.compactMap { row in (row["id"] as? String).map { ($0, row["reps"] as? Int ?? 0) }
            })
        for event in events1 where event.card != first[4].id {
            #expect(reps[event.card.rawValue] == 1, "\(event.card) keeps its review after curation")
        }
        let study2 = try StudyProcess.run(
            ["study", "--progress", progress, "--seed", "2", "Decks/unit.json"],
            input: "no idea\n\nno idea\n\n:quit\n", in: m.folder)
        #expect(study2.status == 0, "\(study2.stderr)")
        let events = try ReviewLog.read(at: m.url("progress/reviews.jsonl")).events
        #expect(events.count == 5)
        let ids = Set(after.cards.map(\.id))
        for event in events where event.card != first[4].id {
            #expect(ids.contains(event.card), "event for \(event.card) names a card of the curated deck")
        }
        for event in events.dropFirst(3) { #expect(ids.contains(event.card)) }
    }
}

extension TmuxSession {
    /// The pane's whole scrollback and screen (what scrolled off counts too).
    func history() -> String { (try? run(["capture-pane", "-p", "-J", "-S", "-", "-t", name], capture: true)) ?? "" }

    /// Waits until the scrollback and screen show `needle` `count` times.
    func waitInHistory(for needle: String, count: Int = 1, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if history().components(separatedBy: needle).count - 1 >= count { return true }
            usleep(50_000)
        }
        return false
    }
}
