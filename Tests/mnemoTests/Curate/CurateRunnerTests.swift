import Foundation
import MnemoCore
import Testing

@testable import mnemo

/// A deck of four cards (question, choice, cloze with a conflict, true/false) in a temporary folder,
/// curated through `ScriptedLineEditor` against the real files (deck + sidecar).
final class CurateFixture {
    let root: URL
    var deckURL: URL { root.appendingPathComponent("unit.json") }
    var progressURL: URL { root.appendingPathComponent("unit.curation.json") }

    static let q = Card(
        id: CardID("question-0000000000000001"), kind: .question, prompt: "In which year did the war in Europe end?",
        answer: "1945", accepted: ["'45"], answerType: .year,
        evidence: [Provenance(source: "a.txt", line: 3, start: 0, end: 30, quote: "The war in Europe ended in 1945.")])
    static let choice = Card(
        id: CardID("choice-0000000000000002"), kind: .choice, prompt: "Who became prime minister in May 1940?",
        answer: "Winston Churchill",
        choices: ["Clement Attlee", "Winston Churchill", "Neville Chamberlain", "Anthony Eden"],
        answerType: .person,
        evidence: [
            Provenance(
                source: "a.txt", line: 4, start: 0, end: 20, quote: "Churchill became prime minister in May 1940.")
        ])
    static let cloze = Card(
        id: CardID("cloze-0000000000000003"), kind: .cloze, prompt: "The Soviet Union declared war on Japan on [date].",
        answer: "8 August 1945", accepted: ["August 8, 1945"], answerType: .date,
        evidence: [
            Provenance(
                source: "a.txt", line: 5, start: 0, end: 40,
                quote: "The Soviet Union declared war on Japan on 8 August 1945.")
        ],
        conflict: Conflict(readings: [
            ConflictReading(
                value: "9 August 1945",
                evidence: Provenance(
                    source: "b.txt", line: 7, start: 0, end: 40, quote: "On 9 August 1945 the Soviet Union attacked."))
        ]))
    static let tf = Card(
        id: CardID("truefalse-0000000000000004"), kind: .truefalse, prompt: "The landings took place in 1943.",
        answer: "false",
        evidence: [Provenance(source: "a.txt", line: 6, start: 0, end: 20, quote: "The landings took place in 1944.")])

