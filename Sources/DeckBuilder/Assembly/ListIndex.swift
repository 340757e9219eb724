/// The fact pool's index from (part, word) keys to list numbers: an open-addressing table of
/// key-value slots, probed linearly, with a multiplicative hash.
///
/// At 100 MB most of a look-up's time is the cache miss on the table, which is far larger than the
/// cache; a `Dictionary` keeps keys and values apart (a miss for each) and hashes each key through
/// `Hasher` (SipHash). Here a slot holds both, so a look-up is one miss and a multiply.
struct ListIndex {
    private struct Slot {
        /// -1 for an empty slot (keys are never negative).
        var key: Int64
        var value: Int32
    }

    /// A power of two, at most half full.
    private var slots = [Slot](repeating: Slot(key: -1, value: 0), count: 1024)
    private(set) var count = 0

    private var shift: UInt64 { UInt64(64 - slots.count.trailingZeroBitCount) }

    private static func hash(_ key: Int64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(key: Int64) -> Int32? {
        precondition(key >= 0, "a list key is never negative")
        return slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = Self.hash(key, shift: shift)
            while true {
                let slot = s[i]
                if slot.key == key { return slot.value }
                if slot.key < 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// The values of those of `keys` in the table, in order. Each key's first slot is read for all
    /// the keys before any is probed further: the reads do not wait on each other, so their cache
    /// misses overlap (a look-up is mostly its miss).
    func forEachValue(_ keys: UnsafeBufferPointer<Int64>, _ body: (Int32) -> Void) {
        let shift = self.shift
        slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            withUnsafeTemporaryAllocation(of: Slot.self, capacity: keys.count) { first in
                for k in keys.indices { first[k] = s[Self.hash(keys[k], shift: shift)] }
                for k in keys.indices {
                    let key = keys[k]
                    precondition(key >= 0, "a list key is never negative")
                    if first[k].key == key {
                        body(first[k].value)
                        continue
                    }
                    if first[k].key < 0 { continue }
                    var i = (Self.hash(key, shift: shift) + 1) & mask
                    while true {
                        let slot = s[i]
                        if slot.key == key {
                            body(slot.value)
                            break
                        }
                        if slot.key < 0 { break }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// Sets the value of a key not yet in the table.
    mutating func insertNew(_ key: Int64, _ value: Int32) {
        precondition(key >= 0, "a list key is never negative")
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = [Slot](repeating: Slot(key: -1, value: 0), count: old.count * 2)
            for slot in old where slot.key >= 0 { place(slot) }
        }
        place(Slot(key: key, value: value))
        count += 1
    }

    private mutating func place(_ slot: Slot) {
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = Self.hash(slot.key, shift: shift)
            while s[i].key >= 0 {
                precondition(s[i].key != slot.key, "a list key inserted twice")
                i = (i + 1) & mask
            }
            s[i] = slot
        }
    }

    mutating func removeAll() {
        slots = [Slot](repeating: Slot(key: -1, value: 0), count: 1024)
        count = 0
    }
}
