import Foundation
import Testing

@testable import MnemoCore

/// A valid minimal deck as JSON text with one field replaced, for decoding tables.
enum DeckJSON {
    static let evidence = #"{"source":"a.txt","line":1,"start":0,"end":4,"quote":"Text"}"#
    static let card =
        #"{"id":"cloze-1","kind":"cloze","prompt":"In [\u2026] it ended.","answer":"1945","evidence":["#
        + evidence + "]}"
    static let source =
        #"{"file":"a.txt","title":"A","sha256":"\#(String(repeating: "0", count: 64))","language":"en"}"#

    static func deck(version: String = "1", cards: String = card, extra: String = "") -> String {
        #"{"formatVersion":\#(version),"id":"d","title":"T","languages":["en"],"sources":[\#(source)],"cards":[\#(cards)]\#(extra)}"#
    }
}

struct DeckLoadingTests {
    @Test func minimalCardGetsDefaults() throws {
        let json =
            #"{"formatVersion":1,"id":"d","title":"T","cards":[{"id":"q1","kind":"question","prompt":"When?","answer":"1945"}]}"#
        let deck = try Deck.decode(Data(json.utf8), path: "x.json")
        #expect(deck.languages == [])
        #expect(deck.sources == [])
        let card = try #require(deck.cards.first)
        #expect(card.accepted == [] && card.choices == [] && card.evidence == [] && card.tags == [])
        #expect(card.answerType == .text)
        #expect(card.language == "en")
        #expect(card.conflict == nil && card.fact == nil)
    }

    @Test func sourceTitleDefaultsToFileName() throws {
        let json = #"{"formatVersion":1,"id":"d","title":"T","sources":[{"file":"a.txt","sha256":"ab"}],"cards":[]}"#
        let deck = try Deck.decode(Data(json.utf8), path: "x.json")
        #expect(deck.sources == [SourceInfo(file: "a.txt", title: "a.txt", sha256: "ab", language: "en")])
    }

