import Testing

@testable import MnemoCore

struct DeckErrorTests {
    @Test(arguments: [
        (DeckError.fileMissing(path: "Decks/x.json"), "Decks/x.json: no such deck file"),
        (.notAFile(path: "Decks"), "Decks: is a folder, not a deck file"),
        (.unreadable(path: "x.json", reason: "Permission denied"), "x.json: cannot be read (Permission denied)"),
        (.empty(path: "x.json"), "x.json: is empty, not a deck"),
        (.binary(path: "x.json"), "x.json: is a binary file, not a deck (JSON text expected)"),
        (.notUTF8(path: "x.json", offset: 7), "x.json: is not UTF-8 text (bad byte at offset 7); decks are UTF-8 JSON"),
        (.truncated(path: "x.json"), "x.json: the deck is truncated (the JSON ends before it is complete)"),
        (.malformedJSON(path: "x.json", line: 3, column: 11), "x.json: line 3, column 11: not valid JSON"),
        (.malformedJSON(path: "x.json", line: nil, column: nil), "x.json: not valid JSON"),
        (
            .notADeck(path: "x.json", found: "an array"),
            "x.json: not a deck (the top level is an array, expected an object)"
        ),
        (
            .missingField(path: "Decks/x.json", place: "card 12 (cloze-ab12)", field: "answer"),
            "Decks/x.json: card 12 (cloze-ab12): missing field 'answer'"
        ),
        (.missingField(path: "x.json", place: "", field: "title"), "x.json: missing field 'title'"),
        (
            .wrongType(
                path: "x.json", place: "card 1 (c1)", field: "evidence[0].line", expected: "a number, not a string"),
            "x.json: card 1 (c1): field 'evidence[0].line' should be a number, not a string"
        ),
        (
            .wrongType(path: "x.json", place: "card 4", field: "", expected: "an object"),
            "x.json: card 4 should be an object"
        ),
        (
            .invalidValue(path: "x.json", place: "card 1 (c1)", field: "kind", reason: "unknown kind 'clozy'"),
            "x.json: card 1 (c1): field 'kind': unknown kind 'clozy'"
        ),
        (
            .newerVersion(path: "Decks/x.json", version: 3, supported: 1),
            "Decks/x.json: deck format version 3 is newer than this mnemo reads (1); update mnemo"
        ),
        (
            .unsupportedVersion(path: "x.json", version: 0),
            "x.json: deck format version 0 is not a valid version (versions start at 1)"
        ),
        (
            .writeFailed(path: "Decks/x.json", reason: "No such file or directory"),
            "Decks/x.json: cannot write the deck (No such file or directory); the previous file, if any, is unchanged"
        ),
    ])
    func messageNamesFileAndProblem(error: DeckError, message: String) {
        #expect(error.description == message)
        #expect(message.hasPrefix(error.path + ": "))
    }
}
