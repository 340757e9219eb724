import ArgumentParser
import Foundation
import MnemoCore

struct CardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List a deck's cards and their memory state.",
        discussion: """
            One line per card, in deck order: id, kind, state, due time (UTC), stability (days), \
            difficulty, reps, lapses, then the prompt and its answer. --json gives the same as \
            documented in docs/progress-format.md ("mnemo cards --json"). Progress is read, never \
            changed, so this works while a study session runs.
            """
    )

    @Argument(help: "The deck file.")
    var deck: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The progress folder (default: $MNEMO_HOME, $XDG_DATA_HOME/mnemo or ~/.local/share/mnemo).",
            valueName: "DIR"))
    var progress: String?

    @Flag(name: .long, help: "Only cards due for review now (not new, suspended or buried ones).")
    var due = false

    @Flag(name: .long, help: "Only leeches: cards failed 8 times or more (suspended at 8, 12, 16, … lapses).")
    var leeches = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only cards whose id, prompt or answer contains TEXT (ignoring case and accents).", valueName: "TEXT"))
    var search: String?

    @Flag(name: .long, help: "Print the cards as JSON.")
    var json = false

    func run() async throws {
        let deckFile = try Deck.load(from: URL(fileURLWithPath: deck))
        let folder = ProgressLocation.resolve(progress)
        let store = try ProgressStore(folder: folder, access: .readOnly)
        ProgressLocation.report(store.warnings)
        let now = Date()
        var rows = CardListing.rows(deck: deckFile, records: store.records, now: now, dueOnly: due, search: search)
        if leeches { rows = rows.filter { $0.lapses >= ReplayRules.leechThreshold } }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .custom { date, encoder in
                var c = encoder.singleValueContainer()
                try c.encode(LogTime.format(date))
            }
            var data = try encoder.encode(CardListing(deck: deckFile.id, progress: folder.path, cards: rows))
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else {
            FileHandle.standardOutput.write(Data(CardListing.text(rows).utf8))
        }
    }
}

/// What `mnemo cards --json` prints (schema in docs/progress-format.md).
struct CardListing: Encodable, Equatable {
    var deck: String
    var progress: String
    var cards: [Row]

    struct Row: Encodable, Equatable {
        var id: String
        var kind: String
        var prompt: String
        var answer: String
        /// new, learning, review or relearning.
        var state: String
        var due: Date?
        var stability: Double?
        var difficulty: Double?
        var reps: Int
        var lapses: Int
        var lastReview: Date?
        var suspended: Bool
        var buriedUntil: Date?

        private enum CodingKeys: String, CodingKey {
            case id, kind, prompt, answer, state, due, stability, difficulty, reps, lapses, lastReview, suspended,
                buriedUntil
        }

        /// Every key is always present (null when unknown), so the schema does not depend on the data.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(prompt, forKey: .prompt)
            try c.encode(answer, forKey: .answer)
            try c.encode(state, forKey: .state)
            try c.encode(due, forKey: .due)
            try c.encode(stability, forKey: .stability)
            try c.encode(difficulty, forKey: .difficulty)
            try c.encode(reps, forKey: .reps)
            try c.encode(lapses, forKey: .lapses)
            try c.encode(lastReview, forKey: .lastReview)
            try c.encode(suspended, forKey: .suspended)
            try c.encode(buriedUntil, forKey: .buriedUntil)
        }
    }

    static func rows(deck: Deck, records: [CardID: CardRecord], now: Date, dueOnly: Bool, search: String?) -> [Row] {
        var rows: [Row] = []
        for card in deck.cards {
            let record = records[card.id] ?? CardRecord(deck: deck.id)
            let s = record.state
            if dueOnly {
                guard let due = s.due, due <= now, s.phase != .new, !record.suspended else { continue }
                if let buried = record.buriedUntil, buried > now { continue }
            }
            if let search, !search.isEmpty {
                let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
                guard
                    [card.id.rawValue, card.prompt, card.answer].contains(where: {
                        $0.range(of: search, options: options) != nil
                    })
                else { continue }
            }
            rows.append(
                Row(
                    id: card.id.rawValue, kind: card.kind.rawValue, prompt: card.prompt, answer: card.answer,
                    state: s.phase.rawValue, due: s.due, stability: s.stability, difficulty: s.difficulty, reps: s.reps,
                    lapses: s.lapses, lastReview: s.lastReview, suspended: record.suspended,
                    buriedUntil: record.buriedUntil))
        }
        return rows
    }

    /// Aligned columns, then the prompt and answer (which may be long or right-to-left) last.
    static func text(_ rows: [Row]) -> String {
        let header = [
            "ID", "KIND", "STATE", "DUE (UTC)", "STABILITY", "DIFFICULTY", "REPS", "LAPSES", "PROMPT → ANSWER",
        ]
        var table: [[String]] = [header]
        for r in rows {
            var state = r.state
            if r.suspended { state += " (suspended)" }
            table.append([
                r.id, r.kind, state, r.due.map(shortTime) ?? "-",
                r.stability.map { String(format: "%.2f", $0) } ?? "-",
                r.difficulty.map { String(format: "%.2f", $0) } ?? "-",
                String(r.reps), String(r.lapses), "\(oneLine(r.prompt)) → \(oneLine(r.answer))",
            ])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in table {
            for (i, cell) in row.enumerated() where i < header.count - 1 { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for row in table {
            var line = ""
            for (i, cell) in row.enumerated() {
                if i == row.count - 1 {
                    line += cell
                } else {
                    line += cell + String(repeating: " ", count: widths[i] - cell.count + 2)
                }
            }
            out += line + "\n"
        }
        return out
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }

    /// `2026-11-23 09:00`.
    static func shortTime(_ date: Date) -> String {
        let iso = LogTime.format(date)
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
