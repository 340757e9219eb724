/// One thing wrong with a deck, and where: the card (if any) and the field within it
/// (`evidence[0].quote`, `sources[2].file`, …).
public struct DeckProblem: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable, Comparable {
        /// The deck is broken: a card cannot be studied or its evidence is not real.
        case error
        /// The deck works but something is probably a mistake.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    public var card: CardID?
    public var field: String
    public var message: String

    public init(_ severity: Severity, card: CardID? = nil, field: String, _ message: String) {
        self.severity = severity
        self.card = card
        self.field = field
        self.message = message
    }

    /// `card ID: field: problem`, with `warning: ` before the problem for warnings.
    public var description: String {
        var parts: [String] = []
        if let card { parts.append("card \(card.rawValue.isEmpty ? "(no id)" : card.rawValue)") }
        parts.append(field)
        parts.append(severity == .warning ? "warning: \(message)" : message)
        return parts.joined(separator: ": ")
    }
}
