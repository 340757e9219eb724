/// Damerau–Levenshtein distance (optimal string alignment: a swapped pair of neighbours counts
/// as one edit) over Unicode scalars of already folded text.
enum EditDistance {
    /// The distance, or nil as soon as it must exceed `limit` (cheap for very different strings).
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let s = a.unicodeScalars.map(\.value)
        let t = b.unicodeScalars.map(\.value)
        if abs(s.count - t.count) > limit { return nil }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) <= limit ? max(s.count, t.count) : nil }
        let width = t.count + 1
        // Three rows in one buffer: i-2, i-1 and i, rotated by offset.
        var rows = [Int](repeating: 0, count: 3 * width)
        let result: Int? = rows.withUnsafeMutableBufferPointer { rows in
            for j in 0...t.count { rows[width + j] = j }
            var older = 0, previous = width, current = 2 * width
            for i in 1...s.count {
                rows[current] = i
                var rowMin = i
                let si = s[i - 1]
                for j in 1...t.count {
                    let tj = t[j - 1]
                    var value = rows[previous + j - 1] + (si == tj ? 0 : 1)
                    value = min(value, rows[previous + j] + 1, rows[current + j - 1] + 1)
                    if i > 1, j > 1, si == t[j - 2], s[i - 2] == tj {
                        value = min(value, rows[older + j - 2] + 1)
                    }
                    rows[current + j] = value
                    rowMin = min(rowMin, value)
                }
                if rowMin > limit { return nil }
                (older, previous, current) = (previous, current, older)
            }
            return rows[previous + t.count]
        }
        guard let result, result <= limit else { return nil }
        return result
    }

    /// Edits forgiven in a word or name of `letters` letters: about one per five letters
    /// (none below five).
    static func budget(letters: Int) -> Int { letters / 5 }
}
