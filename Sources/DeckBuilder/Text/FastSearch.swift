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
            n.withUTF8 { nb -> Int? in
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
    }
}
