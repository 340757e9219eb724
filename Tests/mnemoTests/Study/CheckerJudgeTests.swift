import MnemoCore
import Testing

@testable import mnemo

struct CheckerJudgeTests {
    static let card: Card = {
        let here = Provenance(source: "a.txt", line: 1, start: 0, end: 10, quote: "The bomb fell on August 6, 1945.")
        let there = Provenance(source: "b.txt", line: 4, start: 0, end: 10, quote: "The bomb fell on August 15, 1945.")
        return Card(
            id: CardID("question-1"), kind: .question, prompt: "When did the bomb fall on Hiroshima?",
            answer: "August 6, 1945", answerType: .date, evidence: [here],
            conflict: Conflict(readings: [ConflictReading(value: "August 15, 1945", evidence: there)]))
    }()

    @Test(arguments: [
        ("August 6, 1945", Verdict.right, false),
        ("15 August 1945", Verdict.right, true),
        ("August 16, 1945", Verdict.wrong, false),
    ])
    func anotherSourcesReadingCountsAsRecall(typed: String, verdict: Verdict, namesTheOtherSource: Bool) {
        let deck = Deck(id: "d", title: "D", cards: [Self.card])
        let judge = CheckerJudge(decks: [deck])
        let judgement = judge.judge(
            typed, card: StudyCard(card: Self.card, deck: "d", deckTitle: "D", position: 0), shown: nil)
        #expect(judgement.verdict == verdict)
        #expect((judgement.note?.contains("b.txt") ?? false) == namesTheOtherSource)
        #expect((judgement.otherReading?.evidence.source == "b.txt") == namesTheOtherSource)
        if namesTheOtherSource {
            #expect(judgement.note == "August 15, 1945 is what b.txt says; this card teaches August 6, 1945.")
        }
    }

    /// The card asks for a month and year; another source gives a full date in another month.
    @Test(arguments: [
        ("May 1945", Verdict.right, true),
        ("may 1945", Verdict.right, true),
        ("May 8, 1945", Verdict.right, true),
        ("February 1945", Verdict.right, false),
        ("June 1945", Verdict.wrong, false),
        ("1945", Verdict.wrong, false),
    ])
    func anotherSourcesFullDateAtTheCardsPrecision(typed: String, verdict: Verdict, namesTheOtherSource: Bool) {
        let here = Provenance(
            source: "a.txt", line: 2, start: 0, end: 9, quote: "In February 1945, the war in Europe ended.")
        let there = Provenance(
            source: "c.txt", line: 7, start: 0, end: 9, quote: "On May 8, 1945, the war in Europe ended.")
        let card = Card(
            id: CardID("cloze-1"), kind: .cloze, prompt: "In [month and year], the war in Europe ended.",
            answer: "February 1945", answerType: .date, evidence: [here],
            conflict: Conflict(readings: [ConflictReading(value: "May 8, 1945", evidence: there)]))
        let judge = CheckerJudge(decks: [Deck(id: "d", title: "D", cards: [card])])
        let judgement = judge.judge(
            typed, card: StudyCard(card: card, deck: "d", deckTitle: "D", position: 0), shown: nil)
        #expect(judgement.verdict == verdict)
        #expect((judgement.note?.contains("c.txt") ?? false) == namesTheOtherSource)
        #expect((judgement.otherReading != nil) == namesTheOtherSource)
        if namesTheOtherSource {
            #expect(judgement.note == "May 8, 1945 is what c.txt says; this card teaches February 1945.")
        }
    }

    @Test("once the conflict is settled in curation, the reading not chosen is wrong")
    func settledConflictTeachesOneReading() throws {
        let settled = try CardEdit.settle(Self.card, choosing: 1)
        let judge = CheckerJudge(decks: [Deck(id: "d", title: "D", cards: [settled])])
        let study = StudyCard(card: settled, deck: "d", deckTitle: "D", position: 0)
        #expect(judge.judge("August 15, 1945", card: study, shown: nil).verdict == .wrong)
        #expect(judge.judge("August 6, 1945", card: study, shown: nil).verdict == .right)
    }
}
