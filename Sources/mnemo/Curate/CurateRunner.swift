import Foundation
import MnemoCore

/// What a curation pass did, for the closing summary: cards kept unchanged, cards changed (counted
/// at their first edit or settle), cards dropped, conflicts settled. `b` restores the counts too.
struct CurateSummary: Equatable, Sendable {
    var kept = 0
    var edited = 0
    var dropped = 0
    var settled = 0
    /// Cards of the pass not decided on yet (when the curator quit early).
    var left = 0
}

/// The interactive curation pass over a deck's cards (`mnemo curate`): shows each card with its
/// evidence and reads one-letter commands through the same line editor as `mnemo study`. Every
/// decision is saved at once through the sink (deck, then sidecar).
final class CurateRunner {
    private var deck: Deck
    private var progress: CurationProgress
    private let queue: [CardID]
    private let editor: any LineEditor
    private let output: any TextOutput
    private let sink: any CurationSink
    private let style: Style
    private let deckName: String

    private(set) var summary = CurateSummary()
    private var position = 0
    /// Whether the current card was changed (it then counts as edited, not kept).
    private var changedCurrent = false
    private var settledCurrent = false
    private var undoStack: [UndoEntry] = []

    private struct UndoEntry {
        var what: String
        var position: Int
        var card: Card
        var index: Int
        var progress: CurationProgress
        var summary: CurateSummary
        var changed: Bool
        var settled: Bool
    }

    init(
        deck: Deck, progress: CurationProgress, filter: CurateFilter, again: Bool, editor: any LineEditor,
        output: any TextOutput, sink: any CurationSink, style: Style = .plain, deckName: String = "DECK"
    ) {
        self.deck = deck
        self.progress = progress
        self.queue = deck.cards.filter { filter.includes($0, reviewed: progress.reviewed, again: again) }.map(\.id)
        self.editor = editor
        self.output = output
        self.sink = sink
        self.style = style
        self.deckName = deckName
    }

    var cardCount: Int { queue.count }

    @discardableResult
    func run() throws -> CurateSummary {
        if queue.isEmpty {
            output.write("Nothing to curate: every card of this pass has been curated. (--again goes over them all.)\n")
            return summary
        }
        var showCard = true
        while position < queue.count {
            guard let index = deck.cards.firstIndex(where: { $0.id == queue[position] }) else {
                position += 1  // removed by another program meanwhile
                continue
            }
            let card = deck.cards[index]
            if showCard { output.write(render(card, number: position + 1)) }
            showCard = true
            switch editor.readLine(prompt: commandPrompt) {
            case .endOfInput:
                return finish(quit: true)
            case .interrupt:
                output.write("(q quits; every decision so far is saved)\n")
                showCard = false
            case .line(let line):
                let word = line.trimmingCharacters(in: .whitespaces).lowercased()
                switch word {
                case "", "k", "keep":
                    try decide("keep", card: card, index: index) { _ in }
                    if !changedCurrent { summary.kept += 1 }
                    output.write("Kept.\n")
                    next()
                case "d", "drop":
                    try decide("drop", card: card, index: index) { deck in deck.cards.removeAll { $0.id == card.id } }
                    summary.dropped += 1
                    if changedCurrent { summary.edited -= 1 }  // edited, then dropped after all
                    if settledCurrent { summary.settled -= 1 }
                    output.write("Dropped.\n")
                    next()
                case "p", "prompt":
                    showCard = try edit("prompt", card: card, index: index, current: card.prompt) {
                        try CardEdit.prompt(card, to: $0)
                    }
                case "a", "answer":
                    showCard = try edit("answer", card: card, index: index, current: card.answer) {
                        try CardEdit.answer(card, to: $0)
                    }
                case "l", "alternatives", "alt":
                    showCard = try edit(
                        "accepted answers (separated by , or ; - for none)", card: card, index: index,
                        current: CardEdit.joined(card.accepted)
                    ) { CardEdit.alternatives(card, to: $0) }
                case "t", "tags":
                    showCard = try edit(
                        "tags (comma-separated, - for none)", card: card, index: index,
                        current: CardEdit.joined(card.tags)
                    ) { CardEdit.tags(card, to: $0) }
                case "c", "conflict", "settle":
                    showCard = try settle(card, index: index)
                case "b", "back", "u", "undo":
                    undo()
                case "q", "quit":
                    return finish(quit: true)
                case "?", "h", "help":
                    output.write(Self.help)
                    showCard = false
                default:
                    output.write(
                        "Unknown command '\(line.trimmingCharacters(in: .whitespaces))'; ? lists the commands.\n")
                    showCard = false
                }
            }
        }
        return finish(quit: false)
    }

