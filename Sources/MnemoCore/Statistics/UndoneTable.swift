/// The events taken back by undo events (by their id hash, `StatsLog.hash`), with the card each
/// undo names: a `[UInt64: Int32]` by open addressing, since the keys are already well-mixed
/// hashes (a million lookups through `Hasher` were a tenth of the report). A bit array in front
/// (64 bits per undo: about 1% false hits) answers most lookups, of events never undone, from a
/// small array that stays in the cache.
struct UndoneTable: Sendable {
    private var keys: [UInt64]
    /// -1 marks an empty slot (card indices are never negative).
    private var cards: [Int32]
    private var mask: Int
    private var filter: [UInt64]
    private var filterMask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        cards = Array(repeating: -1, count: size)
        mask = size - 1
        var bits = 1 << 12
        while bits < capacity * 64 { bits *= 2 }
        filter = Array(repeating: 0, count: bits / 64)
        filterMask = bits - 1
    }

    /// The filter's bit for `key`, from bits the slot index does not use.
    @inline(__always)
    private func bit(_ key: UInt64) -> (word: Int, mask: UInt64) {
        let b = Int(truncatingIfNeeded: key >> 32) & filterMask
        return (b >> 6, 1 << UInt64(b & 63))
    }

    var isEmpty: Bool { count == 0 }

    /// Sets the card for `key` (a later undo of the same event replaces the earlier one's card).
    mutating func set(_ card: Int32, for key: UInt64) {
        var slot = Int(truncatingIfNeeded: key) & mask
        while cards[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
        if cards[slot] < 0 { count += 1 }
        let (word, bitMask) = bit(key)
        filter[word] |= bitMask
        keys[slot] = key
        cards[slot] = card
    }

    func card(for key: UInt64) -> Int32? {
        let (word, bitMask) = bit(key)
        guard filter.withUnsafeBufferPointer({ $0[word] }) & bitMask != 0 else { return nil }
        return keys.withUnsafeBufferPointer { keys in
            cards.withUnsafeBufferPointer { cards in
                var slot = Int(truncatingIfNeeded: key) & mask
                while cards[slot] >= 0 {
                    if keys[slot] == key { return cards[slot] }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }
}
