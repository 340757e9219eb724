/// Adding newly built cards to an existing deck (`mnemo build --into DECK`): every card already
/// in the deck stays exactly as it is (a teacher's edits included) with its id, so students'
/// progress carries over; cards for new facts are added after them.
public enum DeckMerge {
    public struct Report: Hashable, Sendable {
        /// Cards added (facts the deck did not have).
        public var added: Int
        /// New cards whose id the deck already had: the deck's card was kept.
        public var alreadyThere: Int
        /// Of those, how many gained evidence from the new sources.
        public var newEvidence: Int
        /// Source files added to the deck's list, and files listed before whose content changed.
        public var newSources: [String]
        public var changedSources: [String]

        public init(added: Int, alreadyThere: Int, newEvidence: Int, newSources: [String], changedSources: [String]) {
            self.added = added
            self.alreadyThere = alreadyThere
            self.newEvidence = newEvidence
            self.newSources = newSources
            self.changedSources = changedSources
        }
    }

    /// `built` (a deck built from the new sources) merged into `existing`. The result keeps the
    /// existing deck's id, title and card order; sources and languages are the union.
    public static func merge(_ built: Deck, into existing: Deck) -> (deck: Deck, report: Report) {
        var deck = existing
        var report = Report(added: 0, alreadyThere: 0, newEvidence: 0, newSources: [], changedSources: [])
        for source in built.sources {
            if let index = deck.sources.firstIndex(where: { $0.file == source.file }) {
                if deck.sources[index].sha256 != source.sha256 {
                    deck.sources[index] = source
                    report.changedSources.append(source.file)
                }
            } else {
                deck.sources.append(source)
                report.newSources.append(source.file)
            }
        }
        for language in built.languages where !deck.languages.contains(language) {
            deck.languages.append(language)
        }
        var index: [CardID: Int] = [:]
        for (i, card) in deck.cards.enumerated() { index[card.id] = i }
        for card in built.cards {
            guard let i = index[card.id] else {
                index[card.id] = deck.cards.count
                deck.cards.append(card)
                report.added += 1
                continue
            }
            report.alreadyThere += 1
            let fresh = card.evidence.filter { !deck.cards[i].evidence.contains($0) }
            if !fresh.isEmpty {
                deck.cards[i].evidence += fresh
                report.newEvidence += 1
            }
        }
        return (deck, report)
    }
}
