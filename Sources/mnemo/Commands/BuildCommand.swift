import ArgumentParser
import DeckBuilder
import Foundation
import MnemoCore

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a deck from source texts (.txt, .md, .html files and folders).",
        discussion: """
            Every card cites the sentence it came from. Problems with single sources are reported \
            on stderr and the build goes on; the exit is non-zero only when nothing could be built \
            (or with --strict when any source had a problem). Conflicts between sources are listed on stderr.
            """
    )

    @Argument(help: "Source files or folders (read recursively).")
    var sources: [String]

    @Option(name: .shortAndLong, help: "Where to write the deck (default: Decks/<title>.json).")
    var output: String?

    @Option(help: "The deck's title (default: the output file's name).")
    var title: String?

    @Option(help: "At most this many cards.")
    var maxCards: Int?

    @Flag(help: "Print per source what was dropped as noise, facts found, cards kept, and the conflicts.")
    var report = false

    @Flag(name: .shortAndLong, help: "Also list every dropped line on stderr.")
    var verbose = false

    @Flag(help: "Fail when any source cannot be read.")
    var strict = false

    func validate() throws {
        if let maxCards, maxCards < 1 { throw ValidationError("--max-cards must be at least 1") }
    }

    func run() async throws {
        let outputPath = output ?? "Decks/\(DeckBuilder.Options.slug(title ?? "deck")).json"
        let stem = URL(fileURLWithPath: outputPath).deletingPathExtension().lastPathComponent
        let deckTitle = title ?? stem.replacingOccurrences(of: "-", with: " ").capitalized
        let builder = DeckBuilder(options: .init(title: deckTitle, deckID: DeckBuilder.Options.slug(stem), maxCards: maxCards))
        let bar = ProgressBar()
        let result = builder.build(paths: sources) { done, total in bar.update(done: done, total: total) }
        bar.finish()
        let stderr = StandardError()
        for problem in result.report.problems { stderr.line("warning: \(problem)") }
        if verbose {
            for s in result.report.sources {
                for d in s.dropped { stderr.line("\(s.source):\(d.line): dropped (\(d.reason)): \(d.text)") }
            }
            for f in result.report.facts.sorted(by: { ($0.source, $0.line) < ($1.source, $1.line) }) {
                let note = f.quotable ? String(format: "score %.1f", f.score) : "conflict reading only"
                stderr.line("\(f.source):\(f.line): fact (\(note)): \(f.text) => \(f.answer)")
            }
        }
        if strict && !result.report.problems.isEmpty {
            throw BuildFailure(message: DeckBuildError.strictFailure(problems: result.report.problems.count).description)
        }
        guard !result.deck.cards.isEmpty else {
            throw BuildFailure(message: DeckBuildError.nothingBuilt(problems: result.report.problems.count).description)
        }
        try DeckWriter.write(result.deck, to: outputPath)
        for c in result.report.conflicts { stderr.line("conflict: " + c.line) }
        if report { print(result.report.render()) }
        let kinds = result.report.cardsByKind.keys.sorted().map { "\($0) \(result.report.cardsByKind[$0] ?? 0)" }
        stderr.line("wrote \(outputPath): \(result.deck.cards.count) cards (\(kinds.joined(separator: ", "))), \(result.report.conflicts.count) conflicts")
    }
}

struct BuildFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
