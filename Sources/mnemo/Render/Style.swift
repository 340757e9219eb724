import Foundation

/// ANSI styling, on only for a terminal and never with `NO_COLOR` set (https://no-color.org).
struct Style: Sendable {
    let enabled: Bool
    /// Columns to wrap long text at (a terminal's width); nil leaves lines whole (pipes, tests).
    var width: Int? = nil

    static let plain = Style(enabled: false)

    /// Colors when standard output is a terminal and `NO_COLOR` is absent or empty.
    static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let terminal = isatty(STDOUT_FILENO) == 1
        return Style(
            enabled: terminal && !noColor && environment["TERM"] != "dumb", width: terminal ? terminalWidth() : nil)
    }

    /// The terminal's width in columns, if it says.
    static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 else { return nil }
        return Int(size.ws_col)
    }

    /// `text` broken at spaces into lines of at most `width` columns (when set), later lines indented.
    func wrapped(_ text: String, indent: Int = 0) -> [String] {
        guard let width, text.count > width else { return [text] }
        // Tokens are a word with the spaces before it; a line break drops those spaces.
        var tokens: [(spaces: String, word: String)] = []
        var spaces = ""
        var word = ""
        for character in text {
            if character == " " {
                if !word.isEmpty {
                    tokens.append((spaces, word))
                    spaces = ""
                    word = ""
                }
                spaces.append(character)
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { tokens.append((spaces, word)) }
        var lines: [String] = []
        var line = ""
        for (index, token) in tokens.enumerated() {
            let limit = lines.isEmpty ? width : width - indent
            if index > 0 && line.count + token.spaces.count + token.word.count > limit {
                lines.append(line)
                line = token.word
            } else {
                line += token.spaces + token.word
            }
        }
        lines.append(line)
        let pad = String(repeating: " ", count: indent)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : pad + $0.element }
    }

    /// `text` wrapped as `wrapped(_:indent:)`, with `paint` applied to its `suffix` wherever the breaks
    /// put it: each line's piece is painted on its own, so no code spans a line break.
    func wrapped(_ text: String, indent: Int = 0, paintingSuffix suffix: String, with paint: (String) -> String)
        -> [String]
    {
        var lines = wrapped(text, indent: indent)
        guard !suffix.isEmpty, text.hasSuffix(suffix) else { return lines }
        // A break only drops spaces and adds the indent: the suffix is the last characters that are not spaces.
        var left = suffix.reduce(0) { $1 == " " ? $0 : $0 + 1 }
        var k = lines.count - 1
        while left > 0, k >= 0 {
            let line = lines[k]
            let floor = line.index(line.startIndex, offsetBy: k == 0 ? 0 : min(indent, line.count))
            var start = line.endIndex
            while start > floor, left > 0 {
                start = line.index(before: start)
                if line[start] != " " { left -= 1 }
            }
            lines[k] = String(line[..<start]) + paint(String(line[start...]))
            k -= 1
        }
        return lines
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func cyan(_ text: String) -> String { wrap(text, "36") }
}
