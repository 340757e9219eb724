/// Language by script: Arabic letters make Arabic, Latin letters English (the generator's
/// two languages); anything else is undetermined and gets no cards.
public enum Script {
    public static func isArabicLetter(_ v: UInt32) -> Bool {
        (0x0620...0x064A).contains(v) || (0x066E...0x06D3).contains(v) || (0x06FA...0x06FF).contains(v)
            || (0x0750...0x077F).contains(v) || (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
    }

    public static func isLatinLetter(_ v: UInt32) -> Bool {
        (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v)
    }

    /// "ar", "en" or "und" for a stretch of text, by which script has more letters.
    public static func language<S: StringProtocol>(of text: S) -> String {
        // A native string's bytes are read in place, the scalars decoded by hand.
        if let answer = text.utf8.withContiguousStorageIfAvailable({ language(utf8: $0) }) { return answer }
        return scalarLanguage(of: text)
    }

    /// `language(of:)` on valid UTF-8 bytes.
    static func language(utf8 b: UnsafeBufferPointer<UInt8>) -> String { letterCounts(utf8: b).language }

    /// Letters of each script in a stretch of text; counts of stretches add up.
    struct LetterCounts {
        var arabic = 0
        var latin = 0
        var other = 0

        /// `language(of:)` of the text counted.
        var language: String { Script.verdict(arabic: arabic, latin: latin, other: other) }

        static func += (a: inout LetterCounts, b: LetterCounts) {
            a.arabic += b.arabic
            a.latin += b.latin
            a.other += b.other
        }
    }

    /// The letters `language(of:)` counts, on valid UTF-8 bytes: eight ASCII bytes at a time, the
    /// other scalars decoded by hand.
    static func letterCounts(utf8 b: UnsafeBufferPointer<UInt8>) -> LetterCounts {
        twoByteLetterKinds.withUnsafeBufferPointer { letterCounts(utf8: b, kinds: $0) }
    }

    /// What `letterCounts` counts each scalar below U+0800 as: 1 Arabic, 2 Latin, 3 other
    /// alphabetic, 0 none (computed once from the tests it stands in for).
    static let twoByteLetterKinds: [UInt8] = (0..<0x800).map { (v: UInt32) -> UInt8 in
        if isArabicLetter(v) { return 1 }
        if isLatinLetter(v) { return 2 }
        if let s = Unicode.Scalar(v), s.properties.isAlphabetic { return 3 }
        return 0
    }

    private static func letterCounts(utf8 b: UnsafeBufferPointer<UInt8>, kinds: UnsafeBufferPointer<UInt8>)
        -> LetterCounts
    {
        var counts = LetterCounts()
        guard let base = UnsafeRawPointer(b.baseAddress) else { return counts }
        var i = 0
        let n = b.count
        while i < n {
            if i + 8 <= n {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 {
                    // A byte is a letter when, with bit 5 set, it lies in a…z: adding 0x1F sets its top
                    // bit from 0x61 up, adding 0x05 from 0x7B up (no carry leaves an ASCII byte).
                    let x = w | 0x2020_2020_2020_2020
                    let letters = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505) & 0x8080_8080_8080_8080
                    counts.latin += highBitCount(letters)
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                if (c | 0x20) &- 0x61 < 26 { counts.latin += 1 }
                i += 1
                continue
            }
            // Valid UTF-8: the lead byte says how many continuation bytes follow.
            var v: UInt32
            if c < 0xE0 {
                v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                i += 2
                switch kinds[Int(v)] {
                case 1: counts.arabic += 1
                case 2: counts.latin += 1
                case 3: counts.other += 1
                default: break
                }
                continue
            } else if c < 0xF0 {
                v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                i += 3
            } else {
                v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                v |= UInt32(b[i + 3] & 0x3F)
                i += 4
            }
            if isArabicLetter(v) {
                counts.arabic += 1
            } else if isLatinLetter(v) {
                counts.latin += 1
            } else if let s = Unicode.Scalar(v), s.properties.isAlphabetic {
                counts.other += 1
            }
        }
        return counts
    }

    /// The number of bytes of `w` whose top bit is set, `w` having no other bit set: each byte's bit
    /// moved to the bottom and the bytes summed into the top one by a multiply (the build's baseline
    /// x86-64 has no popcnt instruction: `nonzeroBitCount` is a dozen instructions there).
    @inline(__always)
    static func highBitCount(_ w: UInt64) -> Int {
        Int(truncatingIfNeeded: ((w &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }

    /// `language(of:)` scalar by scalar, for text without contiguous bytes (and as the reference).
    static func scalarLanguage<S: StringProtocol>(of text: S) -> String {
        var arabic = 0
        var latin = 0
        var other = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { latin += 1 }
            } else if isArabicLetter(v) {
                arabic += 1
            } else if isLatinLetter(v) {
                latin += 1
            } else if s.properties.isAlphabetic {
                other += 1
            }
        }
        return verdict(arabic: arabic, latin: latin, other: other)
    }

    static func verdict(arabic: Int, latin: Int, other: Int) -> String {
        if arabic == 0 && latin == 0 { return "und" }
        if other > arabic + latin { return "und" }
        return arabic > latin ? "ar" : "en"
    }

    /// Western digits for Arabic-Indic (U+0660…) and Extended Arabic-Indic (U+06F0…) digits,
    /// Arabic thousands separator and decimal point mapped to "," and ".".
    public static func westernDigits<S: StringProtocol>(_ text: S) -> String {
        // Arabic-Indic digits and separators all start with the byte D9 or DB in UTF-8.
        guard text.utf8.contains(where: { $0 == 0xD9 || $0 == 0xDB }) else { return String(text) }
        var out = String.UnicodeScalarView()
        var changed = false
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0660...0x0669:
                out.append(Unicode.Scalar(UInt8(s.value - 0x0660 + 0x30)))
                changed = true
            case 0x06F0...0x06F9:
                out.append(Unicode.Scalar(UInt8(s.value - 0x06F0 + 0x30)))
                changed = true
            case 0x066C: out.append(","); changed = true
            case 0x066B: out.append("."); changed = true
            default: out.append(s)
            }
        }
        return changed ? String(out) : String(text)
    }
}
