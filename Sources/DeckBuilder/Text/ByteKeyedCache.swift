import Foundation

/// A memory keyed by UTF-8 bytes and a flag byte, for `WordNormalizer`: a `String` key is hashed
/// through `Hasher` (SipHash, a seed and a finalization for every look-up) and, outside ASCII,
/// through its NFC form; here a look-up is a multiply-mix hash of the bytes and one byte compare.
///
/// Keys equal as bytes are equal as strings, so a hit is the value kept for the same text;
/// canonically equivalent texts spelled in other bytes are kept apart.
struct ByteKeyedCache<Value> {
    /// A key's place in `bytes` and its value, side by side: a hit reads one entry (in a large
    /// memory each array read is a cache miss of its own).
    private struct Entry {
        var hash: UInt64
        var start: Int
        /// The key's bytes with the flag byte.
        var count: Int
        var value: Value
    }

    /// Each slot: the top half of its key's hash over entry index + 1 (0: empty), so that a probe
    /// past another key is told from the slot alone; a power of two, at most half full.
    private var slots = [UInt64](repeating: 0, count: 256)
    private var entries: [Entry] = []
    /// The keys' bytes, one after another, each with its flag byte last.
    private var bytes: [UInt8] = []

    var count: Int { entries.count }

    /// The value kept for the key, if any. (A look-up and a separate `insert` on a miss: a closure
    /// making the value on the spot would capture, and so copy, what it is made from on every hit.)
    func value(_ key: String, flag: UInt8) -> Value? {
        var text = key
        return text.withUTF8 { find($0, flag).map { entries[$0].value } }
    }

    func value(_ key: Substring, flag: UInt8) -> Value? {
        var text = key
        return text.withUTF8 { find($0, flag).map { entries[$0].value } }
    }

    /// The value kept for the key whose UTF-8 bytes are `key`, if any.
    func value(bytes key: UnsafeBufferPointer<UInt8>, flag: UInt8) -> Value? {
        find(key, flag).map { entries[$0].value }
    }

    mutating func insert(_ key: String, flag: UInt8, _ value: Value) {
        var text = key
        text.withUTF8 { insert($0, flag, value) }
    }

    mutating func insert(_ key: Substring, flag: UInt8, _ value: Value) {
        var text = key
        text.withUTF8 { insert($0, flag, value) }
    }

    /// The entry index of the key.
    private func find(_ key: UnsafeBufferPointer<UInt8>, _ flag: UInt8) -> Int? {
        let h = Self.hash(key, flag)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { s in
            entries.withUnsafeBufferPointer { e in
                bytes.withUnsafeBufferPointer { b in
                    let tag = h >> 32
                    while true {
                        let slot = s[i]
                        if slot == 0 { return nil }
                        if slot >> 32 == tag {
                            let k = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                            let entry = e[k]
                            if entry.hash == h, entry.count == key.count + 1, b[entry.start + key.count] == flag,
                                Self.equal(UnsafeRawPointer(b.baseAddress! + entry.start), key)
                            {
                                return k
                            }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ flag: UInt8, _ value: Value) {
        guard find(key, flag) == nil else { return }
        let h = Self.hash(key, flag)
        entries.append(Entry(hash: h, start: bytes.count, count: key.count + 1, value: value))
        bytes.append(contentsOf: key)
        bytes.append(flag)
        if entries.count * 2 > slots.count {
            slots = [UInt64](repeating: 0, count: slots.count * 2)
            for k in entries.indices { place(k) }
        } else {
            place(entries.count - 1)
        }
    }

    private mutating func place(_ k: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: entries[k].hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = (entries[k].hash & 0xFFFF_FFFF_0000_0000) | UInt64(k + 1)
    }

    /// Whether the `key.count` bytes at `p` are the key's: for a key of up to 16 bytes (most
    /// words) two overlapping loads from each side, else `memcmp`. (`p` holds the key's length in
    /// bytes and its flag byte after them, so the loads stay inside the cache's bytes.)
    @inline(__always)
    static func equal(_ p: UnsafeRawPointer, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = key.count
        guard n > 0, let base = key.baseAddress else { return true }
        let k = UnsafeRawPointer(base)
        if n >= 8 {
            guard n <= 16 else { return memcmp(p, k, n) == 0 }
            return p.loadUnaligned(as: UInt64.self) == k.loadUnaligned(as: UInt64.self)
                && p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                    == k.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        if n >= 4 {
            return p.loadUnaligned(as: UInt32.self) == k.loadUnaligned(as: UInt32.self)
                && p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                    == k.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        return memcmp(p, k, n) == 0
    }

    /// The bytes' words mixed in by a multiply each, the top bits folded down so that the low bits
    /// (the slot) depend on every byte. Eight bytes at a time, the last eight (overlapping) for the
    /// rest; a key of 4 to 7 bytes as its first and last four, a shorter one byte by byte.
    static func hash(_ key: UnsafeBufferPointer<UInt8>, _ flag: UInt8) -> UInt64 {
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        let n = key.count
        var h = (UInt64(n) << 8 | UInt64(flag)) &* m
        guard let base = key.baseAddress else { return h ^ (h >> 32) }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* m
                h ^= h >> 29
                i += 8
            }
            if i < n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* m
            }
        } else if n >= 4 {
            let first = UInt64(raw.loadUnaligned(as: UInt32.self))
            let last = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            h = (h ^ (first | last << 32)) &* m
        } else {
            var tail: UInt64 = 0
            for i in 0..<n { tail |= UInt64(base[i]) << (8 * UInt64(i)) }
            h = (h ^ tail) &* m
        }
        return h ^ (h >> 32)
    }
}
