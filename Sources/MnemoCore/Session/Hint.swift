/// Hints for a card the learner is stuck on.
public enum Hint {
    /// The answer with only the first `level` letters of each word shown and the rest as `_`;
    /// spaces and punctuation stay, so the shape of the answer shows ("T_____ o_ V_________");
    /// a number is one word ("600,000" gives "6__,___").
    public static func firstLetters(of answer: String, level: Int = 1) -> String {
        var result = ""
        var shownInWord = 0
        let characters = Array(answer)
        for (index, character) in characters.enumerated() {
            let insideNumber =
                (character == "," || character == ".") && index > 0 && index + 1 < characters.count
                && characters[index - 1].isNumber && characters[index + 1].isNumber
            if character.isLetter || character.isNumber {
                if shownInWord < max(1, level) {
                    result.append(character)
                } else {
                    result.append("_")
                }
                shownInWord += 1
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                // Arabic harakat and other combining marks belong to the letter before; hide them with it.
                if shownInWord <= max(1, level) { result.append(character) }
            } else {
                result.append(character)
                if !insideNumber { shownInWord = 0 }
            }
        }
        return result
    }

    /// Indices of up to `count` wrong options to remove from `options` (never the right one).
    public static func eliminate(
        from options: [String], answer: String, count: Int = 2, using rng: inout some RandomNumberGenerator
    ) -> [Int] {
        let wrong = options.indices.filter { options[$0] != answer }
        guard wrong.count > 1 else { return [] }  // always leave at least one wrong option
        let removable = min(count, wrong.count - 1)
        return Array(wrong.shuffled(using: &rng).prefix(removable)).sorted()
    }
}
