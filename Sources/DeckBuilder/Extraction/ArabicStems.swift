import Foundation

/// The stems `DateExtractor.firstStem` looks up (the word; without a leading و ف ب ل ك; without
/// وب ول وف), read from the word's UTF-8 bytes in one pass: Character counts, prefixes and the
/// NFC hashing of `String` keys cost thousands of instructions an Arabic word.
///
/// Bytes decide only for a "simple" word: ASCII without CR, and Arabic letters, digits and marks of
/// punctuation that are neither combining marks nor prepended marks (U+0620–064A, 0660–066F,
/// 0671–06D5). Such a word is its own NFC form and each of its scalars is one Character, so a
/// Character count is a scalar count, dropping a first Character drops its two bytes, and it equals
/// a table word (as `String` compares) only when their NFC bytes are the same. Any other word
/// is read as before, through `String`.
struct ArabicStems {
    /// The word is simple (see above); the other fields hold only then.
    let simple: Bool
    /// Scalars (Characters, the word being simple).
    let count: Int
    /// FNV-1a hashes of the word, of the word after its first scalar when that is a prefix letter,
    /// and of the word after its first two when they are وب ول وف.
    let whole: UInt64
    let afterOne: UInt64?
    let afterTwo: UInt64?
    /// The word holds a tatweel (ـ, D9 80).
    let tatweel: Bool
    /// The word ends in the bytes of كانون or تشرين (`hasSuffix` for a simple word).
    let endsInPairHead: Bool

    init(_ word: Substring) {
        // `withUTF8` hands a native string's bytes over in place (the view's generic
        // `withContiguousStorageIfAvailable` costs about as much again as reading them).
        var text = word
        self = text.withUTF8 { ArabicStems.read($0) }
    }

    private init(
        simple: Bool, count: Int, whole: UInt64, afterOne: UInt64?, afterTwo: UInt64?, tatweel: Bool,
        endsInPairHead: Bool
    ) {
        self.simple = simple
        self.count = count
        self.whole = whole
        self.afterOne = afterOne
        self.afterTwo = afterTwo
        self.tatweel = tatweel
        self.endsInPairHead = endsInPairHead
    }

    /// Not simple: the other fields are left empty.
    private static let notSimple = ArabicStems(
        simple: false, count: 0, whole: 0, afterOne: nil, afterTwo: nil, tatweel: false, endsInPairHead: false)

    /// The stems of the word whose UTF-8 bytes are `u`.
    static func read(_ u: UnsafeBufferPointer<UInt8>) -> ArabicStems {
        let n = u.count
        var count = 0
        var tatweel = false
        var h = basis
        var i = 0
        while i < n {
            let b = u[i]
            h = (h ^ UInt64(b)) &* prime
            count += 1
            if b < 0x80 {
                if b == 0x0D { return notSimple }
                i += 1
                continue
            }
            // Only two-byte scalars of lead D8–DB are simple.
            guard b >= 0xD8, b <= 0xDB, i + 1 < n else { return notSimple }
            let c = u[i + 1]
            h = (h ^ UInt64(c)) &* prime
            switch b {
            case 0xD8: if c < 0xA0 { return notSimple }
            case 0xD9:
                if (c > 0x8A && c < 0xA0) || c == 0xB0 { return notSimple }
                if c == 0x80 { tatweel = true }
            case 0xDA: break
            default: if c > 0x95 { return notSimple }
            }
            i += 2
        }
        var afterOne: UInt64?
        var afterTwo: UInt64?
        if n >= 4, isPrefixLetter(u[0], u[1]) {
            afterOne = hash(UnsafeBufferPointer(rebasing: u[2...]))
            let (b2, b3) = (u[2], u[3])
            if n >= 6, u[0] == 0xD9, u[1] == 0x88,
                (b2 == 0xD8 && b3 == 0xA8) || (b2 == 0xD9 && (b3 == 0x84 || b3 == 0x81))
            {
                afterTwo = hash(UnsafeBufferPointer(rebasing: u[4...]))
            }
        }
        // Both heads end in ن (D9 86).
        var pair = false
        if n >= 10, u[n - 1] == 0x86, u[n - 2] == 0xD9 {
            pair = pairHeads.contains { head in
                var k = 0
                while k < 10, u[n - 10 + k] == head[k] { k += 1 }
                return k == 10
            }
        }
        return ArabicStems(
            simple: true, count: count, whole: h, afterOne: afterOne, afterTwo: afterTwo, tatweel: tatweel,
            endsInPairHead: pair)
    }

