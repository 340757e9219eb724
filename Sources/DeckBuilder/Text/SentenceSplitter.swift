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

    /// Each abbreviation's bytes packed into a machine word (`packed`), sorted: every one is
    /// ASCII of at most eight bytes.
    static let packedAbbreviations: [UInt64] = abbreviations.words.map { word in
        let u = Array(word.utf8)
        precondition(!u.isEmpty && u.count <= 8 && u.allSatisfy { $0 < 0x80 && $0 != 0 })
        return u.withUnsafeBufferPointer { packed($0) }
    }.sorted()

    /// The bytes (1 to 8, none zero) as a little-endian machine word, A–Z lower-cased.
    @inline(__always) static func packed(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var w: UInt64 = 0
        for k in 0..<b.count {
            let c = b[k]
            w |= UInt64(c &- 0x41 < 26 ? c | 0x20 : c) &<< (8 &* UInt64(k))
        }
        return w
    }

    /// `abbreviations.contains` of the ASCII word of bytes `b` lower-cased: ASCII strings are
    /// equal when their bytes are, and a word of 1 to 8 bytes without a zero byte is one packed
    /// word.
    static func isASCIIAbbreviation(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 1, b.count <= 8, !b.contains(0) else { return false }
        let w = packed(b)
        // Looked for in a hash table of the packed words (a binary search took six unpredictable
        // branches): open addressing from the multiply hash's top bits, 0 marking an empty slot.
        return abbreviationSlots.withUnsafeBufferPointer { slots in
            var k = abbreviationSlot(w)
            while true {
                let v = slots[k]
                if v == w { return true }
                if v == 0 { return false }
                k = (k &+ 1) & (slots.count &- 1)
            }
        }
    }

    /// The first slot `isASCIIAbbreviation` reads for the packed word `w` (of 256).
    @inline(__always) static func abbreviationSlot(_ w: UInt64) -> Int {
        Int(truncatingIfNeeded: (w &* 0x9E37_79B9_7F4A_7C15) &>> 56)
    }

    /// The packed abbreviations in 256 slots (none is 0: every one has a byte other than 0).
    static let abbreviationSlots: [UInt64] = {
        var slots = [UInt64](repeating: 0, count: 256)
        for w in packedAbbreviations {
            var k = abbreviationSlot(w)
            while slots[k] != 0 { k = (k + 1) & 255 }
            slots[k] = w
        }
        return slots
    }()

    /// Ranges of the sentences of `line`, as (start, end) String indices, whitespace trimmed.
    public static func ranges(in line: String) -> [Range<String.Index>] {
        // The bytes are read in place and the sentences found as byte offsets; a native string's
        // UTF-8 offset turns into its index in constant time. The indices go straight into the
        // one array returned (no array of offsets between).
        var text = line
        let u = line.utf8
        var out: [Range<String.Index>] = []
        text.withUTF8 { b in
            out.reserveCapacity(b.count / 128 + 2)
            forEachRange(in: b) {
                out.append(
                    u.index(u.startIndex, offsetBy: $0.lowerBound)..<u.index(u.startIndex, offsetBy: $0.upperBound))
            }
        }
        return out
    }

    /// `ranges(in:)` as UTF-8 offsets into the line's bytes (valid UTF-8).
    static func byteRanges(in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        forEachRange(in: b) { out.append($0) }
        return out
    }

    /// Calls `body` with each sentence's range of UTF-8 offsets, in order.
    @inline(__always)
    private static func forEachRange(in b: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        let n = b.count
        var start = 0
        var i = 0
        let base = UnsafeRawPointer(b.baseAddress)
        // Typed constants: a literal broadcast inside the loop compiles to a lane-by-lane loop.
        let dot: SIMD16<UInt8> = SIMD16(repeating: 0x2E)
        let bang: SIMD16<UInt8> = SIMD16(repeating: 0x21)
        let question: SIMD16<UInt8> = SIMD16(repeating: 0x3F)
        let x9F: SIMD16<UInt8> = SIMD16(repeating: 0x9F)
        let x94: SIMD16<UInt8> = SIMD16(repeating: 0x94)
        let xE2: SIMD16<UInt8> = SIMD16(repeating: 0xE2)
        let xE3: SIMD16<UInt8> = SIMD16(repeating: 0xE3)
        while i < n {
            // Sixteen bytes at a time on vector compares, as the eight below: none of the bytes a
            // terminator is made of, the last not a lead byte (then the continuation bytes after
            // them end a scalar that started inside).
            if i + 16 <= n, let base {
                let v = base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                var m = (v .== dot) .| (v .== bang) .| (v .== question)
                m .|= (v .== x9F) .| (v .== x94) .| (v .== xE2) .| (v .== xE3)
                let first = firstLane(m)
                if first == 16 {
                    if b[i + 15] < 0xC0 {
                        i += 16
                        while i < n, b[i] & 0xC0 == 0x80 { i += 1 }
                    } else {
                        // The lead byte at i + 15 starts a scalar: the ones before it hold no terminator.
                        i += 15
                    }
                    continue
                }
                // The scalars before the one holding the first such byte hold none of them, so
                // none is a terminator: the reader goes straight to that scalar (it would pass
                // them one by one, and test sixteen bytes again at each).
                if first > 0 {
                    var p = i + first
                    while p > i, b[p] & 0xC0 == 0x80 { p -= 1 }
                    i = p
                }
            }
            // Eight bytes at a time while none is . ! ? or a byte of 0x80 or more.
            if i + 8 <= n, let base {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let marks = hasByte(w, 0x2E) | hasByte(w, 0x21) | hasByte(w, 0x3F)
                if w & 0x8080_8080_8080_8080 | marks == 0 {
                    i += 8
                    continue
                }
                // Other scripts too (Arabic): eight bytes holding no byte a terminator is made of
                // (. ! ? the second bytes of ؟ and ۔, 9F and 94, and the lead bytes of … and 。),
                // the last not a lead byte (no scalar of two bytes runs on past them); the
                // continuation bytes after them end a scalar that started inside.
                let rest = hasByte(w, 0x9F) | hasByte(w, 0x94) | hasByte(w, 0xE2) | hasByte(w, 0xE3)
                if marks | rest == 0, b[i + 7] < 0xC0 {
                    i += 8
                    while i < n, b[i] & 0xC0 == 0x80 { i += 1 }
                    continue
                }
            }
            // Bytes first: only . ! ? and the lead bytes of ؟ ۔ … 。 (D8, DB, E2, E3) can start a terminator.
            let c = b[i]
            if c < 0x80 {
                guard c == 0x2E || c == 0x21 || c == 0x3F else {
                    i += 1
                    continue
                }
            } else if !(c == 0xD8 || c == 0xDB || c == 0xE2 || c == 0xE3) || !isTerminator(scalar(b, at: i).value) {
                i += scalarLength(c)
                continue
            }
            // Take further terminators and closing quotes/brackets with this one.
            var end = i + scalarLength(c)
            while end < n {
                let s = scalar(b, at: end)
                guard isTerminator(s.value) || isCloser(s.value) else { break }
                end += scalarLength(b[end])
            }
            if shouldSplit(b, at: i, after: end) {
                if let r = trimmed(b, start..<end) { body(r) }
                start = end
            }
            i = end
        }
        if let r = trimmed(b, start..<n) { body(r) }
    }

    /// `any(m)`, read as two machine words of the lanes set to 1 (`any` of a mask of sixteen lanes
    /// compiles to a call of a generic reduction).
    @inline(__always) static func anyLane(_ m: SIMDMask<SIMD16<Int8>>) -> Bool {
        let lanes = SIMD16<UInt8>(repeating: 0).replacing(with: SIMD16<UInt8>(repeating: 1), where: m)
        return withUnsafeBytes(of: lanes) { $0.load(as: UInt64.self) | $0.load(fromByteOffset: 8, as: UInt64.self) }
            != 0
    }

    /// The first lane of `m` set, 16 for none: read as two machine words of the lanes set to 1.
    @inline(__always) static func firstLane(_ m: SIMDMask<SIMD16<Int8>>) -> Int {
        let lanes = SIMD16<UInt8>(repeating: 0).replacing(with: SIMD16<UInt8>(repeating: 1), where: m)
        return withUnsafeBytes(of: lanes) {
            let low = UInt64(littleEndian: $0.load(as: UInt64.self))
            if low != 0 { return low.trailingZeroBitCount &>> 3 }
            let high = UInt64(littleEndian: $0.load(fromByteOffset: 8, as: UInt64.self))
            return high == 0 ? 16 : 8 &+ high.trailingZeroBitCount &>> 3
        }
    }

    /// Nonzero when one of the eight bytes of `w` is `byte` (the zero-byte test on `w ^ byte…`).
    @inline(__always) static func hasByte(_ w: UInt64, _ byte: UInt8) -> UInt64 {
        let v = w ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }

    /// Number of bytes of the UTF-8 sequence that starts with lead byte `c`.
    @inline(__always) static func scalarLength(_ c: UInt8) -> Int {
        c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
    }

    /// The scalar whose UTF-8 sequence starts at `i` (valid UTF-8).
    @inline(__always) static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar {
        let c = b[i]
        var v: UInt32
        if c < 0x80 {
            v = UInt32(c)
        } else if c < 0xE0 {
            v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        } else if c < 0xF0 {
            v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        } else {
            v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
            v |= UInt32(b[i + 3] & 0x3F)
        }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    /// Offset of the scalar that ends just before offset `i`.
    @inline(__always) static func scalarStart(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var p = i - 1
        while p > 0 && b[p] & 0xC0 == 0x80 { p -= 1 }
        return p
    }

    /// `properties.isWhitespace`, without the property look-up for ASCII.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) : c.properties.isWhitespace
    }

    static func isTerminator(_ c: Unicode.Scalar) -> Bool { isTerminator(c.value) }

    static func isTerminator(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x2026, 0x3002: true
        default: false
        }
    }

    static func isCloser(_ c: Unicode.Scalar) -> Bool { isCloser(c.value) }

    static func isCloser(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0xBB: true
        default: false
        }
    }

    private static func shouldSplit(_ b: UnsafeBufferPointer<UInt8>, at i: Int, after end: Int) -> Bool {
        let n = b.count
        let mark = scalar(b, at: i)
        // What follows: end of line, or a space then a sentence start.
        let next = spaceEnd(b, from: end, to: n)
        let sawSpace = next > end
        if next == n { return true }
        if mark.value != 0x2E {
            // ! ? ؟ ۔ … : split when something follows after a space, or an Arabic mark.
            return sawSpace || mark.value == 0x061F || mark.value == 0x06D4
        }
        let following = scalar(b, at: next)
        let word = wordBefore(b, i)
        if !sawSpace {
            // "cold.The": a glued sentence start after a lower-case word of three letters or more.
            return isUppercase(following) && word.count >= 3 && word.allLowercase
        }
        if word.count > 0 {
            if word.isASCII {
                if isASCIIAbbreviation(word.bytes) { return false }
                if word.count == 1, word.bytes[0] &- 0x41 < 26 { return false }  // an initial: "F."
                if word.hasDot, word.count <= 6 { return false }  // "U.S", "e.g"
            } else {
                let text = word.text
                if abbreviations.contains(FastCase.lower(text)) { return false }
                if word.count == 1, text.first?.isUppercase == true { return false }  // an initial: "F."
                if word.hasDot, word.count <= 6 { return false }  // "U.S", "e.g"
            }
        }
        if isLowercase(following) {
            // "…first. used it as …": a scraped fragment starts here, unless the dot ends a short word.
            return word.count >= 3 && word.allLowercase
        }
        return true
    }

    /// `properties.isUppercase`, without the property look-up for ASCII.
    private static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value &- 0x41 < 26 : c.properties.isUppercase
    }

    /// `properties.isLowercase`, without the property look-up for ASCII.
    private static func isLowercase(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value &- 0x61 < 26 : c.properties.isLowercase
    }

    /// The word before a dot: its bytes when ASCII, else its text as the scalar walk finds it;
    /// `count` in Characters and whether every Character is lower-case.
    struct WordBefore {
        var bytes: UnsafeBufferPointer<UInt8>
        var isASCII: Bool
        var text: String
        var count: Int
        var allLowercase: Bool
        var hasDot: Bool
    }

    private static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x201C, 0x2018, 0xAB: true
        default: false
        }
    }

    private static func wordBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> WordBefore {
        // ASCII letters and dots read as bytes; a byte of another script goes the scalar way.
        var j = i
        var allLower = true
        var dot = false
        while j > 0 {
            let c = b[j - 1]
            if c >= 0x80 { return arabicWordBefore(b, i) ?? scalarWordBefore(b, i) }
            if c &- 0x61 < 26 {
                j -= 1
            } else if c &- 0x41 < 26 {
                allLower = false
                j -= 1
            } else if c == 0x2E {
                allLower = false
                dot = true
                j -= 1
            } else {
                break
            }
        }
        return WordBefore(
            bytes: UnsafeBufferPointer(rebasing: b[j..<i]), isASCII: true, text: "", count: i - j,
            allLowercase: allLower, hasDot: dot)
    }

    /// `scalarWordBefore` for a word of Arabic letters ء…ي alone (or none) after an ASCII byte
    /// other than a letter or dot, nil for any other word. Each of those letters is a Character of
    /// its own, alphabetic, not lower-case: the word reads back as it stands.
    static func arabicWordBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> WordBefore? {
        var j = i
        while j > 0 {
            let c = b[j - 1]
            if c < 0x80 {
                // ASCII letters are alphabetic and a dot is taken too: those words go the general way.
                if (c | 0x20) &- 0x61 < 26 || c == 0x2E { return nil }
                break
            }
            // ء…ي are D8 A1…D8 BF and D9 80…D9 8A.
            guard j >= 2, c >= 0x80 && c <= 0xBF else { return nil }
            let lead = b[j - 2]
            guard (lead == 0xD8 && c >= 0xA1) || (lead == 0xD9 && c <= 0x8A) else { return nil }
            j -= 2
        }
        let count = (i - j) / 2
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[j..<i]), as: UTF8.self)
        return WordBefore(
            bytes: UnsafeBufferPointer(rebasing: b[j..<i]), isASCII: false, text: text, count: count,
            allLowercase: count == 0, hasDot: false)
    }

    static func scalarWordBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> WordBefore {
        var j = i
        var chars = String.UnicodeScalarView()
        while j > 0 {
            let p = scalarStart(b, before: j)
            let c = scalar(b, at: p)
            if c.properties.isAlphabetic || c.value == 0x2E { chars.append(c); j = p } else { break }
        }
        let text = String(String(chars).reversed())
        return WordBefore(
            bytes: UnsafeBufferPointer(rebasing: b[j..<i]), isASCII: false, text: text, count: text.count,
            allLowercase: text.allSatisfy(\.isLowercase), hasDot: text.contains("."))
    }

    /// Where the white space starting at `i` ends (at most `end`). An ASCII byte is a scalar of its
    /// own, told white space or not without decoding it.
    @inline(__always)
    private static func spaceEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int) -> Int {
        var k = i
        while k < end {
            let c = b[k]
            if c < 0x80 {
                guard c == 0x20 || (c >= 0x09 && c <= 0x0D) else { break }
                k += 1
            } else {
                guard isWhitespace(scalar(b, at: k)) else { break }
                k += scalarLength(c)
            }
        }
        return k
    }

    /// The range without white space at either end, nil when nothing is left.
    @inline(__always)
    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound
        var hi = r.upperBound
        lo = spaceEnd(b, from: lo, to: hi)
        while hi > lo {
            let c = b[hi - 1]
            if c < 0x80 {
                guard c == 0x20 || (c >= 0x09 && c <= 0x0D) else { break }
                hi -= 1
                continue
            }
            let p = scalarStart(b, before: hi)
            guard isWhitespace(scalar(b, at: p)) else { break }
            hi = p
        }
        return lo < hi ? lo..<hi : nil
    }
}