    static let help = """
        Enter, k  keep the card as it is (or as edited) and go to the next
        d         drop the card from the deck
        p         edit the prompt          a  edit the answer
        l         edit the other accepted answers (comma-separated, or ; when one holds a comma; - for none)
        t         edit the tags (comma-separated; - for none)
        c         settle a conflict: choose the reading to teach (the others stay recorded)
        b         take back the last decision
        q         quit (every decision is already saved; run curate again to go on)

        """

    private var commandPrompt: String { "Enter keep · d drop · p a l t edit · c settle · b back · q quit · ? > " }

    private func next() {
        position += 1
        changedCurrent = false
        settledCurrent = false
    }

    /// Saves a keep or drop decision: the card is marked curated.
    private func decide(_ what: String, card: Card, index: Int, change: @escaping (inout Deck) -> Void) throws {
        var updated = progress
        updated.reviewed.insert(card.id)
        if what == "drop" { updated.dropped.insert(card.id) }
        let entry = UndoEntry(
            what: what, position: position, card: card, index: index, progress: progress, summary: summary,
            changed: changedCurrent, settled: settledCurrent)
        deck = try sink.save(change, progress: updated)
        progress = updated
        undoStack.append(entry)
    }

    /// Reads a new text for one field (the current text pre-filled where the editor can) and saves
    /// the changed card. Returns whether to show the card again.
    private func edit(
        _ field: String, card: Card, index: Int, current: String, apply: (String) throws -> Card
    ) throws -> Bool {
        let prompt = editor.isInteractive ? "New \(field): " : "New \(field) (Enter keeps it): "
        switch editor.readLine(prompt: prompt, prefill: current) {
        case .endOfInput, .interrupt:
            output.write("Edit cancelled.\n")
            return false
        case .line(let text):
            if text.trimmingCharacters(in: .whitespaces).isEmpty || text == current {
                output.write("Unchanged.\n")
                return false
            }
            let changed: Card
            do {
                changed = try apply(text)
            } catch let error as CurateError {
                output.write("Not changed: \(error)\n")
                return false
            }
            try replace(card, with: changed, index: index, what: "edit")
            return true
        }
    }

    private func settle(_ card: Card, index: Int) throws -> Bool {
        let readings = CardEdit.readings(of: card)
        guard !readings.isEmpty else {
            output.write("\(CurateError.noConflict).\n")
            return false
        }
        switch editor.readLine(prompt: "Teach which reading? (1-\(readings.count), Enter cancels) ", prefill: "") {
        case .endOfInput, .interrupt:
            output.write("Cancelled.\n")
            return false
        case .line(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                output.write("Cancelled.\n")
                return false
            }
            guard let number = Int(trimmed) else {
                output.write("Not settled: type a number from 1 to \(readings.count)\n")
                return false
            }
            let changed: Card
            do {
                changed = try CardEdit.settle(card, choosing: number)
            } catch {
                output.write("Not settled: \(error)\n")
                return false
            }
            try replace(card, with: changed, index: index, what: "settle")
            if !settledCurrent { summary.settled += 1 }
            settledCurrent = true
            output.write("Settled: teaching “\(changed.answer)”.\n")
            return true
        }
    }

    private func replace(_ card: Card, with changed: Card, index: Int, what: String) throws {
        let entry = UndoEntry(
            what: what, position: position, card: card, index: index, progress: progress, summary: summary,
            changed: changedCurrent, settled: settledCurrent)
        deck = try sink.save(
            { deck in
                if let i = deck.cards.firstIndex(where: { $0.id == card.id }) { deck.cards[i] = changed }
            }, progress: progress)
        undoStack.append(entry)
        if !changedCurrent { summary.edited += 1 }
        changedCurrent = true
    }

