import Foundation

/// Escaping text into HTML and reading text back out of Anki's HTML fields.
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` (safe in element content and quoted attributes).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Escaped, with line breaks as `<br>` (how Anki fields hold multi-line text).
    public static func field(_ text: String) -> String {
        escape(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }

    /// Plain text from an HTML field: `<br>`, `<div>` and `<p>` become line breaks, other
    /// tags are dropped, the common entities decoded, spaces trimmed line by line.
    public static func plainText(_ html: String) -> String {
        var out = ""
        var tag = ""
        var inTag = false
        for c in html {
            if inTag {
                if c == ">" {
                    inTag = false
                    let name = tag.lowercased().trimmingPrefix("/").prefix { $0.isLetter }
                    if ["br", "div", "p", "li", "tr"].contains(String(name)), !out.isEmpty, out.last != "\n" {
                        out.append("\n")
                    }
                    tag = ""
                } else {
                    tag.append(c)
                }
            } else if c == "<" {
                inTag = true
            } else {
                out.append(c)
            }
        }
        if inTag { out += "<" + tag }  // a lone "<" was text, not a tag
        return decodeEntities(out)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "nbsp": " ",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                if let value = named[name] {
                    out += value
                    rest = after[after.index(after: semi)...]
                    continue
                }
                if name.hasPrefix("#"), let scalar = numericEntity(name.dropFirst()) {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }

    private static func numericEntity(_ body: Substring) -> Unicode.Scalar? {
        let value: UInt32?
        if body.first == "x" || body.first == "X" {
            value = UInt32(body.dropFirst(), radix: 16)
        } else {
            value = UInt32(body)
        }
        return value.flatMap(Unicode.Scalar.init)
    }
}
