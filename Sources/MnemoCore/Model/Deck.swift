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
