import Foundation
import Testing

@testable import MnemoCore

struct EvidenceVerifierTests {
    static let text =
        "Title line\r\nIn February 1945, the war ended in Europe.\nوفي عام ١٩٤٥ انتهت الحرب العالمية الثانية.\n"

    /// A folder with one source file, and a deck whose evidence points into it.
    func fixture(_ change: (inout Deck) -> Void = { _ in }) throws -> (DeckTestFolder, Deck) {
        let folder = try DeckTestFolder()
        let bytes = Data(Self.text.utf8)
        try bytes.write(to: folder.url.appendingPathComponent("s.txt"))
        var deck = Deck(
            id: "d", title: "T", languages: ["en", "ar"],
            sources: [
                SourceInfo(file: "s.txt", title: "S", sha256: SHA256.hexDigest(of: [UInt8](bytes)), language: "en")
            ],
            cards: [
                Card(
                    id: CardID("c1"), kind: .cloze, prompt: "In [...], the war ended.", answer: "February 1945",
                    evidence: [Provenance(source: "s.txt", line: 2, start: 3, end: 16, quote: "February 1945")]),
                Card(
                    id: CardID("c2"), kind: .cloze, prompt: "وفي عام [...] انتهت الحرب", answer: "١٩٤٥", language: "ar",
                    evidence: [Provenance(source: "s.txt", line: 3, start: 8, end: 12, quote: "١٩٤٥")]),
            ])
        change(&deck)
        return (folder, deck)
    }

    @Test func realEvidenceIsConfirmed() throws {
        let (folder, deck) = try fixture()
        #expect(EvidenceVerifier.verify(deck, sourcesFolder: folder.url) == [])
    }

    @Test func theCarriageReturnIsNotPartOfTheLine() throws {
        let (folder, deck) = try fixture {
            $0.cards[0].evidence = [Provenance(source: "s.txt", line: 1, start: 6, end: 10, quote: "line")]
        }
        #expect(EvidenceVerifier.verify(deck, sourcesFolder: folder.url) == [])
    }

    @Test(arguments: [
        (
            Provenance(source: "s.txt", line: 2, start: 3, end: 16, quote: "February 1946"),
            "does not match s.txt line 2, characters 3..<16, which read 'February 1945'"
        ),
        (
            Provenance(source: "s.txt", line: 9, start: 0, end: 1, quote: "x"),
            "s.txt has no line 9 (it has 4)"
        ),
        (
            Provenance(source: "s.txt", line: 1, start: 5, end: 50, quote: "x"),
            "characters 5..<50 are outside line 1 of s.txt (10 characters)"
        ),
    ])
    func falseEvidenceIsReported(evidence: Provenance, message: String) throws {
        let (folder, deck) = try fixture { $0.cards[0].evidence = [evidence] }
        #expect(
            EvidenceVerifier.verify(deck, sourcesFolder: folder.url)
                == [DeckProblem(.error, card: CardID("c1"), field: "evidence[0].quote", message)])
    }

    @Test func conflictReadingsAreCheckedToo() throws {
        let (folder, deck) = try fixture {
            let wrong = Provenance(source: "s.txt", line: 3, start: 8, end: 12, quote: "1946")
            $0.cards[1].conflict = Conflict(readings: [ConflictReading(value: "1946", evidence: wrong)])
        }
        let problems = EvidenceVerifier.verify(deck, sourcesFolder: folder.url)
        #expect(problems.map(\.field) == ["conflict.readings[0].evidence.quote"])
        #expect(problems.first?.card == CardID("c2"))
    }

    @Test func changedSourceFailsTheHash() throws {
        let (folder, deck) = try fixture { $0.sources[0].sha256 = String(repeating: "0", count: 64) }
        let problems = EvidenceVerifier.verify(deck, sourcesFolder: folder.url)
        #expect(problems.map(\.field) == ["sources[0].sha256"])
        #expect(problems.first?.message.hasPrefix("does not match") == true)
    }

    @Test func missingSourceIsReported() throws {
        let (folder, deck) = try fixture {
            $0.sources[0].file = "gone.txt"; $0.cards = []
        }
        let problems = EvidenceVerifier.verify(deck, sourcesFolder: folder.url)
        #expect(problems.map(\.field) == ["sources[0].file"])
        #expect(problems.first?.message.hasPrefix("'gone.txt' not found in") == true)
    }
}
