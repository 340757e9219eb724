/// What a quiz sheet should hold.
public struct QuizOptions: Hashable, Sendable {
    /// How many versions of the sheet, each with its own question and option order.
    public var variants: Int
    /// How many questions per sheet; nil for every card that fits `kinds`.
    public var count: Int?
    /// The kinds of card to ask; nil for all.
    public var kinds: Set<CardKind>?
    public var seed: UInt64

    public init(variants: Int = 1, count: Int? = nil, kinds: Set<CardKind>? = nil, seed: UInt64 = 1) {
        self.variants = variants
        self.count = count
        self.kinds = kinds
        self.seed = seed
    }
}

/// Why a quiz cannot be made.
public enum QuizError: Error, Hashable, Sendable, CustomStringConvertible {
    case noCards(kinds: [String])
    case badVariants(Int)
    case badCount(Int)

    public var description: String {
        switch self {
        case .noCards(let kinds) where kinds.isEmpty: "the deck has no cards to put on a quiz"
        case .noCards(let kinds): "the deck has no cards of kind \(kinds.joined(separator: ", "))"
        case .badVariants(let n): "--variants must be between 1 and 26, not \(n)"
        case .badCount(let n): "--count must be at least 1, not \(n)"
        }
    }
}

/// One question as printed on one variant.
public struct QuizQuestion: Hashable, Sendable {
    public var card: Card
    /// Options as shown (choice options, or the events of an order card), in this variant's order.
    public var options: [String]
    /// The answer as the key prints it ("B. Paris", "c, a, b", "1945", "True").
    public var keyAnswer: String
    /// Whether the card's text runs right to left (Arabic, Hebrew, Persian, Urdu).
    public var isRightToLeft: Bool { ["ar", "he", "fa", "ur"].contains(card.language.prefix(2).lowercased()) }
}

/// One version of the sheet.
public struct QuizVariant: Hashable, Sendable {
    /// "A", "B", …
    public var label: String
    public var questions: [QuizQuestion]
}

/// Quiz sheets: the same questions in each variant, in a different order, options shuffled,
/// reproducible from the seed.
public struct Quiz: Hashable, Sendable {
    public var title: String
    public var variants: [QuizVariant]

    public init(deck: Deck, options: QuizOptions) throws(QuizError) {
        guard (1...26).contains(options.variants) else { throw .badVariants(options.variants) }
        if let count = options.count, count < 1 { throw .badCount(count) }
        let fitting = deck.cards.filter { options.kinds?.contains($0.kind) ?? true }
        guard !fitting.isEmpty else { throw .noCards(kinds: (options.kinds ?? []).map(\.rawValue).sorted()) }
        var generator = SeededGenerator(seed: options.seed)
        // One card per fact: a sibling (the cloze of a question's sentence) would give the answer away.
        var seenFacts: Set<String> = []
        var picked: Set<CardID> = []
        for card in fitting.shuffled(using: &generator) where seenFacts.insert(card.fact ?? card.id.rawValue).inserted {
            picked.insert(card.id)
        }
        let eligible = fitting.filter { picked.contains($0.id) }
        var chosen = eligible
        if let count = options.count, count < eligible.count {
            chosen = Array(eligible.shuffled(using: &generator).prefix(count))
            // Keep the deck's order for the first variant's base so sheets read naturally.
            let order = Dictionary(uniqueKeysWithValues: eligible.enumerated().map { ($1.id, $0) })
            chosen.sort { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
        }
        title = deck.title
        var variants: [QuizVariant] = []
        var previousOrders: Set<[CardID]> = []
        for index in 0..<options.variants {
            var cards = chosen.shuffled(using: &generator)
            // Make each variant's order differ from the others' when the cards allow it.
            var tries = 0
            while previousOrders.contains(cards.map(\.id)), tries < 20, cards.count > 1 {
                cards.shuffle(using: &generator)
                tries += 1
            }
            previousOrders.insert(cards.map(\.id))
            let label = String(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")[index])
            variants.append(
                QuizVariant(
                    label: label, questions: cards.map { Quiz.question(for: $0, using: &generator) }))
        }
        self.variants = variants
    }

    static func question(for card: Card, using generator: inout SeededGenerator) -> QuizQuestion {
        switch card.kind {
        case .choice:
            let options = card.choices.shuffled(using: &generator)
            let index = options.firstIndex(of: card.answer)
            let key = index.map { "\(letter($0)). \(card.answer)" } ?? card.answer
            return QuizQuestion(card: card, options: options, keyAnswer: key)
        case .order:
            return orderQuestion(card, using: &generator)
        case .truefalse:
            let value = card.answer.lowercased()
            return QuizQuestion(
                card: card, options: [], keyAnswer: value == "true" ? "True" : value == "false" ? "False" : card.answer)
        case .cloze, .question:
            var answer = card.answer
            if !card.accepted.isEmpty { answer += " (also: " + card.accepted.joined(separator: ", ") + ")" }
            return QuizQuestion(card: card, options: [], keyAnswer: answer)
        }
    }

    /// Shuffles an order card's events and rewrites its answer letters to match.
    static func orderQuestion(_ card: Card, using generator: inout SeededGenerator) -> QuizQuestion {
        let letters = card.answer.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { $0.lowercased() }
        let indices = letters.compactMap { l -> Int? in
            guard l.count == 1, let scalar = l.unicodeScalars.first, (97...122).contains(scalar.value) else {
                return nil
            }
            return Int(scalar.value) - 97
        }
        guard indices.count == card.choices.count, Set(indices).count == indices.count,
            indices.allSatisfy({ $0 < card.choices.count })
        else {
            return QuizQuestion(card: card, options: card.choices, keyAnswer: card.answer)
        }
        let chronological = indices.map { card.choices[$0] }
        let shown = card.choices.shuffled(using: &generator)
        let key = chronological.compactMap { event in shown.firstIndex(of: event).map { letter($0).lowercased() } }
        return QuizQuestion(card: card, options: shown, keyAnswer: key.joined(separator: ", "))
    }

    static func letter(_ index: Int) -> String {
        AnkiNote.letter(index)
    }
}
