import Foundation
import MnemoCore

/// The text of a study screen: pure functions from values to lines, so tests can read them.
struct CardScreen: Sendable {
    let style: Style

    /// "World War II · card 3 · 20 left · review   (review 14 · learning 1 · new 5)"
    /// "left" counts the cards still queued, this one included: a failed card coming back counts again,
    /// so the number does not fall for it (a "card N of M" would see M grow). In a cram session every
    /// seen card waits in one queue: the label is then the card's phase, and the counts are of seen and new cards.
    func header(_ item: StudyItem, counts: (review: Int, learning: Int, new: Int), cram: Bool = false) -> String {
        let kind: String
        switch (item.queue, item.state.phase) {
        case (.new, _), (_, .new): kind = style.cyan("new")
        case (.learning, .relearning), (.review, .relearning): kind = style.yellow("relearning")
        case (.learning, _), (.review, .learning): kind = style.yellow("learning")
        case (.review, .review): kind = style.green("review")
        }
        let left =
            cram
            ? "cram: seen \(counts.review + counts.learning) · new \(counts.new)"
            : "review \(counts.review) · learning \(counts.learning) · new \(counts.new)"
        let queued = max(1, counts.review + counts.learning + counts.new)
        return "\n" + style.bold(item.card.deckTitle) + " · card \(item.number) · \(queued) left · " + kind
            + "   " + style.dim("(\(left))") + "\n"
    }

    /// The prompt, and the options when they are shown (labelled a, b, c …).
    func question(_ card: Card, options: [String]?, removed: Set<Int> = []) -> String {
        var text = "\n" + style.wrapped(card.prompt).map { style.bold($0) }.joined(separator: "\n") + "\n"
        switch card.kind {
        case .order:
            for (index, event) in card.choices.enumerated() { text += "  \(Self.letter(index))) \(event)\n" }
            text +=
                style.dim("  Type the letters from earliest to latest, e.g. \(Self.exampleOrder(card.choices.count)).")
                + "\n"
        case .truefalse where options == nil:
            text += style.dim("  (true or false)") + "\n"
        default:
            break
        }
        if let options {
            for (index, option) in options.enumerated() {
                let line = "  \(Self.letter(index))) \(option)"
                text += (removed.contains(index) ? style.dim(line + "  (removed)") : line) + "\n"
            }
        }
        return text
    }

    /// Verdict, the right answer, the evidence and, where sources disagree, every reading.
    func feedback(_ judgement: Judgement?, typed: String?, card: Card) -> String {
        var text = ""
        switch judgement?.verdict {
        case .right? where judgement?.otherReading != nil:
            // Credited as recall, yet not the reading this card teaches; the note names both.
            text += style.yellow("Accepted: another source's reading.") + "\n"
        case .right?:
            text += style.green("Right.") + "\n"
        case .almost?:
            // The checker's note names the correct spelling ("almost right: the correct spelling is …").
            if let note = judgement?.note, !note.isEmpty {
                text += style.yellow(note.prefix(1).uppercased() + note.dropFirst()) + "\n"
            } else {
                text +=
                    style.yellow("Almost right:") + " the correct spelling is \(judgement?.expected ?? card.answer)\n"
            }
        case .wrong?:
            if let typed, !typed.isEmpty {
                text += style.red("Wrong.") + " You answered \"\(typed)\".\n"
            } else {
                text += style.red("No answer.") + "\n"
            }
        case .unchecked?, nil:
            break
        }
        if judgement?.verdict != .almost, let note = judgement?.note, !note.isEmpty { text += style.dim(note) + "\n" }
        text += "Answer: " + style.bold(judgement?.expected ?? card.answer) + "\n"
        if let conflict = card.conflict, !conflict.readings.isEmpty {
            text += style.yellow("Sources disagree:") + "\n"
            let first = card.evidence.first
            text += reading(card.answer, first) + "\n"
            for other in conflict.readings {
                text += reading(other.value, other.evidence) + "\n"
            }
            if let note = conflict.note { text += "  " + style.dim("Note: \(note)") + "\n" }
        } else {
            for evidence in card.evidence {
                text += wrappedEvidence("Source: ", evidence, indent: 4) + "\n"
            }
        }
        return text
    }

    private func evidenceLine(_ evidence: Provenance) -> String {
        style.dim("\(evidence.source):\(evidence.line)") + "  “\(evidence.quote)”"
    }

    /// One reading of a disputed fact: "  value  source:line  “quote”", wrapped to the terminal.
    private func reading(_ value: String, _ evidence: Provenance?) -> String {
        guard let evidence else { return "  \(value)" }
        return wrappedEvidence("  \(value)  ", evidence, indent: 6)
    }

    /// `lead` then the evidence, wrapped at the terminal's width with a hanging indent.
    private func wrappedEvidence(_ lead: String, _ evidence: Provenance, indent: Int) -> String {
        let place = "\(evidence.source):\(evidence.line)"
        let lines = style.wrapped(lead + place + "  “\(evidence.quote)”", indent: indent)
        guard let first = lines.first, let range = first.range(of: place) else {
            return lead + evidenceLine(evidence)
        }
        let styledFirst = first.replacingCharacters(in: range, with: style.dim(place))
        return ([styledFirst] + lines.dropFirst()).joined(separator: "\n")
    }

