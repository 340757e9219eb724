/// Sentence-level gates: what makes a sentence unfit to quote on a card.
enum SentenceQuality {
    /// Why the sentence cannot give cards, or nil when it can.
    static func problem(_ s: String, tokens t: [Token], language: String) -> NoiseReason? {
        let (redaction, lastScalar) = redactionAndLast(s)
        if redaction { return .redaction }
        for i in t.indices where t[i].kind == .number && FigureExtractor.isGarbled(t, i) { return .garbledFigure }
        guard let last = lastScalar else { return .garbledText }
        if last == "?" || last.value == 0x061F { return .question }
        if language == "ar" { return arabicProblem(s, t) }
        if t.count < 6 { return .garbledText }
        return t.withUnsafeBufferPointer { englishProblem(last, $0, stopwords: English.stopwordWords) }
    }

    /// The English gates of `problem` after its first ones, on tokens read in place (a buffer's
    /// element is borrowed, not copied). The quotes and "etc" are counted in the same pass; they
    /// are asked only after every check of the pass has passed, as when they had passes of their own.
    /// The stop words are passed in, borrowed: a static read in the loop was a call to `swift_once` a
    /// capitalized word.
    private static func englishProblem(
        _ last: Unicode.Scalar, _ t: UnsafeBufferPointer<Token>, stopwords: ASCIIWordSet
    ) -> NoiseReason? {
        // The first token's text read once (its tests copied the token each).
        let head = t[0].text
        let headQuote = markByte(head) == 0x22
        guard t[0].isCapitalized || t[0].kind == .number || headQuote || opensWithCurlyQuote(head) else {
            return .garbledText
        }
        if !(last == "." || last == "!" || last == "\"" || last == "”") { return .garbledText }
        var quotes = headQuote ? 1 : 0
        var etc = t[0].lowerIs("etc")
        let n = t.count
        for k in 1..<n {
            // Space before a comma or full stop, or a stray sentence-start capital in mid-sentence.
            // A lone full stop after a space: "Japan . is equipped".
            let kind = t[k].kind
            if kind == .punct {
                let mark = markByte(lower: t[k].lower)
                if mark == 0x2E {
                    if t[k].spaceBefore, k + 1 < n { return .garbledText }
                    if k + 1 < n, t[k + 1].kind == .word, !t[k + 1].isCapitalized { return .garbledText }
                } else if mark == 0x22 {
                    quotes += 1
                }
            } else if kind == .word {
                if t[k].isCapitalized, !opensQuoteOrList(lower: t[k - 1].lower) {
                    if stopwords.contains(t[k].lower) && !(t[k].isASCII("I") || t[k].isASCII("May")) {
                        return .garbledText
                    }
                    // `hasSuffix("ly")` needs the last bytes 6C 79 (no other scalars are equivalent).
                    if endsInLY(t[k].lower), t[k].lower.hasSuffix("ly"), !properLy.contains(t[k].lower) {
                        return .garbledText
                    }
                }
                // A comma glued to the next word: ",The".
                if !t[k].spaceBefore, markByte(lower: t[k - 1].lower) == 0x2C { return .garbledText }
                etc = etc || t[k].lowerIs("etc")
            }
        }
        if quotes % 2 == 1 { return .garbledText }
        if etc { return .garbledText }
        if startsWithoutSubject(buffer: t) { return .garbledText }
        return nil
    }

    /// "Signed the German unconditional surrender, …": a sentence that starts with its verb lost its
    /// subject to a bad split or translation (a participial opener such as "Founded in 1949," is fine).
    /// `startsWithoutSubject` of the tokens of `text`, reading only its first two.
    static func startsWithoutSubject(_ text: String) -> Bool {
        var copy = text
        if let answer = copy.withUTF8(firstWordSettles) { return answer }
        return startsWithoutSubjectByTokens(text)
    }

    /// `startsWithoutSubject` told from the first word's bytes when they settle it, else nil: a
    /// first token that is no capitalized word, or one that is no past form. Both token readers
    /// read an ASCII stretch alike: a word of ASCII letters ends at an ASCII byte other than a
    /// letter, "-" and "'" (what may join a word or a number to it); any other case is left to
    /// the tokens.
    static func firstWordSettles(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = b.count
        var i = 0
        while i < n, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        guard i < n else { return false }
        let c = b[i]
        guard c < 0x80 else { return nil }
        // A number, a mark or a word in lower case: no capitalized word first.
        guard c >= 0x41 && c <= 0x5A else { return false }
        var j = i + 1
        while j < n, (b[j] | 0x20) >= 0x61 && (b[j] | 0x20) <= 0x7A { j += 1 }
        if j < n, b[j] >= 0x80 || b[j] == 0x2D || b[j] == 0x27 { return nil }
        let word = UnsafeBufferPointer(rebasing: b[i..<j])
        let lower = FastCase.lowered(word)
        if !English.isPast(lower) { return false }
        return nil
    }

