/// The text of an HTML page: scripts, styles and tags dropped, entities decoded,
/// block elements ending lines. Line numbers then count lines of that text.
enum HTMLText {
    static func lines(fromHTML rawLines: [String]) -> [String] {
        let html = rawLines.joined(separator: "\n")
        var text = ""
        var i = html.startIndex
        var skipUntil: String?
        while i < html.endIndex {
            let c = html[i]
            if let end = skipUntil {
                if c == "<", html[i...].lowercased().hasPrefix(end) {
                    skipUntil = nil
                    i = html[i...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
                } else {
                    i = html.index(after: i)
                }
                continue
            }
            if c == "<" {
                guard let close = html[i...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: i)..<close].lowercased()
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                if !tag.hasPrefix("/"), name == "script" || name == "style" || name == "noscript" {
                    skipUntil = "</\(name)"
                } else if blockTags.contains(String(name)) {
                    text.append("\n")
                }
                i = html.index(after: close)
                continue
            }
            if c == "&", let semi = html[i...].prefix(10).firstIndex(of: ";") {
                let entity = String(html[html.index(after: i)..<semi])
                if let decoded = decode(entity) {
                    text.append(decoded)
                    i = html.index(after: semi)
                    continue
                }
            }
            text.append(c == "\n" ? " " : c)
            i = html.index(after: i)
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " "))
        }
    }

    private static let blockTags: WordSet = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
        "section", "article", "header", "footer", "nav", "blockquote", "title", "table", "aside", "figcaption",
    ]

    private static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "mdash": return "—"
        case "ndash": return "–"
        case "hellip": return "…"
        case "rsquo": return "’"
        case "lsquo": return "‘"
        case "ldquo": return "“"
        case "rdquo": return "”"
        default: break
        }
        if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16),
            let s = Unicode.Scalar(v)
        {
            return String(Character(s))
        }
        if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) {
            return String(Character(s))
        }
        return nil
    }
}
