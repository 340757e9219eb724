/// Damerau–Levenshtein distance (optimal string alignment: a swapped pair of neighbours counts
/// as one edit) over Unicode scalars of already folded text.
enum EditDistance {
    /// The distance, or nil as soon as it must exceed `limit` (cheap for very different strings).
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let s = Array(a.unicodeScalars)
        let t = Array(b.unicodeScalars)
        if abs(s.count - t.count) > limit { return nil }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) <= limit ? max(s.count, t.count) : nil }
        let width = t.count + 1
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...s.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        let result = previous[t.count]
        return result <= limit ? result : nil
    }

    /// Edits forgiven in a word or name of `letters` letters: about one per five letters
    /// (none below five).
    static func budget(letters: Int) -> Int { letters / 5 }
}
