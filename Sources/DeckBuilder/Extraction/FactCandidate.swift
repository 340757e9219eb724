import MnemoCore

/// One fact read from one sentence, with the card texts drafted while the sentence was at hand
/// (so the document's text can be dropped right after).
public struct FactCandidate: Sendable {
    public enum Value: Sendable, Hashable {
        case date(DateValue)
        case figure(NumberValue)
        case name(NameValue)
    }

    public var value: Value
    public var answerType: AnswerType
    /// Normalized answer ("1945-08-06", "600000").
    public var normalized: String
    /// The answer as a question card gives it ("August 6, 1945", "more than 600,000").
    public var answer: String
    /// The answer as the sentence wrote it, for the cloze ("August 8").
    public var surfaceAnswer: String
    public var accepted: [String]
    public var language: String
    /// Arabic months of the Levantine system.
    public var levantine: Bool
    /// The clause the cards use, with the answer's place marked by `blank`.
    public var clausePrefix: String
    public var clauseSuffix: String
    /// The label of the blank: "[date]", "[year]", "[number]", "[السنة]".
    public var blankLabel: String
    /// A grammatical wh-question, when the clause parses.
    public var question: String?
    /// "The United States dropped an atomic bomb on Hiroshima": the event, for chronology cards.
    public var event: String?
    /// Normalized content words of the clause, without the answer: what is asked.
    public var keywords: [String]
    /// Words that name the subject matter for matching across sources (verbs lemmatized).
    public var matchWords: Set<String>
    public var evidence: Provenance
    public var tags: [String]
    /// Higher is better; see DeckAssembler.rank.
    public var score: Double
    /// False for facts read from a sentence too garbled to quote on a card: such a fact can only
    /// be another source's reading in a conflict, never a card's own text.
    public var quotable = true
    /// The date was read in an earlier sentence of the paragraph ("In February 1945, …"), not in
    /// the fact's own sentence: only a question can be asked, and both sentences are cited.
    public var context: Provenance?

    /// The clause with `text` in the answer's place.
    public func clause(with text: String) -> String { clausePrefix + text + clauseSuffix }
    public var cloze: String { clause(with: blankLabel) }

    var dateValue: DateValue? { if case .date(let d) = value { d } else { nil } }
    var numberValue: NumberValue? { if case .figure(let n) = value { n } else { nil } }
    var nameValue: NameValue? { if case .name(let n) = value { n } else { nil } }
}

/// A name as a fact's answer: who or what, and its class ("marshal", "palace", "conference", "معركة").
public struct NameValue: Hashable, Sendable {
    public var value: String
    public var kind: String
    public var head: String
}
