/// Pieces of text written into one string: `PromptText.written` runs its builder twice, first
/// counting the bytes (no buffer), then copying them into a string made once at that size.
struct PieceWriter {
    private let out: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0

    init(_ out: UnsafeMutablePointer<UInt8>?) { self.out = out }

    mutating func put<S: StringProtocol>(_ s: S) {
        guard let out else {
            count += s.utf8.count
            return
        }
        let copied = s.utf8.withContiguousStorageIfAvailable { b -> Int in
            if let from = b.baseAddress { (out + count).update(from: from, count: b.count) }
            return b.count
        }
        if let copied {
            count += copied
        } else {
            for c in s.utf8 {
                out[count] = c
                count += 1
            }
        }
    }

    /// The decimal digits of `n` (a minus sign first when negative): what `"\(n)"` writes.
    mutating func put(number n: Int) {
        var digits = 1
        var m = n.magnitude
        while m >= 10 {
            m /= 10
            digits += 1
        }
        guard let out else {
            count += digits + (n < 0 ? 1 : 0)
            return
        }
        if n < 0 {
            out[count] = 0x2D
            count += 1
        }
        var v = n.magnitude
        var i = count + digits - 1
        repeat {
            out[i] = UInt8(truncatingIfNeeded: v % 10) + 0x30
            v /= 10
            i -= 1
        } while v > 0
        count += digits
    }

    /// The tokens' texts, a space before each that had one but the first (`FigureExtractor.phrase`).
    mutating func put(_ t: [Token], _ r: Range<Int>) {
        for k in r {
            if k > r.lowerBound, t[k].spaceBefore { put(" ") }
            put(t[k].text)
        }
    }
}

/// Tidies scraped spacing in card text (never in the quoted evidence): no space before
/// a comma or full stop, none inside quotation marks.
enum PromptText {
    /// The string `build` writes, its bytes counted in a first run and copied in a second.
    static func written(_ build: (inout PieceWriter) -> Void) -> String {
        var counter = PieceWriter(nil)
        build(&counter)
        return String(unsafeUninitializedCapacity: counter.count) { buffer in
            var writer = PieceWriter(buffer.baseAddress)
            build(&writer)
            return writer.count
        }
    }

    static func clean(_ s: String) -> String {
        bytesAreCharacters(s) ? cleanBytes(s) : cleanCharacters(s)
    }

    /// Whether the rules read the same on bytes as on Characters: the text has no CR, and no space,
    /// quotation mark or glued punctuation is joined into one Character with a neighbour (a combining
    /// mark after it, or a prepended mark such as U+0600 before it). UTF-8 never uses ASCII bytes
    /// inside other characters, so everything else is copied through unchanged either way.
    static func bytesAreCharacters(_ s: String) -> Bool {
        var text = s
        return text.withUTF8(bytesAreCharacters)
    }

    private static func bytesAreCharacters(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        // ASCII without CR (most English clauses) has no neighbour to join.
        if isASCIIWithoutCR(u) { return true }
        for i in u.indices {
            let b = u[i]
            // Only the space, the quotation mark and the glue marks (all below 64) are asked about.
            guard b < 64, specialBytes & (1 << UInt64(b)) != 0 else { continue }
            if b == 0x0D { return false }
            // An Arabic letter (U+0621–064A, two bytes from D8 A1 to D9 8A) neither extends nor is a mark.
            if i + 2 < u.count, isArabicLetter(u[i + 1], u[i + 2]) {
            } else if i + 1 < u.count, u[i + 1] >= 0x80, let next = scalar(u, at: i + 1),
                next.properties.isGraphemeExtend || next.properties.generalCategory == .spacingMark
                    || next.value == 0x200D
            {
                return false
            }
            if i > 0, u[i - 1] >= 0x80 {
                var k = i - 1
                while k > 0, u[k] & 0xC0 == 0x80 { k -= 1 }
                if let previous = scalar(u, at: k), previous.value >= 0x0600,
                    !(0x0606..<0x06DD).contains(previous.value),
                    prepended.contains(where: { $0.contains(previous.value) })
                {
                    return false
                }
            }
        }
        return true
    }

    private static func isArabicLetter(_ a: UInt8, _ b: UInt8) -> Bool {
        (a == 0xD8 && b >= 0xA1 && b <= 0xBF) || (a == 0xD9 && b >= 0x80 && b <= 0x8A)
    }

