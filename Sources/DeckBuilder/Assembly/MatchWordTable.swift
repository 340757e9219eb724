import Foundation

/// Numbers for match words, one per word for the life of the process, so that a fact's match
/// words are a short sorted list of numbers instead of a set of strings. Every fact's preview made
/// such a set (each word hashed), and matching hashed each word again to find its number; now a
/// word is hashed only when its number is first looked up (the word normalizer keeps the numbers of
/// the words it has read).
///
/// Words are told apart as strings are (canonically equivalent spellings share a number), so a
/// list of numbers holds what the set held. A verb key ("v:declare") has bit 30 set and an event
/// key ("e:yalta") bit 29, so matching tells them from the number alone. The table grows with the
/// words of everything built in the process (a vocabulary, not a corpus: it levels off).
final class MatchWordTable: @unchecked Sendable {
    static let shared = MatchWordTable()

    static let verbBit: Int32 = 1 << 30
    static let eventBit: Int32 = 1 << 29
    /// The word's place in the table, without its tag bits.
    static func index(_ id: Int32) -> Int { Int(id & (eventBit - 1)) }
    static func isVerb(_ id: Int32) -> Bool { id & verbBit != 0 }
    static func isEvent(_ id: Int32) -> Bool { id & eventBit != 0 }

    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private var words: [String] = []

    /// The number of `word`, given on first sight.
    func id(_ word: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return Self.id(word, ids: &ids, words: &words)
    }

    /// The numbers of `words`, in their order (one lock for all).
    func ids<S: Sequence<String>>(_ words: S) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return words.map { Self.id($0, ids: &ids, words: &self.words) }
    }

    /// The numbers of `words` that have one (a word never numbered is in no list).
    func existingIDs<S: Sequence<String>>(_ words: S) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return words.compactMap { ids[$0] }
    }

    /// The words of `ids`.
    func words<S: Sequence<Int32>>(_ ids: S) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return ids.map { words[Self.index($0)] }
    }

    /// The words of `ids` as a set: a drafted fact's match words as strings.
    func wordSet(_ ids: [Int32]) -> Set<String> { Set(words(ids)) }

    /// The sorted numbers of a set of words: a fact's match words as matching reads them.
    func sortedIDs(_ words: Set<String>) -> [Int32] { ids(words).sorted() }

    private static func id(_ word: String, ids: inout [String: Int32], words: inout [String]) -> Int32 {
        if let id = ids[word] { return id }
        var id = Int32(words.count)
        precondition(id < eventBit, "more match words than the table numbers")
        if MatchView.tagged(word, 0x76) { id |= verbBit } else if MatchView.tagged(word, 0x65) { id |= eventBit }
        ids[word] = id
        words.append(word)
        return id
    }
}

extension Array where Element == Int32 {
    /// Sorted, each number once (sorted in place; the lists are a dozen or two numbers).
    mutating func sortAndRemoveRepeats() {
        sort()
        var kept = 0
        for i in indices where kept == 0 || self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }

    /// Removes `id` from a sorted list, if there (binary search).
    mutating func removeSorted(_ id: Int32) {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        if lo < count, self[lo] == id { remove(at: lo) }
    }
}
