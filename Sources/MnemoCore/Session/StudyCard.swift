/// A card as the session sees it: the card, the deck it belongs to, and its place in source order.
public struct StudyCard: Hashable, Sendable {
    public var card: Card
    public var deck: String
    public var deckTitle: String
    /// Position in source order across all decks studied (decks in the order given, cards as listed).
    public var position: Int

    public init(card: Card, deck: String, deckTitle: String, position: Int) {
        self.card = card
        self.deck = deck
        self.deckTitle = deckTitle
        self.position = position
    }

    public var id: CardID { card.id }

    /// All cards of `decks`, in source order.
    public static func all(in decks: [Deck]) -> [StudyCard] {
        var result: [StudyCard] = []
        var seen = Set<CardID>()
        for deck in decks {
            for card in deck.cards where seen.insert(card.id).inserted {
                result.append(StudyCard(card: card, deck: deck.id, deckTitle: deck.title, position: result.count))
            }
        }
        return result
    }
}

/// Which queue a card was drawn from.
public enum QueueKind: String, Codable, Sendable, CaseIterable {
    case review
    case learning
    case new
}

/// The card to show now.
public struct StudyItem: Hashable, Sendable {
    public var card: StudyCard
    public var state: CardState
    public var queue: QueueKind
    /// This card's number in the session, and the session's expected length (the study screen shows
    /// the cards still queued instead, since failed cards coming back make this length grow).
    public var number: Int
    public var total: Int
    /// Id the review event for this card will carry; previews use it so they show the exact fuzzed interval.
    public var pendingEventID: String
}
