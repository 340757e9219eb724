/// The note types Mnemo writes into Anki packages.
public enum AnkiNoteType: String, Sendable, CaseIterable {
    case basic
    case cloze
    case choice

    /// The note type's name in Anki.
    public var name: String {
        switch self {
        case .basic: "Mnemo Basic"
        case .cloze: "Mnemo Cloze"
        case .choice: "Mnemo Choice"
        }
    }

    /// The field names, in order; the last is always the source citation.
    public var fieldNames: [String] {
        switch self {
        case .basic: ["Front", "Back", "Source"]
        case .cloze: ["Text", "Extra", "Source"]
        case .choice: ["Question", "Options", "Answer", "Source"]
        }
    }

    /// The stock Anki note type a text (CSV) import maps this to.
    public var stockName: String {
        switch self {
        case .basic, .choice: "Basic"
        case .cloze: "Cloze"
        }
    }
}

/// One card as an Anki note: plain-text fields (the package writer escapes them to HTML;
/// a cloze field carries `{{c1::…}}` markup), tags, and a guid that is the card id, so
/// re-importing an updated deck updates the same notes in Anki.
public struct AnkiNote: Hashable, Sendable {
    public var type: AnkiNoteType
    public var guid: String
    public var fields: [String]
    public var tags: [String]

    public init(type: AnkiNoteType, guid: String, fields: [String], tags: [String]) {
        self.type = type
        self.guid = guid
        self.fields = fields
        self.tags = tags
    }

    /// The note for `card`. Cloze cards whose prompt has no blank fall back to a basic note.
    public init(card: Card) {
        let source = Citation.lines(for: card).joined(separator: "\n")
        let tags = card.tags.map(AnkiNote.tag)
        guid = card.id.rawValue
        self.tags = tags
        switch card.kind {
        case .cloze:
            if let text = ClozeText.ankiCloze(prompt: card.prompt, answer: card.answer) {
                type = .cloze
                fields = [text, AnkiNote.alsoAccepted(card), source]
            } else {
                type = .basic
                fields = [card.prompt, card.answer, source]
            }
        case .question:
            type = .basic
            fields = [card.prompt, card.answer, source]
        case .truefalse:
            type = .basic
            let statement =
                card.prompt.lowercased().hasPrefix("true or false") ? card.prompt : "True or false: " + card.prompt
            fields = [statement, card.answer.capitalized, source]
        case .choice:
            type = .choice
            let options = card.choices.enumerated().map { "\(AnkiNote.letter($0.offset)). \($0.element)" }
            fields = [card.prompt, options.joined(separator: "\n"), card.answer, source]
        case .order:
            type = .basic
            let events = card.choices.enumerated().map { "\(AnkiNote.letter($0.offset).lowercased())) \($0.element)" }
            fields = [([card.prompt] + events).joined(separator: "\n"), card.answer, source]
        }
    }

    /// The note as a stock Basic or Cloze note: two fields (Front/Back or Text/Back Extra).
    public var stockFields: [String] {
        switch type {
        case .basic: [fields[0], fields[1]]
        case .cloze: [fields[0], fields[1]]
        case .choice: [fields[0] + "\n" + fields[1], fields[2]]
        }
    }

    static func alsoAccepted(_ card: Card) -> String {
        card.accepted.isEmpty ? "" : "Also accepted: " + card.accepted.joined(separator: ", ")
    }

    /// Anki tags cannot hold spaces.
    static func tag(_ tag: String) -> String {
        tag.split(whereSeparator: \.isWhitespace).joined(separator: "_")
    }

    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < letters.count ? String(letters[index]) : String(index + 1)
    }
}

extension String {
    fileprivate var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
