import Foundation

/// A note read from an Anki package or a text file, before it becomes cards.
public struct ForeignNote: Hashable, Sendable {
    public enum Shape: Hashable, Sendable {
        /// Front and back (Anki's Basic and anything else with two or more fields).
        case basic
        /// Anki cloze text in the front field.
        case cloze
        /// Mnemo's choice note: question, options (one per line), answer.
        case choice
    }

    public var shape: Shape
    /// Plain text (HTML already stripped where the file held HTML).
    public var front: String
    public var back: String
    public var options: [String]
    public var source: String
    public var tags: [String]
    public var guid: String?
    /// The card as Mnemo exported it (the CSV's Mnemo column), if present.
    public var mnemoCard: String?
    /// Where the note came from, for messages: a row, or a note id.
    public var row: Int
    public var line: Int

    public init(
        shape: Shape, front: String, back: String, options: [String] = [], source: String = "",
        tags: [String] = [], guid: String? = nil, mnemoCard: String? = nil, row: Int, line: Int
    ) {
        self.shape = shape
        self.front = front
        self.back = back
        self.options = options
        self.source = source
        self.tags = tags
        self.guid = guid
        self.mnemoCard = mnemoCard
        self.row = row
        self.line = line
    }
}
