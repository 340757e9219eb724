import Testing

@testable import MnemoCore
@testable import mnemo

/// The session header numbers the card, counts the cards left, names its phase and, in cram, counts seen and new cards.
struct CardScreenHeaderTests {
    static let card = StudyCard(
        card: Card(id: CardID("cloze-1"), kind: .cloze, prompt: "In [year] the war ended.", answer: "1945"),
        deck: "d", deckTitle: "War", position: 0)

    @Test(arguments: [
        (QueueKind.review, CardPhase.review, false, "· review   (review 3 · learning 1 · new 8)"),
        (QueueKind.learning, CardPhase.learning, false, "· learning   (review 3 · learning 1 · new 8)"),
        (QueueKind.learning, CardPhase.relearning, false, "· relearning   (review 3 · learning 1 · new 8)"),
        (QueueKind.new, CardPhase.new, false, "· new   (review 3 · learning 1 · new 8)"),
        // Cram keeps every seen card in one queue: a learning card is still called learning.
        (QueueKind.review, CardPhase.learning, true, "· learning   (cram: seen 4 · new 8)"),
        (QueueKind.review, CardPhase.review, true, "· review   (cram: seen 4 · new 8)"),
        (QueueKind.new, CardPhase.new, true, "· new   (cram: seen 4 · new 8)"),
    ])
    func header(queue: QueueKind, phase: CardPhase, cram: Bool, expected: String) {
        var state = CardState()
        state.phase = phase
        let item = StudyItem(card: Self.card, state: state, queue: queue, number: 2, total: 12, pendingEventID: "e")
        let text = CardScreen(style: .plain).header(item, counts: (3, 1, 8), cram: cram)
        #expect(text == "\nWar · card 2 · 12 left " + expected + "\n")
    }
}
