import Foundation

/// Checking for the kinds whose answers are labels: true/false statements, choices named by
/// their letter, and chronological orders typed as letters ("bca", "b c a", "b, c, a").
enum ChoiceAnswers {
    static let trueWords: Set<String> = Set(
        ["t", "true", "y", "yes", "right", "correct", "صح", "صحيح", "نعم", "صواب"].map(AnswerText.key))
    static let falseWords: Set<String> = Set(
        ["f", "false", "n", "no", "wrong", "incorrect", "خطأ", "خطا", "غلط", "لا", "خاطئ"].map(AnswerText.key))

    static func checkTrueFalse(_ typed: String, card: Card) -> AnswerResult {
        let key = AnswerText.key(typed)
        let said: Bool? = trueWords.contains(key) ? true : falseWords.contains(key) ? false : nil
        let expected = card.answer.lowercased().trimmingCharacters(in: .whitespaces) == "true"
        guard let said else {
            return AnswerResult(verdict: .wrong, expected: card.answer, note: "answer true or false")
        }
        return said == expected
            ? AnswerResult(verdict: .right, expected: card.answer, matched: card.answer)
            : AnswerResult(verdict: .wrong, expected: card.answer)
    }

    /// Arabic option labels in abjad order (أ ب ج د …), folded.
    static let arabicLabels: [String] = ["ا", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي"]

    /// The 0-based option a label names: "b" → 1, "ج" → 2.
    static func labelIndex(_ label: String) -> Int? {
        let scalars = Array(label.unicodeScalars)
        guard scalars.count == 1 else { return nil }
        if ("a"..."z").contains(scalars[0]) { return Int(scalars[0].value - 0x61) }
        return arabicLabels.firstIndex(of: label)
    }

    /// Right or wrong when the typed text is one option letter; nil when it is not a letter.
    static func checkChoiceLabel(_ typed: String, card: Card, shown: [String]) -> AnswerResult? {
        let words = AnswerText.words(AnswerText.normalize(typed))
        guard words.count == 1, let index = labelIndex(words[0]), index < shown.count else { return nil }
        let chosen = shown[index]
        if AnswerText.key(chosen) == AnswerText.key(card.answer) {
            return AnswerResult(verdict: .right, expected: card.answer, matched: chosen)
        }
        return AnswerResult(verdict: .wrong, expected: card.answer, note: "\(words[0]) is \(chosen)")
    }

    static func checkOrder(_ typed: String, card: Card, shown: [String]) -> AnswerResult {
        let wrong = AnswerResult(verdict: .wrong, expected: card.answer)
        guard let typedOrder = labels(in: typed), let expectedOrder = labels(in: card.answer) else {
            return AnswerResult(
                verdict: .wrong, expected: card.answer, note: "type the letters in order, e.g. \"b c a\"")
        }
        // Typed letters name options as shown; the card's answer names them in the card's order.
        var asCard: [Int] = []
        for index in typedOrder {
            guard index < shown.count, let original = card.choices.firstIndex(of: shown[index]) else { return wrong }
            asCard.append(original)
        }
        return asCard == expectedOrder
            ? AnswerResult(verdict: .right, expected: card.answer, matched: card.answer) : wrong
    }

    /// "bca", "b c a", "b, c, a", "ب أ ج" → [1, 2, 0]; nil when something else was typed.
    static func labels(in text: String) -> [Int]? {
        let words = AnswerText.words(AnswerText.normalize(text))
        let pieces: [String] =
            words.count == 1 ? words[0].unicodeScalars.map { String($0) } : words
        var indices: [Int] = []
        for piece in pieces {
            guard let index = labelIndex(piece) else { return nil }
            indices.append(index)
        }
        return indices.isEmpty ? nil : indices
    }
}
