/// One question of a deck, with the evidence for its answer.
public struct Card: Codable, Hashable, Sendable, Identifiable {
    public var id: CardID
    public var kind: CardKind
    public var prompt: String
    public var answer: String
    /// Other answers that count as right ("the USSR" for "the Soviet Union").
    public var accepted: [String]
    /// Options for `choice` (answer among them) and the events of `order` cards.
    public var choices: [String]
    public var answerType: AnswerType
    /// BCP 47 language of the card's text, e.g. "en", "ar".
    public var language: String
    /// Where the fact was read; several entries when sources agree.
    public var evidence: [Provenance]
    public var tags: [String]
    /// Other sources' readings of the same fact, when they disagree.
    public var conflict: Conflict?
    /// Cards asking the same fact share a fact id (siblings are not shown the same day).
    public var fact: String?

    public init(
        id: CardID, kind: CardKind, prompt: String, answer: String,
        accepted: [String] = [], choices: [String] = [], answerType: AnswerType = .text,
        language: String = "en", evidence: [Provenance] = [], tags: [String] = [],
        conflict: Conflict? = nil, fact: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.answer = answer
        self.accepted = accepted
        self.choices = choices
        self.answerType = answerType
        self.language = language
        self.evidence = evidence
        self.tags = tags
        self.conflict = conflict
        self.fact = fact
    }
}

extension Card {
    enum CodingKeys: String, CodingKey {
        case id, kind, prompt, answer, accepted, choices, answerType, language, evidence, tags, conflict, fact
    }

    /// `id`, `kind`, `prompt` and `answer` are required; lists default to empty, `answerType`
    /// to `text`, `language` to "en", `conflict` and `fact` to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(CardID.self, forKey: .id)
        kind = try c.decode(CardKind.self, forKey: .kind)
        prompt = try c.decode(String.self, forKey: .prompt)
        answer = try c.decode(String.self, forKey: .answer)
        accepted = try c.decodeIfPresent([String].self, forKey: .accepted) ?? []
        choices = try c.decodeIfPresent([String].self, forKey: .choices) ?? []
        answerType = try c.decodeIfPresent(AnswerType.self, forKey: .answerType) ?? .text
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
        evidence = try c.decodeIfPresent([Provenance].self, forKey: .evidence) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        conflict = try c.decodeIfPresent(Conflict.self, forKey: .conflict)
        fact = try c.decodeIfPresent(String.self, forKey: .fact)
    }
}