    /// The bytes of كانون and تشرين.
    private static let pairHeads: [[UInt8]] = [Array("كانون".utf8), Array("تشرين".utf8)]

    /// `firstStem(word, f)` for a simple word: the same forms in the same order, cut on bytes.
    func first<T>(_ word: Substring, _ f: (String) -> T?) -> T? {
        if let v = f(String(word)) { return v }
        let u = word.utf8
        if afterOne != nil, count > 2, let v = f(String(Substring(u.dropFirst(2)))) { return v }
        if afterTwo != nil, count > 3 { return f(String(Substring(u.dropFirst(4)))) }
        return nil
    }

    /// `word.hasPrefix("و")`: told from the first bytes when the scalar after و (if any) is ASCII
    /// or of the simple Arabic ranges (it cannot join و's Character); through `hasPrefix` otherwise.
    static func startsWithWaw(_ word: Substring) -> Bool {
        var u = word.utf8.makeIterator()
        // A Character equal to "و" is the scalar U+0648 alone (D9 88): nothing else decomposes to it.
        guard u.next() == 0xD9, u.next() == 0x88 else { return false }
        guard let a = u.next() else { return true }
        if a < 0x80 { return true }
        if let b = u.next(), (a == 0xD8 && b >= 0xA0) || (a == 0xD9 && b <= 0x8A) { return true }
        return word.hasPrefix("و")
    }

    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// و ف ب ل ك
    static func isPrefixLetter(_ a: UInt8, _ b: UInt8) -> Bool {
        (a == 0xD9 && (b == 0x88 || b == 0x81 || b == 0x84 || b == 0x83)) || (a == 0xD8 && b == 0xA8)
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = basis
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }
}

/// A bit filter over the NFC bytes of a word table, asked with a word's `ArabicStems`: false when
/// neither the word nor its stems can be in the table (exact for a simple word; any other passes).
struct StemFilter: Sendable {
    private let bits: [UInt64]

    init(_ words: some Sequence<String>) {
        var bits = [UInt64](repeating: 0, count: 64)
        for w in words {
            let h = ArabicStems.hash(w.precomposedStringWithCanonicalMapping.utf8)
            bits[Int(h >> 6 & 63)] |= 1 << (h & 63)
        }
        self.bits = bits
    }

    @inline(__always)
    func has(_ h: UInt64) -> Bool { bits[Int(h >> 6 & 63)] & (1 << (h & 63)) != 0 }

    /// False when none of the word's stems (the forms `firstStem` looks up) can be in the table.
    func mayContainStem(_ s: ArabicStems) -> Bool {
        guard s.simple else { return true }
        if has(s.whole) { return true }
        if let h = s.afterOne, has(h) { return true }
        if let h = s.afterTwo, has(h) { return true }
        return false
    }
}

/// A word table looked up exactly with a simple word's `ArabicStems` hash and bytes: a simple word
/// (or stem) equals a key, as `String` compares, only when its bytes are the key's NFC bytes, so
/// the bytes decide without making a `String` and hashing it through its normalization.
struct StemTable<Value: Sendable>: Sendable {
    /// Open addressing: each slot holds its key's hash and index, -1 for an empty slot.
    private let hashes: [UInt64]
    private let slots: [Int32]
    /// The keys' NFC bytes one after another, key `k`'s from `starts[k]` to `starts[k + 1]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let values: [Value]
    private let mask: Int
    /// Bits for the second bytes of the keys' last scalars, lead byte D8 and D9; `endsKnown` when
    /// every key ends in such an Arabic letter, and one that is no composite (U+0627–063A, U+0641–064A).
    private let lastD8: UInt64
    private let lastD9: UInt64
    private let endsKnown: Bool

