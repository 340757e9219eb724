import Foundation
import MnemoCore
import Testing

/// A teacher's week without curation (which needs `mnemo study`'s line editor): build from the
/// shared sources, print three quiz variants, hand out an Anki package and a CSV, and check that
/// what comes back keeps every card id (so students' progress stays keyed to the same cards).
@Suite(.serialized)
struct TeacherFlowTests {
    @Test(.enabled(if: BuildIntoTests.sharedSources != nil))
    func buildPrintShareAndReimport() throws {
        let sources = try #require(BuildIntoTests.sharedSources)
        let m = try MnemoRunner()
        defer { m.remove() }
        let build = try m.run("build", sources.path, "-o", "Decks/unit.json", "--title", "Unit 3")
        #expect(build.status == 0, "\(build.stderr)")
        let deck = try Deck.load(from: m.url("Decks/unit.json"))
        #expect(deck.cards.count > 20)

        let quiz = try m.run(
            "export", "Decks/unit.json", "--format", "quiz-html", "--variants", "3", "--count", "15", "-o", "quiz.html")
        #expect(quiz.status == 0, "\(quiz.stderr)")
        let html = try String(contentsOf: m.url("quiz.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<section class=\"sheet\">").count - 1 == 3)
        #expect(html.components(separatedBy: "<section class=\"key\">").count - 1 == 3)
        #expect(html.components(separatedBy: "<li class=\"q ").count - 1 == 45)
        #expect(html.components(separatedBy: "<div class=\"cite\">").count - 1 >= 45, "every answer cites its source")

        for (format, file) in [("anki", "unit.apkg"), ("csv", "unit.csv")] {
            let export = try m.run("export", "Decks/unit.json", "--format", format, "-o", file)
            #expect(export.status == 0, "\(export.stderr)")
            let back = try m.run("import", file, "-o", "\(file).json")
            #expect(back.status == 0, "\(back.stderr)")
            let reimported = try Deck.load(from: m.url("\(file).json"))
            #expect(reimported == deck, "\(format): the deck comes back unchanged")
        }

        if ProcessInfo.processInfo.environment["MNEMO_ANKI_TESTS"] == "1" {
            let script = MnemoRunner.repositoryRoot.appendingPathComponent("scripts/anki-check.sh")
            let run = try MnemoRunner.run(
                URL(fileURLWithPath: "/bin/bash"), [script.path, m.url("Decks/unit.json").path],
                in: MnemoRunner.repositoryRoot, environment: ["MNEMO_BIN": MnemoRunner.binary.path])
            #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        }
    }
}
