import Foundation

/// Byte-level substring search (memmem on UTF-8). `String.contains(String)` goes through
/// NSString with locale-aware folding on Linux and dominated the build time.
enum FastSearch {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        firstOffset(haystack, needle, from: 0) != nil
    }

    /// The answer of Foundation's `haystack.contains(needle)` for a needle without canonical equivalents
    /// (ASCII, tatweel): settled on the UTF-8 bytes when they do not hold the needle, or when the
    /// haystack is ASCII; only otherwise asks Foundation (whose search is not literal).
    static func foundationContains<S: StringProtocol>(_ haystack: S, _ needle: String) -> Bool {
        let h = String(haystack)
        guard contains(h, needle) else { return false }
        if h.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return haystack.contains(needle)
    }

    static func containsAny(_ haystack: String, _ needles: [String]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }

    /// Number of non-overlapping occurrences.
    static func count(_ haystack: String, _ needle: String) -> Int {
        var n = 0
        var from = 0
        while let at = firstOffset(haystack, needle, from: from) {
            n += 1
            from = at + needle.utf8.count
        }
        return n
    }

    /// UTF-8 offset of the last occurrence.
    static func lastOffset(_ haystack: String, _ needle: String) -> Int? {
        var last: Int?
        var from = 0
        while let at = firstOffset(haystack, needle, from: from) {
            last = at
            from = at + 1
        }
        return last
    }

    static func firstOffset(_ haystack: String, _ needle: String, from: Int) -> Int? {
        var h = haystack
        var n = needle
        return h.withUTF8 { hb -> Int? in
            n.withUTF8 { nb -> Int? in offset(of: nb, in: hb, from: from) }
        }
    }

    /// `contains(a + b, needle)` without building the joined string: a hit in either part, or one
    /// across the joint (in the last bytes of `a` and the first of `b`).
    static func contains(_ a: String, _ b: String, _ needle: String) -> Bool {
        // The three texts' bytes taken once for the three looks (each `contains` took two).
        var (x, y, z) = (a, b, needle)
        return x.withUTF8 { ab in
            y.withUTF8 { bb in
                z.withUTF8 { nb in
                    if offset(of: nb, in: ab, from: 0) != nil || offset(of: nb, in: bb, from: 0) != nil { return true }
                    let n = nb.count
                    guard n > 1, !ab.isEmpty, !bb.isEmpty else { return false }
                    // A hit across the joint has its first 1 to n - 1 bytes at the end of `a`, the rest
                    // at the start of `b`.
                    for start in max(0, ab.count - (n - 1))..<ab.count {
                        let inA = ab.count - start
                        guard n - inA <= bb.count else { continue }
                        var same = true
                        for i in 0..<inA where ab[start + i] != nb[i] {
                            same = false
                            break
                        }
                        guard same else { continue }
                        for i in 0..<(n - inA) where bb[i] != nb[inA + i] {
                            same = false
                            break
                        }
                        if same { return true }
                    }
                    return false
                }
            }
        }
    }

    /// Whether the bytes `hb` hold the bytes of `needle`: `contains` on a buffer at hand, with no
    /// string copied or visited for the haystack or the needle.
    static func contains(_ hb: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { offset(of: $0, in: hb, from: 0) != nil }
    }

    /// Byte offset of the first `nb` in `hb` at or after `from` (memchr for the first byte, then memcmp).
    private static func offset(of nb: UnsafeBufferPointer<UInt8>, in hb: UnsafeBufferPointer<UInt8>, from: Int)
        -> Int?
    {
        guard let hBase = hb.baseAddress, nb.count > 0, from + nb.count <= hb.count else {
            return nb.isEmpty ? from : nil
        }
        guard let nBase = nb.baseAddress else { return nil }
        let first = Int32(nBase[0])
        var at = from
        let last = hb.count - nb.count
        while at <= last {
            guard let hit = memchr(hBase + at, first, last - at + 1) else { return nil }
            let offset = hBase.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(hBase + offset, nBase, nb.count) == 0 { return offset }
            at = offset + 1
        }
        return nil
    }
}
