/// `Normalizer.word` with a memory: a document repeats its words, and each look-up of a word seen
/// before is one hash instead of suffix tests and several table look-ups. One per document.
struct WordNormalizer {
    private struct Key: Hashable {
        var text: String
        var capitalized: Bool
    }

    private var english: [Key: String?] = [:]
    private var arabic: [String: String?] = [:]

    mutating func word(_ tok: Token, language: String) -> String? {
        guard tok.kind == .word else { return nil }
        if language == "ar" {
            let key = String(tok.text)
            if let hit = arabic[key] { return hit }
            let value = Normalizer.word(tok, language: language)
            arabic[key] = .some(value)
            return value
        }
        // English keys on what `Normalizer.word` reads of an English token: its lower case and capital.
        let key = Key(text: tok.lower, capitalized: tok.isCapitalized)
        if let hit = english[key] { return hit }
        let value = Normalizer.word(tok, language: language)
        english[key] = .some(value)
        return value
    }

    private var englishBoth: [Key: (word: String?, verb: String?)] = [:]

    /// `word(tok, language: "en")` and the token's key for `CardDrafter.verbKeys` ("v:declare" for
    /// "declared"; without the "came to an end" rule) at once, from one look-up: an English sentence
    /// that has facts needs both for every token.
    mutating func englishWordAndVerb(_ tok: Token) -> (word: String?, verb: String?) {
        guard tok.kind == .word else { return (nil, nil) }
        let key = Key(text: tok.lower, capitalized: tok.isCapitalized)
        if let hit = englishBoth[key] { return hit }
        let word = Normalizer.word(tok, language: "en")
        var verb: String?
        if !tok.isCapitalized, English.isPast(tok.lower) {
            let base = English.base(ofPast: tok.lower)
            verb = "v:" + (Normalizer.synonyms[base] ?? base)
        }
        englishBoth[key] = (word, verb)
        return (word, verb)
    }
}
