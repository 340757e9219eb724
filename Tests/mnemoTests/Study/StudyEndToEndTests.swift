import Foundation
import MnemoCore
import Testing

/// End-to-end: the built `mnemo study`, driven as a learner would drive it.
@Suite("mnemo study end to end", .serialized)
struct StudyEndToEndTests {
    /// One right, one with a typo, one wrong, then `:undo` and `:quit`.
    static let script = "1945\n\nWinston Churchil\n\n60000\n\n:undo\n:quit\n"

    @Test("a piped session: the transcript reads like the session and the log holds exactly its events")
    func pipedTranscript() throws {
        let fixture = try StudyFixture()
        let run = try StudyProcess.run(
            ["study", "--progress", fixture.progress.path, "--seed", "1", "ww2.json"], input: Self.script,
            in: fixture.root)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr == "")
        let transcript = run.stdout.replacingOccurrences(
            of: #"Session time: [0-9hms ]+ \(answering [0-9hms ]+\)\n"#, with: "Session time: T\n",
            options: .regularExpression)
        #expect(transcript == Self.expectedTranscript)
        #expect(!run.stdout.contains("\u{1B}"))

        let events = try fixture.events()
        #expect(events.map(\.kind) == [.review, .review, .review, .undo])
        #expect(events.map(\.rating) == [.good, .good, .again, nil])
        #expect(events.map(\.verdict) == [.right, .almost, .wrong, nil])
        #expect(events.map(\.answer) == ["1945", "Winston Churchil", "60000", nil])
        #expect(events[3].undoes == events[2].id)
        #expect(events[3].card == events[2].card)

        // The same seed gives the same event ids.
        let again = try StudyFixture()
        _ = try StudyProcess.run(
            ["study", "--progress", again.progress.path, "--seed", "1", "ww2.json"], input: Self.script, in: again.root)
        #expect(try again.events().map(\.id) == events.map(\.id))
    }

    @Test("SIGKILL right after a rating: the rating is in the log")
    func killAfterRating() throws {
        let fixture = try StudyFixture()
        let study = try LiveStudy(["study", "--progress", fixture.progress.path, "ww2.json"], in: fixture.root)
        #expect(study.wait(for: "card 1 · 3 left"))
        study.send("1945")
        #expect(study.wait(for: "Enter = 3 Good"))
        study.send("")
        #expect(study.wait(for: "Good: next in"))
        study.kill()
        let events = try fixture.events()
        #expect(events.count == 1)
        #expect(events.first?.rating == .good)
        #expect(events.first?.answer == "1945")
    }

    @Test("a second session on the same progress is refused clearly; the first goes on")
    func secondSessionRefused() throws {
        let fixture = try StudyFixture()
        let first = try LiveStudy(["study", "--progress", fixture.progress.path, "ww2.json"], in: fixture.root)
        #expect(first.wait(for: "card 1 · 3 left"))
        let second = try StudyProcess.run(["study", "--progress", fixture.progress.path, "ww2.json"], in: fixture.root)
        #expect(second.status != 0)
        #expect(second.stdout == "")
        #expect(second.stderr.hasPrefix("Error: "))
        #expect(second.stderr.contains(fixture.progress.path))
        #expect(second.stderr.contains("mnemo study"))
        #expect(second.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
        first.send("1945")
        first.send("")
        #expect(first.wait(for: "Good: next in"))
        first.kill()
        #expect(try fixture.events().count == 1)
    }

    @Test("the daily new-card limit holds across sessions of the same day")
    func limitAcrossSessions() throws {
        let fixture = try StudyFixture()
        let arguments = ["study", "--progress", fixture.progress.path, "--new", "2", "ww2.json"]
        let first = try StudyProcess.run(arguments, input: "1945\n4\n:quit\n", in: fixture.root)
        #expect(first.stdout.contains("World War II · card 1 · 2 left · new"))
        let second = try StudyProcess.run(arguments, input: ":quit\n", in: fixture.root)
        #expect(second.status == 0)
        #expect(second.stdout.contains("World War II · card 1 · 1 left · new"))
        #expect(second.stdout.contains("Who became prime minister of Britain in May 1940?"))
    }

    @Test("no deck and no ./Decks: one clear line")
    func noDecks() throws {
        let fixture = try StudyFixture()
        let run = try StudyProcess.run(["study", "--progress", fixture.progress.path], in: fixture.root)
        #expect(run.status != 0)
        #expect(run.stderr.hasPrefix("Error: no decks to study: ./Decks has no .json deck files"))
    }

    @Test("with no DECK, every deck in ./Decks is studied")
    func decksFolder() throws {
        let fixture = try StudyFixture()
        let decks = fixture.root.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture.deck, to: decks.appendingPathComponent("ww2.json"))
        let run = try StudyProcess.run(
            ["study", "--progress", fixture.progress.path], input: ":quit\n", in: fixture.root)
        #expect(run.status == 0)
        #expect(run.stdout.contains("World War II · card 1 · 3 left · new"))
    }

    static let expectedTranscript = """

        World War II · card 1 · 3 left · new   (review 0 · learning 0 · new 3)

        In which year did the war in Europe end?
        > 1945
        Right.
        Answer: 1945
        Source: ww2.txt:6  “The war in Europe ended in 1945.”
        1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 6d
        Enter = 3 Good, or 1-4: 
        Good: next in 10m.

        World War II · card 2 · 3 left · new   (review 0 · learning 1 · new 2)

        Who became prime minister of Britain in May 1940?
        > Winston Churchil
        Almost right: the correct spelling is Winston Churchill
        Answer: Winston Churchill
        Source: ww2.txt:4  “Winston Churchill became prime minister of Britain in May 1940.”
        1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 10d
        Enter = 3 Good, or 1-4: 
        Good: next in 10m.

        World War II · card 3 · 3 left · new   (review 0 · learning 2 · new 1)

        About how many soldiers took part in the landings?
        > 60000
        Wrong. You answered "60000".
        Answer: 600,000
        Source: ww2.txt:5  “About 600,000 soldiers took part in the landings.”
        1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 10d
        Enter = 1 Again, or 1-4: 
        Again: next in 1m.

        World War II · card 4 · 3 left · learning   (review 0 · learning 3 · new 0)

        About how many soldiers took part in the landings?
        > :undo
        Undone: the last rating is taken back; that card again.

        World War II · card 3 · 3 left · new   (review 0 · learning 2 · new 1)

        About how many soldiers took part in the landings?
        > :quit

        Session over.
        Reviewed: 2   passed: 2 (100%)   again: 0
        New cards seen: 2   undone: 1
        Session time: T
        Next card due: now.

        """
}
