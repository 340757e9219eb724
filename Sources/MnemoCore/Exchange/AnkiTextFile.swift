import Foundation

/// Anki's text format (comma- or tab-separated, with `#key:value` header lines): Mnemo's
/// `--format csv` writes it, `mnemo import` reads it (and plain front/back/tags CSV files).
public enum AnkiTextFile {
    /// The columns `--format csv` writes. Anki maps regular columns to the note type's fields
    /// in order (Front/Text, Back/Back Extra) and ignores the rest; `Mnemo` holds the whole
    /// card as JSON so `mnemo import` gets back exactly what was exported.
    public static let columns = ["GUID", "Notetype", "Front", "Back", "Source", "Tags", "Mnemo"]

    /// A CSV file Anki's text import accepts (Anki 2.1.55+ headers), one note per card.
    public static func csv(for deck: Deck) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var deckHeader = deck
        deckHeader.cards = []
        let deckJSON = (try? encoder.encode(deckHeader)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var text = """
            #separator:Comma
            #html:false
            #guid column:1
            #notetype column:2
            #tags column:6
            #columns:\(columns.joined(separator: ","))
            #deck:\(deck.title)
            #mnemo deck:\(deckJSON)

            """
        let rows = deck.cards.map { card -> [String] in
            let note = AnkiNote(card: card)
            let json = (try? encoder.encode(card)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let stock = note.stockFields
            return [
                note.guid, note.type.stockName, stock[0], stock[1], note.fields.last ?? "",
                note.tags.joined(separator: " "), json,
            ]
        }
        text += DelimitedText.write(rows, separator: ",")
        return text
    }

    /// What a text file held: notes, rows that could not be read, and the deck header
    /// Mnemo writes (nil for files from elsewhere).
    public struct Contents: Sendable {
        public var notes: [ForeignNote]
        public var problems: [RowProblem]
        public var deckName: String?
        public var mnemoDeck: Deck?
    }

    /// Reads an Anki text export, a Mnemo CSV, or a plain CSV/TSV with front, back and
    /// optional tags columns (a first row naming them is taken as a header).
    public static func read(_ text: String) -> Contents {
        var headers: [String: String] = [:]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
        var headerCount = 0
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .init(charactersIn: "\r"))
            if trimmed.hasPrefix("#") {
                if let colon = trimmed.firstIndex(of: ":") {
                    let key = trimmed[trimmed.index(after: trimmed.startIndex)..<colon].lowercased()
                    headers[key] = String(trimmed[trimmed.index(after: colon)...])
                }
                headerCount += 1
            } else if trimmed.hasPrefix("tags:") && headerCount == 0 {
                headers["tags"] = String(trimmed.dropFirst(5))
                headerCount += 1
            } else {
                break
            }
        }
        let body = lines.dropFirst(headerCount).joined(separator: "\n")
        let separator = headers["separator"].flatMap(separatorCharacter) ?? sniffSeparator(body)
        var (records, problems) = DelimitedText.parse(
            body, separator: separator, firstLine: headerCount + 1, firstRow: headerCount + 1)
        var columnNames = headers["columns"].map { splitColumns($0, separator: separator) }
        if columnNames == nil, let first = records.first, looksLikeHeader(first.fields) {
            columnNames = first.fields
            records.removeFirst()
        }
        let layout = Layout(names: columnNames, headers: headers)
        let html = headers["html"]?.lowercased() == "true"
        let fileTags = (headers["tags"] ?? "").split(separator: " ").map(String.init)
        var notes: [ForeignNote] = []
        for record in records {
            switch layout.note(from: record, html: html, fileTags: fileTags) {
            case .success(let note): notes.append(note)
            case .failure(let problem): problems.append(problem)
            }
        }
        problems.sort { $0.row < $1.row }
        let mnemoDeck = headers["mnemo deck"].flatMap { try? JSONDecoder().decode(Deck.self, from: Data($0.utf8)) }
        return Contents(notes: notes, problems: problems, deckName: headers["deck"], mnemoDeck: mnemoDeck)
    }

    static func separatorCharacter(_ value: String) -> Character? {
        switch value.lowercased() {
        case "comma", ",": ","
        case "semicolon", ";": ";"
        case "tab", "\t": "\t"
        case "space", " ": " "
        case "pipe", "|": "|"
        case "colon", ":": ":"
        default: nil
        }
    }

    /// Anki's rule: the first line decides; tab, then semicolon, then comma.
    static func sniffSeparator(_ body: String) -> Character {
        let first = body.split(separator: "\n").first ?? ""
        if first.contains("\t") { return "\t" }
        if first.contains(";") && !first.contains(",") { return ";" }
        return ","
    }

    static func splitColumns(_ value: String, separator: Character) -> [String] {
        DelimitedText.parse(value, separator: separator).records.first?.fields ?? []
    }

    static func looksLikeHeader(_ fields: [String]) -> Bool {
        let names = Set(fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return !names.isDisjoint(with: Layout.frontNames) && !names.isDisjoint(with: Layout.backNames)
    }

    /// Which column holds what.
    struct Layout {
        static let frontNames: Set<String> = ["front", "question", "text", "term", "prompt"]
        static let backNames: Set<String> = ["back", "answer", "definition", "back extra", "extra"]

        var front: Int?
        var back: Int?
        var tags: Int?
        var guid: Int?
        var notetype: Int?
        var deck: Int?
        var source: Int?
        var mnemo: Int?
        /// Columns with no special role, in order: the note's fields for positional mapping.
        var regular: [Int] = []

        init(names: [String]?, headers: [String: String]) {
            func column(_ key: String) -> Int? {
                headers[key].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { $0 - 1 }
            }
            tags = column("tags column")
            guid = column("guid column")
            notetype = column("notetype column")
            deck = column("deck column")
            let lower = (names ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            for (index, name) in lower.enumerated() {
                switch name {
                case "tags" where tags == nil: tags = index
                case "guid" where guid == nil: guid = index
                case "notetype" where notetype == nil: notetype = index
                case "deck" where deck == nil: deck = index
                case "mnemo": mnemo = index
                case "source": source = index
                default: break
                }
            }
            let special = Set([tags, guid, notetype, deck, mnemo, source].compactMap { $0 })
            if names == nil {
                // Plain front,back(,tags): a third column is tags unless a header said otherwise.
                if headers["tags column"] == nil && headers["notetype column"] == nil { tags = tags ?? 2 }
            }
            let count = max(lower.count, 64)
            regular = (0..<count).filter { !special.contains($0) && $0 != tags }
            front = lower.firstIndex {
                Layout.frontNames.contains($0) && !special.contains(lower.firstIndex(of: $0) ?? -1)
            }
            back = lower.firstIndex { Layout.backNames.contains($0) }
            if notetype != nil {
                // Anki maps the regular columns to each note type's fields in order.
                front = regular.first
                back = regular.dropFirst().first
            }
            front = front ?? regular.first
            back = back ?? regular.first { $0 != front }
        }

        func note(from record: DelimitedRecord, html: Bool, fileTags: [String]) -> Result<ForeignNote, RowProblem> {
            let fields = record.fields
            func value(_ index: Int?) -> String {
                guard let index, index < fields.count else { return "" }
                let raw = fields[index]
                return html ? HTMLText.plainText(raw) : raw.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let needed = [front, back].compactMap { $0 }.max().map { $0 + 1 } ?? 2
            if fields.count < needed, value(mnemo).isEmpty {
                let found = fields.count == 1 ? "1 field" : "\(fields.count) fields"
                return .failure(
                    RowProblem(row: record.row, line: record.line, message: "\(found); need front and back"))
            }
            let type = value(notetype).lowercased()
            let frontText = value(front)
            let shape: ForeignNote.Shape =
                type.contains("cloze") || (notetype == nil && frontText.contains("{{c1::")) ? .cloze : .basic
            let rowTags = value(tags).split(whereSeparator: \.isWhitespace).map(String.init)
            let guidValue = guid.flatMap { $0 < fields.count ? fields[$0] : nil }
            return .success(
                ForeignNote(
                    shape: shape, front: frontText, back: value(back), source: value(source),
                    tags: fileTags + rowTags, guid: guidValue?.isEmpty == false ? guidValue : nil,
                    mnemoCard: mnemo.flatMap { $0 < fields.count ? fields[$0] : nil },
                    row: record.row, line: record.line))
        }
    }
}
