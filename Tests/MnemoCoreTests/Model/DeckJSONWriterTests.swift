import Foundation
import Testing

@testable import MnemoCore

/// The hand-written deck writer must write exactly the bytes `JSONEncoder` writes with the deck
/// format's options.
struct DeckJSONWriterTests {
    static func encoder(_ deck: Deck) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(deck))
    }

    static func deck(_ cards: [Card], sources: [SourceInfo] = [], languages: [String] = []) -> Deck {
        Deck(id: "d", title: "T", languages: languages, sources: sources, cards: cards)
    }

    @Test func theBundledDeckIsWrittenAsItsFileIs() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Decks/soviet-japanese-war-1945.json")
        let data = try Data(contentsOf: url)
        let deck = try JSONDecoder().decode(Deck.self, from: data)
        #expect(try deck.encoded() == data)
        #expect(DeckJSONWriter.bytes(of: deck) == (try Self.encoder(deck)))
    }

    /// Every field set, every list empty, every optional nil, and the mixes between.
    @Test(arguments: [
        (true, true, true), (false, false, false), (true, false, true), (false, true, false), (true, true, false),
    ])
    func everyShapeOfCardIsWrittenAsJSONEncoderWritesIt(full: Bool, conflict: Bool, note: Bool) throws {
        let evidence = Provenance(source: "a.txt", line: 3, start: 0, end: 12, quote: "q")
        let card = Card(
            id: CardID("choice-1"), kind: .choice, prompt: "Who led the front?", answer: "Meretskov",
            accepted: full ? ["K. A. Meretskov", "Meretskov"] : [],
            choices: full ? ["Meretskov", "Vasilevsky", "Malinovsky", "Purkayev"] : [], answerType: .person,
            language: "ar", evidence: full ? [evidence, evidence] : [], tags: full ? ["war", "t2"] : [],
            conflict: conflict
                ? Conflict(
                    readings: full ? [ConflictReading(value: "x", evidence: evidence)] : [],
                    note: note ? "settled" : nil) : nil,
            fact: note ? "fact-1" : nil)
        for deck in [
            Self.deck([card, card]),
            Self.deck(
                [card], sources: [SourceInfo(file: "a.txt", title: "A", sha256: "00", language: "en")],
                languages: ["en", "ar"]),
            Self.deck([]),
        ] {
            #expect(DeckJSONWriter.bytes(of: deck) == (try Self.encoder(deck)))
        }
    }

    /// Strings with every kind of character JSON treats apart: quotes, backslashes, slashes, every
    /// control character, DEL, non-ASCII letters, combining marks, emoji, line separators.
    @Test(arguments: [
        "", "plain", "a \"quoted\" word", "back\\slash", "a/b </script>", "tab\there", "line\nbreak", "cr\rlf\r\n",
        "\u{8}\u{C}\u{0}\u{1}\u{1F}\u{7F}", String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }),
        "قال السوفييت ٩ آب ١٩٤٥", "é e\u{301} 😀 👩‍👩‍👧", "\u{2028}\u{2029}\u{FEFF}\u{200B}", "\\\"\\n",
        "-1", "[\n]", "{ }",
    ])
    func everyCharacterIsWrittenAsJSONEncoderWritesIt(_ text: String) throws {
        let evidence = Provenance(source: text, line: -4, start: Int.max, end: Int.min, quote: text)
        let card = Card(
            id: CardID(text), kind: .cloze, prompt: text, answer: text, accepted: [text], choices: [text, text],
            answerType: .text, language: text, evidence: [evidence], tags: [text],
            conflict: Conflict(readings: [ConflictReading(value: text, evidence: evidence)], note: text), fact: text)
        let deck = Deck(
            id: text, title: text, languages: [text],
            sources: [SourceInfo(file: text, title: text, sha256: text, language: text)], cards: [card])
        #expect(DeckJSONWriter.bytes(of: deck) == (try Self.encoder(deck)))
        #expect(try JSONDecoder().decode(Deck.self, from: try deck.encoded()) == deck)
    }
}
