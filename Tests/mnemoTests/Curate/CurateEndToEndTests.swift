import Foundation
import MnemoCore
import Testing

/// `mnemo curate` as a program: piped standard input (PlainLineEditor), exit status, messages.
@Suite("mnemo curate: the built binary with piped input", .serialized)
struct CurateEndToEndTests {
    @Test("keep, drop, edit a prompt, quit; a second run resumes; ids never change")
    func pipedSession() throws {
        let fixture = try CurateFixture()
        let run = try StudyProcess.run(
            ["curate", "unit.json"], input: "\nd\np\nWhen did the USSR declare war on Japan? [date]\n\nq\n",
            in: fixture.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Card 1 of 4 · question"))
        #expect(run.stdout.contains("Dropped."))
        #expect(
            run.stdout.contains("New prompt (Enter keeps it): When did the USSR"),
            "the input is echoed like a transcript")
        #expect(
            run.stdout.contains(
                "Curation: kept 1, edited 1, dropped 1, conflicts settled 0. 1 card left: run 'mnemo curate unit.json' again to go on."
            ))
        let deck = try fixture.deck()
        #expect(deck.cards.map(\.id) == [CurateFixture.q.id, CurateFixture.cloze.id, CurateFixture.tf.id])
        #expect(deck.cards[1].prompt == "When did the USSR declare war on Japan? [date]")
        #expect(!FileManager.default.fileExists(atPath: fixture.deckURL.path + ".tmp"))

        let again = try StudyProcess.run(["curate", "unit.json"], input: "", in: fixture.root)
        #expect(again.status == 0)
        #expect(again.stdout.contains("Card 1 of 1 · truefalse"))
        #expect(again.stdout.contains("1 card left"), "end of input quits, nothing decided")

        let settle = try StudyProcess.run(
            ["curate", "unit.json", "--only", "conflicts"], input: "c\n2\n\n", in: fixture.root)
        #expect(settle.status == 0, "\(settle.stderr)")
        #expect(settle.stdout.contains("conflicts settled 1. Every card of this pass is curated."))
        #expect(try fixture.deck().cards[1].answer == "9 August 1945")
    }

    @Test("a dropped card's reviews stay in the log and stats counts them apart; the others keep their progress")
    func droppedCardProgress() throws {
        let fixture = try CurateFixture()
        let progress = fixture.root.appendingPathComponent("progress").path
        let study = try StudyProcess.run(
            ["study", "unit.json", "--progress", progress, "--seed", "1"], input: "1945\n\n:quit\n", in: fixture.root)
        #expect(study.status == 0, "\(study.stderr)")
        let events = try ReviewLog.read(at: fixture.root.appendingPathComponent("progress/reviews.jsonl")).events
        try #require(events.count == 1)
        let studied = events[0].card
        let index = try #require(
            [CurateFixture.q, CurateFixture.choice, CurateFixture.cloze, CurateFixture.tf].firstIndex {
                $0.id == studied
            })
        let curate = try StudyProcess.run(
            ["curate", "unit.json"], input: String(repeating: "\n", count: index) + "d\nq\n", in: fixture.root)
        #expect(curate.status == 0, "\(curate.stderr)")
        #expect(try fixture.deck().cards.count == 3)
        let stats = try StudyProcess.run(["stats", "unit.json", "--progress", progress, "--json"], in: fixture.root)
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let removed = try #require(json["removedCards"] as? [String: Any])
        #expect(removed["cards"] as? Int == 1 && removed["reviews"] as? Int == 1, "\(removed)")
        #expect(try ReviewLog.read(at: fixture.root.appendingPathComponent("progress/reviews.jsonl")).events == events)
    }

    @Test(
        "bad input: one clear line and a non-zero exit",
        arguments: [
            (["curate", "nope.json"], "nope.json"),
            (["curate", "unit.json", "--only", "kind:essay"], "--only takes new, conflicts or kind:K"),
        ])
    func badInput(_ arguments: [String], _ message: String) throws {
        let fixture = try CurateFixture()
        let run = try StudyProcess.run(arguments, input: "", in: fixture.root)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("a deck another program is writing: the decision is refused with the lock message, the deck untouched")
    func busyDeck() throws {
        let fixture = try CurateFixture()
        let lock = open(fixture.deckURL.path + ".lock", O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let run = try StudyProcess.run(["curate", "unit.json"], input: "d\n", in: fixture.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("unit.json: another program is writing this deck right now"), "\(run.stderr)")
        #expect(try fixture.deck().cards.count == 4)
    }
}
