import Foundation
import MnemoCore

/// Runs a study session: shows each card, reads answers and commands through a `LineEditor`,
/// appends every event durably to the log before applying it, and prints the summary at the end.
final class StudyRunner {
    private var session: StudySession
    private let editor: any LineEditor
    private let output: any TextOutput
    private let log: any EventSink
    private let judge: any AnswerJudging
    private let mode: StudyMode
    private let screen: CardScreen
    private let sources: SourceLibrary
    private let clock: () -> Date
    /// A Ctrl-C at an empty prompt was just given; another one ends the session.
    private var armedInterrupt = false

    init(
        session: StudySession, editor: any LineEditor, output: any TextOutput, log: any EventSink,
        judge: any AnswerJudging, mode: StudyMode, style: Style, sources: SourceLibrary,
        clock: @escaping () -> Date
    ) {
        self.session = session
        self.editor = editor
        self.output = output
        self.log = log
        self.judge = judge
        self.mode = mode
        self.screen = CardScreen(style: style)
        self.sources = sources
        self.clock = clock
    }

    /// The session as it stands (for tests and the command).
    var state: StudySession { session }

    /// What ended a step of the loop.
    private enum Flow {
        case nextCard
        case end
    }

    /// Runs until the learner quits or nothing is left; returns the summary (already printed).
    /// Throws only when an event could not be saved; everything rated before it is in the log.
    @discardableResult
    func run() throws -> SessionSummary {
        while true {
            guard let item = session.next(now: clock()) else { break }
            if try study(item) == .end { break }
        }
        let now = clock()
        let summary = session.finalSummary(now: now)
        output.write(screen.summary(summary, now: now))
        return summary
    }

    // MARK: - One card

    private func study(_ item: StudyItem) throws -> Flow {
        output.write(screen.header(item, counts: session.counts, cram: session.cram != nil))
        var generator = session.makeGenerator()
        let options = choiceOptions(for: item.card.card, using: &generator)
        var removed = Set<Int>()
        output.write(screen.question(item.card.card, options: options, removed: removed))
        let shownAt = clock()
        var hintLevel = 0

        // The answer.
        var typed: String?
        answering: while true {
            let prompt = mode == .self ? "(Enter shows the answer) " : "> "
            guard let line = read(prompt: prompt) else { return .end }
            if let command = SessionCommand.parse(line) {
                guard let command else {
                    output.write(
                        "Unknown command \"\(line.trimmingCharacters(in: .whitespaces))\"; :help lists them.\n")
                    continue
                }
                switch command {
                case .hint:
                    hintLevel += 1
                    output.write(
                        hint(
                            for: item.card.card, level: hintLevel, options: options, removed: &removed,
                            using: &generator))
                    continue
                case .source:
                    output.write("Answer first: :source then shows the passage.\n")
                    continue
                default:
                    if let flow = try perform(command) { return flow }
                    continue
                }
            }
            typed = mode == .self ? nil : line
            break answering
        }
        let answeredAt = clock()
        let durationMs = max(0, Int(answeredAt.timeIntervalSince(shownAt) * 1000))

        // The verdict.
        let judgement: Judgement?
        let answer: String?
        if let typed {
            let given = resolveOption(typed, options: options)
            let trimmed = given.trimmingCharacters(in: .whitespaces)
            answer = trimmed.isEmpty ? nil : given
            judgement =
                trimmed.isEmpty
                ? Judgement(verdict: .wrong, expected: item.card.card.answer, note: nil)
                : judge.judge(given, card: item.card, shown: options)
        } else {
            answer = nil
            judgement = nil
        }
        output.write(screen.feedback(judgement, typed: answer, card: item.card.card))
        let proposed = RatingProposal.propose(for: judgement?.verdict ?? .unchecked, hinted: hintLevel > 0)
        if session.cram == .practice {
            output.write(screen.practiceRatings(proposed: proposed))
        } else {
            output.write(screen.ratings(session.preview(now: answeredAt), proposed: proposed, now: answeredAt))
        }

        // The rating.
        while true {
            guard let line = read(prompt: screen.ratingPrompt(proposed: proposed)) else { return .end }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let command = SessionCommand.parse(trimmed) {
                guard let command else {
                    output.write("Unknown command \"\(trimmed)\"; :help lists them.\n")
                    continue
                }
                switch command {
                case .hint:
                    output.write("The answer is already shown.\n")
                case .source:
                    output.write(sourcePassage(for: item))
                default:
                    if let flow = try perform(command) { return flow }
                }
                continue
            }
            let rating: Rating
            if trimmed.isEmpty {
                rating = proposed
            } else if let number = Int(trimmed), let chosen = Rating(rawValue: number) {
                rating = chosen
            } else {
                output.write("Press Enter for \(proposed.name), or type 1, 2, 3 or 4.\n")
                continue
            }
            let now = clock()
            guard
                let event = session.reviewEvent(
                    rating: rating, answer: answer, verdict: judgement?.verdict ?? .unchecked,
                    durationMs: durationMs, now: now)
            else { return .nextCard }
            let stored = try log.append(event)
            session.apply(event, stored: stored)
            if session.cram == .practice {
                output.write(screen.practiced(rating))
            } else {
                output.write(screen.rated(rating, state: session.records[item.card.id]?.state, now: event.time))
            }
            return .nextCard
        }
    }

