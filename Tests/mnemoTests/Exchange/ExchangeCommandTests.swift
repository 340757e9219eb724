import Foundation
import MnemoCore
import Testing

/// End-to-end: `mnemo export` and `mnemo import` as a user runs them.
@Suite(.serialized)
struct ExchangeCommandTests {
    static let sample = MnemoRunner.repositoryRoot.appendingPathComponent("docs/examples/sample-deck.json").path

    func deck(_ url: URL) throws -> Deck {
        try JSONDecoder().decode(Deck.self, from: Data(contentsOf: url))
    }

    @Test func csvExportThenImportGivesTheSameDeck() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        let export = try m.run("export", Self.sample, "--format", "csv", "-o", "deck.csv")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr == "wrote 8 cards to deck.csv\n")
        let imported = try m.run("import", "deck.csv", "-o", "back.json")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "imported 8 cards into back.json\n")
        let original = try deck(URL(fileURLWithPath: Self.sample))
        let back = try deck(m.url("back.json"))
        #expect(back.cards == original.cards)
        #expect(back == original)
    }

    @Test func csvToStdoutWhenNoOutputIsGiven() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        let export = try m.run("export", Self.sample, "--format", "csv")
        #expect(export.status == 0)
        #expect(export.stderr.isEmpty)
        #expect(export.stdout.hasPrefix("#separator:Comma\n#html:false\n"))
    }

    @Test func quizSheetsAreReproducibleAndWrittenToTheFile() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        for name in ["a.html", "b.html"] {
            let run = try m.run(
                "export", Self.sample, "--format", "quiz-html", "--variants", "3", "--seed", "42", "-o", name)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr == "wrote a quiz of 3 variants with answer keys to \(name)\n")
        }
        let a = try String(contentsOf: m.url("a.html"), encoding: .utf8)
        #expect(a == (try String(contentsOf: m.url("b.html"), encoding: .utf8)))
        #expect(a.components(separatedBy: "<section class=\"sheet\">").count == 4)
        let md = try m.run("export", Self.sample, "--format", "quiz-md", "--count", "3", "--kinds", "cloze,question")
        #expect(md.status == 0)
        #expect(md.stdout.contains("## Answer key: variant A"))
        #expect(md.stdout.components(separatedBy: "Answer: ___").count - 1 == 3)
    }

    @Test func ankiPackageIsWritten() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        let run = try m.run("export", Self.sample, "--format", "anki", "-o", "deck.apkg")
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: m.url("deck.apkg"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let back = try m.run("import", "deck.apkg", "-o", "back.json")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(
            try deck(m.url("back.json")).cards.map(\.id)
                == (try deck(URL(fileURLWithPath: Self.sample))).cards.map(\.id))
    }

    @Test func malformedRowsAreReportedAndTheRestImported() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        try m.write("front,back,tags\nQ1?,A1,t\nonly front\n\"x\"y,z\nQ2?,A2,\n", to: "cards.csv")
        let run = try m.run("import", "cards.csv", "-o", "cards.json")
        #expect(run.status == 0)
        #expect(
            run.stderr == """
                warning: cards.csv: row 3: 1 field; need front and back, skipped
                warning: cards.csv: row 4: text after a closing quote in field 1, skipped

                """)
        #expect(run.stdout == "imported 2 cards into cards.json (2 rows skipped)\n")
        #expect(try deck(m.url("cards.json")).cards.map(\.prompt) == ["Q1?", "Q2?"])
    }

    @Test(arguments: [
        (
            "notzip.apkg", "front,back\n",
            "Error: notzip.apkg: not an Anki package (an .apkg is a zip file, and this is not one)\n"
        ),
        (
            "empty.csv", "front,back\n,\n",
            "Error: empty.csv: no cards could be imported (1 row with problems: row 2: the front is empty)\n"
        ),
        (
            "words.txt", "hello world\nanother line\n",
            "Error: words.txt: no cards could be imported (2 rows with problems; the first, row 1: 1 field; need front"
                + " and back)\n"
        ),
        ("latin1.csv", "", "Error: latin1.csv: not UTF-8 text; save it as UTF-8 and try again\n"),
    ])
    func badInputNamesTheFileAndWritesNothing(name: String, content: String, message: String) throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        if name == "latin1.csv" {
            try Data([0x63, 0x61, 0x66, 0xE9, 0x2C, 0x78, 0x0A]).write(to: m.url(name))
        } else {
            try m.write(content, to: name)
        }
        let run = try m.run("import", name, "-o", "out.json")
        #expect(run.status == 1)
        #expect(run.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: m.url("out.json").path))
    }

    @Test func anExistingDeckIsOnlyReplacedWithForce() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        try m.write("front,back\nQ?,A\n", to: "cards.csv")
        try m.write("{\"mine\": true}", to: "deck.json")
        let refused = try m.run("import", "cards.csv", "-o", "deck.json")
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: deck.json: already exists; pass --force to replace it\n")
        #expect(try String(contentsOf: m.url("deck.json"), encoding: .utf8) == "{\"mine\": true}")
        let forced = try m.run("import", "cards.csv", "-o", "deck.json", "--force")
        #expect(forced.status == 0)
        #expect(try deck(m.url("deck.json")).cards.count == 1)
    }

    @Test func aDeckBeingWrittenByAnotherProgramIsLeftAlone() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        try m.write("front,back\nQ?,A\n", to: "cards.csv")
        try m.write("{}", to: "deck.json")
        // A second program holds the deck's lock: flock(1) from util-linux keeps it for 5 s.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-x", m.url("deck.json.lock").path, "sleep", "5"]
        try holder.run()
        defer { holder.terminate() }
        var waited = 0
        while !FileManager.default.fileExists(atPath: m.url("deck.json.lock").path), waited < 50 {
            usleep(20_000)
            waited += 1
        }
        usleep(100_000)
        let run = try m.run("import", "cards.csv", "-o", "deck.json", "--force")
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "Error: deck.json: another program is writing this deck right now; try again when it is done\n")
        #expect(try String(contentsOf: m.url("deck.json"), encoding: .utf8) == "{}")
    }

    @Test func exportOfAHalfWrittenDeckSaysSo() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        try m.write(String(text.prefix(text.count / 2)), to: "cut.json")
        let run = try m.run("export", "cut.json", "--format", "quiz-md")
        #expect(run.status == 1)
        #expect(run.stderr == "Error: cut.json: the deck is truncated (the JSON ends before it is complete)\n")
        #expect(run.stdout.isEmpty)
    }

    /// The real Anki library imports our package and our CSV, and a deck made with it imports
    /// into mnemo with every note. Needs PyPI (pip install anki); opt in with MNEMO_ANKI_TESTS=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MNEMO_ANKI_TESTS"] == "1"))
    func realAnkiAcceptsOurFilesAndOursAcceptItsFiles() throws {
        let script = MnemoRunner.repositoryRoot.appendingPathComponent("scripts/anki-check.sh")
        let run = try MnemoRunner.run(
            URL(fileURLWithPath: "/bin/bash"), [script.path], in: MnemoRunner.repositoryRoot,
            environment: ["MNEMO_BIN": MnemoRunner.binary.path])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("all Anki checks passed"))
    }
}
