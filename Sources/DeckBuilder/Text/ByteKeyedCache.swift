import Foundation

/// A memory keyed by UTF-8 bytes and a flag byte, for `WordNormalizer`: a `String` key is hashed
/// through `Hasher` (SipHash, a seed and a finalization for every look-up) and, outside ASCII,
/// through its NFC form; here a look-up is a multiply-mix hash of the bytes and one byte compare.
///
/// Keys equal as bytes are equal as strings, so a hit is the value kept for the same text;
/// canonically equivalent texts spelled in other bytes are kept apart.
struct ByteKeyedCache<Value> {
    private struct Entry {
        var hash: UInt64
        var start: Int
        /// The key's bytes with the flag byte.
        var count: Int
    }

    /// Entry index + 1 of each slot (0: empty); a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 256)
    private var entries: [Entry] = []
    private var values: [Value] = []
    /// The keys' bytes, one after another, each with its flag byte last.
    private var bytes: [UInt8] = []

    var count: Int { entries.count }

    /// The value kept for the key, if any. (A look-up and a separate `insert` on a miss: a closure
    /// making the value on the spot would capture, and so copy, what it is made from on every hit.)
    func value(_ key: String, flag: UInt8) -> Value? {
        var text = key
        return text.withUTF8 { find($0, flag).map { values[$0] } }
    }

    func value(_ key: Substring, flag: UInt8) -> Value? {
        var text = key
        return text.withUTF8 { find($0, flag).map { values[$0] } }
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
                    while true {
                        let k = Int(s[i])
                        if k == 0 { return nil }
                        let entry = e[k - 1]
                        if entry.hash == h, entry.count == key.count + 1, b[entry.start + key.count] == flag,
                            key.isEmpty || memcmp(b.baseAddress! + entry.start, key.baseAddress!, key.count) == 0
                        {
                            return k - 1
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
        entries.append(Entry(hash: h, start: bytes.count, count: key.count + 1))
        values.append(value)
        bytes.append(contentsOf: key)
        bytes.append(flag)
        if entries.count * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for k in entries.indices { place(k) }
        } else {
            place(entries.count - 1)
        }
    }

    private mutating func place(_ k: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: entries[k].hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(k + 1)
    }

    /// Eight bytes at a time, each word mixed in by a multiply; the top bits folded down so that the
    /// low bits (the slot) depend on every byte.
    static func hash(_ key: UnsafeBufferPointer<UInt8>, _ flag: UInt8) -> UInt64 {
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        let n = key.count
        var h = (UInt64(n) << 8 | UInt64(flag)) &* m
        guard let base = key.baseAddress else { return h ^ (h >> 32) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* m
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base[i]) << shift
            shift &+= 8
            i += 1
        }
        h = (h ^ tail) &* m
        return h ^ (h >> 32)
    }
}