    init(_ entries: [String: Value]) {
        var size = 16
        while size < 4 * entries.count { size *= 2 }
        var hashes = [UInt64](repeating: 0, count: size)
        var slots = [Int32](repeating: -1, count: size)
        var bytes: [UInt8] = []
        var starts = [0]
        var values: [Value] = []
        var lastD8: UInt64 = 0
        var lastD9: UInt64 = 0
        var endsKnown = true
        for (key, value) in entries {
            let form = Array(key.precomposedStringWithCanonicalMapping.utf8)
            let n = form.count
            if n >= 2, form[n - 2] == 0xD8, form[n - 1] >= 0xA7, form[n - 1] <= 0xBA {
                lastD8 |= 1 << (form[n - 1] - 0x80)
            } else if n >= 2, form[n - 2] == 0xD9, form[n - 1] >= 0x81, form[n - 1] <= 0x8A {
                lastD9 |= 1 << (form[n - 1] - 0x80)
            } else {
                endsKnown = false
            }
            let h = ArabicStems.hash(form)
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[i] >= 0 { i = (i + 1) & (size - 1) }
            hashes[i] = h
            slots[i] = Int32(values.count)
            bytes += form
            starts.append(bytes.count)
            values.append(value)
        }
        self.hashes = hashes
        self.slots = slots
        self.bytes = bytes
        self.starts = starts
        self.values = values
        mask = size - 1
        self.lastD8 = lastD8
        self.lastD9 = lastD9
        self.endsKnown = endsKnown
    }

    /// False when no form of the word whose UTF-8 bytes are `u` (simple or not) can equal a key:
    /// its last scalar is none of the keys' last letters. A form ends as its word does; a form equal
    /// to a key has the key's last letter as its own last scalar, since none of these letters is a
    /// composite nor the last scalar of any canonical decomposition.
    @inline(__always)
    func mayEndAsKey(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard endsKnown else { return true }
        let n = u.count
        guard n >= 2 else { return false }
        let c = u[n - 1]
        guard c >= 0x80, c < 0xC0 else { return false }
        switch u[n - 2] {
        case 0xD8: return lastD8 &>> (c - 0x80) & 1 != 0
        case 0xD9: return lastD9 &>> (c - 0x80) & 1 != 0
        default: return false
        }
    }

    /// The value of the key whose NFC bytes are `u` (and their `ArabicStems.hash`, `h`), if any.
    func value(_ h: UInt64, _ u: UnsafeBufferPointer<UInt8>) -> Value? {
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[i]
            if k < 0 { return nil }
            if hashes[i] == h {
                let k = Int(k)
                let from = starts[k]
                if starts[k + 1] - from == u.count {
                    var j = 0
                    while j < u.count, bytes[from + j] == u[j] { j += 1 }
                    if j == u.count { return values[k] }
                }
            }
            i = (i + 1) & mask
        }
    }

    /// `firstStem(word) { table[$0] }` for a simple word whose stems are `s` and bytes `u`: the
    /// first of its forms (the word; without its prefix letter; without two) that is a key.
    func firstStem(_ s: ArabicStems, _ u: UnsafeBufferPointer<UInt8>) -> Value? {
        if let v = value(s.whole, u) { return v }
        if let h = s.afterOne, s.count > 2, let v = value(h, UnsafeBufferPointer(rebasing: u[2...])) { return v }
        if let h = s.afterTwo, s.count > 3 { return value(h, UnsafeBufferPointer(rebasing: u[4...])) }
        return nil
    }
}

extension StemTable where Value == Bool {
    /// A set of words: each is a key whose value is true.
    init(words: some Sequence<String>) {
        self.init(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Whether the set holds the word, told on its bytes when it is simple; nil for any other word.
    func holds(_ word: Substring) -> Bool? {
        var w = word
        return w.withUTF8 { u -> Bool? in
            let s = ArabicStems.read(u)
            return s.simple ? value(s.whole, u) != nil : nil
        }
    }
}
