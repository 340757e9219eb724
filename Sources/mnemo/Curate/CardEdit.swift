import Foundation
import MnemoCore

/// The edits a curator makes to one card. Each returns the changed card or throws `CurateError`,
/// leaving the card unchanged. None of them touches `id` (DESIGN.md decision 3: the id names the
/// fact, so correcting its wording keeps the student's progress).
enum CardEdit {
    static func prompt(_ card: Card, to text: String) throws(CurateError) -> Card {
        let new = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !new.isEmpty else { throw .emptyText(field: "prompt") }
        var card = card
        card.prompt = new
        return card
    }

    /// A new answer. On a choice card the old answer's option becomes the new answer, so the
    /// answer stays among the choices; a true/false answer must be true or false. The new answer
    /// is removed from `accepted` if it was there.
    static func answer(_ card: Card, to text: String) throws(CurateError) -> Card {
        var new = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !new.isEmpty else { throw .emptyText(field: "answer") }
        var card = card
        if card.kind == .truefalse {
            let lower = new.lowercased()
            guard lower == "true" || lower == "false" else { throw .answerNotTrueFalse(new) }
            new = lower
        }
        if card.kind == .choice {
            if let index = card.choices.firstIndex(of: card.answer) {
                if let existing = card.choices.firstIndex(of: new), existing != index {
                    card.choices.remove(at: index)  // the new answer was a wrong option: no duplicate
                } else {
                    card.choices[index] = new
                }
            } else if !card.choices.contains(new) {
                card.choices.append(new)
            }
        }
        card.answer = new
        card.accepted.removeAll { $0 == new }
        return card
    }

    /// Other accepted answers, comma- (or semicolon-) separated; "-" clears them.
    static func alternatives(_ card: Card, to text: String) -> Card {
        var card = card
        card.accepted = list(text).filter { $0 != card.answer }
        return card
    }

    /// Comma-separated tags; "-" clears them.
    static func tags(_ card: Card, to text: String) -> Card {
        var card = card
        card.tags = list(text)
        return card
    }

    /// The readings of a conflict as the curator sees them: the card's own answer first (with its
    /// evidence), then the other sources' readings.
    static func readings(of card: Card) -> [(value: String, evidence: [Provenance])] {
        guard let conflict = card.conflict else { return [] }
        return [(card.answer, card.evidence)] + conflict.readings.map { ($0.value, [$0.evidence]) }
    }

    /// Settles a conflict by teaching reading `number` (1-based, as `readings(of:)` numbers them).
    /// The chosen value becomes the answer, backed by its evidence; the replaced answer becomes one
    /// of `conflict.readings` (one per piece of its evidence), so no reading is lost, and
    /// `conflict.note` says what was chosen. Accepted alternatives of a replaced answer would accept
    /// the reading not taught, so they move into the note. Choosing 1 keeps the answer and only
    /// records the decision.
    static func settle(_ card: Card, choosing number: Int) throws(CurateError) -> Card {
        guard var conflict = card.conflict else { throw .noConflict }
        let all = readings(of: card)
        guard (1...all.count).contains(number) else { throw .settleOutOfRange(number, count: all.count) }
        var card = card
        let chosen = all[number - 1]
        var others = all
        others.remove(at: number - 1)
        var note = "Settled in curation: teaching “\(chosen.value)”"
        if let place = chosen.evidence.first { note += " (\(cite(place)))" }
        note += "; other reading" + (others.count == 1 ? "" : "s") + ": "
        note += others.map { "“\($0.value)”" + ($0.evidence.first.map { " (\(cite($0)))" } ?? "") }.joined(
            separator: ", ")
        if number != 1 {
            let oldAnswer = card.answer
            let oldEvidence = card.evidence
            let dropped = card.accepted
            card = try answer(card, to: chosen.value)
            card.accepted = []
            card.evidence = chosen.evidence
            conflict.readings.remove(at: number - 2)
            conflict.readings.insert(
                contentsOf: oldEvidence.map { ConflictReading(value: oldAnswer, evidence: $0) }, at: 0)
            if oldEvidence.isEmpty, let place = chosen.evidence.first {
                // An answer without evidence still stays recorded, cited where the conflict was found.
                conflict.readings.insert(ConflictReading(value: oldAnswer, evidence: place), at: 0)
            }
            if !dropped.isEmpty { note += "; no longer accepted: " + dropped.joined(separator: ", ") }
        }
        conflict.note = note + "."
        card.conflict = conflict
        return card
    }

    static func cite(_ place: Provenance) -> String { "\(place.source):\(place.line)" }

    /// A list typed on one line: separated by semicolons when the line has one (answers such as
    /// "August 8, 1945" hold commas), else by commas. "-" is the empty list.
    static func list(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "-" { return [] }
        var seen: Set<String> = []
        let separator: Character = trimmed.contains(";") ? ";" : ","
        return trimmed.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension CardEdit {
    /// How a list is shown for editing: joined with "; " when an item holds a comma, else ", ",
    /// so that `list(_:)` reads it back unchanged.
    static func joined(_ items: [String]) -> String {
        items.joined(separator: items.contains { $0.contains(",") } ? "; " : ", ")
    }
}
