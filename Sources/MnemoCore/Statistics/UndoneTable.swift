/// The events taken back by undo events (by their id hash, `StatsLog.hash`), with the card each
/// undo names: a `[UInt64: Int32]` by open addressing, since the keys are already well-mixed
/// hashes (a million lookups through `Hasher` were a tenth of the report).
struct UndoneTable: Sendable {
    private var keys: [UInt64]
    /// -1 marks an empty slot (card indices are never negative).
    private var cards: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        cards = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var isEmpty: Bool { count == 0 }

    /// Sets the card for `key` (a later undo of the same event replaces the earlier one's card).
    mutating func set(_ card: Int32, for key: UInt64) {
        var slot = Int(truncatingIfNeeded: key) & mask
        while cards[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
        if cards[slot] < 0 { count += 1 }
        keys[slot] = key
        cards[slot] = card
    }

    func card(for key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
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
