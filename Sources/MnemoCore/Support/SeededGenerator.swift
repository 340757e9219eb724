/// SplitMix64: a small, fast, seedable generator. The core takes randomness as an input;
/// this is what callers pass when results must be reproducible (`--seed`, replaying fuzz).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator seeded from a string (an event id, say), stable across runs and platforms (FNV-1a).
    public init(seedString: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix<S: Sequence<UInt8>>(_ bytes: S) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        // Contiguous UTF-8 (native strings) is hashed straight from memory: replay seeds one generator per event.
        if seedString.utf8.withContiguousStorageIfAvailable({ mix($0) }) == nil { mix(seedString.utf8) }
        state = hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A double uniform in [0, 1), like Python's `random.random()`.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