    /// `startsWithoutSubject` of the first two tokens of `text` (tests compare it with the bytes').
    static func startsWithoutSubjectByTokens(_ text: String) -> Bool {
        var t: [Token] = []
        t.reserveCapacity(2)
        Tokenizer.forEachToken(text) {
            t.append($0)
            return t.count < 2
        }
        return startsWithoutSubject(t)
    }

    static func startsWithoutSubject(_ t: [Token]) -> Bool {
        t.withUnsafeBufferPointer { startsWithoutSubject(buffer: $0) }
    }

    private static func startsWithoutSubject(buffer t: UnsafeBufferPointer<Token>) -> Bool {
        guard t.count >= 2, t[0].kind == .word, t[0].isCapitalized else { return false }
        let w = t[0].lower
        guard English.isPast(w) && !English.notVerbWords.contains(w) else { return false }
        let next = t[1]
        return next.lowerIs("the") || next.lowerIs("a") || next.lowerIs("an") || next.lowerIs("his")
            || next.lowerIs("its") || next.lowerIs("their")
    }

    /// "…when Khrushchev visited China, announced that he would …": a comma splice. Returns the index of
    /// the comma after which the sentence runs on without a subject, if any.
    static func commaSplice(_ t: [Token]) -> Int? {
        t.withUnsafeBufferPointer { t in
            // Once a verb is seen the first test has nothing more to tell: only commas are read on.
            var sawVerb = false
            for k in t.indices {
                if !sawVerb {
                    if k > 0, t[k].kind == .word, !t[k].isCapitalized, English.isPast(t[k].lower) { sawVerb = true }
                    if !sawVerb { continue }
                }
                // The mark read on the text (calling a method of the token would copy it).
                if markByte(lower: t[k].lower) == 0x2C, k + 1 < t.count, t[k + 1].kind == .word,
                    !t[k + 1].isCapitalized,
                    English.isPast(t[k + 1].lower),
                    !English.irregularParticipleWords.contains(t[k + 1].lower)
                        || English.irregularPastWords.contains(t[k + 1].lower)
                {
                    return k
                }
            }
            return nil
        }
    }

    static let redactionMarks = ["**", "█", "[redacted]", "XXX"]

    /// `FastSearch.containsAny(s, redactionMarks)`, the text's bytes visited once.
    static func hasRedaction(_ s: String) -> Bool { redactionAndLast(s).redaction }

    /// `hasRedaction(s)` and `s.unicodeScalars.last`, read in one visit of the bytes.
    static func redactionAndLast(_ s: String) -> (redaction: Bool, last: Unicode.Scalar?) {
        var text = s
        return text.withUTF8 { b in (hasRedaction(b), lastScalar(b)) }
    }

