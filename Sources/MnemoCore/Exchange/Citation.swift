/// How quiz keys and Anki's Source field cite a card's evidence.
public enum Citation {
    /// `battle.txt, line 12: “The battle began in 1415.”`
    public static func text(for evidence: Provenance) -> String {
        "\(evidence.source), line \(evidence.line): “\(evidence.quote)”"
    }

    /// Every piece of evidence on its own line, then the readings of other sources when they
    /// disagree. Empty when the card records none (cards imported from elsewhere).
    public static func lines(for card: Card) -> [String] {
        var lines = card.evidence.map(text(for:))
        if let conflict = card.conflict, !conflict.readings.isEmpty {
            let others = conflict.readings.map { "\($0.value) (\($0.evidence.source), line \($0.evidence.line))" }
            lines.append("Sources disagree: " + others.joined(separator: "; "))
            if let note = conflict.note { lines.append("Note: " + note) }
        }
        return lines
    }

    /// Reads back a line written by `text(for:)`; nil for anything else.
    public static func provenance(from line: String) -> Provenance? {
        guard let lineMark = line.range(of: ", line "),
            let colon = line[lineMark.upperBound...].range(of: ": “"),
            let number = Int(line[lineMark.upperBound..<colon.lowerBound]),
            line.hasSuffix("”")
        else { return nil }
        let quote = String(line[colon.upperBound...].dropLast())
        return Provenance(
            source: String(line[..<lineMark.lowerBound]), line: number, start: 0, end: quote.count, quote: quote)
    }
}
