/// Tidies scraped spacing in card text (never in the quoted evidence): no space before
/// a comma or full stop, none inside quotation marks.
enum PromptText {
    static func clean(_ s: String) -> String {
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
}
