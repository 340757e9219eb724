/// Chooses the clause of a long sentence that holds the answer, and frames it around the answer.
enum Clause {
    static let englishJoins: WordSet = [
        "but", "however", "and", "which", "while", "although", "whereas", "so", "yet", "who",
    ]

    /// Finite verbs that make a clause a sentence besides past forms.
    static let finiteVerbs: WordSet = [
        "was", "were", "is", "are", "has", "have", "had", "will", "did", "does", "could", "would",
    ]
    static let clauseEnds: Set<Substring> = [",", ";", "،", "؛", ":"]

    static func select(_ t: [Token], around answer: Range<Int>, language: String) -> Range<Int> {
        let long = t.count > 30
        let arabic = language == "ar"
        var starts = [0]
        for k in t.indices where k > 0 && k + 1 < t.count {
            // The fields read in place: a copy of each token would retain and release its strings.
            // A mark's lower case is its text (`SentenceQuality.markByte(lower:)`).
            guard t[k].kind == .punct else { continue }
            let mark = SentenceQuality.markByte(lower: t[k].lower)
            if arabic {
                if long && (mark == 0x3B || isArabicClauseMark(t[k].lower)) { starts.append(k + 1) }
            } else if mark == 0x3B {
                starts.append(k + 1)
            } else if mark == 0x2C, k > answer.upperBound, t[k + 1].kind == .word, !t[k + 1].isCapitalized,
                English.isPast(t[k + 1].lower)
            {
                starts.append(k + 1)  // ", announced that …": a new verb phrase after the answer's clause
            } else if long, mark == 0x2C, englishJoins.contains(t[k + 1].lower) {
                starts.append(k + 1)
            }
        }
        if starts.count == 1 { return 0..<t.count }
        starts.append(t.count)
        var segments: [Range<Int>] = []
        for (a, b) in zip(starts, starts.dropFirst()) where a < b { segments.append(a..<b) }
        guard var idx = segments.firstIndex(where: { $0.contains(answer.lowerBound) }) else { return 0..<t.count }
        var seg = segments[idx]
        while !seg.contains(answer.upperBound - 1), idx + 1 < segments.count {
            idx += 1
            seg = seg.lowerBound..<segments[idx].upperBound
        }
        var lo = idx
        var hi = idx
        while seg.count < 10 {
            if hi + 1 < segments.count {
                hi += 1
                seg = seg.lowerBound..<segments[hi].upperBound
            } else if lo > 0 {
                lo -= 1
                seg = segments[lo].lowerBound..<seg.upperBound
            } else {
                break
            }
        }
        return seg
    }

    /// Whether a mark's text (its lower case) is ، or ؛ (D8 8C, D8 9B): `isMark` of each, on bytes.
    @inline(__always)
    static func isArabicClauseMark(_ lower: String) -> Bool {
        lower.utf8.withContiguousStorageIfAvailable { b in
            b.count == 2 && b[0] == 0xD8 && (b[1] == 0x8C || b[1] == 0x9B)
        } ?? (lower == "،" || lower == "؛")
    }

    /// `clauseEnds.contains(tok.text)` from the token's scalars, without hashing the text: no string
    /// other than the mark itself equals one of them, but for the Greek question mark, which equals ";".
    static func isClauseEnd(_ tok: Token) -> Bool {
        // The token's bytes read once: each mark is one scalar, so its bytes are the mark's.
        if let end = tok.text.utf8.withContiguousStorageIfAvailable({ b -> Bool in
            if b.count == 1 { return b[0] == 0x2C || b[0] == 0x3B || b[0] == 0x3A }
            guard b.count == 2 else { return false }
            // ، U+060C, ؛ U+061B, U+037E
            return (b[0] == 0xD8 && (b[1] == 0x8C || b[1] == 0x9B)) || (b[0] == 0xCD && b[1] == 0xBE)
        }) {
            return end
        }
        return isClauseEndByMarks(tok)
    }

    /// `isClauseEnd` mark by mark (tests compare the two).
    static func isClauseEndByMarks(_ tok: Token) -> Bool {
        tok.isMark(",") || tok.isMark(";") || tok.isMark("،") || tok.isMark("؛") || tok.isMark(":")
            || tok.isMark("\u{037E}")
    }

