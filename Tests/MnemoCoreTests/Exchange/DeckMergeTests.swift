import MnemoCore
import Testing

struct DeckMergeTests {
    static func source(_ file: String, _ sha: Character) -> SourceInfo {
        SourceInfo(file: file, title: file, sha256: String(repeating: sha, count: 64), language: "en")
    }

    static func card(_ key: String, prompt: String, source: String, line: Int = 1) -> Card {
        Card(
            id: CardID(kind: .question, factKey: key), kind: .question, prompt: prompt, answer: key,
            evidence: [Provenance(source: source, line: line, start: 0, end: 4, quote: "q \(key)")])
    }

    let existing = Deck(
        id: "unit-3", title: "Unit 3", languages: ["en"], sources: [source("a.txt", "a"), source("b.txt", "b")],
        cards: [
            card("one", prompt: "Reworded by the teacher?", source: "a.txt"),
            card("two", prompt: "Two?", source: "b.txt"),
        ])

    @Test func existingCardsAreKeptAsTheyAreAndNewOnesAdded() {
        let built = Deck(
            id: "other", title: "Other", languages: ["en", "ar"], sources: [Self.source("c.txt", "c")],
            cards: [
                Self.card("three", prompt: "Three?", source: "c.txt"),
                Self.card("one", prompt: "One?", source: "c.txt", line: 9),
            ])
        let (merged, report) = DeckMerge.merge(built, into: existing)
        #expect(merged.id == "unit-3" && merged.title == "Unit 3")
        #expect(merged.cards.map(\.id) == existing.cards.map(\.id) + [CardID(kind: .question, factKey: "three")])
        #expect(merged.cards[0].prompt == "Reworded by the teacher?")
        #expect(merged.cards[0].evidence.map(\.source) == ["a.txt", "c.txt"], "the new source's support is added")
        #expect(merged.sources.map(\.file) == ["a.txt", "b.txt", "c.txt"])
        #expect(merged.languages == ["en", "ar"])
        #expect(
            report
                == DeckMerge.Report(
                    added: 1, alreadyThere: 1, newEvidence: 1, newSources: ["c.txt"], changedSources: []))
    }

    @Test func aSourceBuiltAgainWithNewContentIsRecorded() {
        let built = Deck(
            id: "x", title: "x", sources: [Self.source("b.txt", "f")],
            cards: [Self.card("two", prompt: "Two?", source: "b.txt")])
        let (merged, report) = DeckMerge.merge(built, into: existing)
        #expect(merged.sources.first { $0.file == "b.txt" }?.sha256 == String(repeating: "f", count: 64))
        #expect(report.changedSources == ["b.txt"])
        #expect(report.added == 0 && report.alreadyThere == 1 && report.newEvidence == 0)
        #expect(merged.cards == existing.cards)
    }
}
