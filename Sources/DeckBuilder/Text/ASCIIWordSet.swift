/// A fixed set of words of lower-case ASCII letters and hyphens, asked on a word's UTF-8 bytes:
/// a look-up packs the bytes into two machine words and probes a small table, where a `String`
/// key is hashed through `Hasher` (SipHash, a seed and a finalization every time).
///
/// Bytes decide as `String` equality would: a text canonically equivalent to one of a-z and "-"
/// is those bytes themselves (no other scalar decomposes to a lower-case ASCII letter or the
/// hyphen-minus alone; the Kelvin sign stands for the capital K), so a word in other bytes is in
/// no key's class.
struct ASCIIWordSet: Sendable {
    /// Two machine words a slot: the key's first eight bytes, and its next seven with its length
    /// in the top byte; (0, 0) for an empty slot.
    private let slots: [UInt64]
    /// The index in `words` of each slot's key.
    private let indices: [Int32]
    private let shift: UInt64
    /// For each byte count (0 to 15), a bit for each key's first byte, by its low five bits: a word
    /// whose bit is clear is no key, told before its bytes are packed and probed.
    private let heads: [UInt32]
    /// The words in the order given.
    let words: [String]

    init(_ words: [String]) {
        self.words = words
        var size = 16
        while size < 4 * words.count { size *= 2 }
        var bits: UInt64 = 0
        while 1 << bits < size { bits += 1 }
        shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 2 * size)
        var indices = [Int32](repeating: -1, count: size)
        var heads = [UInt32](repeating: 0, count: 16)
        for (n, w) in words.enumerated() {
            let u = Array(w.utf8)
            precondition(u.count >= 1 && u.count <= 15 && u.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D })
            heads[u.count] |= 1 << (u[0] & 31)
            let (lo, hi) = u.withUnsafeBufferPointer { Self.pack($0) }
            var i = Int(Self.mix(lo, hi) >> shift)
            while indices[i] >= 0 {
                if slots[2 * i] == lo && slots[2 * i + 1] == hi { break }
                i = (i + 1) & (size - 1)
            }
            if indices[i] >= 0 { continue }
            slots[2 * i] = lo
            slots[2 * i + 1] = hi
            indices[i] = Int32(n)
        }
        self.slots = slots
        self.indices = indices
        self.heads = heads
    }

    /// The bytes (1 to 15 of them) as two little-endian machine words, the count in the top byte.
    @inline(__always)
    private static func pack(_ b: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        let n = b.count
        for k in 0..<min(n, 8) { lo |= UInt64(b[k]) &<< (8 &* UInt64(k)) }
        if n > 8 { for k in 8..<n { hi |= UInt64(b[k]) &<< (8 &* UInt64(k &- 8)) } }
        return (lo, hi | UInt64(n) << 56)
    }

    @inline(__always)
    private static func mix(_ lo: UInt64, _ hi: UInt64) -> UInt64 {
        (lo &* 0x9E37_79B9_7F4A_7C15) ^ (hi &* 0xC2B2_AE3D_27D4_EB4F)
    }

    /// The index in `words` of the word equal to `w`, if any. The byte count and the first byte are
    /// tested where the set is asked: most words are refused there, without the call (and the
    /// retain and release of the word it costs a caller reading the word from memory).
    @inline(__always)
    func index(_ w: String) -> Int? {
        let n = w.utf8.count
        guard n >= 1, n <= 15 else { return nil }
        guard let first = w.utf8.withContiguousStorageIfAvailable({ $0[0] }) else { return foundIndex(w) }
        guard heads[n] &>> (first & 31) & 1 != 0 else { return nil }
        return foundIndex(w)
    }

    /// False when no word of the set has the byte count and the first byte of `b` (`index` is then
    /// nil).
    @inline(__always)
    func mayHold(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count >= 1 && b.count <= 15 && heads[b.count] &>> (b[0] & 31) & 1 != 0
    }

    /// `index` past the first tests.
    @inline(never)
    private func foundIndex(_ w: String) -> Int? {
        // A native or small string's bytes as one buffer (the view's iterator costs more a byte).
        w.utf8.withContiguousStorageIfAvailable { index(bytes: $0) }
            ?? Array(w.utf8).withUnsafeBufferPointer { index(bytes: $0) }
    }

    /// `index` of the word whose UTF-8 bytes are `b`.
    @inline(__always)
    func index(bytes b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count >= 1, b.count <= 15, heads[b.count] &>> (b[0] & 31) & 1 != 0 else { return nil }
        let (lo, hi) = Self.pack(b)
        return index(packed: lo, hi)
    }

    /// `index` of a word of 1 to 15 bytes given packed: its first eight bytes in `lo` (little-endian,
    /// zero beyond the word), the rest in `hi` with the byte count in its top byte.
    @inline(__always)
    func index(packed lo: UInt64, _ hi: UInt64) -> Int? {
        let mask = indices.count - 1
        var i = Int(Self.mix(lo, hi) >> shift)
        while true {
            let x = indices[i]
            if x < 0 { return nil }
            if slots[2 &* i] == lo && slots[2 &* i &+ 1] == hi { return Int(x) }
            i = (i &+ 1) & mask
        }
    }

    @inline(__always)
    func contains(_ w: String) -> Bool { index(w) != nil }
}
