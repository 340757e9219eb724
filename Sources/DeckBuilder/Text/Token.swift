/// A word, number or punctuation mark of a sentence.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punct }
    // The strings first and the bytes after them: 52 bytes a token (72 with the bytes between).
    var text: Substring
    /// Lower-cased text, computed once.
    var lower: String
    var kind: Kind
    /// Where the token lies in its sentence (a substring's indices are its base string's).
    var range: Range<String.Index> { text.startIndex..<text.endIndex }
    /// Whether whitespace precedes the token.
    var spaceBefore: Bool
    var isCapitalized: Bool
    /// Whether the text holds a hyphen-minus (byte 2D), noted by the tokenizer: "mid-May", "twenty-four".
    private(set) var hasHyphen: Bool

    /// Whether the token is exactly `mark` (one character of one scalar), told from its bytes or
    /// scalars rather than by comparing strings.
    /// A text is exactly one scalar when its UTF-8 bytes are that scalar's, so the bytes settle it
    /// for marks of other scripts too (“ ، ؛) without walking scalars.
    @inline(__always)
    func isMark(_ mark: Unicode.Scalar) -> Bool {
        let u = text.utf8
        let v = mark.value
        if v < 0x80 { return u.count == 1 && u.first == UInt8(v) }
        let length = v < 0x800 ? 2 : v < 0x1_0000 ? 3 : 4
        guard u.count == length else { return false }
        var i = u.startIndex
        for b in mark.utf8 {
            guard u[i] == b else { return false }
            i = u.index(after: i)
        }
        return true
    }

    /// Whether `lower` is exactly `ascii`, by bytes: `lower == ascii` for ASCII without K ; ` (no
    /// other text is canonically equivalent to such a string).
    @inline(__always)
    func lowerIs(_ ascii: StaticString) -> Bool {
        let u = lower.utf8
        let n = ascii.utf8CodeUnitCount
        guard u.count == n else { return false }
        let p = ascii.utf8Start
        var i = u.startIndex
        for k in 0..<n {
            guard u[i] == p[k] else { return false }
            i = u.index(after: i)
        }
        return true
    }

    /// A token whose lower case and capital the caller has read from its bytes (the ASCII reader).
    /// Whether the text is exactly `ascii`, by bytes, without making a string of the text. For ASCII
    /// without K ; ` (the only ASCII characters other scalars are canonically equivalent to: the
    /// Kelvin sign, the Greek question mark, the Greek varia) this is what `==` answers.
    func isASCII(_ ascii: StaticString) -> Bool {
        let n = ascii.utf8CodeUnitCount
        guard text.utf8.count == n else { return false }
        return ascii.withUTF8Buffer { text.utf8.elementsEqual($0) }
    }

    init(kind: Kind, text: Substring, spaceBefore: Bool, lower: String, isCapitalized: Bool, hasHyphen: Bool) {
        self.kind = kind
        self.text = text
        self.spaceBefore = spaceBefore
        self.lower = lower
        self.isCapitalized = isCapitalized
        self.hasHyphen = hasHyphen
    }

    /// The token of `text`, whose UTF-8 bytes are `bytes`: what `init(kind:text:spaceBefore:)` makes,
    /// its tests read on the bytes.
    init(kind: Kind, text: Substring, bytes: UnsafeBufferPointer<UInt8>, spaceBefore: Bool) {
        self.kind = kind
        self.text = text
        self.spaceBefore = spaceBefore
        // (The bytes copied for `.lowerAlready` cost more than the substring's copy for text of
        // other scripts: a string made in place checks non-ASCII bytes the slow way.)
        switch FastCase.scan(buffer: bytes) {
        case .other: lower = text.lowercased()
        case .lowerAlready: lower = String(text)
        case .asciiUpper: lower = FastCase.lowered(bytes)
        }
        hasHyphen = bytes.contains(0x2D)
        if let b = bytes.first, b < 0x80 {
            isCapitalized = b >= 0x41 && b <= 0x5A
        } else if bytes.allSatisfy({ ($0 >= 0x80 && $0 <= 0xBF) || ($0 >= 0xD8 && $0 <= 0xDB) }) {
            // Only scalars of the Arabic block (U+0600–06FF), none of which has case: no capital,
            // and no need of `Character.isUppercase` (which compares case-mapped strings).
            isCapitalized = false
        } else {
            isCapitalized = text.first?.isUppercase ?? false
        }
    }

    init(kind: Kind, text: Substring, spaceBefore: Bool) {
        self.kind = kind
        self.text = text
        self.spaceBefore = spaceBefore
        self.lower = FastCase.lower(text)
        hasHyphen = text.hasByte(0x2D)
        if let b = text.utf8.first, b < 0x80 {
            self.isCapitalized = b >= 0x41 && b <= 0x5A
        } else {
            self.isCapitalized = text.first?.isUppercase ?? false
        }
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes hold `byte`: `utf8.contains(byte)`, on a native string's buffer.
    func hasByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// Whether the text is ASCII, read on a native string's buffer.
    var isASCIIText: Bool {
        utf8.withContiguousStorageIfAvailable { b in !b.contains { $0 >= 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

/// Byte tests that answer as the `String` ones for text in ASCII without CR, where every character
/// is one byte (CR LF would be one character of two).
enum ASCIIText {
    static func isPlain(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { b in !b.contains { $0 >= 0x80 || $0 == 0x0D } } ?? false
    }

    /// `s.hasSuffix(suffix)` for a plain `s` and an ASCII suffix without K ; ` (which other scalars
    /// are canonically equivalent to).
    static func hasSuffix(_ s: String, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        return s.utf8.withContiguousStorageIfAvailable { b in
            guard b.count >= n else { return false }
            return suffix.withUTF8Buffer { tail in
                var k = 0
                while k < n, b[b.count - n + k] == tail[k] { k += 1 }
                return k == n
            }
        } ?? s.hasSuffix(suffix.description)
    }
}

/// Lower-casing without the Unicode machinery when the text's only cased letters are ASCII
/// (ASCII and Arabic text).
enum FastCase {
    static func lower<S: StringProtocol>(_ s: S) -> String {
        // A native string's bytes are read as one buffer, without the view's index arithmetic.
        if let answer = s.utf8.withContiguousStorageIfAvailable({ b -> String? in
            switch scan(buffer: b) {
            case .other: return nil
            case .lowerAlready: return String(s)
            case .asciiUpper: return lowered(b)
            }
        }) {
            return answer ?? s.lowercased()
        }
        switch scan(s.utf8) {
        case .other: return s.lowercased()
        case .lowerAlready: return String(s)
        case .asciiUpper:
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

    enum Case { case other, lowerAlready, asciiUpper }

    /// Whether the text's only cased letters are ASCII, and whether any of them is upper case.
    @inline(__always)
    static func scan(_ bytes: some Sequence<UInt8>) -> Case {
        var hasUpper = false
        // Arabic letters (U+0600–U+06FF, lead bytes D8–DB) have no case either, nor general
        // punctuation (U+2000–203F: E2 80 xx, such as ’ “ ” — …).
        var afterE2 = false
        for b in bytes {
            if afterE2 {
                afterE2 = false
                if b != 0x80 { return .other }
            } else if b >= 0x80 {
                if b == 0xE2 {
                    afterE2 = true
                } else if b >= 0xC0 && !(b >= 0xD8 && b <= 0xDB) {
                    return .other
                }
            } else if b >= 0x41 && b <= 0x5A {
                hasUpper = true
            }
        }
        return hasUpper ? .asciiUpper : .lowerAlready
    }

    /// High bit of each byte of an 8-byte word.
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// For a word of ASCII bytes, the high bit of each byte that is a capital A–Z: adding 3F sets it
    /// from 41 up, adding 25 from 5B up (no byte carries into the next below 80).
    @inline(__always)
    private static func capitals(_ w: UInt64) -> UInt64 {
        (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & highBits
    }

    /// `scan` of a buffer: its ASCII stretch eight bytes at a time, the rest byte by byte.
    static func scan(buffer b: UnsafeBufferPointer<UInt8>) -> Case {
        guard let base = b.baseAddress else { return .lowerAlready }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var upper: UInt64 = 0
        while i + 8 <= b.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if w & highBits != 0 { break }
            upper |= capitals(w)
            i += 8
        }
        // An ASCII stretch ends with no E2 pending: the byte reader starts afresh.
        let rest = scan(UnsafeBufferPointer(rebasing: b[i...]))
        return rest == .lowerAlready && upper != 0 ? .asciiUpper : rest
    }

    /// Whether the bytes are all ASCII, eight at a time.
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & highBits != 0 { return false }
            i += 8
        }
        while i < b.count {
            if b[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// The bytes with ASCII capitals lowered (the caller has found the text caseless otherwise):
    /// ASCII words of eight bytes at once (a capital's 20 bit set from its high-bit mark), others
    /// byte by byte.
    static func lowered(_ b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: b.count) { buffer in
            var i = 0
            if let from = b.baseAddress, let to = buffer.baseAddress {
                let source = UnsafeRawPointer(from)
                let target = UnsafeMutableRawPointer(to)
                while i + 8 <= b.count {
                    let w = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    guard w & highBits == 0 else { break }
                    target.storeBytes(of: w | capitals(w) >> 2, toByteOffset: i, as: UInt64.self)
                    i += 8
                }
            }
            while i < b.count {
                let c = b[i]
                buffer[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                i += 1
            }
            return b.count
        }
    }
}

enum Tokenizer {
    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        // About one token in five bytes of prose: most sentences need no regrowth.
        out.reserveCapacity(s.utf8.count / 5 + 4)
        // Each token is moved into the array, not copied (and the copy destroyed).
        forEachOwnedToken(s) { (token: consuming Token) in
            out.append(token)
            return true
        }
        return out
    }

    /// `tokens(s)` into `out`, whose room is kept from sentence to sentence: a sentence's tokens
    /// take a kilobyte or two, and glibc's malloc answers a request that large by first merging
    /// every small free chunk it holds (`malloc_consolidate`), which then makes the small requests
    /// after it slow too. (When the previous sentence's tokens are still held elsewhere, the
    /// array is not unique and gets new room, as `tokens(s)` would.)
    static func tokens(_ s: String, into out: inout [Token]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(s.utf8.count / 5 + 4)
        forEachOwnedToken(s) { (token: consuming Token) in
            out.append(token)
            return true
        }
    }

    /// Calls `body` with each token in order until it returns false. ASCII text is read as bytes
    /// (the same tokens as the scalar reader below, without its index arithmetic).
    static func forEachToken(_ s: String, _ body: (Token) -> Bool) {
        forEachOwnedToken(s) { body($0) }
    }

    private static func forEachOwnedToken(_ s: String, _ body: (consuming Token) -> Bool) {
        var text = s
        text.withUTF8 { b in
            if FastCase.isASCII(b) {
                asciiTokens(s, bytes: b, body)
            } else {
                byteTokens(s, bytes: b, body)
            }
        }
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func asciiTokens(_ s: String, _ body: (Token) -> Bool) {
        var text = s
        text.withUTF8 { asciiTokens(s, bytes: $0) { body($0) } }
    }

    private static func asciiTokens(
        _ s: String, bytes: UnsafeBufferPointer<UInt8>, _ body: (consuming Token) -> Bool
    ) {
        let lowers = shortLowers
        let u8 = s.utf8
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
            var hyphen = false
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
                        if k < n, isASCIILetter(bytes[k]) {
                            hyphen = hyphen || d == 0x2D
                            i = k
                            continue
                        }
                        // "B-29": upper-case letters, a hyphen and digits make one name.
                        if d == 0x2D, k < n, isASCIIDigit(bytes[k]),
                            bytes[start..<i].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })
                        {
                            hyphen = true
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
            // Lower case and capital from the bytes at hand: only a word holds capitals.
            let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
            let text = s[lo..<hi]
            let capital = c >= 0x41 && c <= 0x5A
            // A word's hyphens were noted as the word was read; a number holds none.
            if kind == .punct { hyphen = c == 0x2D }
            // ASCII bytes make a string without the checks of a substring's copy; a token of one
            // or two bytes takes its lower case from the table.
            let lower: String
            let length = i - start
            if length == 1 {
                lower = lowers[Int(c)]
            } else if length == 2, let at = shortLowerIndex(c, bytes[start + 1]) {
                lower = lowers[at]
            } else {
                // The bytes copied (A–Z lowered) into a string made in place: cheaper than decoding.
                lower = FastCase.lowered(word)
            }
            stop = !body(
                Token(
                    kind: kind, text: text, spaceBefore: space, lower: lower, isCapitalized: capital, hasHyphen: hyphen)
            )
            space = false
        }
    }

    /// The lower case of every ASCII token of one byte (at the byte's index) and of two letters
    /// or digits (at `shortLowerIndex`), made once: a short token's lower case is then a copy of a
    /// small string rather than a string made from its bytes.
    static let shortLowers: [String] = {
        var out = (0..<128).map { (b: Int) -> String in
            let c = UInt8(b)
            return String(decoding: [c &- 0x41 < 26 ? c | 0x20 : c], as: UTF8.self)
        }
        let symbols = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        for x in symbols {
            for y in symbols { out.append(String(decoding: [x, y], as: UTF8.self)) }
        }
        return out
    }()

    /// Where `shortLowers` holds the lower case of the two ASCII bytes `x y`, nil unless both are
    /// letters or digits.
    @inline(__always)
    static func shortLowerIndex(_ x: UInt8, _ y: UInt8) -> Int? {
        @inline(__always) func symbol(_ c: UInt8) -> Int? {
            if c &- 0x30 < 10 { return Int(c &- 0x30) }
            let l = c | 0x20
            return l &- 0x61 < 26 ? Int(l &- 0x61) + 10 : nil
        }
        guard let a = symbol(x), let b = symbol(y) else { return nil }
        return 128 + a * 36 + b
    }

    static func scalarTokens(_ s: String, _ body: (Token) -> Bool) {
        var text = s
        text.withUTF8 { scalarTokens(s, bytes: $0) { body($0) } }
    }

    /// The scalar reader; `bytes` are the string's UTF-8, from which each token's case is read.
    private static func scalarTokens(
        _ s: String, bytes: UnsafeBufferPointer<UInt8>, _ body: (consuming Token) -> Bool
    ) {
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
            let lo = s.utf8.distance(from: s.startIndex, to: start)
            let hi = lo + s.utf8.distance(from: start, to: i)
            let token = Token(
                kind: kind, text: s[start..<i], bytes: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), spaceBefore: space
            )
            if !body(token) { return }
            space = false
        }
    }

    static func byteTokens(_ s: String, _ body: (Token) -> Bool) {
        var text = s
        text.withUTF8 { byteTokens(s, bytes: $0) { body($0) } }
    }

    /// The scalar reader's tokens, the scalars decoded from the bytes by hand and their properties
    /// read from `scalarKinds` (no index arithmetic of the scalar view, no property look-up for the
    /// scalars of the first two UTF-8 lengths and of general punctuation).
    private static func byteTokens(
        _ s: String, bytes b: UnsafeBufferPointer<UInt8>, _ body: (consuming Token) -> Bool
    ) {
        ScalarKind.table.withUnsafeBufferPointer { byteTokens(s, bytes: b, table: $0, body) }
    }

    private static func byteTokens(
        _ s: String, bytes b: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>,
        _ body: (consuming Token) -> Bool
    ) {
        @inline(__always) func scalarKind(_ v: UInt32) -> UInt8 { Tokenizer.scalarKind(v, table) }
        let u8 = s.utf8
        let n = b.count
        var i = 0
        var space = false
        // A scalar known to start at `i`, its value and length.
        @inline(__always) func decode(_ i: Int) -> (UInt32, Int) {
            let c = b[i]
            if c < 0x80 { return (UInt32(c), 1) }
            if c < 0xE0 { return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
            if c < 0xF0 {
                return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
            }
            var v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
            v |= UInt32(b[i + 3] & 0x3F)
            return (v, 4)
        }
        while i < n {
            let (c, length) = decode(i)
            let kinds = scalarKind(c)
            if kinds & ScalarKind.space != 0 {
                space = true
                i += length
                continue
            }
            let start = i
            var kind = Token.Kind.punct
            if kinds & ScalarKind.digit != 0 {
                kind = .number
                i += length
                while i < n {
                    let (d, dl) = decode(i)
                    if scalarKind(d) & ScalarKind.digit != 0 { i += dl; continue }
                    if d == 0x2C || d == 0x2E || d == 0x066C || d == 0x066B {
                        let next = i + dl
                        if next < n, scalarKind(decode(next).0) & ScalarKind.digit != 0 { i = next; continue }
                    }
                    break
                }
                // "9th", "1930s": scalars a–z are the bytes 61–7A.
                var j = i
                while j < n, b[j] &- 0x61 < 26 { j += 1 }
                let len = j - i
                if len == 1 || len == 2, j == n || scalarKind(decode(j).0) & ScalarKind.alphabetic == 0 {
                    let x = b[i]
                    let y: UInt8 = len == 2 ? b[i + 1] : 0
                    let ok =
                        len == 1
                        ? x == 0x73  // s
                        : (x == 0x73 && y == 0x74) || (x == 0x6E && y == 0x64) || (x == 0x72 && y == 0x64)
                            || (x == 0x74 && y == 0x68)  // st nd rd th
                    if ok { i = j }
                }
            } else if kinds & ScalarKind.word != 0 {
                kind = .word
                i += length
                while i < n {
                    let (d, dl) = decode(i)
                    if scalarKind(d) & (ScalarKind.word | ScalarKind.mark) != 0 { i += dl; continue }
                    if d == 0x2D || d == 0x27 || d == 0x2019 || d == 0x0640 {
                        let next = i + dl
                        if next < n {
                            let following = scalarKind(decode(next).0)
                            if following & ScalarKind.word != 0 { i = next; continue }
                            // "B-29": upper-case letters, a hyphen and digits make one name (scalars
                            // A–Z are the bytes 41–5A; other scalars' bytes are 80 or more).
                            if d == 0x2D, following & ScalarKind.digit != 0,
                                b[start..<i].allSatisfy({ $0 &- 0x41 < 26 })
                            {
                                i = next
                                while i < n {
                                    let (e, el) = decode(i)
                                    guard scalarKind(e) & ScalarKind.digit != 0 else { break }
                                    i += el
                                }
                                break
                            }
                        }
                    }
                    break
                }
            } else {
                i += length
            }
            let lo = u8.index(u8.startIndex, offsetBy: start)
            let hi = u8.index(lo, offsetBy: i - start)
            let token = Token(
                kind: kind, text: s[lo..<hi], bytes: UnsafeBufferPointer(rebasing: b[start..<i]), spaceBefore: space)
            if !body(token) { return }
            space = false
        }
    }

    /// What the scalar reader asks of a scalar, as bits.
    enum ScalarKind {
        /// Space between tokens: space, tab, or white space of 80 or more.
        static let space: UInt8 = 1
        /// `isDigit`.
        static let digit: UInt8 = 2
        /// `isWordScalar`.
        static let word: UInt8 = 4
        /// A nonspacing mark of 300 or more (one that extends a word).
        static let mark: UInt8 = 8
        /// `properties.isAlphabetic`.
        static let alphabetic: UInt8 = 16

        static func of(_ v: UInt32) -> UInt8 {
            guard let c = Unicode.Scalar(v) else { return 0 }
            var k: UInt8 = 0
            if v == 0x20 || v == 0x09 || (v >= 0x80 && c.properties.isWhitespace) { k |= space }
            if Tokenizer.isDigit(c) { k |= digit }
            if Tokenizer.isWordScalar(c) { k |= word }
            if v >= 0x300 && c.properties.generalCategory == .nonspacingMark { k |= mark }
            if c.properties.isAlphabetic { k |= alphabetic }
            return k
        }

        /// `of` for the scalars below 800 (one or two UTF-8 bytes), then for 2000–206F (general
        /// punctuation: ’ “ ” — … and the wide spaces), computed once.
        static let table: [UInt8] = (0..<0x800).map { of(UInt32($0)) } + (0x2000..<0x2070).map { of(UInt32($0)) }
    }

    /// `ScalarKind.of(v)`, from the table when it holds `v`.
    @inline(__always) static func scalarKind(_ v: UInt32, _ table: UnsafeBufferPointer<UInt8>) -> UInt8 {
        if v < 0x800 { return table[Int(v)] }
        if v &- 0x2000 < 0x70 { return table[Int(v) - 0x2000 + 0x800] }
        return ScalarKind.of(v)
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
