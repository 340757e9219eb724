/// One record of a delimited text file, with where it stands in the file.
public struct DelimitedRecord: Hashable, Sendable {
    public var fields: [String]
    /// 1-based physical line the record starts on.
    public var line: Int
    /// 1-based row as a spreadsheet counts it (header lines included).
    public var row: Int

    public init(fields: [String], line: Int, row: Int) {
        self.fields = fields
        self.line = line
        self.row = row
    }
}

/// A record that could not be read; the rest of the file still is.
public struct RowProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var line: Int
    public var message: String

    public init(row: Int, line: Int, message: String) {
        self.row = row
        self.line = line
        self.message = message
    }

    /// "row 7: …", or "row 7 (line 9): …" when multi-line fields make them differ.
    public var description: String {
        row == line ? "row \(row): \(message)" : "row \(row) (line \(line)): \(message)"
    }
}

/// RFC 4180 delimited text (CSV, and Anki's tab- or semicolon-separated exports):
/// fields containing the separator, a quote or a line break are quoted, quotes doubled.
public enum DelimitedText {
    /// Writes rows, one per line ("\n"), quoting only where needed. A first field that
    /// starts with `#` is quoted too, so it is not taken for a comment or header line.
    public static func write(_ rows: [[String]], separator: Character) -> String {
        var out = ""
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { out.append(separator) }
                out += quotedIfNeeded(field, separator: separator, first: index == 0)
            }
            out += "\n"
        }
        return out
    }

    static func quotedIfNeeded(_ field: String, separator: Character, first: Bool) -> String {
        let needs =
            field.contains { $0 == separator || $0 == "\"" || $0.isNewline }
            || (first && field.hasPrefix("#"))
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needs else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses `text` into records. Blank lines are skipped. A malformed record (a quote left
    /// open to the end of the file, or text after a closing quote) becomes a `RowProblem`
    /// and reading resumes on the next line. `firstLine`/`firstRow` number the first line of
    /// `text` (when header lines were split off before).
    public static func parse(
        _ text: String, separator: Character, firstLine: Int = 1, firstRow: Int = 1
    ) -> (records: [DelimitedRecord], problems: [RowProblem]) {
        var parser = Parser(chars: Array(text), separator: separator, line: firstLine)
        var records: [DelimitedRecord] = []
        var problems: [RowProblem] = []
        var row = firstRow
        while let outcome = parser.nextRecord() {
            switch outcome {
            case .blank:
                row += 1
            case .record(let fields, let line):
                records.append(DelimitedRecord(fields: fields, line: line, row: row))
                row += 1
            case .malformed(let message, let line):
                problems.append(RowProblem(row: row, line: line, message: message))
                row += 1
            }
        }
        return (records, problems)
    }

    private enum Outcome {
        case blank
        case record([String], line: Int)
        case malformed(String, line: Int)
    }

    private struct Parser {
        let chars: [Character]
        let separator: Character
        var index = 0
        var line: Int

        init(chars: [Character], separator: Character, line: Int) {
            self.chars = chars
            self.separator = separator
            self.line = line
        }

        mutating func nextRecord() -> Outcome? {
            guard index < chars.count else { return nil }
            let startIndex = index
            let startLine = line
            if chars[index].isNewline {
                index += 1
                line += 1
                return .blank
            }
            var fields: [String] = []
            var field = ""
            var quoted = false
            var afterClosingQuote = false
            while index < chars.count {
                let c = chars[index]
                if quoted {
                    if c == "\"" {
                        if index + 1 < chars.count, chars[index + 1] == "\"" {
                            field.append("\"")
                            index += 2
                            continue
                        }
                        quoted = false
                        afterClosingQuote = true
                    } else {
                        if c.isNewline { line += 1 }
                        field.append(c)
                    }
                    index += 1
                    continue
                }
                if c == separator {
                    fields.append(field)
                    field = ""
                    afterClosingQuote = false
                } else if c.isNewline {
                    index += 1
                    line += 1
                    fields.append(field)
                    return .record(fields, line: startLine)
                } else if afterClosingQuote {
                    skipLine()
                    return .malformed("text after a closing quote in field \(fields.count + 1)", line: startLine)
                } else if c == "\"" && field.isEmpty {
                    quoted = true
                } else {
                    field.append(c)
                }
                index += 1
            }
            if quoted {
                // The quote was never closed: give up on this record only, resume on its next line.
                index = startIndex
                line = startLine
                skipLine()
                return .malformed("a quoted field (field \(fields.count + 1)) is never closed", line: startLine)
            }
            fields.append(field)
            return .record(fields, line: startLine)
        }

        mutating func skipLine() {
            while index < chars.count, !chars[index].isNewline { index += 1 }
            if index < chars.count {
                index += 1
                line += 1
            }
        }
    }
}
