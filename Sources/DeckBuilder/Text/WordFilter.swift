import Foundation

/// A bit filter over the UTF-8 bytes of a word table, asked before the table itself for a word
/// read once per token: a word the filter has not seen is not in the table, so the table's
/// hashing (and, outside ASCII, its Unicode normalization) runs only for the few words that pass.
///
/// The answer "not there" is exact for words in ASCII and Arabic letters without combining marks:
/// such a word is its own canonical (NFC) form, and the filter holds the NFC bytes of each table
/// word, so it equals a table word (as `String` compares) only when the bytes are the same. Any
/// other word passes, and the table decides.
struct WordFilter: Sendable {
    private var bits: [UInt64]
    /// Word index mask: the filter has a power of two of 64-bit words, about one bit in 64 set.
    private let mask: UInt64

    init(_ words: some Sequence<String>) {
        let forms = words.map { Array($0.precomposedStringWithCanonicalMapping.utf8)[...] }
        var size = 64
        while size < forms.count { size *= 2 }
        bits = [UInt64](repeating: 0, count: size)
        mask = UInt64(size - 1)
        for form in forms {
            let h = Self.hash(form)
            bits[Int(h >> 6 & mask)] |= 1 << (h & 63)
        }
    }

    /// False when `word` is surely not one of the words.
    func mayContain<S: StringProtocol>(_ word: S) -> Bool {
        // A native string's bytes are read as one buffer.
        word.utf8.withContiguousStorageIfAvailable { mayContain(buffer: $0) } ?? mayContain(bytes: word.utf8)
    }

    /// `mayContain(bytes:)` on a buffer: the hash first, the plainness of the bytes only for a word
    /// in the filter's bits that is not ASCII (the same answer, less work per byte).
    private func mayContain(buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for b in buffer {
            high |= b
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        if bits[Int(h >> 6 & mask)] & (1 << (h & 63)) != 0 { return true }
        return high >= 0x80 && !Self.isPlain(bytes: buffer)
    }

    private func mayContain(bytes: some Sequence<UInt8>) -> Bool {
        var plain = true
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var lead: UInt8 = 0
        for b in bytes {
            if b >= 0x80, plain { plain = Self.plainByte(b, after: lead) }
            lead = b
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return !plain || bits[Int(h >> 6 & mask)] & (1 << (h & 63)) != 0
    }

    /// Whether `word` is in ASCII and Arabic letters without combining marks (its own NFC form).
    static func isPlain<S: StringProtocol>(_ word: S) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { isPlain(bytes: $0) } ?? isPlain(bytes: word.utf8)
    }

    private static func isPlain(bytes: some Sequence<UInt8>) -> Bool {
        var lead: UInt8 = 0
        for b in bytes {
            if b >= 0x80, !plainByte(b, after: lead) { return false }
            lead = b
        }
        return true
    }

    /// `mayContain` for the word, and for the word without a leading و ف ب ل ك or وب ول وف
    /// (the forms `DateExtractor.firstStem` looks up).
    func mayContainStem(_ word: Substring) -> Bool {
        // The stems of a native string are tested on its bytes in place, no array made.
        word.utf8.withContiguousStorageIfAvailable { mayContainStem(buffer: $0) } ?? mayContainStemCopying(word)
    }

    private func mayContainStem(buffer u: UnsafeBufferPointer<UInt8>) -> Bool {
        if mayContain(buffer: u) { return true }
        guard u.count >= 4, Self.isPrefixLetter(u[0], u[1]) else { return false }
        // The prefix letter is one whole two-byte scalar: the rest is the stem's UTF-8 as it stands.
        if mayContain(buffer: UnsafeBufferPointer(rebasing: u[2...])) { return true }
        // وب ول وف
        guard u.count >= 6, u[0] == 0xD9, u[1] == 0x88, Self.isPrefixLetter(u[2], u[3]), !(u[2] == 0xD9 && u[3] == 0x83)
        else { return false }
        return mayContain(buffer: UnsafeBufferPointer(rebasing: u[4...]))
    }

    func mayContainStemCopying(_ word: Substring) -> Bool {
        if mayContain(word) { return true }
        let u = Array(word.utf8)
        guard u.count >= 4, Self.isPrefixLetter(u[0], u[1]) else { return false }
        if mayContain(Self.text(u[2...])) { return true }
        // وب ول وف
        guard u.count >= 6, u[0] == 0xD9, u[1] == 0x88, Self.isPrefixLetter(u[2], u[3]), !(u[2] == 0xD9 && u[3] == 0x83)
        else { return false }
        return mayContain(Self.text(u[4...]))
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> Substring { Substring(decoding: bytes, as: UTF8.self) }

    /// و ف ب ل ك
    private static func isPrefixLetter(_ a: UInt8, _ b: UInt8) -> Bool {
        (a == 0xD9 && (b == 0x88 || b == 0x81 || b == 0x84 || b == 0x83)) || (a == 0xD8 && b == 0xA8)
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Whether a byte at or above 0x80 keeps the word plain: an Arabic letter (lead bytes D8–DB)
    /// that is not a combining mark.
    private static func plainByte(_ b: UInt8, after lead: UInt8) -> Bool {
        if b >= 0xC0 { return b >= 0xD8 && b <= 0xDB }
        switch lead {
        case 0xD8: return !(b >= 0x90 && b <= 0x9A)  // U+0610–061A
        case 0xD9: return !((b >= 0x8B && b <= 0x9F) || b == 0xB0)  // U+064B–065F, U+0670
        case 0xDA: return true
        case 0xDB:  // U+06D6–06DC, 06DF–06E4, 06E7–06E8, 06EA–06ED
            return
                !((b >= 0x96 && b <= 0x9C) || (b >= 0x9F && b <= 0xA4) || b == 0xA7 || b == 0xA8
                || (b >= 0xAA && b <= 0xAD))
        default: return false
        }
    }
}

/// A word set asked through a `WordFilter` first: `contains` answers as `Set.contains` does.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    let words: Set<String>
    private let filter: WordFilter

    init(_ words: Set<String>) {
        self.words = words
        filter = WordFilter(words)
    }

    init(arrayLiteral elements: String...) { self.init(Set(elements)) }

    func contains(_ word: String) -> Bool { filter.mayContain(word) && words.contains(word) }

    /// False when neither the word nor its stemmed forms can be in the set (`WordFilter.mayContainStem`).
    func mayContainStem(_ word: Substring) -> Bool { filter.mayContainStem(word) }
}

/// A word dictionary asked through a `WordFilter` first: the subscript answers as the dictionary's.
struct WordTable<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    let entries: [String: Value]
    private let filter: WordFilter

    init(_ entries: [String: Value]) {
        self.entries = entries
        filter = WordFilter(entries.keys)
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    subscript(_ word: String) -> Value? { filter.mayContain(word) ? entries[word] : nil }

    /// False when neither the word nor its stemmed forms can be a key (`WordFilter.mayContainStem`).
    func mayContainStem(_ word: Substring) -> Bool { filter.mayContainStem(word) }

    var keys: Dictionary<String, Value>.Keys { entries.keys }
}