    /// Reads a line; nil when the session should end (Ctrl-D, end of input, a second Ctrl-C).
    private func read(prompt: String) -> String? {
        while true {
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                return nil
            case .interrupt(let empty):
                if empty && armedInterrupt { return nil }
                armedInterrupt = empty
                if empty { output.write("(Ctrl-C again, or Ctrl-D, ends the session.)\n") }
            case .line(let line):
                armedInterrupt = false
                return line
            }
        }
    }

    /// Commands that act on the session; returns how the card loop goes on, or nil to keep reading.
    private func perform(_ command: SessionCommand) throws -> Flow? {
        let now = clock()
        switch command {
        case .skip:
            session.skip()
            output.write("Skipped: it comes back later.\n")
            return .nextCard
        case .bury:
            guard let event = session.buryEvent(now: now) else { return nil }
            let stored = try log.append(event)
            session.apply(event, stored: stored)
            output.write("Buried until tomorrow.\n")
            return .nextCard
        case .suspend:
            guard let event = session.suspendEvent(now: now) else { return nil }
            let stored = try log.append(event)
            session.apply(event, stored: stored)
            output.write("Suspended: it will not be shown again until unsuspended.\n")
            return .nextCard
        case .undo:
            guard let event = session.undoEvent(now: now) else {
                output.write("Nothing to undo in this session.\n")
                return nil
            }
            let stored = try log.append(event)
            session.apply(event, stored: stored)
            output.write("Undone: the last rating is taken back; that card again.\n")
            return .nextCard
        case .stats:
            output.write(screen.stats(session.summary, counts: session.counts, now: now))
            return nil
        case .help:
            output.write(screen.help())
            return nil
        case .quit:
            return .end
        case .hint, .source:
            return nil
        }
    }

    // MARK: - Choices, hints, sources

    /// The options to show: choice cards in choice mode (shuffled, seeded), true/false cards as two options.
    private func choiceOptions(for card: Card, using generator: inout SeededGenerator) -> [String]? {
        guard mode == .choice else { return nil }
        switch card.kind {
        case .choice where card.choices.count >= 2:
            return card.choices.shuffled(using: &generator)
        case .truefalse:
            return ["true", "false"]
        default:
            return nil
        }
    }

    /// A letter ("b", "b)") picks that option; anything else is the typed answer.
    private func resolveOption(_ typed: String, options: [String]?) -> String {
        guard let options else { return typed }
        var key = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasSuffix(")") { key.removeLast() }
        guard key.count == 1, let scalar = key.unicodeScalars.first, scalar.isASCII,
            scalar.value >= 97, Int(scalar.value) - 97 < options.count
        else { return typed }
        return options[Int(scalar.value) - 97]
    }

    private func hint(
        for card: Card, level: Int, options: [String]?, removed: inout Set<Int>, using generator: inout SeededGenerator
    ) -> String {
        if let options {
            guard removed.isEmpty else { return "No more hints for this card.\n" }
            removed = Set(Hint.eliminate(from: options, answer: card.answer, using: &generator))
            guard !removed.isEmpty else { return "No hint for a two-way choice.\n" }
            let left = options.indices.filter { !removed.contains($0) }
                .map { "\(CardScreen.letter($0))) \(options[$0])" }
            return "Hint: it is one of " + left.joined(separator: "   ") + "\n"
        }
        if card.kind == .order {
            let first = card.answer.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return "Hint: the earliest is \(first).\n"
        }
        return "Hint: " + Hint.firstLetters(of: card.answer, level: level) + "\n"
    }

    private func sourcePassage(for item: StudyItem) -> String {
        guard let evidence = item.card.card.evidence.first else { return "This card has no recorded source.\n" }
        if let lines = sources.passage(for: evidence, deck: item.card.deck) {
            return screen.passage(lines, evidence: evidence)
        }
        return screen.keptQuote(evidence)
    }
}