    /// The last scalar of valid UTF-8 bytes: its lead byte is the last one below 80 or above BF.
    static func lastScalar(_ b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var i = b.count - 1
        guard i >= 0 else { return nil }
        while i > 0, b.count - i < 4, b[i] & 0xC0 == 0x80 { i -= 1 }
        var it = UnsafeBufferPointer(rebasing: b[i...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let v) = decoder.decode(&it) { return v }
        return nil
    }

    /// `redactionMarks`, each looked for with memchr and memcmp on the bytes at hand.
    private static func hasRedaction(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        FastSearch.contains(b, "**") || FastSearch.contains(b, "█") || FastSearch.contains(b, "[redacted]")
            || FastSearch.contains(b, "XXX")
    }

    /// Whether the token is one of " “ : ( (after which a capital is no stray sentence start);
    /// the same answer as comparing its text with each, without making strings.
    @inline(__always)
    static func opensQuoteOrList(_ tok: Token) -> Bool { opensQuoteOrList(tok.text) }

    /// `opensQuoteOrList` of a token's text, read on its bytes (“ is E2 80 9C), the token not copied.
    @inline(__always)
    static func opensQuoteOrList(_ text: Substring) -> Bool {
        let u = text.utf8
        switch u.count {
        case 1:
            let b = u[u.startIndex]
            return b == 0x22 || b == 0x3A || b == 0x28
        case 3:
            let i = u.startIndex
            return u[i] == 0xE2 && u[u.index(after: i)] == 0x80 && u[u.index(i, offsetBy: 2)] == 0x9C
        default: return false
        }
    }

    /// `opensQuoteOrList(tok.text)` read on the token's lower case (see `markByte(lower:)`: a
    /// mark's is its text, a word's and a number's hold none of these marks).
    @inline(__always)
    static func opensQuoteOrList(lower: String) -> Bool {
        lower.utf8.withContiguousStorageIfAvailable { b in
            switch b.count {
            case 1: return b[0] == 0x22 || b[0] == 0x3A || b[0] == 0x28
            case 3: return b[0] == 0xE2 && b[1] == 0x80 && b[2] == 0x9C
            default: return false
            }
        } ?? (lower == "\"" || lower == ":" || lower == "(" || lower == "“")
    }

    /// Whether the last two bytes are "ly".
    @inline(__always)
    static func endsInLY(_ w: String) -> Bool {
        // The bytes as one buffer (`last` of the view is a generic call).
        w.utf8.withContiguousStorageIfAvailable { b in b.count >= 2 && b[b.count - 1] == 0x79 && b[b.count - 2] == 0x6C
        }
            ?? w.utf8.reversed().starts(with: [0x79, 0x6C])
    }

    /// The byte of a text of one byte (an ASCII mark), else nil: `Token.isMark` of an ASCII mark
    /// read on the token's text, without the copy of the token that calling it makes.
    @inline(__always)
    static func markByte(_ text: Substring) -> UInt8? {
        // The length first (a difference of indices): a word's bytes are never read.
        let u = text.utf8
        guard u.count == 1 else { return nil }
        return u.first
    }

    /// `markByte(tok.text)` read on the token's lower case, for comparing with a mark's byte: a
    /// mark's lower case is its text (no scalar that is not alphabetic has another lower case, and a
    /// mark is one such scalar), a number's too; a word's is letters, never a mark. A string's byte
    /// count is a field, where a substring's is a difference of indices (a call).
    @inline(__always)
    static func markByte(lower: String) -> UInt8? {
        let u = lower.utf8
        guard u.count == 1 else { return nil }
        return u.first
    }

    /// Whether the text is exactly “ (E2 80 9C): `Token.isMark("“")` on its text.
    @inline(__always)
    static func opensWithCurlyQuote(_ text: Substring) -> Bool {
        let u = text.utf8
        guard u.count == 3 else { return false }
        var k = u.makeIterator()
        return k.next() == 0xE2 && k.next() == 0x80 && k.next() == 0x9C
    }

    static let properLy: WordSet = ["italy", "july", "sicily", "emily", "kelly", "beverly", "tripoli"]

    private static func arabicProblem(_ s: String, _ t: [Token]) -> NoiseReason? {
        if t.count < 5 { return .garbledText }
        return nil
    }

    static let hedges: WordSet = [
        "reportedly", "allegedly", "perhaps", "probably", "possibly", "might", "may", "seems", "rumored",
    ]

    /// False when `w` is surely no hedge: every hedge is ASCII without K (bytes decide equality) of
    /// 3, 5 or 7–10 bytes, starting with a m p r s.
    @inline(__always)
    static func mayBeHedge(_ w: String) -> Bool {
        let u = w.utf8
        let n = u.count
        guard n == 3 || n == 5 || (n >= 7 && n <= 10) else { return false }
        // The first byte read in place (the view's `first` is a call).
        let b = u.withContiguousStorageIfAvailable { $0[0] } ?? u.first
        return b == 0x61 || b == 0x6D || b == 0x70 || b == 0x72 || b == 0x73
    }

    /// Hedges and vague openings lower a sentence's score.
    static func penalty(_ t: [Token], language: String) -> Double {
        guard language == "en", !t.isEmpty else { return 0 }
        return t.withUnsafeBufferPointer { t in
            var p = 0.0
            if English.pronounWords.contains(t[0].lower) { p += 2 }
            // The first hedge and the first colon, found in one pass.
            let hedges = Self.hedges
            var hedged = false
            var colon = false
            for k in t.indices where !(hedged && colon) {
                if !hedged, !t[k].isCapitalized, mayBeHedge(t[k].lower), hedges.contains(t[k].lower) {
                    p += 1.5
                    hedged = true
                }
                // A colon followed by more words: a quoted claim or a list, seldom a clean fact.
                if !colon, t[k].kind == .punct, markByte(lower: t[k].lower) == 0x3A {
                    if k + 3 < t.count { p += 3 }
                    colon = true
                }
            }
            if t.count > 40 { p += 1 }
            return p
        }
    }
}