    /// A framed clause: its text before and after the answer, and the tokens it runs over.
    struct Framed {
        var prefix: String
        var suffix: String
        /// The clause's first and last tokens kept in the text.
        var first: Int
        var last: Int
        var answer: Range<Int>
    }

    /// Text of the clause before and after the answer, the clause made to stand as a sentence, with
    /// the tokens the text runs over (`CardDrafter.vagueSubject` reads them).
    static func framed(_ text: String, _ t: [Token], clause: Range<Int>, answer: Range<Int>, language: String)
        -> Framed?
    {
        var first = clause.lowerBound
        if first > 0 {
            while first < answer.lowerBound,
                t[first].kind == .punct || englishJoins.contains(t[first].lower) || t[first].isMark("و")
            {
                first += 1
            }
        }
        var last = clause.upperBound - 1
        while last > answer.upperBound - 1, t[last].kind == .punct, isClauseEnd(t[last]) { last -= 1 }
        guard first <= answer.lowerBound, last >= answer.upperBound - 1 else { return nil }
        if language == "en" {
            // The clause must hold a finite verb besides the answer, or it is a fragment.
            let hasVerb = (first...last).contains { k in
                !answer.contains(k) && t[k].kind == .word && !t[k].isCapitalized
                    && (English.isPast(t[k].lower) || finiteVerbs.contains(t[k].lower))
            }
            if !hasVerb { return nil }
        }
        var prefix = String(text[t[first].range.lowerBound..<t[answer.lowerBound].range.lowerBound])
        var suffix = String(text[t[answer.upperBound - 1].range.upperBound..<t[last].range.upperBound])
        if first > 0 { capitalizeFirst(&prefix) }
        if first > 0, language == "ar", prefix.hasPrefix("و"), let space = prefix.firstIndex(of: " "),
            prefix.distance(from: prefix.startIndex, to: space) > 2
        {
            prefix.removeFirst()  // "وتم في عام …" → "تم في عام …"
        }
        if last < t.count - 1 || !endsInStop(suffix, quotes: true) {
            if !endsInStop(suffix, quotes: false) { suffix += "." }
        }
        let (p, s) = PromptText.cleanPair(prefix, suffix)
        return Framed(prefix: p, suffix: s, first: first, last: last, answer: answer)
    }

    /// Whether the last character is . or ! (or, with `quotes`, " or ”): `hasSuffix` of each, told
    /// from the last bytes when the byte before them is ASCII (no prepended mark then joins them
    /// into one character with what precedes, and nothing follows them), else by `hasSuffix`.
    static func endsInStop(_ s: String, quotes: Bool) -> Bool {
        let answer = s.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            let n = b.count
            guard n >= 1 else { return false }
            let z = b[n - 1]
            if z == 0x2E || z == 0x21 || (quotes && z == 0x22) {
                return n == 1 || b[n - 2] < 0x80 ? true : nil
            }
            // ” is E2 80 9D
            if quotes, n >= 3, z == 0x9D, b[n - 2] == 0x80, b[n - 3] == 0xE2 {
                return n == 3 || b[n - 4] < 0x80 ? true : nil
            }
            // The last byte is no ASCII mark and ends no ”: the last character is none of them
            // (a character ending in them ends in their bytes).
            return false
        }
        if let answer, let answer { return answer }
        return endsInStopByCharacters(s, quotes: quotes)
    }

    /// `endsInStop` by `hasSuffix` (tests compare the two).
    static func endsInStopByCharacters(_ s: String, quotes: Bool) -> Bool {
        if quotes {
            return s.hasSuffix(".") || s.hasSuffix("!") || s.hasSuffix("\"") || s.hasSuffix("”")
        }
        if let l = s.last, ".!".contains(l) { return true }
        return false
    }

    /// Upper-cases the first character when it is lower-case. A first byte in ASCII followed by
    /// another is a character of its own (no combining mark joins it): told from the byte.
    static func capitalizeFirst(_ s: inout String) {
        let u = s.utf8
        if let b = u.first, b < 0x80, u.count == 1 || u[u.index(after: u.startIndex)] < 0x80 {
            guard b >= 0x61 && b <= 0x7A else { return }
            var bytes = Array(u)
            bytes[0] = b - 0x20
            s = String(decoding: bytes, as: UTF8.self)
            return
        }
        if let c = s.first, c.isLowercase { s = c.uppercased() + s.dropFirst() }
    }
}
