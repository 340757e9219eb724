/// Many needles searched in one pass over the haystack's UTF-8 bytes: a bit per two-byte prefix
/// settles most positions, and only a position whose prefix starts a needle compares bytes.
/// Answers as `FastSearch.containsAny` (a byte-literal search) for needles of two bytes or more.
struct NeedleSet: Sendable {
    private let needles: [[UInt8]]
    private var prefixBits = [UInt64](repeating: 0, count: 1024)
    /// Needle indices by two-byte prefix.
    private var byPrefix: [UInt16: [Int]] = [:]
    /// Needles shorter than two bytes, searched the plain way.
    private let short: [String]

    init(_ words: [String]) {
        needles = words.filter { $0.utf8.count >= 2 }.map { Array($0.utf8) }
        short = words.filter { $0.utf8.count < 2 }
        for (i, n) in needles.enumerated() {
            let key = UInt16(n[0]) << 8 | UInt16(n[1])
            prefixBits[Int(key >> 6)] |= 1 << UInt64(key & 63)
            byPrefix[key, default: []].append(i)
        }
    }

    func containsAny(_ haystack: String) -> Bool {
        if !short.isEmpty, FastSearch.containsAny(haystack, short) { return true }
        var h = haystack
        return h.withUTF8 { b in
            let n = b.count
            guard n >= 2 else { return false }
            var key = UInt16(b[0])
            for i in 0..<(n - 1) {
                key = key << 8 | UInt16(b[i + 1])
                guard prefixBits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0, let list = byPrefix[key] else {
                    continue
                }
                for j in list {
                    let needle = needles[j]
                    guard i + needle.count <= n else { continue }
                    var k = 2
                    while k < needle.count && b[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
            }
            return false
        }
    }
}
