/// Tidies scraped spacing in card text (never in the quoted evidence): no space before
/// a comma or full stop, none inside quotation marks.
enum PromptText {
    static func clean(_ s: String) -> String {
        // ASCII without CR (one byte per Character): the same rules on bytes.
        if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return cleanASCII(s) }
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

    private static func cleanASCII(_ s: String) -> String {
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
