import Foundation

/// Proves a deck's evidence is real: each source file in a folder has the SHA-256 the deck
/// records, and each quote is exactly the text at its line and character range.
///
/// Lines are split at LF; a CR before the LF is not part of the line. `start` and `end` count
/// `Character`s (grapheme clusters) from the start of the line, end exclusive.
public enum EvidenceVerifier {
    public static func verify(_ deck: Deck, sourcesFolder folder: URL) -> [DeckProblem] {
        var problems: [DeckProblem] = []
        var lines: [String: [[Character]]] = [:]
        for (i, source) in deck.sources.enumerated() where lines[source.file] == nil {
            let field = "sources[\(i)]"
            let url = folder.appendingPathComponent(source.file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append(
                    .init(.error, field: "\(field).file", "'\(source.file)' not found in \(folder.relativePath)"))
                continue
            }
            let digest = SHA256.hexDigest(of: [UInt8](data))
            if digest != source.sha256 {
                problems.append(
                    .init(
                        .error, field: "\(field).sha256",
                        "does not match \(url.relativePath) (its SHA-256 is \(digest)); the source changed since the deck was built"
                    ))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(.init(.error, field: "\(field).file", "\(url.relativePath) is not UTF-8 text"))
                continue
            }
            lines[source.file] = splitLines(text)
        }
        for card in deck.cards {
            for (i, evidence) in card.evidence.enumerated() {
                if let message = mismatch(evidence, lines: lines) {
                    problems.append(.init(.error, card: card.id, field: "evidence[\(i)].quote", message))
                }
            }
            for (i, reading) in (card.conflict?.readings ?? []).enumerated() {
                if let message = mismatch(reading.evidence, lines: lines) {
                    problems.append(
                        .init(.error, card: card.id, field: "conflict.readings[\(i)].evidence.quote", message))
                }
            }
        }
        return problems
    }

    /// How many quotes `verify` checks: every card's evidence and every conflict reading's.
    public static func quoteCount(_ deck: Deck) -> Int {
        deck.cards.reduce(0) { $0 + $1.evidence.count + ($1.conflict?.readings.count ?? 0) }
    }

    /// Lines of a text as arrays of characters (so offsets index them directly).
    public static func splitLines(_ text: String) -> [[Character]] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            var line = String(String.UnicodeScalarView(scalars))
            if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            return Array(line)
        }
    }

    /// Why the quote is not at its place, or nil when it is. Sources that could not be read
    /// were reported already, and evidence naming an unlisted source is the validator's to report.
    static func mismatch(_ evidence: Provenance, lines: [String: [[Character]]]) -> String? {
        guard let sourceLines = lines[evidence.source] else { return nil }
        guard evidence.line >= 1, evidence.line <= sourceLines.count else {
            return "\(evidence.source) has no line \(evidence.line) (it has \(sourceLines.count))"
        }
        let line = sourceLines[evidence.line - 1]
        guard evidence.start >= 0, evidence.start < evidence.end, evidence.end <= line.count else {
            return
                "characters \(evidence.start)..<\(evidence.end) are outside line \(evidence.line) of \(evidence.source) (\(line.count) characters)"
        }
        let found = String(line[evidence.start..<evidence.end])
        if found == evidence.quote { return nil }
        return
            "does not match \(evidence.source) line \(evidence.line), characters \(evidence.start)..<\(evidence.end), which read '\(found)'"
    }
}
