import ArgumentParser
import Foundation
import MnemoCore

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate decks.",
        discussion: """
            Prints every problem as FILE: card ID: field: problem, then a summary line per deck. \
            Exits non-zero when any deck cannot be read or has an error (warnings do not fail). \
            With --sources DIR, also proves the evidence: each source's SHA-256 and each quote \
            against the text at its line and character range.
            """
    )

    @Argument(help: "Deck files to check.")
    var decks: [String]

    @Option(name: .long, help: "Folder holding the decks' source files, to verify evidence against.")
    var sources: String?

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        let reports = decks.map { DeckCheck.run(path: $0, sourcesFolder: sources) }
        for report in reports {
            if let failure = report.failure {
                FileHandle.standardError.write(Data("Error: \(failure)\n".utf8))
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(reports)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else {
            var out = ""
            for report in reports { out += report.text }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
        if reports.contains(where: { !$0.ok }) { throw ExitCode.failure }
    }
}

/// The outcome of checking one deck file; `--json` prints a list of these.
struct DeckCheck: Codable, Equatable {
    var file: String
    /// Number of cards, or nil when the deck could not be read.
    var cards: Int?
    /// Why the deck could not be read at all (one line naming the file).
    var failure: String?
    var problems: [DeckProblem]
    var ok: Bool
    var errors: Int
    var warnings: Int
    /// With --sources: the folder, and how many sources and quotes were checked against it.
    var evidence: EvidenceCheck?

    struct EvidenceCheck: Codable, Equatable {
        var folder: String
        var sources: Int
        var quotes: Int
    }

    static func run(path: String, sourcesFolder: String?) -> DeckCheck {
        let deck: Deck
        do {
            deck = try Deck.load(from: URL(fileURLWithPath: path))
        } catch {
            return DeckCheck(
                file: path, cards: nil, failure: error.description, problems: [], ok: false, errors: 1, warnings: 0,
                evidence: nil)
        }
        var problems = DeckValidator.validate(deck)
        var evidence: EvidenceCheck?
        if let sourcesFolder {
            problems += EvidenceVerifier.verify(deck, sourcesFolder: URL(fileURLWithPath: sourcesFolder))
            evidence = EvidenceCheck(
                folder: sourcesFolder, sources: Set(deck.sources.map(\.file)).count,
                quotes: EvidenceVerifier.quoteCount(deck))
        }
        let errors = problems.count { $0.severity == .error }
        return DeckCheck(
            file: path, cards: deck.cards.count, failure: nil, problems: problems, ok: errors == 0,
            errors: errors, warnings: problems.count - errors, evidence: evidence)
    }

    /// Problem lines, then "FILE: N cards, ok", "FILE: N cards, ok (1 warning)" or "FILE: N cards, 2 errors",
    /// with --sources followed by "; checked 5 sources and 96 quotes against DIR".
    var text: String {
        guard let cards else { return "" }
        var out = ""
        for problem in problems { out += "\(file): \(problem)\n" }
        let count = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        var summary = "\(file): \(count(cards, "card"))"
        if errors > 0 {
            summary += ", \(count(errors, "error"))"
            if warnings > 0 { summary += ", \(count(warnings, "warning"))" }
        } else {
            summary += warnings > 0 ? ", ok (\(count(warnings, "warning")))" : ", ok"
        }
        if let evidence {
            summary +=
                "; checked \(count(evidence.sources, "source")) and \(count(evidence.quotes, "quote")) against \(evidence.folder)"
        }
        return out + summary + "\n"
    }
}
