import Foundation

/// Turns foreign notes into cards with stable ids (DESIGN.md decision 3): a note Mnemo
/// exported keeps its card id (the guid); any other gets `CardID(kind:factKey:)` from its
/// normalized front and back, so importing the same file twice gives the same ids.
public enum NoteImport {
    /// Cards for every note that makes sense, and a problem for each that does not.
    /// Duplicates (same id) keep the first and report the later ones.
    public static func cards(from notes: [ForeignNote]) -> (cards: [Card], problems: [RowProblem]) {
        var cards: [Card] = []
        var problems: [RowProblem] = []
        var seen: [CardID: Int] = [:]
        for note in notes {
            switch convert(note) {
            case .failure(let problem):
                problems.append(problem)
            case .success(let made):
                for card in made {
                    if let first = seen[card.id] {
                        problems.append(
                            RowProblem(
                                row: note.row, line: note.line, message: "same card as row \(first)"))
                        continue
                    }
                    seen[card.id] = note.row
                    cards.append(card)
                }
            }
        }
        return (cards, problems)
    }

    static func convert(_ note: ForeignNote) -> Result<[Card], RowProblem> {
        func problem(_ message: String) -> Result<[Card], RowProblem> {
            .failure(RowProblem(row: note.row, line: note.line, message: message))
        }
        if let json = note.mnemoCard, !json.isEmpty {
            guard let card = try? JSONDecoder().decode(Card.self, from: Data(json.utf8)) else {
                return problem("the Mnemo column does not hold a card")
            }
            return .success([overlay(card, with: note)])
        }
        let front = note.front.trimmingCharacters(in: .whitespacesAndNewlines)
        let back = note.back.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !front.isEmpty else { return problem("the front is empty") }
        switch note.shape {
        case .cloze:
            let deletions = ClozeText.deletions(in: front)
            guard !deletions.isEmpty else { return problem("no cloze deletion ({{c1::…}}) in the text") }
            let keepGuid = deletions.count == 1 ? mnemoID(note.guid, kind: .cloze) : nil
            return .success(
                deletions.map { deletion in
                    makeCard(
                        kind: .cloze, prompt: deletion.prompt, answer: deletion.answer, note: note, id: keepGuid)
                })
        case .choice:
            guard !back.isEmpty else { return problem("the answer is empty") }
            guard note.options.count >= 2 else { return problem("a choice note needs at least two options") }
            var card = makeCard(
                kind: .choice, prompt: front, answer: back, note: note, id: mnemoID(note.guid, kind: .choice))
            card.choices = note.options
            return .success([card])
        case .basic:
            guard !back.isEmpty else { return problem("the back is empty") }
            let kind = note.guid.flatMap(mnemoKind) ?? .question
            var prompt = front
            var answer = back
            var choices: [String] = []
            if kind == .truefalse, prompt.hasPrefix("True or false: ") {
                prompt = String(prompt.dropFirst("True or false: ".count))
                answer = answer.lowercased()
            }
            if kind == .order {
                let lines = prompt.split(separator: "\n").map(String.init)
                prompt = lines.first ?? prompt
                choices = lines.dropFirst().map {
                    String($0.drop { $0 != ")" }.dropFirst()).trimmingCharacters(in: .whitespaces)
                }
            }
            var card = makeCard(
                kind: kind, prompt: prompt, answer: answer, note: note, id: mnemoID(note.guid, kind: kind))
            card.choices = choices
            return .success([card])
        }
    }

    /// A Mnemo-exported card edited in a spreadsheet: the visible Front, Back and Tags win.
    static func overlay(_ card: Card, with note: ForeignNote) -> Card {
        var card = card
        let expected = AnkiNote(card: card)
        let visible = expected.stockFields
        card.tags = note.tags
        guard note.front != visible[0] || note.back != visible[1] else { return card }
        switch (card.kind, expected.type) {
        case (.cloze, .cloze):
            if let deletion = ClozeText.deletions(in: note.front).first {
                card.prompt = deletion.prompt
                card.answer = deletion.answer
            }
        case (.question, _):
            card.prompt = note.front
            card.answer = note.back
        default:
            if note.back != visible[1] { card.answer = note.back }
        }
        return card
    }

    static func makeCard(kind: CardKind, prompt: String, answer: String, note: ForeignNote, id: CardID?) -> Card {
        let evidence = note.source.split(separator: "\n").compactMap { Citation.provenance(from: String($0)) }
        return Card(
            id: id ?? CardID(kind: kind, factKey: normalized(prompt) + "\u{1F}" + normalized(answer)),
            kind: kind, prompt: prompt, answer: answer,
            language: language(of: prompt + answer), evidence: evidence,
            tags: note.tags)
    }

    /// Lower-cased, whitespace collapsed, trimmed.
    public static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "ar" when the text is mostly Arabic script, else "en".
    public static func language(of text: String) -> String {
        var arabic = 0
        var latin = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            default: break
            }
        }
        return arabic > latin ? "ar" : "en"
    }

    static func mnemoKind(_ guid: String) -> CardKind? {
        guard let dash = guid.firstIndex(of: "-"), let kind = CardKind(rawValue: String(guid[..<dash])) else {
            return nil
        }
        let digits = guid[guid.index(after: dash)...]
        guard digits.count == 16, digits.allSatisfy(\.isHexDigit) else { return nil }
        return kind
    }

    static func mnemoID(_ guid: String?, kind: CardKind) -> CardID? {
        guard let guid, mnemoKind(guid) == kind else { return nil }
        return CardID(guid)
    }
}
