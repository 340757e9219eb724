import ArgumentParser
import DeckExchange
import Foundation
import MnemoCore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a deck from Anki or CSV.",
        discussion: """
            Reads an Anki package (.apkg, legacy schema 11), an Anki text export (tab-separated, with \
            #separator and #columns headers), a CSV exported by 'mnemo export --format csv', or a plain \
            CSV with front, back and optional tags columns. Rows that cannot be read are reported with \
            their row number and the rest are imported. The deck is written atomically.
            """
    )

    @Argument(help: "The file to import.")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the deck (default: Decks/<name>.json).")
    var output: String?

    @Flag(help: "Replace the deck file if it exists.")
    var force = false

    @Flag(help: "Print what was imported as JSON on stdout.")
    var json = false

    func run() async throws {
        let input = URL(fileURLWithPath: file)
        let result = try DeckImporter.read(input)
        let target = URL(fileURLWithPath: output ?? "Decks/\(result.deck.id).json")
        if !force, FileManager.default.fileExists(atPath: target.path) {
            throw ExchangeError.exists(target.relativePath)
        }
        try DeckFile.save(result.deck, to: target)
        for problem in result.problems {
            FileHandle.standardError.write(Data("warning: \(file): \(problem), skipped\n".utf8))
        }
        let summary = ImportSummary(
            deck: target.relativePath, cards: result.deck.cards.count, skipped: result.problems.count,
            problems: result.problems.map(\.description))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            print(
                "imported \(summary.cards) card\(summary.cards == 1 ? "" : "s") into \(target.relativePath)"
                    + (summary.skipped > 0 ? " (\(summary.skipped) row\(summary.skipped == 1 ? "" : "s") skipped)" : "")
            )
        }
    }
}

struct ImportSummary: Codable {
    var deck: String
    var cards: Int
    var skipped: Int
    var problems: [String]
}
