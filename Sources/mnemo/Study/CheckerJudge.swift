import MnemoCore

/// Judges typed answers with each deck's `AnswerChecker` (numbers, dates, typos, surnames, Arabic).
struct CheckerJudge: AnswerJudging {
    private let checkers: [String: AnswerChecker]

    init(decks: [Deck]) {
        var checkers: [String: AnswerChecker] = [:]
        for deck in decks where checkers[deck.id] == nil { checkers[deck.id] = AnswerChecker(deck: deck) }
        self.checkers = checkers
    }

    func judge(_ typed: String, card: StudyCard, shown: [String]?) -> Judgement {
        let checker = checkers[card.deck] ?? AnswerChecker(cards: [card.card])
        // A choice card whose options were not shown (typed mode) takes no option letters.
        let options = card.card.kind == .choice ? (shown ?? []) : shown
        let result = checker.check(typed, against: card.card, shownChoices: options)
        return Judgement(verdict: result.verdict, expected: result.expected, note: result.note)
    }
}
