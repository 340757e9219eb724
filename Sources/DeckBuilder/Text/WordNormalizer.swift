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
    var remembered: Int { english.count + arabic.count + strings.count }

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

    /// What the numbered memories keep of a word: plain numbers, so that a hit copies sixteen bytes
    /// and retains nothing (a sentence with facts asks for every one of its words).
    struct Numbered: Equatable {
        /// The word's place in `strings` (-1 for no word).
        var slot: Int32
        /// The `MatchWordTable` numbers of the word and of its verb key (-1 for none).
        var wordID: Int32
        var verbID: Int32
        /// Whether the word is one of the nouns an event is named by (`CardDrafter.isEventNoun` of
        /// its lower case), so that `CardDrafter.eventIDs` need not look every word up again.
        var isEventNoun = false

        static let none = Numbered(slot: -1, wordID: -1, verbID: -1)
    }

    private var englishNumbered = ByteKeyedCache<Numbered>()
    private var arabicNumbered = ByteKeyedCache<Numbered>()
    /// The normalized words and verb keys of the numbered memories, by slot.
    private(set) var strings = WordStrings()

    /// `word(tok, language:)` and, in English, the token's key for `CardDrafter.verbKeys`
    /// ("v:declare" for "declared"; without the "came to an end" rule), as their `MatchWordTable`
    /// numbers and their place in `strings`, from one look-up: a sentence that has facts needs them
    /// for every token, and its facts' strings only for the few it drafts.
    mutating func numbered(_ tok: Token, language: String) -> Numbered {
        guard tok.kind == .word else { return .none }
        let table = MatchWordTable.shared
        if language == "en" {
            let flag: UInt8 = tok.isCapitalized ? 1 : 0
            if let hit = englishNumbered.value(tok.lower, flag: flag) { return hit }
            return numberedEnglishMiss(tok, flag: flag, table: table)
        }
        return numberedOther(tok, language: language, table: table)
    }

    /// `numbered(tok, language:)` of the tokens of a sentence, in order. A hit is found from the
    /// token's bytes where it lies in the array: passing the token itself to a function copied it
    /// (its two strings retained and released) for every word of every sentence with facts.
    mutating func numbered(_ tokens: [Token], language: String) -> [Numbered] {
        var out: [Numbered] = []
        out.reserveCapacity(tokens.count)
        let english = language == "en"
        let arabic = language == "ar"
        tokens.withUnsafeBufferPointer { b in
            for k in b.indices {
                guard b[k].kind == .word else {
                    out.append(.none)
                    continue
                }
                if english {
                    let flag: UInt8 = b[k].isCapitalized ? 1 : 0
                    let hit = b[k].lower.utf8.withContiguousStorageIfAvailable {
                        englishNumbered.value(bytes: $0, flag: flag)
                    }
                    if let hit, let hit {
                        out.append(hit)
                        continue
                    }
                } else if arabic {
                    let hit = b[k].text.utf8.withContiguousStorageIfAvailable {
                        arabicNumbered.value(bytes: $0, flag: 0)
                    }
                    if let hit, let hit {
                        out.append(hit)
                        continue
                    }
                }
                out.append(numbered(b[k], language: language))
            }
        }
        return out
    }

    private mutating func numberedEnglishMiss(_ tok: Token, flag: UInt8, table: MatchWordTable) -> Numbered {
        let word = Normalizer.word(tok, language: "en")
        var verb: String?
        if !tok.isCapitalized, English.isPast(tok.lower) {
            let base = English.base(ofPast: tok.lower)
            verb = "v:" + (Normalizer.synonyms[base] ?? base)
        }
        let value = Numbered(
            slot: strings.append(word, verb), wordID: word.map { table.id($0) } ?? -1,
            verbID: verb.map { table.id($0) } ?? -1, isEventNoun: CardDrafter.isEventNoun(tok.lower))
        englishNumbered.insert(tok.lower, flag: flag, value)
        return value
    }

    private mutating func numberedOther(_ tok: Token, language: String, table: MatchWordTable) -> Numbered {
        if language == "ar" {
            if let hit = arabicNumbered.value(tok.text, flag: 0) { return hit }
            let word = self.word(tok, language: language)
            let value = Numbered(
                slot: strings.append(word, nil), wordID: word.map { table.id($0) } ?? -1, verbID: -1,
                isEventNoun: CardDrafter.isEventNoun(tok.lower))
            arabicNumbered.insert(tok.text, flag: 0, value)
            return value
        }
        let word = self.word(tok, language: language)
        return Numbered(
            slot: strings.append(word, nil), wordID: word.map { table.id($0) } ?? -1, verbID: -1,
            isEventNoun: CardDrafter.isEventNoun(tok.lower))
    }

    /// `word(tok, language: "en")` and the token's verb key at once.
    mutating func englishWordAndVerb(_ tok: Token) -> (word: String?, verb: String?) {
        let both = numberedEnglishWordAndVerb(tok)
        return (both.word, both.verb)
    }

    /// `englishWordAndVerb` with the `MatchWordTable` numbers of both (-1 for none).
    mutating func numberedEnglishWordAndVerb(_ tok: Token) -> (
        word: String?, verb: String?, wordID: Int32, verbID: Int32
    ) {
        let n = numbered(tok, language: "en")
        return (strings.word(n.slot), strings.verb(n.slot), n.wordID, n.verbID)
    }
}

/// The strings of the words a `WordNormalizer` has numbered, by slot: a sentence keeps its words'
/// slots, and a word's string is read only for a fact drafted from it. A class, so that a
/// sentence's context reads the normalizer's strings without a copy; the normalizer only appends,
/// so a slot keeps its strings while the normalizer lives (a new normalizer has new strings).
final class WordStrings {
    private var words: [String?] = []
    private var verbs: [String?] = []

    /// How many slots are taken (one per word numbered: the numbered memories' size, and more for
    /// words of other languages, which are numbered without a memory).
    var count: Int { words.count }

    /// Keeps a word and its verb key; their slot.
    func append(_ word: String?, _ verb: String?) -> Int32 {
        words.append(word)
        verbs.append(verb)
        return Int32(words.count - 1)
    }

    /// The word of `slot` (nil for -1 or a slot without a word).
    func word(_ slot: Int32) -> String? { slot < 0 ? nil : words[Int(slot)] }

    func verb(_ slot: Int32) -> String? { slot < 0 ? nil : verbs[Int(slot)] }
}
