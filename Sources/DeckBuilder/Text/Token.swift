/// A word, number or punctuation mark of a sentence.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punct }
    var kind: Kind
    var text: Substring
    /// Where the token lies in its sentence (a substring's indices are its base string's).
    var range: Range<String.Index> { text.startIndex..<text.endIndex }
    /// Whether whitespace precedes the token.
    var spaceBefore: Bool
    /// Lower-cased text, computed once.
    var lower: String
    var isCapitalized: Bool

    /// Whether the token is exactly `mark` (one character of one scalar), told from its bytes or
    /// scalars rather than by comparing strings.
    func isMark(_ mark: Unicode.Scalar) -> Bool {
        if mark.value < 0x80 { return text.utf8.count == 1 && text.utf8.first == UInt8(mark.value) }
        var scalars = text.unicodeScalars.makeIterator()
        return scalars.next() == mark && scalars.next() == nil
    }

    init(kind: Kind, text: Substring, spaceBefore: Bool) {
        self.kind = kind
        self.text = text
        self.spaceBefore = spaceBefore
        self.lower = FastCase.lower(text)
        if let b = text.utf8.first, b < 0x80 {
            self.isCapitalized = b >= 0x41 && b <= 0x5A
        } else {
            self.isCapitalized = text.first?.isUppercase ?? false
        }
    }
}

/// Lower-casing without the Unicode machinery when the text's only cased letters are ASCII
/// (ASCII and Arabic text).
enum FastCase {
    static func lower<S: StringProtocol>(_ s: S) -> String {
        var hasUpper = false
        // Arabic letters (U+0600–U+06FF, lead bytes D8–DB) have no case either, nor general
        // punctuation (U+2000–203F: E2 80 xx, such as ’ “ ” — …).
        var caseless = true
        var afterE2 = false
        for b in s.utf8 {
            if afterE2 {
                afterE2 = false
                if b != 0x80 { caseless = false; break }
            } else if b >= 0x80 {
                if b == 0xE2 {
                    afterE2 = true
                } else if b >= 0xC0 && !(b >= 0xD8 && b <= 0xDB) {
                    caseless = false
                    break
                }
            } else if b >= 0x41 && b <= 0x5A {
                hasUpper = true
            }
        }
        guard caseless else { return s.lowercased() }
        // ASCII letters are the only cased ones: lower-case them byte by byte.
        guard hasUpper else { return String(s) }
        let n = s.utf8.count
        return String(unsafeUninitializedCapacity: n) { buffer in
            var i = 0
            for b in s.utf8 {
                buffer[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                i += 1
            }
            return n
        }
    }
}

enum Tokenizer {
    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        // About one token in five bytes of prose: most sentences need no regrowth.
        out.reserveCapacity(s.utf8.count / 5 + 4)
        forEachToken(s) {
            out.append($0); return true
        }
        return out
    }

