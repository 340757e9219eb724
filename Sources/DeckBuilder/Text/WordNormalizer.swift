/// `Normalizer.word` with a memory: a document repeats its words, and each look-up of a word seen
/// before is one hash instead of suffix tests and several table look-ups. One per document.
struct WordNormalizer {
    private struct Key: Hashable {
        var text: String
        var capitalized: Bool
    }

    private var english: [Key: String?] = [:]
    private var verbs: [String: String?] = [:]
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

    /// `CardDrafter.verbKeys`'s key of one token ("v:declare" for "declared"), without the "came to an end" rule.
    mutating func verbKey(_ tok: Token) -> String? {
        guard tok.kind == .word, !tok.isCapitalized else { return nil }
        if let hit = verbs[tok.lower] { return hit }
        var value: String?
        if English.isPast(tok.lower) {
            let base = English.base(ofPast: tok.lower)
            value = "v:" + (Normalizer.synonyms[base] ?? base)
        }
        verbs[tok.lower] = .some(value)
        return value
    }
}
