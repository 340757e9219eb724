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
        if result.verdict == .wrong, shown == nil,
            let reading = Self.otherReading(typed, card: card.card, checker: checker)
        {
            // The sources disagree and the learner gave another source's value: that is recall, not a mistake.
            let note =
                "\(reading.value) is what \(reading.evidence.source) says; this card teaches \(card.card.answer)."
            return Judgement(verdict: .right, expected: result.expected, note: note, otherReading: reading)
        }
        return Judgement(verdict: result.verdict, expected: result.expected, note: result.note)
    }

    /// The conflicting reading that `typed` gives, if any. Not once a teacher settled the conflict
    /// (`mnemo curate` writes `conflict.note`): the readings not chosen are then kept as a record only.
    static func otherReading(_ typed: String, card: Card, checker: AnswerChecker) -> ConflictReading? {
        guard let conflict = card.conflict, conflict.note == nil else { return nil }
        let readings = conflict.readings
        return readings.first { reading in
            var other = card
            other.answer = reading.value
            other.accepted = []
            if checker.check(typed, against: other, shownChoices: nil).verdict == .right { return true }
            // "May 1945" for a source's "May 8, 1945" when the card asks for the month and year.
            return (card.answerType == .date || card.answerType == .year)
                && CoarseDate.typed(typed, gives: reading.value, atPrecisionOf: card.answer)
        }
    }
}
