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
    /// A bit per pair of haystack bytes, read as the little-endian number `b[i] | b[i + 1] << 8`,
    /// that starts a needle as read plain, and as read with A–Z taken for a–z (both cases of a
    /// needle's letter a–z marked): most positions are passed over on one load and a bit test,
    /// without folding the bytes.
    private var pairsPlain = [UInt64](repeating: 0, count: 1024)
    private var pairsFolded = [UInt64](repeating: 0, count: 1024)
    /// 1 for a byte that starts a needle, as read plain and as read folding. When no needle starts
    /// with a–z (as read), most bytes of prose (lower-case letters) are passed over on this one load
    /// before the pair is read; else the pair alone is read (the byte would pass most of them).
    private var firstPlain = [UInt8](repeating: 0, count: 256)
    private var firstFolded = [UInt8](repeating: 0, count: 256)
    private var firstPlainIsRare = true
    private var firstFoldedIsRare = true
    /// A bit per hash of three haystack bytes that start a needle, as read plain and as read
    /// folding (every case of a needle's letters a–z marked), when every needle has three bytes
    /// or more: a position whose pair starts a needle is read on only when its third byte may too.
    private var triplesPlain = [UInt64](repeating: 0, count: 256)
    private var triplesFolded = [UInt64](repeating: 0, count: 256)
    private var hasTriples = false

    /// The bit of three bytes (`b[i] | b[i + 1] << 8 | b[i + 2] << 16`) in the triple tables.
    @inline(__always)
    private static func tripleBit(_ t: UInt32) -> Int { Int(truncatingIfNeeded: (t &* 0x9E37_79B1) &>> 18) }
    /// Each needle's anchor, the byte pair of it least likely in prose (`rarity`), read as a
    /// little-endian 16-bit number and broadcast to 8 lanes: the distinct pairs, when there are at
    /// most `maxAnchors` of them (else none, and the plain search reads byte by byte). A needle holds
    /// its pair at a fixed offset, so a stretch of 16 positions where no pair starts holds no needle's
    /// anchor and is passed over on a few vector compares.
    private var anchorPairs: [SIMD8<UInt16>] = []
    /// A bit per byte pair that is some needle's anchor.
    private var anchorBits = [UInt64](repeating: 0, count: 1024)
    /// The needles anchored on each distinct pair (`anchorKeys[t]`), as (start in `bytes`, count, anchor offset).
    private var anchorKeys: [Int] = []
    private var anchorNeedles: [[(start: Int, count: Int, offset: Int)]] = []
    static let maxAnchors = 12

    init(_ words: [String]) {
        let long = words.filter { $0.utf8.count >= 2 }.map { Array($0.utf8) }
        short = words.filter { $0.utf8.count < 2 }
        func key(_ n: [UInt8]) -> Int { Int(n[0]) << 8 | Int(n[1]) }
        // A stable sort keeps the needles of one prefix in the given order.
        let sorted = long.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }
        // The bytes a haystack byte may be for `at(i)` to give `c` when folding: `c`, and its
        // capital when `c` is a–z (a byte folded is a–z only when it is a–z or A–Z).
        func folded(_ c: UInt8) -> [UInt8] { c &- 0x61 < 26 ? [c, c ^ 0x20] : [c] }
        func mark(_ bits: inout [UInt64], _ x: UInt8, _ y: UInt8) {
            let k = Int(x) | Int(y) << 8
            bits[k >> 6] |= 1 << UInt64(k & 63)
        }
        for n in long {
            firstPlain[Int(n[0])] = 1
            if n[0] &- 0x61 < 26 { firstPlainIsRare = false }
            for x in folded(n[0]) { firstFolded[Int(x)] = 1 }
            // A needle starting with A–Z is never found folding (its first byte is read as a–z).
            if n[0] &- 0x61 < 26 { firstFoldedIsRare = false }
            mark(&pairsPlain, n[0], n[1])
            for x in folded(n[0]) {
                for y in folded(n[1]) { mark(&pairsFolded, x, y) }
            }
        }
        hasTriples = !long.isEmpty && long.allSatisfy { $0.count >= 3 }
        if hasTriples {
            func mark3(_ bits: inout [UInt64], _ x: UInt8, _ y: UInt8, _ z: UInt8) {
                let k = Self.tripleBit(UInt32(x) | UInt32(y) << 8 | UInt32(z) << 16)
                bits[k >> 6] |= 1 << UInt64(k & 63)
            }
            for n in long {
                mark3(&triplesPlain, n[0], n[1], n[2])
                for x in folded(n[0]) {
                    for y in folded(n[1]) {
                        for z in folded(n[2]) { mark3(&triplesFolded, x, y, z) }
                    }
                }
            }
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
        setAnchors()
    }

    /// Picks each needle's anchor pair and, when the distinct pairs are few, fills the anchor tables.
    private mutating func setAnchors() {
        // The pairs are read from the text as little-endian numbers (x86-64, arm64); on a
        // big-endian machine the plain search serves.
        guard 1.littleEndian == 1 else { return }
        var keys: [Int] = []
        var needles: [[(start: Int, count: Int, offset: Int)]] = []
        for j in 0..<(starts.count - 1) {
            let from = starts[j]
            let count = starts[j + 1] - from
            var best = 0
            var bestScore = -1
            for k in 0..<(count - 1) {
                let score = Self.rarity(bytes[from + k]) + Self.rarity(bytes[from + k + 1])
                if score > bestScore {
                    bestScore = score
                    best = k
                }
            }
            let key = Int(bytes[from + best]) << 8 | Int(bytes[from + best + 1])
            if let t = keys.firstIndex(of: key) {
                needles[t].append((from, count, best))
            } else {
                keys.append(key)
                needles.append([(from, count, best)])
            }
        }
        guard !keys.isEmpty, keys.count <= Self.maxAnchors else { return }
        anchorKeys = keys
        anchorNeedles = needles
        for key in keys {
            anchorBits[key >> 6] |= 1 << UInt64(key & 63)
            anchorPairs.append(SIMD8(repeating: UInt16(key >> 8) | UInt16(key & 0xFF) << 8))
        }
    }

    /// How seldom a byte occurs in English and Arabic prose, roughly (higher is rarer): only the
    /// choice of anchors depends on it, never an answer.
    static func rarity(_ b: UInt8) -> Int {
        if b &- 0x61 < 26 {
            let order: StaticString = "etaoinsrhldcumfpgwybvkxjqz"
            return order.withUTF8Buffer { $0.firstIndex(of: b) ?? 0 }
        }
        switch b {
        case 0x20, 0x09: return 0
        case 0x30...0x39: return 15
        case 0x41...0x5A: return 22
        case 0x00..<0x80: return 18
        case 0xD8, 0xD9: return 0
        case 0xDA, 0xDB: return 10
        case 0xE2: return 12
        case 0xC0...: return 20
        // The second bytes of the commonest Arabic letters (ا ل ي م و ن ه ر ت ب ع د س ة) and of general punctuation.
        case 0xA7, 0x84, 0x8A, 0x85, 0x88, 0x86, 0x87, 0xB1, 0xAA, 0xA8, 0xB9, 0xAF, 0xB3, 0xA9, 0x80: return 4
        default: return 18
        }
    }

    /// `containsAny` of the string whose UTF-8 bytes are `b`.
    func containsAny(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        if !short.isEmpty { return containsAny(String(decoding: b, as: UTF8.self)) }
        return anchorKeys.isEmpty ? containsAny(bytes: b, foldingASCII: false) : anchoredContainsAny(b)
    }

    func containsAny(_ haystack: String) -> Bool {
        if !short.isEmpty, FastSearch.containsAny(haystack, short) { return true }
        var h = haystack
        if anchorKeys.isEmpty { return h.withUTF8 { containsAny(bytes: $0, foldingASCII: false) } }
        return h.withUTF8 { anchoredContainsAny($0) }
    }

    /// `containsAny(bytes:foldingASCII: false)` through the anchors: 16 positions at a time, each
    /// tested for every anchor pair at once; only a stretch where some pair starts is read again,
    /// position by position. The pairs are held in locals, four, eight or twelve of them (the
    /// last repeated), so that the loop keeps them in registers and compares them unrolled.
    private func anchoredContainsAny(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard let base = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let q = anchorPairs
        let count = q.count
        @inline(__always) func pair(_ k: Int) -> SIMD8<UInt16> { q[min(k, count - 1)] }
        let (p0, p1, p2, p3) = (pair(0), pair(1), pair(2), pair(3))
        var i = 0
        // Two loads of 16-bit lanes, at i and i + 1, hold the pairs starting at even and odd
        // positions of i…i + 15.
        if count <= 4 {
            while i + 17 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt16>.self)
                let w = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD8<UInt16>.self)
                let (mv, mw) = Self.hits(v, w, p0, p1, p2, p3)
                if any(mv .| mw), anchorHit(b, at: i, Self.hitBytes(mv, mw)) { return true }
                i += 16
            }
        } else if count <= 8 {
            let (p4, p5, p6, p7) = (pair(4), pair(5), pair(6), pair(7))
            while i + 17 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt16>.self)
                let w = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD8<UInt16>.self)
                let (av, aw) = Self.hits(v, w, p0, p1, p2, p3)
                let (bv, bw) = Self.hits(v, w, p4, p5, p6, p7)
                let (mv, mw) = (av .| bv, aw .| bw)
                if any(mv .| mw), anchorHit(b, at: i, Self.hitBytes(mv, mw)) { return true }
                i += 16
            }
        } else {
            let (p4, p5, p6, p7) = (pair(4), pair(5), pair(6), pair(7))
            let (p8, p9, p10, p11) = (pair(8), pair(9), pair(10), pair(11))
            while i + 17 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt16>.self)
                let w = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD8<UInt16>.self)
                let (av, aw) = Self.hits(v, w, p0, p1, p2, p3)
                let (bv, bw) = Self.hits(v, w, p4, p5, p6, p7)
                let (cv, cw) = Self.hits(v, w, p8, p9, p10, p11)
                let (mv, mw) = (av .| bv .| cv, aw .| bw .| cw)
                if any(mv .| mw), anchorHit(b, at: i, Self.hitBytes(mv, mw)) { return true }
                i += 16
            }
        }
        return anchorHit(b, from: i, to: n - 1)
    }

    /// The lanes of `v` and those of `w` equal to one of four pairs.
    @inline(__always)
    private static func hits(
        _ v: SIMD8<UInt16>, _ w: SIMD8<UInt16>, _ a: SIMD8<UInt16>, _ b: SIMD8<UInt16>, _ c: SIMD8<UInt16>,
        _ d: SIMD8<UInt16>
    ) -> (SIMDMask<SIMD8<Int16>>, SIMDMask<SIMD8<Int16>>) {
        ((v .== a) .| (v .== b) .| (v .== c) .| (v .== d), (w .== a) .| (w .== b) .| (w .== c) .| (w .== d))
    }

    /// The positions 0…15 where a pair starts, as the bytes of two words (1 at position j): lane k
    /// of `v` is the pair at 2k, of `w` the pair at 2k + 1 (the lanes stored little-endian).
    @inline(__always)
    private static func hitBytes(_ mv: SIMDMask<SIMD8<Int16>>, _ mw: SIMDMask<SIMD8<Int16>>) -> (UInt64, UInt64) {
        let zero = SIMD8<UInt16>(repeating: 0)
        let lanes =
            zero.replacing(with: SIMD8<UInt16>(repeating: 1), where: mv)
            | zero.replacing(with: SIMD8<UInt16>(repeating: 0x100), where: mw)
        return withUnsafeBytes(of: lanes) {
            (
                UInt64(littleEndian: $0.load(as: UInt64.self)),
                UInt64(littleEndian: $0.load(fromByteOffset: 8, as: UInt64.self))
            )
        }
    }

    /// Whether a needle lies where an anchor pair starts at one of the positions `from + j` whose
    /// byte j of `hits` (the two words, positions 0…7 and 8…15) is set: only those are read.
    private func anchorHit(_ b: UnsafeBufferPointer<UInt8>, at from: Int, _ hits: (UInt64, UInt64)) -> Bool {
        var low = hits.0
        while low != 0 {
            if anchorHit(b, at: from + low.trailingZeroBitCount &>> 3) { return true }
            low &= low &- 1
        }
        var high = hits.1
        while high != 0 {
            if anchorHit(b, at: from + 8 + high.trailingZeroBitCount &>> 3) { return true }
            high &= high &- 1
        }
        return false
    }

    /// Whether a needle lies where an anchor pair starts at one of the positions `from..<to`.
    private func anchorHit(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        return anchorBits.withUnsafeBufferPointer { bits in
            for q in from..<to {
                let key = Int(b[q]) << 8 | Int(b[q + 1])
                guard bits[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                if anchorHit(b, at: q) { return true }
            }
            return false
        }
    }

    /// Whether a needle anchored on the pair at `q` lies there.
    @inline(__always)
    private func anchorHit(_ b: UnsafeBufferPointer<UInt8>, at q: Int) -> Bool {
        let n = b.count
        let key = Int(b[q]) << 8 | Int(b[q + 1])
        return bytes.withUnsafeBufferPointer { needles in
            for t in anchorKeys.indices where anchorKeys[t] == key {
                for (start, count, offset) in anchorNeedles[t] {
                    let p = q - offset
                    guard p >= 0, p + count <= n else { continue }
                    var k = 0
                    while k < count && b[p + k] == needles[start + k] { k += 1 }
                    if k == count { return true }
                }
            }
            return false
        }
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
        guard let base = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        return prefixBits.withUnsafeBufferPointer { bits in
            rankBefore.withUnsafeBufferPointer { ranks in
                groupStarts.withUnsafeBufferPointer { groups in
                    starts.withUnsafeBufferPointer { starts in
                        bytes.withUnsafeBufferPointer { needles in
                            (fold ? pairsFolded : pairsPlain).withUnsafeBufferPointer { pairs in
                                (fold ? firstFolded : firstPlain).withUnsafeBufferPointer { first in
                                    // Whether a needle starts at `i`, its pair's bit set.
                                    @inline(__always) func found(at i: Int) -> Bool {
                                        let key = Int(at(i)) << 8 | Int(at(i + 1))
                                        let word = bits[key >> 6]
                                        let bit = UInt64(1) << UInt64(key & 63)
                                        guard word & bit != 0 else { return false }
                                        let rank = ranks[key >> 6] + (word & (bit &- 1)).nonzeroBitCount
                                        for j in groups[rank]..<groups[rank + 1] {
                                            let from = starts[j]
                                            let count = starts[j + 1] - from
                                            guard i + count <= n else { continue }
                                            var k = 2
                                            while k < count && at(i + k) == needles[from + k] { k += 1 }
                                            if k == count { return true }
                                        }
                                        return false
                                    }
                                    let triples = fold ? triplesFolded : triplesPlain
                                    @inline(__always) func pairStarts(at i: Int) -> Bool {
                                        let pair = Int(
                                            UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)))
                                        guard pairs[pair &>> 6] & (1 &<< UInt64(pair & 63)) != 0 else { return false }
                                        guard hasTriples else { return true }
                                        // A needle of three bytes or more needs a third byte here.
                                        guard i + 2 < n else { return false }
                                        let t = Self.tripleBit(
                                            UInt32(truncatingIfNeeded: pair) | UInt32(b[i + 2]) << 16)
                                        return triples[t >> 6] & (1 &<< UInt64(t & 63)) != 0
                                    }
                                    if fold ? firstFoldedIsRare : firstPlainIsRare {
                                        for i in 0..<(n - 1) where first[Int(b[i])] != 0 {
                                            if pairStarts(at: i), found(at: i) { return true }
                                        }
                                    } else {
                                        for i in 0..<(n - 1) where pairStarts(at: i) {
                                            if found(at: i) { return true }
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
}
