/// Splits a line into sentences. Survives abbreviations ("Gen.", "U.S."), initials
/// ("John F. Kennedy"), decimals and thousands separators ("1.5", "600,000"), closing quotes,
/// and Arabic punctuation (؟ and the Arabic full stop; ، and ؛ only separate clauses).
public enum SentenceSplitter {
    static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "gov", "sen", "rep",
        "prof", "jr", "sr", "vs", "e.g", "i.e", "no", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "mt", "ft", "cf", "approx", "ca", "pp", "p",
        "rev", "hon", "pres", "cmdr", "brig", "messrs", "est", "dept", "univ", "ave", "blvd", "a.m", "p.m",
    ]

    /// Ranges of the sentences of `line`, as (start, end) String indices, whitespace trimmed.
    public static func ranges(in line: String) -> [Range<String.Index>] {
        let scalars = line.unicodeScalars
        let u = line.utf8
        var out: [Range<String.Index>] = []
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            // Bytes first: only . ! ? and the lead bytes of ؟ ۔ … 。 (D8, DB, E2, E3) can start a terminator.
            let b = u[i]
            if b < 0x80 ? !(b == 0x2E || b == 0x21 || b == 0x3F) : !(b == 0xD8 || b == 0xDB || b == 0xE2 || b == 0xE3) {
                i = b < 0x80 ? u.index(after: i) : scalars.index(after: i)
                continue
            }
            let c = scalars[i]
            guard isTerminator(c) else {
                i = scalars.index(after: i)
                continue
            }
            // Take further terminators and closing quotes/brackets with this one.
            var end = scalars.index(after: i)
            while end < scalars.endIndex, isTerminator(scalars[end]) || isCloser(scalars[end]) {
                end = scalars.index(after: end)
            }
            if shouldSplit(line, at: i, after: end) {
                appendTrimmed(line, start..<end, to: &out)
                start = end
            }
            i = end
        }
        appendTrimmed(line, start..<scalars.endIndex, to: &out)
        return out
    }

    /// `properties.isWhitespace`, without the property look-up for ASCII.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) : c.properties.isWhitespace
    }

    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x2026, 0x3002: true
        default: false
        }
    }

    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0xBB: true
        default: false
        }
    }

    private static func shouldSplit(_ line: String, at i: String.Index, after end: String.Index) -> Bool {
        let scalars = line.unicodeScalars
        let mark = scalars[i]
        // What follows: end of line, or a space then a sentence start.
        var next = end
        var sawSpace = false
        while next < scalars.endIndex, isWhitespace(scalars[next]) {
            sawSpace = true
            next = scalars.index(after: next)
        }
        if next == scalars.endIndex { return true }
        let following = scalars[next]
        if mark.value != 0x2E {
            // ! ? ؟ ۔ … : split when something follows after a space, or an Arabic mark.
            return sawSpace || mark.value == 0x061F || mark.value == 0x06D4
        }
        let word = wordBefore(line, i)
        if !sawSpace {
            // "cold.The": a glued sentence start after a lower-case word of three letters or more.
            return following.properties.isUppercase && word.count >= 3 && word.allSatisfy { $0.isLowercase }
        }
        if word.isEmpty == false {
            if abbreviations.contains(FastCase.lower(word)) { return false }
            if word.count == 1, word.first?.isUppercase == true { return false }  // an initial: "F."
            if word.contains("."), word.count <= 6 { return false }  // "U.S", "e.g"
        }
        if following.properties.isLowercase {
            // "…first. used it as …": a scraped fragment starts here, unless the dot ends a short word.
            return word.count >= 3 && word.allSatisfy(\.isLowercase)
        }
        return true
    }

    private static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x201C, 0x2018, 0xAB: true
        default: false
        }
    }

    private static func wordBefore(_ line: String, _ i: String.Index) -> String {
        // ASCII letters and dots read as bytes; a byte of another script goes the scalar way.
        let u = line.utf8
        var j = i
        while j > u.startIndex {
            let p = u.index(before: j)
            let b = u[p]
            if b >= 0x80 { return scalarWordBefore(line, i) }
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x2E { j = p } else { break }
        }
        return String(line.utf8[j..<i]) ?? scalarWordBefore(line, i)
    }

    private static func scalarWordBefore(_ line: String, _ i: String.Index) -> String {
        let scalars = line.unicodeScalars
        var j = i
        var chars = String.UnicodeScalarView()
        while j > scalars.startIndex {
            let p = scalars.index(before: j)
            let c = scalars[p]
            if c.properties.isAlphabetic || c.value == 0x2E { chars.append(c); j = p } else { break }
        }
        return String(String(chars).reversed())
    }

    private static func appendTrimmed(_ line: String, _ r: Range<String.Index>, to out: inout [Range<String.Index>]) {
        let scalars = line.unicodeScalars
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi, isWhitespace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, isWhitespace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        if lo < hi { out.append(lo..<hi) }
    }
}
