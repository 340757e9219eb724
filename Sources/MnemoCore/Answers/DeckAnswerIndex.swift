import Foundation

/// The deck-wide facts answer checking needs: which people share a surname, and every answer of
/// each type (a typed answer equal to another one is never taken as a typo). Built once, lazily,
/// and safe to share between threads.
final class DeckAnswerIndex: @unchecked Sendable {
    struct Built {
        /// The distinct people answering person cards, as comparable words without titles,
        /// grouped by their last word (the surname).
        var personsBySurname: [String: [[String]]]
        /// Comparison keys of every answer and alternative in the deck, by answer type.
        var keysByType: [AnswerType: Set<String>]
    }

    private let cards: [Card]
    private let lock = NSLock()
    private var cache: Built?

    init(cards: [Card]) { self.cards = cards }

    var built: Built {
        lock.lock()
        defer { lock.unlock() }
        if let cache { return cache }
        let value = Self.build(cards)
        cache = value
        return value
    }

    private static func build(_ cards: [Card]) -> Built {
        var persons: Set<[String]> = []
        var keys: [AnswerType: Set<String>] = [:]
        for card in cards {
            let answer = PreparedText(card.answer)
            keys[card.answerType, default: []].insert(answer.key)
            for form in card.accepted { keys[card.answerType, default: []].insert(AnswerText.key(form)) }
            if card.answerType == .person {
                let words = answer.words.filter { !AnswerText.titles.contains($0) }
                if !words.isEmpty { persons.insert(words) }
            }
        }
        return Built(personsBySurname: Dictionary(grouping: persons, by: { $0.last ?? "" }), keysByType: keys)
    }
}
