import Foundation
import MnemoCore

/// `mnemo import`: a deck from an Anki package, an Anki text export or a CSV file.
public enum DeckImporter {
    public struct Result: Sendable {
        public var deck: Deck
        /// Rows (or notes) that were skipped, each with its row number and why.
        public var problems: [RowProblem]
    }

    /// Reads `url` (a zip is taken for an Anki package whatever its extension; `.apkg` and
    /// `.colpkg` must be one). Throws when nothing at all can be imported.
    public static func read(_ url: URL) throws(ExchangeError) -> Result {
        let path = url.relativePath
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path, error.localizedDescription) }
        let ext = url.pathExtension.lowercased()
        let isZip = data.starts(with: [0x50, 0x4B])
        let notes: [ForeignNote]
        var problems: [RowProblem] = []
        var title: String?
        var header: Deck?
        var deckID: String?
        if ext == "apkg" || ext == "colpkg" || isZip {
            let contents = try AnkiPackageReader.read(url)
            notes = contents.notes
            title = contents.deckName
            deckID = contents.mnemoDeckID
            header = contents.mnemoDeck
        } else {
            guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path) }
            let contents = AnkiTextFile.read(text)
            notes = contents.notes
            problems = contents.problems
            title = contents.deckName
            header = contents.mnemoDeck
        }
        let made = NoteImport.cards(from: notes)
        problems += made.problems
        problems.sort { $0.row < $1.row }
        guard !made.cards.isEmpty else {
            throw .nothingImported(path, problems: problems.count, first: problems.first?.description)
        }
        let stem = url.deletingPathExtension().lastPathComponent
        var deck = header ?? Deck(id: deckID ?? slug(title ?? stem), title: title ?? stem)
        deck.cards = made.cards
        if header == nil || deck.languages.isEmpty {
            deck.languages = Array(Set(made.cards.map(\.language))).sorted()
        }
        return Result(deck: deck, problems: problems)
    }

    /// "World War II: Dates" -> "world-war-ii-dates"; Arabic and other letters are kept.
    public static func slug(_ title: String) -> String {
        let parts = title.lowercased().split { !$0.isLetter && !$0.isNumber }
        let joined = parts.joined(separator: "-")
        return joined.isEmpty ? "imported" : joined
    }
}
