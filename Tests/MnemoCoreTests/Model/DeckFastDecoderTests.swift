import Foundation
import Testing

@testable import MnemoCore

/// The fast deck reader must give exactly what `JSONDecoder` gives, or give up (nil) so the
/// `JSONDecoder` path decides and explains.
struct DeckFastDecoderTests {
    static func slow(_ json: String) -> Deck? { try? JSONDecoder().decode(Deck.self, from: Data(json.utf8)) }
    static func fast(_ json: String) -> Deck? { DeckFastDecoder.decode(Data(json.utf8)) }

    @Test func theBundledDeckReadsTheSameBothWays() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Decks/soviet-japanese-war-1945.json")
        let data = try Data(contentsOf: url)
        let fast = try #require(DeckFastDecoder.decode(data))
        #expect(fast == (try JSONDecoder().decode(Deck.self, from: data)))
        #expect(fast.cards.count > 10)
    }

    @Test func aDeckWithEveryFieldRoundTrips() throws {
        let card = Card(
            id: CardID("choice-1"), kind: .choice, prompt: "Who \"led\"\n the 1st Far Eastern Front?",
            answer: "Meretskov",
            accepted: ["K. A. Meretskov"], choices: ["Meretskov", "Vasilevsky", "Malinovsky", "Purkayev"],
            answerType: .person,
            language: "ar", evidence: [Provenance(source: "a.txt", line: 3, start: -0, end: 12, quote: "قال 😀 é \\ /")],
            tags: ["war", "t2"],
            conflict: Conflict(
                readings: [
                    ConflictReading(
                        value: "x", evidence: Provenance(source: "b.txt", line: 1, start: 0, end: 1, quote: "q"))
                ],
                note: "n"),
            fact: "f1")
        let deck = Deck(
            id: "d", title: "T", languages: ["en", "ar"],
            sources: [SourceInfo(file: "a.txt", title: "A", sha256: "00", language: "en")],
            cards: [card, Fixture.card(2)])
        let data = try deck.encoded()
        #expect(DeckFastDecoder.decode(data) == deck)
    }

    static let head = #"{"formatVersion":1,"id":"d","title":"T","cards":["#

    @Test(arguments: [
        // defaults, nulls, unknown keys of every JSON type, escapes, whitespace
        head
            + #"{"id":"a","kind":"question","prompt":"p","answer":"x","accepted":null,"tags":null,"fact":null,"answerType":null,"language":null,"conflict":null,"extra":[1,-2.5e3,true,false,null,{"k":"v"}]}]}"#,
        head
            + #" { "id" : "a\u00e9\ud834\udd1e\/\t" , "kind":"cloze","prompt":"p","answer":"x" } ] , "sources":[{"file":"f","sha256":"s","title":null}] }"#,
        #"{"formatVersion":1,"id":"d","title":"T","languages":null,"sources":null,"cards":[]}"#,
    ])
    func acceptedInputGivesTheSameDeck(json: String) throws {
        let slow = try #require(Self.slow(json))
        #expect(Self.fast(json) == slow)
    }

    @Test(arguments: [
        head + #"{"id":"a","kind":"frog","prompt":"p","answer":"x"}]}"#,  // unknown kind
        head + #"{"id":"a","kind":"question","prompt":"p","answer":"x","answerType":"colour"}]}"#,
        head + #"{"id":"a","kind":"question","prompt":"p"}]}"#,  // no answer
        head
            + #"{"id":"a","kind":"question","prompt":"p","answer":"x","evidence":[{"source":"s","line":1.5,"start":0,"end":1,"quote":"q"}]}]}"#,
        // A duplicate key: JSONDecoder decides.
        head + #"{"id":"a","id":"b","kind":"question","prompt":"p","answer":"x"}]}"#,
        #"{"formatVersion":2,"id":"d","title":"T","cards":[]}"#,  // newer: JSONDecoder's path explains
        #"{"formatVersion":1,"id":"d","title":"T","cards":[]} x"#,
        #"{"formatVersion":1,"id":"d","title":"T","cards":[],}"#,
        #"{"formatVersion":1,"id":"d","title":"T","cards":[{"id":"a\u12"}]}"#,
        head + #"{"id":"a","kind":"question","prompt":"p","answer":"x","extra":01}]}"#,
    ])
    func unusualInputFallsBack(json: String) {
        #expect(Self.fast(json) == nil)
    }
}