    /// No byte at or above 0x80 and no CR, read eight bytes at a time.
    static func isASCIIWithoutCR(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = u.baseAddress {
            let high: UInt64 = 0x8080_8080_8080_8080
            let ones: UInt64 = 0x0101_0101_0101_0101
            while i + 8 <= u.count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // A zero byte in w ^ CRs, told exactly for bytes below 0x80.
                let cr = w ^ (ones &* 0x0D)
                if w & high != 0 || (cr &- ones) & ~cr & high != 0 { return false }
                i += 8
            }
        }
        while i < u.count {
            if u[i] >= 0x80 || u[i] == 0x0D { return false }
            i += 1
        }
        return true
    }

    /// CR, space, `"`, `,`, `.`, `;`, `!`, `:`, `?` as bits of a mask.
    private static let specialBytes: UInt64 = [0x0D, 0x20, 0x22, 0x2C, 0x2E, 0x3B, 0x21, 0x3A, 0x3F].reduce(0) {
        $0 | 1 << UInt64($1)
    }

    /// Grapheme "Prepend" characters (they join the character after them).
    private static let prepended: [ClosedRange<UInt32>] = [
        0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891, 0x08E2...0x08E2, 0x110BD...0x110BD,
        0x110CD...0x110CD, 0x111C2...0x111C3, 0x1193F...0x1193F, 0x11941...0x11941, 0x11A3A...0x11A3A,
        0x11A84...0x11A89, 0x11D46...0x11D46, 0x11F02...0x11F02,
    ]

    private static func scalar(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        var it = u[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let v) = decoder.decode(&it) { return v }
        return nil
    }

    static func cleanCharacters(_ s: String) -> String {
        var out = ""
        var quoteOpen = false
        var pendingSpace = false
        for c in s {
            if c == " " {
                pendingSpace = true
                continue
            }
            if c == "\"" {
                if quoteOpen {
                    out.append(c)
                    quoteOpen = false
                    pendingSpace = false
                    continue
                }
                if pendingSpace && !out.isEmpty { out.append(" ") }
                out.append(c)
                quoteOpen = true
                pendingSpace = false
                // Drop spaces right after an opening quote.
                continue
            }
            if pendingSpace {
                let glue = [",", ".", ";", "!", ":", "?"].contains(String(c))
                if !glue && !(out.last == "\"" && quoteOpen) && !out.isEmpty { out.append(" ") }
                if !glue && out.isEmpty && !s.hasPrefix(" ") {}
                pendingSpace = false
            }
            out.append(c)
        }
        if pendingSpace { out.append(" ") }
        if s.hasPrefix(" "), !out.hasPrefix(" ") { out = " " + out }
        return out
    }

    /// The rules on UTF-8 bytes (see `bytesAreCharacters`).
    static func cleanBytes(_ s: String) -> String {
        var text = s
        return text.withUTF8 { u in
            String(unsafeUninitializedCapacity: u.count + 1) { out in clean(u, into: out.baseAddress!) }
        }
    }

    /// `clean(prefix + "\u{1}" + suffix)` cut again at the marker byte, or the two texts as they
    /// are when either holds the marker byte itself. The cleaning runs on the joined bytes (its
    /// rules read across the cut) but builds no joined string.
    static func cleanPair(_ prefix: String, _ suffix: String) -> (String, String) {
        // Most clauses have nothing to clean: no copy of them made, no string built again.
        if cleanLeavesAlone(prefix) && cleanLeavesAlone(suffix) { return (prefix, suffix) }
        return cleanPairJoined(prefix, suffix)
    }

    /// True when `cleanPair` gives this part back as it is, whatever the other part: the bytes are
    /// the characters (`bytesAreCharacters`), and the text has no quotation mark, no space after a
    /// space and none before a glue mark. The joined text's rules then change nothing: the marker
    /// byte between the parts is neither a space nor a glue mark, and a space leading the text is
    /// put back. (A part holding the marker byte is given back by `cleanPair` as it is.)
    static func cleanLeavesAlone(_ s: String) -> Bool {
        var text = s
        return text.withUTF8 { u in
            guard let p = u.baseAddress else { return true }
            let n = u.count
            var i = 0
            // ASCII without CR so far: then `bytesAreCharacters` holds without a second pass.
            var plain = true
            #if _endian(little)
                // Eight bytes at a time: a quotation mark anywhere settles it; only the spaces' next
                // bytes are read (the lowest byte of a little-endian load is the first in the text).
                let raw = UnsafeRawPointer(p)
                while i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if zeroBytes(w ^ 0x2222_2222_2222_2222) != 0 { return false }
                    if w & 0x8080_8080_8080_8080 != 0 || zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D) != 0 { plain = false }
                    var spaces = zeroBytes(w ^ 0x2020_2020_2020_2020)
                    while spaces != 0 {
                        let at = i + spaces.trailingZeroBitCount >> 3
                        if at + 1 < n, isSpaceOrGlue(p[at + 1]) { return false }
                        spaces &= spaces &- 1
                    }
                    i += 8
                }
            #endif
            while i < n {
                let c = p[i]
                if c == 0x22 { return false }
                if c >= 0x80 || c == 0x0D { plain = false }
                if c == 0x20, i + 1 < n, isSpaceOrGlue(p[i + 1]) { return false }
                i += 1
            }
            return plain || bytesAreCharacters(u)
        }
    }

    /// `cleanLeavesAlone` byte by byte (tests compare the two).
    static func cleanLeavesAloneByBytes(_ s: String) -> Bool {
        var text = s
        return text.withUTF8 { u in
            let n = u.count
            for i in 0..<n {
                let c = u[i]
                if c == 0x22 { return false }
                if c == 0x20, i + 1 < n, isSpaceOrGlue(u[i + 1]) { return false }
            }
            return bytesAreCharacters(u)
        }
    }

    /// space , . ; ! : ?
    @inline(__always)
    private static func isSpaceOrGlue(_ d: UInt8) -> Bool {
        d == 0x20 || d == 0x2C || d == 0x2E || d == 0x3B || d == 0x21 || d == 0x3A || d == 0x3F
    }

    /// The high bit of each zero byte of `w`, exactly (no borrow runs between bytes: each byte's
    /// low seven bits plus 7F stay within the byte).
    @inline(__always)
    static func zeroBytes(_ w: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((w & low) &+ low) | w | low)
    }

    /// `cleanPair` without the look for parts left alone (tests compare the two).
    static func cleanPairJoined(_ prefix: String, _ suffix: String) -> (String, String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prefix.utf8.count + suffix.utf8.count + 1)
        bytes.append(contentsOf: prefix.utf8)
        bytes.append(0x01)
        bytes.append(contentsOf: suffix.utf8)
        // Cleaning neither adds nor drops a U+0001: the cut is found only when it is the marker alone.
        var markers = 0
        for b in bytes where b == 0x01 { markers += 1 }
        if markers != 1 { return (prefix, suffix) }
        let pair = bytes.withUnsafeBufferPointer { u -> (String, String)? in
            guard bytesAreCharacters(u) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count + 1) { out in
                let n = clean(u, into: out.baseAddress!)
                let mark = out[..<n].firstIndex(of: 0x01)!
                return (
                    String(decoding: UnsafeBufferPointer(rebasing: out[..<mark]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: out[(mark + 1)..<n]), as: UTF8.self)
                )
            }
        }
        if let pair { return pair }
        let cleaned = cleanCharacters(prefix + "\u{1}" + suffix)
        let u = cleaned.utf8
        let mark = u.firstIndex(of: 0x01)!
        return (String(cleaned[..<mark]), String(cleaned[u.index(after: mark)...]))
    }

    /// The rules on bytes: `u` cleaned into `out` (room for `u.count + 1` bytes); the count written.
    private static func clean(_ u: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let space: UInt8 = 0x20
        let quote: UInt8 = 0x22
        var n = 0
        var quoteOpen = false
        var pendingSpace = false
        for c in u {
            if c == space {
                pendingSpace = true
                continue
            }
            if c == quote {
                if quoteOpen {
                    out[n] = c
                    n += 1
                    quoteOpen = false
                    pendingSpace = false
                    continue
                }
                if pendingSpace && n > 0 {
                    out[n] = space
                    n += 1
                }
                out[n] = c
                n += 1
                quoteOpen = true
                pendingSpace = false
                continue
            }
            if pendingSpace {
                // , . ; ! : ?
                let glue = c == 0x2C || c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3A || c == 0x3F
                if !glue && !(n > 0 && out[n - 1] == quote && quoteOpen) && n > 0 {
                    out[n] = space
                    n += 1
                }
                pendingSpace = false
            }
            out[n] = c
            n += 1
        }
        if pendingSpace {
            out[n] = space
            n += 1
        }
        if u.first == space, !(n > 0 && out[0] == space) {
            var k = n
            while k > 0 {
                out[k] = out[k - 1]
                k -= 1
            }
            out[0] = space
            n += 1
        }
        return n
    }
}
