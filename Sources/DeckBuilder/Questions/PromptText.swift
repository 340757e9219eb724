/// Tidies scraped spacing in card text (never in the quoted evidence): no space before
/// a comma or full stop, none inside quotation marks.
enum PromptText {
    static func clean(_ s: String) -> String {
        bytesAreCharacters(s) ? cleanBytes(s) : cleanCharacters(s)
    }

    /// Whether the rules read the same on bytes as on Characters: the text has no CR, and no space,
    /// quotation mark or glued punctuation is joined into one Character with a neighbour (a combining
    /// mark after it, or a prepended mark such as U+0600 before it). UTF-8 never uses ASCII bytes
    /// inside other characters, so everything else is copied through unchanged either way.
    static func bytesAreCharacters(_ s: String) -> Bool {
        var text = s
        return text.withUTF8(bytesAreCharacters)
    }

    private static func bytesAreCharacters(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        for (i, b) in u.enumerated() where b < 0x80 {
            if b == 0x0D { return false }
            guard b == 0x20 || b == 0x22 || b == 0x2C || b == 0x2E || b == 0x3B || b == 0x21 || b == 0x3A || b == 0x3F
            else { continue }
            if i + 1 < u.count, u[i + 1] >= 0x80, let next = scalar(u, at: i + 1),
                next.properties.isGraphemeExtend || next.properties.generalCategory == .spacingMark
                    || next.value == 0x200D
            {
                return false
            }
            if i > 0, u[i - 1] >= 0x80 {
                var k = i - 1
                while k > 0, u[k] & 0xC0 == 0x80 { k -= 1 }
                if let previous = scalar(u, at: k), prepended.contains(where: { $0.contains(previous.value) }) {
                    return false
                }
            }
        }
        return true
    }

    /// Grapheme "Prepend" characters (they join the character after them).
    private static let prepended: [ClosedRange<UInt32>] = [
        0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891, 0x08E2...0x08E2, 0x110BD...0x110BD,
        0x110CD...0x110CD, 0x111C2...0x111C3, 0x1193F...0x1193F, 0x11941...0x11941, 0x11A3A...0x11A3A,
        0x11A84...0x11A89, 0x11D46...0x11D46, 0x11F02...0x11F02,
    ]

    private static func scalar(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        var it = u[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let v) = decoder.decode(&it) { return v }
        return nil
    }

    static func cleanCharacters(_ s: String) -> String {
        var out = ""
        var quoteOpen = false
        var pendingSpace = false
        for c in s {
            if c == " " {
                pendingSpace = true
                continue
            }
            if c == "\"" {
                if quoteOpen {
                    out.append(c)
                    quoteOpen = false
                    pendingSpace = false
                    continue
                }
                if pendingSpace && !out.isEmpty { out.append(" ") }
                out.append(c)
                quoteOpen = true
                pendingSpace = false
                // Drop spaces right after an opening quote.
                continue
            }
            if pendingSpace {
                let glue = [",", ".", ";", "!", ":", "?"].contains(String(c))
                if !glue && !(out.last == "\"" && quoteOpen) && !out.isEmpty { out.append(" ") }
                if !glue && out.isEmpty && !s.hasPrefix(" ") {}
                pendingSpace = false
            }
            out.append(c)
        }
        if pendingSpace { out.append(" ") }
        if s.hasPrefix(" "), !out.hasPrefix(" ") { out = " " + out }
        return out
    }

    /// The rules on UTF-8 bytes (see `bytesAreCharacters`).
    static func cleanBytes(_ s: String) -> String {
        let space: UInt8 = 0x20
        let quote: UInt8 = 0x22
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 1)
        var quoteOpen = false
        var pendingSpace = false
        for c in s.utf8 {
            if c == space {
                pendingSpace = true
                continue
            }
            if c == quote {
                if quoteOpen {
                    out.append(c)
                    quoteOpen = false
                    pendingSpace = false
                    continue
                }
                if pendingSpace && !out.isEmpty { out.append(space) }
                out.append(c)
                quoteOpen = true
                pendingSpace = false
                continue
            }
            if pendingSpace {
                // , . ; ! : ?
                let glue = c == 0x2C || c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3A || c == 0x3F
                if !glue && !(out.last == quote && quoteOpen) && !out.isEmpty { out.append(space) }
                pendingSpace = false
            }
            out.append(c)
        }
        if pendingSpace { out.append(space) }
        if s.utf8.first == space, out.first != space { out.insert(space, at: 0) }
        return String(decoding: out, as: UTF8.self)
    }
}
