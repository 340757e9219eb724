import ArgumentParser
import DeckBuilder
import DeckExchange
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

    @Option(parsing: .unconditional, help: "At most this many cards.")
    var maxCards: Int?

    @Flag(help: "Print per source what was dropped as noise, facts found, cards kept, and the conflicts.")
    var report = false

    @Flag(help: "Print the report as JSON on stdout (sorted keys; docs/deck-builder.md), instead of as text.")
    var json = false

    @Flag(name: .shortAndLong, help: "Also list every dropped line on stderr.")
    var verbose = false

    @Flag(help: "Fail when any source cannot be read.")
    var strict = false

    @Option(
        help: "Add the cards built from the sources to this existing deck; its cards and their ids stay as they are.")
    var into: String?

    func validate() throws {
        if let maxCards, maxCards < 1 { throw CLIError.badOption("--max-cards must be at least 1") }
        if into != nil && (output != nil || title != nil) {
            throw CLIError.badOption("--into writes to the existing deck and keeps its title; leave out -o and --title")
        }
    }

    func run() async throws {
        let existing = try into.map { try Deck.load(from: URL(fileURLWithPath: $0)) }
        let outputPath = into ?? output ?? "Decks/\(DeckBuilder.Options.slug(title ?? "deck")).json"
        let stem = URL(fileURLWithPath: outputPath).deletingPathExtension().lastPathComponent
        let deckTitle = existing?.title ?? title ?? stem.replacingOccurrences(of: "-", with: " ").capitalized
        let deckID = existing?.id ?? DeckBuilder.Options.slug(stem)
        let builder = DeckBuilder(
            options: .init(
                title: deckTitle, deckID: deckID, maxCards: maxCards, keepDroppedLines: report || verbose || json))
        let bar = ProgressBar()
        let result = builder.build(paths: sources) { done, total in bar.update(done: done, total: total) }
        bar.finish()
        let stderr = StandardError()
        let problems = result.report.problems
        // Nothing built from one source with one problem: that problem is the one line to print.
        if result.deck.cards.isEmpty, problems.count == 1, !strict {
            if json { try printReport(result.report, deck: nil) }
            throw BuildFailure(message: DeckBuildError.nothingBuiltFrom(problems[0].description).description)
        }
        for problem in problems { stderr.line("warning: \(problem)") }
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
            throw BuildFailure(
                message: DeckBuildError.strictFailure(problems: result.report.problems.count).description)
        }
        guard !result.deck.cards.isEmpty else {
            // What was found still tells why nothing could be built.
            if json { try printReport(result.report, deck: nil) }
            throw BuildFailure(message: DeckBuildError.nothingBuilt(problems: result.report.problems.count).description)
        }
        if let existing {
            let (merged, summary) = DeckMerge.merge(result.deck, into: existing)
            try DeckFile.save(merged, to: URL(fileURLWithPath: outputPath))
            printConflicts(result.report, to: stderr)
            try printReport(result.report, deck: outputPath)
            stderr.line(
                "added \(summary.added) cards to \(outputPath) (now \(merged.cards.count)); \(summary.alreadyThere) were already there"
                    + " and kept as they are (\(summary.newEvidence) gained evidence); sources: \(summary.newSources.count) new"
                    + (summary.changedSources.isEmpty
                        ? "" : ", changed: " + summary.changedSources.joined(separator: ", ")))
            return
        }
        try DeckWriter.write(result.deck, to: outputPath)
        printConflicts(result.report, to: stderr)
        try printReport(result.report, deck: outputPath)
        let kinds = result.report.cardsByKind.keys.sorted().map { "\($0) \(result.report.cardsByKind[$0] ?? 0)" }
        stderr.line(
            "wrote \(outputPath): \(result.deck.cards.count) cards (\(kinds.joined(separator: ", "))), \(result.report.conflicts.count) conflicts"
        )
    }

    /// The conflicts on stderr, unless the report (which lists them) goes to stdout.
    private func printConflicts(_ built: BuildReport, to stderr: StandardError) {
        guard !report && !json else { return }
        for c in built.conflicts { stderr.line("conflict: " + c.line) }
    }

    /// `--json` prints the report as JSON, `--report` as text; neither prints nothing.
    private func printReport(_ built: BuildReport, deck: String?) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(built.document(deck: deck)), as: UTF8.self))
        } else if report {
            print(built.render())
        }
    }
}

struct BuildFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