    /// Calls `body` with each token in order until it returns false. ASCII text is read as bytes
    /// (the same tokens as the scalar reader below, without its index arithmetic).
    static func forEachToken(_ s: String, _ body: (Token) -> Bool) {
        var text = s
        let ascii = text.withUTF8 { b in b.allSatisfy { $0 < 0x80 } }
        if ascii {
            asciiTokens(s, body)
        } else {
            scalarTokens(s, body)
        }
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func asciiTokens(_ s: String, _ body: (Token) -> Bool) {
        let u8 = s.utf8
        let bytes = Array(u8)
        let n = bytes.count
        var i = 0
        var space = false
        var stop = false
        while i < n && !stop {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 {
                space = true
                i += 1
                continue
            }
            let start = i
            var kind = Token.Kind.punct
            if isASCIIDigit(c) {
                kind = .number
                i += 1
                while i < n {
                    let d = bytes[i]
                    if isASCIIDigit(d) { i += 1; continue }
                    if d == 0x2C || d == 0x2E, i + 1 < n, isASCIIDigit(bytes[i + 1]) { i += 1; continue }
                    break
                }
                // "9th", "1930s"
                var j = i
                while j < n, bytes[j] >= 0x61 && bytes[j] <= 0x7A { j += 1 }
                let len = j - i
                if len == 1 || len == 2, j == n || !isASCIILetter(bytes[j]) {
                    let a = bytes[i]
                    let b: UInt8 = len == 2 ? bytes[i + 1] : 0
                    let ok =
                        len == 1
                        ? a == 0x73  // s
                        : (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64)
                            || (a == 0x74 && b == 0x68)  // st nd rd th
                    if ok { i = j }
                }
            } else if isASCIILetter(c) {
                kind = .word
                i += 1
                while i < n {
                    let d = bytes[i]
                    if isASCIILetter(d) { i += 1; continue }
                    if d == 0x2D || d == 0x27 {
                        let k = i + 1
                        if k < n, isASCIILetter(bytes[k]) { i = k; continue }
                        // "B-29": upper-case letters, a hyphen and digits make one name.
                        if d == 0x2D, k < n, isASCIIDigit(bytes[k]),
                            bytes[start..<i].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })
                        {
                            i = k
                            while i < n, isASCIIDigit(bytes[i]) { i += 1 }
                            break
                        }
                    }
                    break
                }
            } else {
                i += 1
            }
            let lo = u8.index(u8.startIndex, offsetBy: start)
            let hi = u8.index(lo, offsetBy: i - start)
            stop = !body(Token(kind: kind, text: s[lo..<hi], spaceBefore: space))
            space = false
        }
    }

    static func scalarTokens(_ s: String, _ body: (Token) -> Bool) {
        let u = s.unicodeScalars
        var i = u.startIndex
        var space = false
        while i < u.endIndex {
            let c = u[i]
            if c.value == 0x20 || c.value == 0x09 || (c.value >= 0x80 && c.properties.isWhitespace) {
                space = true
                i = u.index(after: i)
                continue
            }
            let start = i
            var kind = Token.Kind.punct
            if isDigit(c) {
                kind = .number
                i = u.index(after: i)
                while i < u.endIndex {
                    let d = u[i]
                    if isDigit(d) { i = u.index(after: i); continue }
                    if d == "," || d == "." || d.value == 0x066C || d.value == 0x066B {
                        let n = u.index(after: i)
                        if n < u.endIndex, isDigit(u[n]) { i = n; continue }
                    }
                    break
                }
                // "9th", "1930s"
                var j = i
                while j < u.endIndex, (0x61...0x7A).contains(u[j].value) { j = u.index(after: j) }
                let suffix = String(u[i..<j])
                if ["st", "nd", "rd", "th", "s"].contains(suffix), j == u.endIndex || !u[j].properties.isAlphabetic {
                    i = j
                }
            } else if isWordScalar(c) {
                kind = .word
                i = u.index(after: i)
                while i < u.endIndex {
                    let d = u[i]
                    if isWordScalar(d) || (d.value >= 0x300 && d.properties.generalCategory == .nonspacingMark) {
                        i = u.index(after: i); continue
                    }
                    if d == "-" || d == "'" || d.value == 0x2019 || d.value == 0x0640 {
                        let n = u.index(after: i)
                        if n < u.endIndex, isWordScalar(u[n]) { i = n; continue }
                        // "B-29": upper-case letters, a hyphen and digits make one name.
                        if d == "-", n < u.endIndex, isDigit(u[n]),
                            u[start..<i].allSatisfy({ (0x41...0x5A).contains($0.value) })
                        {
                            i = n
                            while i < u.endIndex, isDigit(u[i]) { i = u.index(after: i) }
                            break
                        }
                    }
                    break
                }
            } else {
                i = u.index(after: i)
            }
            if !body(Token(kind: kind, text: s[start..<i], spaceBefore: space)) { return }
            space = false
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(c.value) || (0x0660...0x0669).contains(c.value) || (0x06F0...0x06F9).contains(c.value)
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value) }
        // Arabic letters (ء to ي, tatweel included) are alphabetic: no property look-up for them.
        if (0x0621...0x064A).contains(c.value) { return true }
        return c.properties.isAlphabetic && !isDigit(c)
    }
}
