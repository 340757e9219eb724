import Foundation
import Testing

@testable import MnemoCore

/// The decks shipped in Decks/ must be answerable: each card takes its own answer, each of its
/// alternatives, and (for choices) the right letter; and the checker reads every date and number answer.
struct BundledDeckAnswerTests {
    static let decksFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Decks")

    static func decks() throws -> [Deck] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: decksFolder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map {
            try Deck.load(from: decksFolder.appendingPathComponent($0))
        }
    }

    @Test func everyCardTakesItsOwnAnswers() throws {
        var checked = 0
        for deck in try Self.decks() {
            let checker = AnswerChecker(deck: deck)
            for card in deck.cards {
                for form in [card.answer] + card.accepted {
                    let result = checker.check(form, against: card)
                    #expect(result.verdict == .right, "\(deck.id) \(card.id): '\(form)' → \(result.verdict)")
                    checked += 1
                }
                if card.kind == .choice, let index = card.choices.firstIndex(of: card.answer) {
                    let letter = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index)))
                    #expect(checker.check(letter, against: card).verdict == .right, "\(card.id): \(letter)")
                }
                if card.kind == .choice {
                    for other in card.choices where other != card.answer {
                        #expect(checker.check(other, against: card).verdict == .wrong, "\(card.id): '\(other)'")
                    }
                }
            }
        }
        #expect(checked > 0)
    }

    @Test func nearMissNumbersAndYearsAreWrong() throws {
        var checked = 0
        for deck in try Self.decks() {
            let checker = AnswerChecker(deck: deck)
            for card in deck.cards where card.answerType == .number || card.answerType == .year {
                let numbers = NumberReader.numbers(inNormalized: AnswerText.normalize(card.answer))
                guard numbers.count == 1, let value = numbers.first else { continue }
                for miss in [value + 1, value - 1, value * 10] {
                    let typed = "\(miss)"
                    #expect(
                        checker.check(typed, against: card).verdict == .wrong,
                        "\(card.id): '\(typed)' for '\(card.answer)'")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }
}