    private func undo() {
        guard let entry = undoStack.popLast() else {
            output.write("Nothing to take back.\n")
            return
        }
        do {
            deck = try sink.save(
                { deck in
                    if let i = deck.cards.firstIndex(where: { $0.id == entry.card.id }) {
                        deck.cards[i] = entry.card
                    } else {
                        deck.cards.insert(entry.card, at: min(entry.index, deck.cards.count))
                    }
                }, progress: entry.progress)
        } catch {
            undoStack.append(entry)
            output.write("Could not take back: \(error)\n")
            return
        }
        progress = entry.progress
        summary = entry.summary
        position = entry.position
        changedCurrent = entry.changed
        settledCurrent = entry.settled
        output.write("Took back the last \(entry.what).\n")
    }

    private func finish(quit: Bool) -> CurateSummary {
        summary.left = queue.count - min(position, queue.count)
        var text =
            "Curation: kept \(summary.kept), edited \(summary.edited), dropped \(summary.dropped), conflicts settled \(summary.settled)."
        if summary.left > 0 {
            text +=
                " \(summary.left) card\(summary.left == 1 ? "" : "s") left: run 'mnemo curate \(deckName)' again to go on."
        } else {
            text += " Every card of this pass is curated."
        }
        // Wrapped at the terminal's width at spaces, as the card screen is (whole when piped).
        output.write("\n" + style.wrapped(text).joined(separator: "\n") + "\n")
        return summary
    }

    // MARK: - The card screen

    func render(_ card: Card, number: Int) -> String {
        var lines: [String] = []
        var header =
            style.bold("Card \(number) of \(queue.count)") + " · \(card.kind.rawValue) · " + style.dim(card.id.rawValue)
        if progress.reviewed.contains(card.id) { header += style.dim(" (curated before)") }
        lines.append("")
        lines.append(header)
        lines += wrapped("  Prompt:    " + card.prompt, indent: 13)
        lines += wrapped("  Answer:    " + card.answer, indent: 13, styled: (card.answer, style.green))
        if !card.accepted.isEmpty { lines += wrapped("  Accepted:  " + CardEdit.joined(card.accepted), indent: 13) }
        if !card.choices.isEmpty {
            lines.append("  Choices:")
            for (i, choice) in card.choices.enumerated() {
                let label = card.kind == .order ? "\(Self.letter(i)))" : "\(Self.letter(i).uppercased())."
                let mark = card.kind == .choice && choice == card.answer ? "  ← answer" : ""
                lines += wrapped("    \(label) \(choice)\(mark)", indent: 7)
            }
        }
        if !card.tags.isEmpty { lines += wrapped("  Tags:      " + card.tags.joined(separator: ", "), indent: 13) }
        if card.evidence.isEmpty { lines.append("  Evidence:  " + style.yellow("none recorded")) }
        for (i, place) in card.evidence.enumerated() {
            let cite = CardEdit.cite(place)
            lines += wrapped(
                (i == 0 ? "  Evidence:  " : "             ") + cite + " “\(place.quote)”", indent: 13,
                styled: (cite, style.dim))
        }
        if let conflict = card.conflict {
            lines.append(
                "  "
                    + style.yellow(
                        conflict.note == nil ? "Conflict:  sources disagree (c settles it)" : "Conflict:  settled"))
            for (i, reading) in CardEdit.readings(of: card).enumerated() {
                let cite = reading.evidence.first.map { CardEdit.cite($0) }
                let place = reading.evidence.first.map { " — \(CardEdit.cite($0)) “\($0.quote)”" } ?? ""
                lines += wrapped(
                    "    \(i + 1)) \(reading.value)\(i == 0 ? " (taught now)" : "")\(place)", indent: 7,
                    styled: cite.map { ($0, style.dim) })
            }
            if let note = conflict.note { lines += wrapped("  Note:      " + note, indent: 13) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `plain` wrapped at the terminal's width (as the study screen wraps) with a hanging indent;
    /// `styled` colors the first occurrence of its text on the first line it falls on whole.
    private func wrapped(_ plain: String, indent: Int, styled: (String, (String) -> String)? = nil) -> [String] {
        var lines = style.wrapped(plain, indent: indent)
        if let (text, paint) = styled, !text.isEmpty,
            let k = lines.firstIndex(where: { $0.contains(text) }), let range = lines[k].range(of: text)
        {
            lines[k] = lines[k].replacingCharacters(in: range, with: paint(text))
        }
        return lines
    }

    static func letter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(97 + index))) : "\(index + 1)"
    }
}