    init(cards: [Card] = [CurateFixture.q, CurateFixture.choice, CurateFixture.cloze, CurateFixture.tf]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-curate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Deck(id: "unit", title: "Unit", languages: ["en"], cards: cards).write(to: deckURL)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func deck() throws -> Deck { try Deck.load(from: deckURL) }
    func progress() throws -> CurationProgress { try CurationProgress.load(from: progressURL, deckID: "unit") }

    /// Runs a pass with `lines` as the curator's input; returns the summary and the transcript.
    @discardableResult
    func curate(_ lines: [String], filter: CurateFilter = .new, again: Bool = false, style: Style = .plain) throws -> (
        CurateSummary, String, ScriptedLineEditor
    ) {
        let output = BufferOutput()
        let editor = ScriptedLineEditor(lines: lines, output: output)
        let runner = CurateRunner(
            deck: try deck(), progress: try progress(), filter: filter, again: again, editor: editor, output: output,
            sink: CurationFiles(deck: deckURL, progress: progressURL), style: style)
        let summary = try runner.run()
        return (summary, output.text, editor)
    }
}

@Suite("mnemo curate: commands (scripted)", .serialized)
struct CurateRunnerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var lines: [String]
        var check: @Sendable (Deck, CurationProgress, CurateSummary) -> Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Enter and k keep everything unchanged", lines: ["", "k", "keep", ""]) { deck, progress, summary in
            deck.cards == [CurateFixture.q, CurateFixture.choice, CurateFixture.cloze, CurateFixture.tf]
                && progress.reviewed.count == 4 && summary == CurateSummary(kept: 4)
        },
        Case(name: "d drops the card; the others keep their ids", lines: ["", "d", "", ""]) { deck, progress, summary in
            deck.cards.map(\.id) == [CurateFixture.q.id, CurateFixture.cloze.id, CurateFixture.tf.id]
                && progress.dropped == [CurateFixture.choice.id] && summary == CurateSummary(kept: 3, dropped: 1)
        },
        Case(name: "p edits the prompt, id unchanged", lines: ["p", "When did the war in Europe end?", "", "", "", ""])
        { deck, _, summary in
            deck.cards[0].prompt == "When did the war in Europe end?" && deck.cards[0].id == CurateFixture.q.id
                && deck.cards[0].answer == "1945" && summary == CurateSummary(kept: 3, edited: 1)
        },
        Case(
            name: "a on a choice card replaces the old answer among the choices",
            lines: ["", "a", "Sir Winston Churchill", "", "", ""]
        ) { deck, _, _ in
            deck.cards[1].answer == "Sir Winston Churchill" && deck.cards[1].id == CurateFixture.choice.id
                && deck.cards[1].choices == [
                    "Clement Attlee", "Sir Winston Churchill", "Neville Chamberlain", "Anthony Eden",
                ]
        },
        Case(
            name: "l sets the accepted answers (comma-separated); - clears",
            lines: ["l", "1945 AD, in 1945 ,1945 AD", "", "", "", "l", "-", ""]
        ) { deck, _, _ in
            deck.cards[0].accepted == ["1945 AD", "in 1945"] && deck.cards[3].accepted.isEmpty
        },
        Case(
            name: "l with a semicolon keeps commas inside answers",
            lines: ["l", "August 8, 1945; 8 Aug 1945", "", "", "", ""]
        ) { deck, _, _ in
            deck.cards[0].accepted == ["August 8, 1945", "8 Aug 1945"]
        },
        Case(name: "t retags", lines: ["t", "war, europe", "", "", "", ""]) { deck, _, _ in
            deck.cards[0].tags == ["war", "europe"]
        },
        Case(name: "empty edit keeps the text; empty answer refused", lines: ["p", "", "a", "   ", "", "", "", ""]) {
            deck, _, summary in
            deck.cards[0] == CurateFixture.q && summary == CurateSummary(kept: 4)
        },
        Case(name: "a true/false answer must be true or false", lines: ["", "", "", "a", "maybe", "a", "TRUE", ""]) {
            deck, _, _ in
            deck.cards[3].answer == "true"
        },
        Case(name: "c 2 teaches the other reading; the old one stays recorded", lines: ["", "", "c", "2", ""]) {
            deck, _, summary in
            let card = deck.cards[2]
            return card.id == CurateFixture.cloze.id && card.answer == "9 August 1945"
                && card.evidence.map(\.source) == ["b.txt"] && card.accepted.isEmpty
                && card.conflict?.readings.map(\.value) == ["8 August 1945"]
                && card.conflict?.readings.first?.evidence.source == "a.txt"
                && (card.conflict?.note ?? "").contains("teaching “9 August 1945” (b.txt:7)")
                && (card.conflict?.note ?? "").contains("“8 August 1945” (a.txt:5)")
                && (card.conflict?.note ?? "").contains("no longer accepted: August 8, 1945")
                && summary.settled == 1 && summary.edited == 1
        },
        Case(name: "c 1 keeps the answer and records the decision", lines: ["", "", "c", "1", ""]) { deck, _, summary in
            let card = deck.cards[2]
            return card.answer == "8 August 1945" && card.conflict?.readings.map(\.value) == ["9 August 1945"]
                && card.conflict?.note != nil && summary.settled == 1
        },
        Case(
            name: "c out of range or on a card without conflict changes nothing",
            lines: ["c", "", "", "c", "5", "c", "x", ""]
        ) { deck, _, summary in
            deck.cards[2] == CurateFixture.cloze && summary.settled == 0
        },
        Case(
            name: "b takes back a drop: the card is back in its place and shown again",
            lines: ["", "d", "b", "", "", ""]
        ) { deck, progress, summary in
            deck.cards.map(\.id) == [
                CurateFixture.q.id, CurateFixture.choice.id, CurateFixture.cloze.id, CurateFixture.tf.id,
            ]
                && progress.dropped.isEmpty && progress.reviewed.count == 4 && summary == CurateSummary(kept: 4)
        },
        Case(name: "b takes back an edit", lines: ["p", "Changed?", "b", "", "", "", ""]) { deck, _, summary in
            deck.cards[0] == CurateFixture.q && summary == CurateSummary(kept: 4)
        },
        Case(name: "q stops; what was decided is saved", lines: ["", "d", "q"]) { deck, progress, summary in
            deck.cards.count == 3 && progress.reviewed == [CurateFixture.q.id, CurateFixture.choice.id]
                && summary == CurateSummary(kept: 1, dropped: 1, left: 2)
        },
        Case(name: "a settle counts even when the curator quits before keeping", lines: ["", "", "c", "2", "q"]) {
            _, _, summary in
            summary == CurateSummary(kept: 2, edited: 1, settled: 1, left: 2)
        },
        Case(name: "an edited card then dropped counts as dropped only", lines: ["p", "Changed?", "d", "q"]) {
            deck, _, summary in
            deck.cards.count == 3 && summary == CurateSummary(dropped: 1, left: 3)
        },
        Case(name: "?, unknown words and Ctrl-C do not decide", lines: ["?", "zz", ""]) { deck, progress, summary in
            progress.reviewed == [CurateFixture.q.id] && summary == CurateSummary(kept: 1, left: 3)
        },
    ]

    @Test(arguments: cases)
    func command(_ c: Case) throws {
        let fixture = try CurateFixture()
        let (summary, transcript, _) = try fixture.curate(c.lines)
        #expect(c.check(try fixture.deck(), try fixture.progress(), summary), "transcript:\n\(transcript)")
    }

    @Test("edits are offered the current text to pre-fill")
    func prefill() throws {
        let fixture = try CurateFixture()
        let (_, _, editor) = try fixture.curate(["p", "", "a", "", "l", "", "t", "", "q"])
        #expect(editor.prefills == [CurateFixture.q.prompt, "1945", "'45", ""])
        #expect(CardEdit.joined(["1945-08-08", "August 8, 1945"]) == "1945-08-08; August 8, 1945")
        #expect(CardEdit.list(CardEdit.joined(["1945-08-08", "August 8, 1945"])) == ["1945-08-08", "August 8, 1945"])
    }

    @Test("the screen shows kind, prompt, answer, choices, evidence and conflict readings")
    func screen() throws {
        let fixture = try CurateFixture()
        let (_, text, _) = try fixture.curate(["", "", "q"])
        #expect(text.contains("Card 1 of 4 · question · question-0000000000000001"))
        #expect(text.contains("Accepted:  '45"))
        #expect(text.contains("Evidence:  a.txt:3 “The war in Europe ended in 1945.”"))
        #expect(text.contains("B. Winston Churchill  ← answer"))
        #expect(text.contains("Conflict:  sources disagree (c settles it)"))
        #expect(text.contains("1) 8 August 1945 (taught now) — a.txt:5"))
        #expect(text.contains("2) 9 August 1945 — b.txt:7 “On 9 August 1945 the Soviet Union attacked.”"))
        #expect(text.contains("Curation: kept 2, edited 0, dropped 0, conflicts settled 0. 2 cards left"))
    }

    @Test("a keep is confirmed as a drop is")
    func keepIsConfirmed() throws {
        let fixture = try CurateFixture()
        let (_, text, _) = try fixture.curate(["", "d", "k", "q"])
        #expect(text.components(separatedBy: "\nKept.\n").count - 1 == 2, "\(text)")
        #expect(text.components(separatedBy: "\nDropped.\n").count - 1 == 1)
    }

    @Test("a second run resumes after the cards already curated; --again shows them all")
    func resume() throws {
        let fixture = try CurateFixture()
        try fixture.curate(["", "p", "Changed prompt", "q"])
        let (summary, text, _) = try fixture.curate(["", "", ""])
        #expect(text.contains("Card 1 of 3 · choice"), "\(text)")
        #expect(summary == CurateSummary(kept: 3))
        #expect(try fixture.deck().cards[1].prompt == "Changed prompt")
        let (_, done, _) = try fixture.curate([])
        #expect(done.contains("Nothing to curate"))
        let (_, all, _) = try fixture.curate(["q"], again: true)
        #expect(all.contains("Card 1 of 4") && all.contains("(curated before)"))
    }

    @Test("--only conflicts and kind:K narrow the pass")
    func only() throws {
        let fixture = try CurateFixture()
        let (_, conflicts, _) = try fixture.curate(["c", "2", ""], filter: .conflicts)
        #expect(conflicts.contains("Card 1 of 1 · cloze"))
        let (_, none, _) = try fixture.curate([], filter: .conflicts)
        #expect(none.contains("Nothing to curate"), "settled conflicts are not shown again")
        let (_, kind, _) = try fixture.curate(["q"], filter: .kind(.truefalse))
        #expect(kind.contains("Card 1 of 1 · truefalse"))
        #expect(throws: CurateError.badOnly("kind:essay")) { try CurateFilter(parsing: "kind:essay") }
        #expect(try CurateFilter(parsing: "kind:cloze") == .kind(.cloze))
    }

    @Test("a deck another program is writing: the decision is refused, nothing half-written")
    func busy() throws {
        let fixture = try CurateFixture()
        let lock = open(fixture.deckURL.path + ".lock", O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: (any Error).self) { try fixture.curate(["d"]) }
        flock(lock, LOCK_UN)
        #expect(try fixture.deck().cards.count == 4)
        #expect(!FileManager.default.fileExists(atPath: fixture.progressURL.path))
    }

    @Test("a sidecar of another deck or a broken one is refused with its name")
    func badSidecar() throws {
        let fixture = try CurateFixture()
        try Data("{\"formatVersion\":1,\"deck\":\"other\",\"reviewed\":[]}".utf8).write(to: fixture.progressURL)
        #expect(throws: CurateError.wrongDeck(path: fixture.progressURL.relativePath, expected: "unit", found: "other"))
        {
            try fixture.progress()
        }
        try Data("{".utf8).write(to: fixture.progressURL)
        #expect((try? fixture.progress()) == nil)
        #expect(
            CurationProgress.defaultURL(forDeck: URL(fileURLWithPath: "/d/unit.json")).path == "/d/unit.curation.json")
    }
}