    /// "1 Again 10m · 2 Hard 2d · 3 Good 4d · 4 Easy 9d"
    func ratings(_ preview: [Rating: CardState], proposed: Rating, now: Date) -> String {
        let parts = Rating.allCases.map { rating -> String in
            let interval = preview[rating]?.due.map { IntervalFormat.short($0.timeIntervalSince(now)) } ?? "?"
            let label = "\(rating.rawValue) \(rating.name) \(interval)"
            return rating == proposed ? style.bold(label) : label
        }
        return parts.joined(separator: " · ") + "\n"
    }

    /// Cram practice: the ratings without intervals, since the schedule does not change.
    func practiceRatings(proposed: Rating) -> String {
        let parts = Rating.allCases.map { rating -> String in
            let label = "\(rating.rawValue) \(rating.name)"
            return rating == proposed ? style.bold(label) : label
        }
        return parts.joined(separator: " · ") + style.dim("  (practice: the schedule is not changed)") + "\n"
    }

    /// After a practice rating.
    func practiced(_ rating: Rating) -> String {
        style.dim("\(rating.name): practice, schedule unchanged.") + "\n"
    }

    func ratingPrompt(proposed: Rating) -> String {
        "Enter = \(proposed.rawValue) \(proposed.name), or 1-4: "
    }

    /// After a rating: "Good: next in 4d."
    func rated(_ rating: Rating, state: CardState?, now: Date) -> String {
        let next = state?.due.map { IntervalFormat.short($0.timeIntervalSince(now)) } ?? "?"
        return style.dim("\(rating.name): next in \(next).") + "\n"
    }

    func summary(_ summary: SessionSummary, now: Date) -> String {
        var text = "\n" + style.bold("Session over.") + "\n"
        let percent =
            summary.reviewed > 0 ? " (\(Int((Double(summary.right) / Double(summary.reviewed) * 100).rounded()))%)" : ""
        // Counted by rating (a wrong answer rated Hard passes), so named after ratings, not verdicts;
        // the percentage is the pass rate, so it stands beside "passed".
        text += "Reviewed: \(summary.reviewed)   passed: \(summary.right)\(percent)   again: \(summary.wrong)\n"
        text += "New cards seen: \(summary.newSeen)"
        if summary.buried > 0 { text += "   buried: \(summary.buried)" }
        if summary.suspended > 0 { text += "   suspended: \(summary.suspended)" }
        if summary.undone > 0 { text += "   undone: \(summary.undone)" }
        text += "\n"
        let spent = Int(now.timeIntervalSince(summary.started) * 1000)
        // The session's length; `mnemo stats` counts "time spent" as the answers' durations, shown beside it.
        text += "Session time: \(IntervalFormat.duration(milliseconds: spent))"
        text += " (answering \(IntervalFormat.duration(milliseconds: summary.answeringMs)))\n"
        if let next = summary.nextDue {
            text += "Next card due: \(IntervalFormat.relative(next.timeIntervalSince(now))).\n"
        } else {
            text += "Next card due: none scheduled.\n"
        }
        return text
    }

    func stats(_ summary: SessionSummary, counts: (review: Int, learning: Int, new: Int), now: Date) -> String {
        let spent = Int(now.timeIntervalSince(summary.started) * 1000)
        return "So far: \(summary.reviewed) reviewed (\(summary.right) passed, \(summary.wrong) again), "
            + "\(summary.newSeen) new, \(IntervalFormat.duration(milliseconds: spent)). "
            + "Left: review \(counts.review) · learning \(counts.learning) · new \(counts.new).\n"
    }

    func help() -> String {
        var text =
            "Type the answer and press Enter (an empty answer shows it). Then Enter accepts the proposed rating, 1-4 choose another.\n"
        for command in SessionCommand.allCases {
            text += "  " + command.word.padding(toLength: 10, withPad: " ", startingAt: 0) + command.help + "\n"
        }
        text += "  Ctrl-C cancels the line; Ctrl-C twice or Ctrl-D ends the session.\n"
        return text
    }

    /// `:source`: the paragraph around the evidence, numbered, each line wrapped at the terminal's
    /// width under its text (past the number column).
    func passage(_ lines: [(number: Int, text: String)], evidence: Provenance) -> String {
        var text = style.dim(evidence.source) + "\n"
        for line in lines {
            let marker = line.number == evidence.line ? ">" : " "
            let numbered = "\(marker)\(String(line.number).leftPad(5)) | \(line.text)"
            for part in style.wrapped(numbered, indent: 9) {
                text += (line.number == evidence.line ? style.bold(part) : part) + "\n"
            }
        }
        return text
    }

    /// `:source` when the source file is not found: the quote the deck keeps, wrapped at the terminal's width.
    func keptQuote(_ evidence: Provenance) -> String {
        let heading =
            "\(evidence.source):\(evidence.line) (source file not found beside the deck; showing the quote kept in the deck):"
        let lines = style.wrapped(heading, indent: 2) + style.wrapped("  “\(evidence.quote)”", indent: 3)
        return lines.joined(separator: "\n") + "\n"
    }

    static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "a") + UInt8(min(index, 25))))
    }

    static func exampleOrder(_ count: Int) -> String {
        (0..<max(1, min(count, 4))).reversed().map(letter).joined(separator: ", ")
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
