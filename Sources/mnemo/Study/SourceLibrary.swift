import Foundation
import MnemoCore

/// Finds the source texts a deck was built from, to show the passage around a card's evidence (`:source`).
/// A source is looked for next to the deck file, under its recorded name, then in a `sources` folder there.
struct SourceLibrary: Sendable {
    /// Deck id → the folder holding the deck file.
    var deckFolders: [String: URL]

    /// The lines of the paragraph holding `evidence` (at most `maxLines` around it), numbered; nil if the
    /// source file cannot be read or no longer has that line.
    func passage(for evidence: Provenance, deck: String, maxLines: Int = 12) -> [(number: Int, text: String)]? {
        guard let folder = deckFolders[deck] else { return nil }
        let candidates = [
            folder.appendingPathComponent(evidence.source),
            folder.appendingPathComponent("sources").appendingPathComponent(evidence.source),
            folder.deletingLastPathComponent().appendingPathComponent(evidence.source),
        ]
        for url in candidates {
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                continue
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = evidence.line - 1
            guard lines.indices.contains(index) else { return nil }
            func blank(_ i: Int) -> Bool { lines[i].trimmingCharacters(in: .whitespaces).isEmpty }
            var start = index
            while start > 0, !blank(start - 1), index - start < maxLines / 2 { start -= 1 }
            var end = index
            while end + 1 < lines.count, !blank(end + 1), end - start + 1 < maxLines { end += 1 }
            return (start...end).map { (number: $0 + 1, text: lines[$0]) }
        }
        return nil
    }
}
