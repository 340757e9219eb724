/// What sort of question a card asks. The raw values are the deck format's `kind` strings.
public enum CardKind: String, Codable, Sendable, CaseIterable {
    /// A sentence with the answer blanked out.
    case cloze
    /// A wh-question ("When did …?", "How many …?").
    case question
    /// Multiple choice: `choices` holds the options, `answer` is one of them.
    case choice
    /// A statement to judge: `answer` is "true" or "false".
    case truefalse
    /// Chronology: `choices` holds events as shown (labelled a, b, c …),
    /// `answer` is their letters in chronological order, e.g. "c, a, b".
    case order
}

/// What type of value the answer is; answer checking uses it to compare with sense.
public enum AnswerType: String, Codable, Sendable, CaseIterable {
    case date
    case year
    case number
    case person
    case place
    case name
    case text
}

extension CardKind {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let kind = CardKind(rawValue: raw) else {
            let known = CardKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown kind '\(raw)' (expected one of \(known))")
        }
        self = kind
    }
}

extension AnswerType {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let type = AnswerType(rawValue: raw) else {
            let known = AnswerType.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown answer type '\(raw)' (expected one of \(known))")
        }
        self = type
    }
}
