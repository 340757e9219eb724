/// A source text a deck was built from.
public struct SourceInfo: Codable, Hashable, Sendable {
    /// File name (relative to the folder given to `mnemo build`).
    public var file: String
    public var title: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var language: String

    public init(file: String, title: String, sha256: String, language: String) {
        self.file = file
        self.title = title
        self.sha256 = sha256
        self.language = language
    }
}

/// A deck: the unit `mnemo build` writes and `mnemo study` reads (format: docs/deck-format.md).
public struct Deck: Codable, Hashable, Sendable {
    /// The deck format this library writes and the newest it reads.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// Stable id of the deck; review events carry it.
    public var id: String
    public var title: String
    public var languages: [String]
    public var sources: [SourceInfo]
    public var cards: [Card]

    public init(
        formatVersion: Int = Deck.currentFormatVersion, id: String, title: String,
        languages: [String] = [], sources: [SourceInfo] = [], cards: [Card] = []
    ) {
        self.formatVersion = formatVersion
        self.id = id
        self.title = title
        self.languages = languages
        self.sources = sources
        self.cards = cards
    }
}

extension SourceInfo {
    enum CodingKeys: String, CodingKey {
        case file, title, sha256, language
    }

    /// `file` and `sha256` are required; `title` defaults to the file name, `language` to "en".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        sha256 = try c.decode(String.self, forKey: .sha256)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? file
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
    }
}

extension Deck {
    enum CodingKeys: String, CodingKey {
        case formatVersion, id, title, languages, sources, cards
    }

    /// `formatVersion`, `id`, `title` and `cards` are required; `languages` and `sources`
    /// default to empty. The version is read first, so a newer deck is refused before its
    /// (possibly different) fields are looked at.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decodeWholeNumber(forKey: .formatVersion)
        if formatVersion > Deck.currentFormatVersion {
            throw DeckVersionTooNew(version: formatVersion)
        }
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        languages = try c.decodeIfPresent([String].self, forKey: .languages) ?? []
        sources = try c.decodeIfPresent([SourceInfo].self, forKey: .sources) ?? []
        cards = try c.decode([Card].self, forKey: .cards)
    }
}

/// Thrown from inside decoding when the deck's format version is newer than this library reads.
struct DeckVersionTooNew: Error {
    let version: Int
}
