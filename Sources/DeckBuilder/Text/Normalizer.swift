/// Normalized words for fact keys and matching: lower case, possessives and plurals off,
/// past tense to base form; Arabic folded (أ إ آ → ا, ة → ه, ى → ي, harakat and tatweel dropped,
/// a leading و or ال removed).
enum Normalizer {
    static func word(_ tok: Token, language: String) -> String? {
        guard tok.kind == .word else { return nil }
        if language == "ar" {
            let w = arabicFold(String(tok.text))
            var s = Substring(w)
            if s.hasPrefix("و"), s.count > 3 { s = s.dropFirst() }
            if s.hasPrefix("ال"), s.count > 3 { s = s.dropFirst(2) }
            if s.count < 2 || arabicStopwords.contains(String(s)) || arabicStopwords.contains(w) { return nil }
            return String(s)
        }
        var w = tok.lower
        if ASCIIText.isPlain(w) { return englishWord(w, capitalized: tok.isCapitalized) }
        for suffix in ["'s", "’s"] where w.hasSuffix(suffix) { w = String(w.dropLast(2)) }
        if w.count < 2 || English.stopwords.contains(w) { return nil }
        // Adverbs come and go with rewording ("formally signed"); they do not name the fact.
        if w.hasSuffix("ly"), !tok.isCapitalized, w.count > 4 { return nil }
        if English.isPast(w) && !tok.isCapitalized { w = English.base(ofPast: w) }
        w = FigureExtractor.singular(w)
        return synonyms[w] ?? w
    }

    /// `word` of an English word in ASCII without CR, its suffix and length tests read on bytes
    /// (one byte a character); the same answer.
    static func englishWord(_ lower: String, capitalized: Bool) -> String? {
        var w = lower
        // "’s" is not ASCII: only "'s" can end the word.
        if ASCIIText.hasSuffix(w, "'s") { w = String(w.dropLast(2)) }
        let n = w.utf8.count
        if n < 2 || English.stopwords.contains(w) { return nil }
        if ASCIIText.hasSuffix(w, "ly"), !capitalized, n > 4 { return nil }
        if English.isPast(w) && !capitalized { w = English.base(ofPast: w) }
        w = FigureExtractor.singular(w)
        return synonyms[w] ?? w
    }

    /// Verbs and nouns that name the same happening, for matching facts across sources.
    static let synonyms: WordTable<String> = [
        "bury": "die", "perish": "die", "kill": "die", "death": "die", "dead": "die",
        "captive": "prisoner", "pow": "prisoner", "capture": "prisoner", "captured": "prisoner",
        "meeting": "conference", "european": "europe", "summit": "conference", "meet": "conference", "ussr": "soviet",
        "soviets": "soviet",
        "troop": "troop", "soldier": "troop", "force": "troop", "bombs": "bomb", "nuclear": "atomic",
        "declaration": "declare", "surrendered": "surrender", "abolish": "terminate", "denounce": "terminate",
    ]

    static let arabicStopwords: WordSet = [
        "في", "من", "على", "الى", "إلى", "عن", "مع", "ان", "أن", "إن", "التي", "الذي", "هذا", "هذه", "ذلك", "تلك",
        "كان",
        "كانت", "قد", "لم", "لا", "ما", "ثم", "او", "أو", "عند", "بعد", "قبل", "خلال", "حتى", "كل", "بين", "هي", "هو",
        "تم",
        "عام", "سنه", "شهر", "ميلادي", "عده", "بعض", "فيها", "منها", "عليها", "بها", "له", "لها",
    ]

    static func arabicFold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x064B...0x065F, 0x0670, 0x0640: continue
            case 0x0623, 0x0625, 0x0622, 0x0671: out.append("ا")
            case 0x0629: out.append("ه")
            case 0x0649: out.append("ي")
            default: out.append(u)
            }
        }
        return String(out)
    }

    static func keywords(_ tokens: ArraySlice<Token>, language: String) -> [String] {
        // (Callers with a sentence's `norms` at hand use those instead.)
        Array(Set(tokens.compactMap { word($0, language: language) })).sorted()
    }
}
