import Foundation
import MnemoCore
import Testing

/// `mnemo build --into DECK`: new sources join an existing (curated) deck; its cards and ids stay.
@Suite(.serialized)
struct BuildIntoTests {
    static var sharedSources: URL? {
        var dir = MnemoRunner.repositoryRoot
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("shared/sources")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    @Test(.enabled(if: sharedSources != nil))
    func newSourcesAreAddedAndCuratedCardsKeepTheirIdsAndWording() throws {
        let sources = try #require(Self.sharedSources)
        let m = try MnemoRunner()
        defer { m.remove() }
        let first = ["000_6a4c97410ac4d85f.txt", "001_8b854fa00966194c.txt"].map {
            sources.appendingPathComponent($0).path
        }
        let rest = ["002_401cada6518ba2ef.txt", "003_842b78364e265a72.txt", "004_0790bab636a959d4.txt"]
            .map { sources.appendingPathComponent($0).path }
        let build = try m.run(["build"] + first + ["-o", "Decks/unit.json"])
        #expect(build.status == 0, "\(build.stderr)")
        // A teacher rewords one card (curation keeps ids).
        var deck = try Deck.load(from: m.url("Decks/unit.json"))
        deck.cards[0].prompt = "Reworded by the teacher?"
        try deck.write(to: m.url("Decks/unit.json"))
        let before = try Deck.load(from: m.url("Decks/unit.json"))

        let into = try m.run(["build"] + rest + ["--into", "Decks/unit.json"])
        #expect(into.status == 0, "\(into.stderr)")
        let after = try Deck.load(from: m.url("Decks/unit.json"))
        #expect(after.id == before.id && after.title == before.title)
        #expect(Array(after.cards.prefix(before.cards.count)) == before.cards, "every card already there is unchanged")
        #expect(after.cards.count > before.cards.count)
        #expect(
            after.sources.map(\.file) == before.sources.map(\.file) + [
                "002_401cada6518ba2ef.txt", "003_842b78364e265a72.txt", "004_0790bab636a959d4.txt",
            ])
        #expect(Set(after.cards.map(\.id)).count == after.cards.count, "no duplicate ids")
        #expect(into.stderr.contains("added \(after.cards.count - before.cards.count) cards to Decks/unit.json"))

        // Building the same sources in again adds nothing.
        let again = try m.run(["build"] + rest + ["--into", "Decks/unit.json"])
        #expect(again.status == 0)
        #expect(try Deck.load(from: m.url("Decks/unit.json")) == after)
        #expect(again.stderr.contains("added 0 cards"))
    }

    @Test func intoAMissingDeckSaysSoAndWritesNothing() throws {
        let m = try MnemoRunner()
        defer { m.remove() }
        try m.write("In 1945 the war ended after 6 years of fighting.\n", to: "a.txt")
        let run = try m.run(["build", "a.txt", "--into", "Decks/none.json"])
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("Error: Decks/none.json: no such deck file\n"))
        #expect(!FileManager.default.fileExists(atPath: m.url("Decks").path))
    }
}