@Suite("mnemo curate: the card screen at a terminal's width", .serialized)
struct CurateWrapTests {
    @Test(arguments: [40, 60])
    func longLinesWrapAtTheWidthWithAHangingIndent(width: Int) throws {
        let fixture = try CurateFixture()
        let (_, text, _) = try fixture.curate(["q"], filter: .conflicts, style: Style(enabled: false, width: width))
        let screen = text.components(separatedBy: "\n")
        // Every line of the card (the fixed conflict header aside) fits the width.
        let cardLines = screen.filter { $0.hasPrefix("  ") && !$0.hasPrefix("  Conflict:") }
        #expect(cardLines.count > 8)
        for line in cardLines { #expect(line.count <= width, "\(line)") }
        // Broken at spaces only: joining the continuation lines gives the quote back whole.
        let joined = text.replacingOccurrences(of: "\n             ", with: " ")
        #expect(joined.contains("a.txt:5 “The Soviet Union declared war on Japan on 8 August 1945.”"))
    }

    @Test(arguments: [40, 60])
    func theClosingLineWrapsAtTheWidth(width: Int) throws {
        let fixture = try CurateFixture()
        let (_, text, _) = try fixture.curate(["", "q"], style: Style(enabled: false, width: width))
        let closing = try #require(text.range(of: "Curation: kept"))
        let lines = text[closing.lowerBound...].split(separator: "\n").map(String.init)
        #expect(lines.count > 1)
        for line in lines { #expect(line.count <= width, "\(line)") }
        #expect(lines.joined(separator: " ").contains("run 'mnemo curate DECK' again to go on."))
    }
}