    @Test(arguments: [
        ("", DeckError.empty(path: "x.json")),
        ("  \n\t ", .empty(path: "x.json")),
        ("{\"a\"\u{0}}", .binary(path: "x.json")),
        ("{\"formatVersion\":1,\"id\":\"d\",\"title\":\"T\",\"cards\":[{\"id\":\"c", .truncated(path: "x.json")),
        ("{\"formatVersion\":1,\n\"id\":\"d\",\n \"cards\":[}", .malformedJSON(path: "x.json", line: 3, column: 11)),
        ("{\"formatVersion\":1} junk", .malformedJSON(path: "x.json", line: 1, column: 21)),
        ("[1, 2]", .notADeck(path: "x.json", found: "an array")),
        (DeckJSON.deck(version: "3"), .newerVersion(path: "x.json", version: 3, supported: 1)),
        ("{\"formatVersion\":2,\"something\":\"else\"}", .newerVersion(path: "x.json", version: 2, supported: 1)),
        (DeckJSON.deck(version: "0"), .unsupportedVersion(path: "x.json", version: 0)),
        (
            "{\"id\":\"d\",\"title\":\"T\",\"cards\":[]}",
            .missingField(path: "x.json", place: "", field: "formatVersion")
        ),
        ("{\"formatVersion\":1,\"id\":\"d\",\"cards\":[]}", .missingField(path: "x.json", place: "", field: "title")),
        (
            "{\"formatVersion\":1,\"id\":\"d\",\"title\":\"T\"}",
            .missingField(path: "x.json", place: "", field: "cards")
        ),
        (
            DeckJSON.deck(cards: DeckJSON.card + #",{"id":"cloze-ab12","kind":"cloze","prompt":"p [...]"}"#),
            .missingField(path: "x.json", place: "card 2 (cloze-ab12)", field: "answer")
        ),
        (
            DeckJSON.deck(cards: #"{"kind":"cloze","prompt":"p [...]","answer":"a"}"#),
            .missingField(path: "x.json", place: "card 1", field: "id")
        ),
        (
            DeckJSON.deck(cards: #"{"id":"c1","kind":"clozy","prompt":"p","answer":"a"}"#),
            .invalidValue(
                path: "x.json", place: "card 1 (c1)", field: "kind",
                reason: "unknown kind 'clozy' (expected one of cloze, question, choice, truefalse, order)")
        ),
        (
            DeckJSON.deck(cards: #"{"id":"c1","kind":"cloze","prompt":"p","answer":"a","answerType":"colour"}"#),
            .invalidValue(
                path: "x.json", place: "card 1 (c1)", field: "answerType",
                reason: "unknown answer type 'colour' (expected one of date, year, number, person, place, name, text)")
        ),
        (
            DeckJSON.deck(
                cards:
                    #"{"id":"c1","kind":"cloze","prompt":"p","answer":"a","evidence":[{"source":"a.txt","line":"3","start":0,"end":1,"quote":"q"}]}"#
            ),
            .wrongType(
                path: "x.json", place: "card 1 (c1)", field: "evidence[0].line", expected: "a number, not a string")
        ),
        (
            DeckJSON.deck(
                cards:
                    #"{"id":"c1","kind":"cloze","prompt":"p","answer":"a","evidence":[{"source":"a.txt","line":3.5,"start":0,"end":1,"quote":"q"}]}"#
            ),
            .invalidValue(
                path: "x.json", place: "card 1 (c1)", field: "evidence[0].line",
                reason: "should be a whole number, found 3.5")
        ),
        (
            DeckJSON.deck(cards: #"{"id":"c1","kind":"cloze","prompt":"p","answer":null}"#),
            .wrongType(path: "x.json", place: "card 1 (c1)", field: "answer", expected: "a string, not null")
        ),
        (
            DeckJSON.deck(cards: #"{"id":"c1","kind":"cloze","prompt":"p","answer":"a","choices":"x"}"#),
            .wrongType(path: "x.json", place: "card 1 (c1)", field: "choices", expected: "a list, not a string")
        ),
        (
            DeckJSON.deck(cards: #"{"id":"c1","kind":"cloze","prompt":"p","answer":"a","conflict":{"note":"n"}}"#),
            .missingField(path: "x.json", place: "card 1 (c1)", field: "conflict.readings")
        ),
        (
            DeckJSON.deck(cards: "[1]"),
            .wrongType(path: "x.json", place: "card 1", field: "", expected: "an object, not an array")
        ),
        (
            #"{"formatVersion":1,"id":"d","title":"T","sources":[{"file":"a.txt"}],"cards":[]}"#,
            .missingField(path: "x.json", place: "", field: "sources[0].sha256")
        ),
    ])
    func badInputIsNamed(json: String, expected: DeckError) {
        #expect(throws: expected) { try Deck.decode(Data(json.utf8), path: "x.json") }
    }

    @Test func notUTF8NamesTheByte() {
        var data = Data("{\"id\":\"".utf8)
        data.append(contentsOf: [0xE9, 0x22, 0x7D])  // Latin-1 "é"
        #expect(throws: DeckError.notUTF8(path: "x.json", offset: 7)) { try Deck.decode(data, path: "x.json") }
    }

    @Test func byteOrderMarkIsAccepted() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(DeckJSON.deck().utf8))
        #expect(try Deck.decode(data, path: "x.json").cards.count == 1)
    }

    @Test func arabicBeforeTheErrorCountsAsCharacters() {
        let json = "{\"title\": \"عربي\", x}"
        #expect(throws: DeckError.malformedJSON(path: "x.json", line: 1, column: 19)) {
            try Deck.decode(Data(json.utf8), path: "x.json")
        }
    }

    @Test func missingFileAndFolder() throws {
        let dir = try DeckTestFolder()
        #expect(throws: DeckError.fileMissing(path: dir.url.path + "/none.json")) {
            try Deck.load(from: dir.url.appendingPathComponent("none.json"))
        }
        #expect(throws: DeckError.notAFile(path: dir.url.path)) { try Deck.load(from: dir.url) }
    }

    /// Root reads any file, so this runs only for other users.
    @Test(.enabled(if: getuid() != 0)) func unreadableFileSaysWhy() throws {
        let dir = try DeckTestFolder()
        let url = dir.url.appendingPathComponent("locked.json")
        try Data(DeckJSON.deck().utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        #expect(throws: DeckError.unreadable(path: url.path, reason: "Permission denied")) { try Deck.load(from: url) }
    }

    @Test func errorsNameTheFileAsGiven() throws {
        let dir = try DeckTestFolder()
        try Data().write(to: dir.url.appendingPathComponent("e.json"))
        let base = URL(fileURLWithPath: dir.url.path, isDirectory: true)
        let relative = URL(fileURLWithPath: "e.json", relativeTo: base)
        #expect(throws: DeckError.empty(path: "e.json")) { try Deck.load(from: relative) }
    }

    @Test func writeThenLoadGivesTheSameDeck() throws {
        let dir = try DeckTestFolder()
        let url = dir.url.appendingPathComponent("d.json")
        let deck = try Deck.decode(Data(DeckJSON.deck().utf8), path: "in")
        try deck.write(to: url)
        #expect(try Deck.load(from: url) == deck)
        let first = try Data(contentsOf: url)
        try deck.write(to: url)  // overwrite: same bytes, no temporary files left
        #expect(try Data(contentsOf: url) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["d.json"])
    }

    @Test func writtenDeckIsPrettySortedAndEndsInNewline() throws {
        let deck = Deck(
            id: "d", title: "T", cards: [Card(id: CardID("c"), kind: .question, prompt: "Who?", answer: "اسم")])
        let text = String(decoding: try deck.encoded(), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\n  \"cards\" : ["))
        #expect(text.contains("اسم"))
        let keys = ["cards", "formatVersion", "id", "languages", "sources", "title"]
        let positions = keys.compactMap { text.range(of: "\n  \"\($0)\"")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test func writeIntoMissingFolderFailsAndCreatesNothing() throws {
        let dir = try DeckTestFolder()
        let url = dir.url.appendingPathComponent("no/d.json")
        #expect(throws: DeckError.writeFailed(path: url.path, reason: "No such file or directory")) {
            try Deck(id: "d", title: "T").write(to: url)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }
}

/// A temporary folder removed when the value goes away.
final class DeckTestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-deck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
