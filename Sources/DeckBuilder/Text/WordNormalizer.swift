/// `Normalizer.word` with a memory: a document repeats its words, and each look-up of a word seen
/// before is one hash instead of suffix tests and several table look-ups. One per build, kept from
/// document to document (a memory of words, not of documents), and emptied between documents once
/// it holds more than `limit` words, so that it stays bounded however many words a corpus has.
///
/// The memories are keyed by bytes (`ByteKeyedCache`): what `Normalizer.word` reads of an English
/// token is its lower case and capital, of an Arabic token its text.
struct WordNormalizer {
    private var english = ByteKeyedCache<String?>()
    private var arabic = ByteKeyedCache<String?>()

    /// Most words remembered, in all the memories, before `forgetIfLarge` empties them.
    var limit = 200_000

    /// How many words the memories hold.
    var remembered: Int { english.count + arabic.count + englishBoth.count + arabicNumbered.count }

    /// Empties the memories when they hold more than `limit` words (what they answer is the same).
    mutating func forgetIfLarge() {
        if remembered > limit { self = Self(limit: limit) }
    }

    init(limit: Int = 200_000) { self.limit = limit }

    mutating func word(_ tok: Token, language: String) -> String? {
        guard tok.kind == .word else { return nil }
        if language == "ar" {
            if let hit = arabic.value(tok.text, flag: 0) { return hit }
            let value = Normalizer.word(tok, language: language)
            arabic.insert(tok.text, flag: 0, value)
            return value
        }
        let flag: UInt8 = tok.isCapitalized ? 1 : 0
        if let hit = english.value(tok.lower, flag: flag) { return hit }
        let value = Normalizer.word(tok, language: language)
        english.insert(tok.lower, flag: flag, value)
        return value
    }

    private var englishBoth = ByteKeyedCache<(word: String?, verb: String?, wordID: Int32, verbID: Int32)>()
    private var arabicNumbered = ByteKeyedCache<(word: String?, id: Int32)>()

    /// `word(tok, language: "en")` and the token's key for `CardDrafter.verbKeys` ("v:declare" for
    /// "declared"; without the "came to an end" rule) at once, from one look-up: an English sentence
    /// that has facts needs both for every token.
    mutating func englishWordAndVerb(_ tok: Token) -> (word: String?, verb: String?) {
        let both = numberedEnglishWordAndVerb(tok)
        return (both.word, both.verb)
    }

    /// `englishWordAndVerb` with the `MatchWordTable` numbers of both (-1 for none), kept with them:
    /// a word's number is looked up once per document.
    mutating func numberedEnglishWordAndVerb(_ tok: Token) -> (
        word: String?, verb: String?, wordID: Int32, verbID: Int32
    ) {
        guard tok.kind == .word else { return (nil, nil, -1, -1) }
        let flag: UInt8 = tok.isCapitalized ? 1 : 0
        if let hit = englishBoth.value(tok.lower, flag: flag) { return hit }
        let word = Normalizer.word(tok, language: "en")
        var verb: String?
        if !tok.isCapitalized, English.isPast(tok.lower) {
            let base = English.base(ofPast: tok.lower)
            verb = "v:" + (Normalizer.synonyms[base] ?? base)
        }
        let table = MatchWordTable.shared
        let value = (word, verb, word.map { table.id($0) } ?? -1, verb.map { table.id($0) } ?? -1)
        englishBoth.insert(tok.lower, flag: flag, value)
        return value
    }

    /// `word(tok, language:)` with its `MatchWordTable` number (-1 for none), for other languages
    /// than English.
    mutating func numberedWord(_ tok: Token, language: String) -> (word: String?, id: Int32) {
        guard tok.kind == .word else { return (nil, -1) }
        if language == "ar" {
            if let hit = arabicNumbered.value(tok.text, flag: 0) { return hit }
            let word = self.word(tok, language: language)
            let value = (word, word.map { MatchWordTable.shared.id($0) } ?? -1)
            arabicNumbered.insert(tok.text, flag: 0, value)
            return value
        }
        let word = self.word(tok, language: language)
        return (word, word.map { MatchWordTable.shared.id($0) } ?? -1)
    }
}
