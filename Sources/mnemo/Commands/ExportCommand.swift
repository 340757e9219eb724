import ArgumentParser
import DeckExchange
import Foundation
import MnemoCore

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case anki
    case csv
    case quizMd = "quiz-md"
    case quizHtml = "quiz-html"
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a deck (Anki, CSV, quiz sheets).",
        discussion: """
            anki: an Anki package (.apkg) with note types Mnemo Basic, Mnemo Cloze and Mnemo Choice; \
            the source sentence is in each note's Source field. csv: a file Anki's text import reads \
            (and 'mnemo import' reads back exactly). quiz-md, quiz-html: printable quiz sheets, one per \
            variant, each followed by its answer key citing the source of every answer.
            """
    )

    @Argument(help: "The deck file.")
    var deck: String

    @Option(help: "Output format.")
    var format: ExportFormat

    @Option(name: .shortAndLong, help: "Output file (default: stdout; required for anki).")
    var output: String?

    @Option(parsing: .unconditional, help: "Quiz sheets: how many variants (different question and option order).")
    var variants: Int = 1

    @Option(parsing: .unconditional, help: "Quiz sheets: how many questions per sheet (default: every card).")
    var count: Int?

    @Option(help: "Quiz sheets: card kinds to ask, comma-separated (cloze,question,choice,truefalse,order).")
    var kinds: String?

    @Option(parsing: .unconditional, help: "Quiz sheets: seed for the order of questions and options.")
    var seed: UInt64 = 1

    func validate() throws {
        if format == .anki && output == nil {
            throw CLIError.badOption("--format anki writes a binary package: give a file with -o FILE.apkg")
        }
        if let kinds { _ = try Self.parseKinds(kinds) }
    }

    static func parseKinds(_ text: String) throws -> Set<CardKind> {
        var kinds: Set<CardKind> = []
        for name in text.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let kind = CardKind(rawValue: trimmed) else {
                throw CLIError.badOption(
                    "unknown card kind '\(trimmed)' in --kinds; use "
                        + CardKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            kinds.insert(kind)
        }
        return kinds
    }

    func run() async throws {
        let deckURL = URL(fileURLWithPath: deck)
        let loaded = try Deck.load(from: deckURL)
        switch format {
        case .anki:
            guard let output else { return }
            try AnkiPackageWriter.write(loaded, to: URL(fileURLWithPath: output), now: Date())
            FileHandle.standardError.write(Data("wrote \(loaded.cards.count) notes to \(output)\n".utf8))
        case .csv:
            try emit(AnkiTextFile.csv(for: loaded))
            note("wrote \(loaded.cards.count) cards")
        case .quizMd, .quizHtml:
            let options = QuizOptions(
                variants: variants, count: count, kinds: try kinds.map(Self.parseKinds), seed: seed)
            let quiz: Quiz
            do { quiz = try Quiz(deck: loaded, options: options) } catch { throw QuizFailure(deck: deck, error: error) }
            try emit(format == .quizMd ? QuizRenderer.markdown(quiz) : QuizRenderer.html(quiz))
            let variants = quiz.variants.count
            note("wrote a quiz of \(variants) variant\(variants == 1 ? "" : "s") with answer keys")
        }
    }

    /// "`what` to FILE" on stderr, when the export went to a file (on stdout the text itself shows it).
    private func note(_ what: String) {
        guard let output else { return }
        FileHandle.standardError.write(Data("\(what) to \(output)\n".utf8))
    }

    func emit(_ text: String) throws {
        if let output {
            try DeckFile.writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// A quiz that cannot be made from this deck, naming the deck.
struct QuizFailure: Error, CustomStringConvertible {
    var deck: String
    var error: QuizError
    var description: String { "\(deck): \(error)" }
}
