/// Why a deck file could not be read or written. Every case carries the file's path as the
/// user named it; the message reads well after "Error: " and names the file first.
public enum DeckError: Error, Equatable, Sendable, CustomStringConvertible {
    case fileMissing(path: String)
    case notAFile(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    /// The file holds NUL bytes: an image, an archive, a database, not a deck.
    case binary(path: String)
    /// The bytes are not UTF-8; `offset` is the first bad byte (0-based).
    case notUTF8(path: String, offset: Int)
    /// The JSON stops before its objects and lists are closed (a cut-off copy or write).
    case truncated(path: String)
    /// Not JSON; line and column (1-based) of the first bad character when known.
    case malformedJSON(path: String, line: Int?, column: Int?)
    /// Valid JSON, but not a deck object at the top level.
    case notADeck(path: String, found: String)
    /// `place` is "" for the deck itself or e.g. "card 12 (cloze-ab12…)"; `field` is a path like
    /// `evidence[0].line` within it.
    case missingField(path: String, place: String, field: String)
    case wrongType(path: String, place: String, field: String, expected: String)
    case invalidValue(path: String, place: String, field: String, reason: String)
    case newerVersion(path: String, version: Int, supported: Int)
    case unsupportedVersion(path: String, version: Int)
    case writeFailed(path: String, reason: String)

    public var path: String {
        switch self {
        case .fileMissing(let path), .notAFile(let path), .unreadable(let path, _), .empty(let path),
            .binary(let path), .notUTF8(let path, _), .truncated(let path), .malformedJSON(let path, _, _),
            .notADeck(let path, _), .missingField(let path, _, _), .wrongType(let path, _, _, _),
            .invalidValue(let path, _, _, _), .newerVersion(let path, _, _), .unsupportedVersion(let path, _),
            .writeFailed(let path, _):
            path
        }
    }

    public var description: String {
        switch self {
        case .fileMissing(let path):
            "\(path): no such deck file"
        case .notAFile(let path):
            "\(path): is a folder, not a deck file"
        case .unreadable(let path, let reason):
            "\(path): cannot be read (\(reason))"
        case .empty(let path):
            "\(path): is empty, not a deck"
        case .binary(let path):
            "\(path): is a binary file, not a deck (JSON text expected)"
        case .notUTF8(let path, let offset):
            "\(path): is not UTF-8 text (bad byte at offset \(offset)); decks are UTF-8 JSON"
        case .truncated(let path):
            "\(path): the deck is truncated (the JSON ends before it is complete)"
        case .malformedJSON(let path, let line?, let column?):
            "\(path): line \(line), column \(column): not valid JSON"
        case .malformedJSON(let path, _, _):
            "\(path): not valid JSON"
        case .notADeck(let path, let found):
            "\(path): not a deck (the top level is \(found), expected an object)"
        case .missingField(let path, let place, let field):
            "\(path): \(Self.prefix(place))missing field '\(field)'"
        case .wrongType(let path, let place, let field, let expected):
            "\(path): \(Self.subject(place, field)) should be \(expected)"
        case .invalidValue(let path, let place, let field, let reason):
            "\(path): \(Self.subject(place, field)): \(reason)"
        case .newerVersion(let path, let version, let supported):
            "\(path): deck format version \(version) is newer than this mnemo reads (\(supported)); update mnemo"
        case .unsupportedVersion(let path, let version):
            "\(path): deck format version \(version) is not a valid version (versions start at 1)"
        case .writeFailed(let path, let reason):
            "\(path): cannot write the deck (\(reason)); the previous file, if any, is unchanged"
        }
    }

    /// "card 3 (id): field 'evidence[0].line'", "field 'title'" or just "card 3 (id)".
    private static func subject(_ place: String, _ field: String) -> String {
        if field.isEmpty { return place.isEmpty ? "the deck" : place }
        return "\(prefix(place))field '\(field)'"
    }

    private static func prefix(_ place: String) -> String { place.isEmpty ? "" : "\(place): " }
}
