/// Sentence-level gates: what makes a sentence unfit to quote on a card.
enum SentenceQuality {
    /// Why the sentence cannot give cards, or nil when it can.
    static func problem(_ s: String, tokens t: [Token], language: String) -> NoiseReason? {
        if FastSearch.containsAny(s, redactionMarks) { return .redaction }
        for i in t.indices where t[i].kind == .number && FigureExtractor.isGarbled(t, i) { return .garbledFigure }
        guard let last = s.unicodeScalars.last else { return .garbledText }
        if last == "?" || last.value == 0x061F { return .question }
        if language == "ar" { return arabicProblem(s, t) }
        if t.count < 6 { return .garbledText }
        guard let first = t.first,
            first.isCapitalized || first.kind == .number || first.isMark("\"") || first.isMark("“")
        else {
            return .garbledText
        }
        if !(last == "." || last == "!" || last == "\"" || last == "”") { return .garbledText }
        // Tokens are read in place (`t[k]`), not copied out of the array.
        for k in 1..<t.count {
            // Space before a comma or full stop, or a stray sentence-start capital in mid-sentence.
            // A lone full stop after a space: "Japan . is equipped".
            let kind = t[k].kind
            if kind == .punct, t[k].spaceBefore, t[k].isMark("."), k + 1 < t.count { return .garbledText }
            if kind == .word, t[k].isCapitalized, !opensQuoteOrList(t[k - 1]) {
                if English.stopwords.contains(t[k].lower) && !(t[k].isASCII("I") || t[k].isASCII("May")) {
                    return .garbledText
                }
                if t[k].lower.hasSuffix("ly") && !properLy.contains(t[k].lower) { return .garbledText }
            }
            // A comma glued to the next word: ",The".
            if kind == .word, !t[k].spaceBefore, t[k - 1].isMark(",") { return .garbledText }
            if kind == .punct, t[k].isMark("."), k + 1 < t.count, t[k + 1].kind == .word, !t[k + 1].isCapitalized {
                return .garbledText
            }
        }
        var quotes = 0
        for k in t.indices where t[k].isMark("\"") { quotes += 1 }
        if quotes % 2 == 1 { return .garbledText }
        for k in t.indices where t[k].lower == "etc" { return .garbledText }
        if startsWithoutSubject(t) { return .garbledText }
        return nil
    }

    /// "Signed the German unconditional surrender, …": a sentence that starts with its verb lost its
    /// subject to a bad split or translation (a participial opener such as "Founded in 1949," is fine).
    /// `startsWithoutSubject` of the tokens of `text`, reading only its first two.
    static func startsWithoutSubject(_ text: String) -> Bool {
        var t: [Token] = []
        t.reserveCapacity(2)
        Tokenizer.forEachToken(text) {
            t.append($0)
            return t.count < 2
        }
        return startsWithoutSubject(t)
    }

    static func startsWithoutSubject(_ t: [Token]) -> Bool {
        guard t.count >= 2, t[0].kind == .word, t[0].isCapitalized else { return false }
        let w = t[0].lower
        return English.isPast(w) && !English.notVerbs.contains(w)
            && ["the", "a", "an", "his", "its", "their"].contains(t[1].lower)
    }

    /// "…when Khrushchev visited China, announced that he would …": a comma splice. Returns the index of
    /// the comma after which the sentence runs on without a subject, if any.
    static func commaSplice(_ t: [Token]) -> Int? {
        var sawVerb = false
        for k in t.indices {
            let tok = t[k]
            if tok.kind == .word, !tok.isCapitalized, English.isPast(tok.lower), k > 0 { sawVerb = true }
            if sawVerb, tok.isMark(","), k + 1 < t.count, t[k + 1].kind == .word, !t[k + 1].isCapitalized,
                English.isPast(t[k + 1].lower),
                !English.irregularParticiples.contains(t[k + 1].lower) || English.irregularPast[t[k + 1].lower] != nil
            {
                return k
            }
        }
        return nil
    }

    static let redactionMarks = ["**", "█", "[redacted]", "XXX"]

    /// Whether the token is one of " “ : ( (after which a capital is no stray sentence start);
    /// the same answer as comparing its text with each, without making strings.
    static func opensQuoteOrList(_ tok: Token) -> Bool {
        tok.isMark("\"") || tok.isMark("“") || tok.isMark(":") || tok.isMark("(")
    }

    static let properLy: WordSet = ["italy", "july", "sicily", "emily", "kelly", "beverly", "tripoli"]

    private static func arabicProblem(_ s: String, _ t: [Token]) -> NoiseReason? {
        if t.count < 5 { return .garbledText }
        return nil
    }

    static let hedges: WordSet = [
        "reportedly", "allegedly", "perhaps", "probably", "possibly", "might", "may", "seems", "rumored",
    ]

    /// Hedges and vague openings lower a sentence's score.
    static func penalty(_ t: [Token], language: String) -> Double {
        guard language == "en", let first = t.first else { return 0 }
        var p = 0.0
        if English.pronouns.contains(first.lower) { p += 2 }
        for k in t.indices where !t[k].isCapitalized && hedges.contains(t[k].lower) {
            p += 1.5
            break
        }
        if t.count > 40 { p += 1 }
        // A colon followed by more words: a quoted claim or a list, seldom a clean fact.
        for k in t.indices where t[k].isMark(":") {
            if k + 3 < t.count { p += 3 }
            break
        }
        return p
    }
}
