/// Many needles searched in one pass over the haystack's UTF-8 bytes: a bit per two-byte prefix
/// settles most positions, and only a position whose prefix starts a needle compares bytes.
/// Answers as `FastSearch.containsAny` (a byte-literal search) for needles of two bytes or more.
struct NeedleSet: Sendable {
    /// The needles' bytes end to end, grouped by two-byte prefix (in prefix order).
    private var bytes: [UInt8] = []
    /// Where each needle starts in `bytes`; one more entry marks the end of the last.
    private var starts: [Int] = [0]
    private var prefixBits = [UInt64](repeating: 0, count: 1024)
    /// Number of distinct prefixes whose bits lie in the words before each word of `prefixBits`:
    /// the rank of a prefix among the distinct prefixes, without a dictionary look-up.
    private var rankBefore = [Int](repeating: 0, count: 1024)
    /// For the prefix of rank r, its needles are `groupStarts[r]..<groupStarts[r + 1]`.
    private var groupStarts: [Int] = [0]
    /// Needles shorter than two bytes, searched the plain way.
    private let short: [String]
    /// 1 for a byte that starts a needle, as read plain and as read with A–Z taken for a–z: most
    /// bytes are passed over on this one load.
    private var firstPlain = [UInt8](repeating: 0, count: 256)
    private var firstFolded = [UInt8](repeating: 0, count: 256)

    init(_ words: [String]) {
        let long = words.filter { $0.utf8.count >= 2 }.map { Array($0.utf8) }
        short = words.filter { $0.utf8.count < 2 }
        func key(_ n: [UInt8]) -> Int { Int(n[0]) << 8 | Int(n[1]) }
        // A stable sort keeps the needles of one prefix in the given order.
        let sorted = long.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }
        for n in long {
            firstPlain[Int(n[0])] = 1
            firstFolded[Int(n[0])] = 1
            if n[0] &- 0x61 < 26 { firstFolded[Int(n[0] ^ 0x20)] = 1 }
        }
        var lastKey = -1
        for (_, n) in sorted {
            let k = key(n)
            if k != lastKey {
                if lastKey >= 0 { groupStarts.append(starts.count - 1) }
                prefixBits[k >> 6] |= 1 << UInt64(k & 63)
                lastKey = k
            }
            bytes += n
            starts.append(bytes.count)
        }
        if lastKey >= 0 { groupStarts.append(starts.count - 1) }
        var rank = 0
        for w in 0..<1024 {
            rankBefore[w] = rank
            rank += prefixBits[w].nonzeroBitCount
        }
    }

    func containsAny(_ haystack: String) -> Bool {
        if !short.isEmpty, FastSearch.containsAny(haystack, short) { return true }
        var h = haystack
        return h.withUTF8 { containsAny(bytes: $0, foldingASCII: false) }
    }

    /// The answer of `containsAny(FastCase.lower(text))` for a text whose only cased letters are
    /// ASCII (`NeedleSet.onlyASCIICased`), without building the lower-cased copy: A–Z read as a–z.
    /// Needles shorter than two bytes take the copy.
    func containsAnyIgnoringASCIICase(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard short.isEmpty else {
            return containsAny(FastCase.lower(String(decoding: text, as: UTF8.self)))
        }
        return containsAny(bytes: text, foldingASCII: true)
    }

    /// True when `FastCase.lower` lower-cases the text byte by byte (A–Z only): the test it makes
    /// before falling back to `lowercased()`, read on the same bytes.
    static func onlyASCIICased(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var afterE2 = false
        for c in b {
            if afterE2 {
                afterE2 = false
                if c != 0x80 { return false }
            } else if c >= 0x80 {
                if c == 0xE2 {
                    afterE2 = true
                } else if c >= 0xC0 && !(c >= 0xD8 && c <= 0xDB) {
                    return false
                }
            }
        }
        return true
    }

    private func containsAny(bytes b: UnsafeBufferPointer<UInt8>, foldingASCII fold: Bool) -> Bool {
        let n = b.count
        guard n >= 2 else { return false }
        @inline(__always) func at(_ i: Int) -> UInt8 {
            let c = b[i]
            return fold && c &- 0x41 < 26 ? c | 0x20 : c
        }
        return prefixBits.withUnsafeBufferPointer { bits in
            rankBefore.withUnsafeBufferPointer { ranks in
                groupStarts.withUnsafeBufferPointer { groups in
                    starts.withUnsafeBufferPointer { starts in
                        bytes.withUnsafeBufferPointer { needles in
                            (fold ? firstFolded : firstPlain).withUnsafeBufferPointer { first in
                                for i in 0..<(n - 1) where first[Int(b[i])] != 0 {
                                    let key = Int(at(i)) << 8 | Int(at(i + 1))
                                    let word = bits[key >> 6]
                                    let bit = UInt64(1) << UInt64(key & 63)
                                    guard word & bit != 0 else { continue }
                                    let rank = ranks[key >> 6] + (word & (bit &- 1)).nonzeroBitCount
                                    for j in groups[rank]..<groups[rank + 1] {
                                        let from = starts[j]
                                        let count = starts[j + 1] - from
                                        guard i + count <= n else { continue }
                                        var k = 2
                                        while k < count && at(i + k) == needles[from + k] { k += 1 }
                                        if k == count { return true }
                                    }
                                }
                                return false
                            }
                        }
                    }
                }
            }
        }
    }
}
