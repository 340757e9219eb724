import Foundation
import MnemoCore

/// Answer checking: microseconds per typed answer over a mix of text with a typo, dates,
/// numbers in words, an Arabic surname and a choice letter, against a deck of 10,000 cards
/// (the deck-wide sets of names and answers are in play).
enum AnswerCheckBench {
    static func run() {
        var cards: [Card] = []
        for i in 0..<10_000 {
            cards.append(
                Card(
                    id: CardID("q-\(i)"), kind: .question, prompt: "?", answer: "Person Number\(i)", answerType: .person
                ))
        }
        let probes: [(String, Card)] = [
            (
                "The Yalta Conferance of the three great powerz",
                Card(
                    id: CardID("t"), kind: .question, prompt: "?",
                    answer: "The Yalta Conference of the three great powers")
            ),
            (
                "8 aug 1945",
                Card(id: CardID("d"), kind: .question, prompt: "?", answer: "August 8, 1945", answerType: .date)
            ),
            (
                "٨ آب ١٩٤٥",
                Card(id: CardID("a"), kind: .question, prompt: "?", answer: "August 8, 1945", answerType: .date)
            ),
            (
                "six hundred thousand",
                Card(id: CardID("n"), kind: .question, prompt: "?", answer: "more than 600,000", answerType: .number)
            ),
            (
                "عبد الناصر",
                Card(id: CardID("p"), kind: .question, prompt: "?", answer: "جمال عبد الناصر", answerType: .person)
            ),
            (
                "c",
                Card(
                    id: CardID("c"), kind: .choice, prompt: "?", answer: "1945",
                    choices: ["1943", "1944", "1945", "1946"])
            ),
        ]
        cards += probes.map(\.1)
        var checker: AnswerChecker?
        let build = measureSeconds { checker = AnswerChecker(cards: cards) }
        guard let checker else { return }
        let first = measureSeconds { _ = checker.check(probes[0].0, against: probes[0].1) }
        print(
            String(
                format: "checker for %d cards created in %.3f ms; first check (builds the deck index) %.1f ms",
                cards.count, build * 1000, first * 1000))
        let rounds = 2000
        var runs: [Double] = []
        for _ in 0..<7 {
            runs.append(
                measureSeconds {
                    for _ in 0..<rounds {
                        for (typed, card) in probes { _ = checker.check(typed, against: card) }
                    }
                })
        }
        print(
            String(
                format: "median %.1f µs per check (%d checks per run, 7 runs)",
                median(runs) / Double(rounds * probes.count) * 1e6, rounds * probes.count))
    }
}
