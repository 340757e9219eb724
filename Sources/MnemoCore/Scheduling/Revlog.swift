import Foundation

/// One review in the revlog CSV format fsrs-rs and the FSRS optimizers read.
public struct RevlogEntry: Hashable, Sendable {
    public var cardID: String
    /// Unix milliseconds, UTC.
    public var timeMs: Int64
    public var rating: Rating
    /// 0 New, 1 Learning, 2 Review, 3 Relearning (Anki's numbering).
    public var state: Int
    /// Milliseconds spent, if known.
    public var durationMs: Int64

    public init(cardID: String, timeMs: Int64, rating: Rating, state: Int = 2, durationMs: Int64 = 0) {
        self.cardID = cardID
        self.timeMs = timeMs
        self.rating = rating
        self.state = state
        self.durationMs = durationMs
    }
}

/// Reading and writing review logs as CSV:
/// `card_id,review_time,review_rating,review_state,review_duration` (header required, columns in any order).
public enum Revlog {
    public static let columns = ["card_id", "review_time", "review_rating", "review_state", "review_duration"]

    public static func read(path: String) throws(RevlogError) -> [RevlogEntry] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path: path) }
        return try parse(text, path: path)
    }

    /// Parses CSV text; `path` only names the file in errors.
    public static func parse(_ text: String, path: String = "revlog") throws(RevlogError) -> [RevlogEntry] {
        // "\r\n" is one Character in Swift, so split on both forms.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let headerLine = lines.first, !headerLine.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .empty(path: path)
        }
        let header = fields(headerLine).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !header.contains($0) }
        guard missing.isEmpty else { throw .missingColumns(path: path, missing: missing, found: header) }
        let index = columns.map { name in header.firstIndex(of: name) ?? 0 }
        var entries: [RevlogEntry] = []
        entries.reserveCapacity(lines.count)
        for (offset, rawLine) in lines.enumerated().dropFirst() {
            let lineNumber = offset + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            let f = fields(line)
            guard f.count == header.count else {
                throw .wrongFieldCount(path: path, line: lineNumber, expected: header.count, found: f.count)
            }
            func number(_ column: Int) throws(RevlogError) -> Int64 {
                let value = f[index[column]].trimmingCharacters(in: .whitespaces)
                guard let n = Int64(value) else {
                    throw .badNumber(path: path, line: lineNumber, column: columns[column], value: value)
                }
                return n
            }
            let cardID = f[index[0]].trimmingCharacters(in: .whitespaces)
            let time = try number(1)
            let ratingValue = try number(2)
            guard let rating = Rating(rawValue: Int(clamping: ratingValue)) else {
                throw .ratingOutOfRange(path: path, line: lineNumber, value: Int(clamping: ratingValue))
            }
            let state = try number(3)
            guard (0...3).contains(state) else {
                throw .stateOutOfRange(path: path, line: lineNumber, value: Int(clamping: state))
            }
            let duration = try number(4)
            entries.append(RevlogEntry(cardID: cardID, timeMs: time, rating: rating, state: Int(state), durationMs: duration))
        }
        return entries
    }

    /// Splits one CSV line on commas; double-quoted fields may hold commas ("" is a quote).
    static func fields(_ line: Substring) -> [String] {
        guard line.contains("\"") else { return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var result: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = iterator.next() {
                        if n == "\"" { current.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                result.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        result.append(current)
        return result
    }

    /// CSV text for `entries`, header first.
    public static func csv(_ entries: [RevlogEntry]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for e in entries {
            let id = e.cardID.contains(",") || e.cardID.contains("\"")
                ? "\"" + e.cardID.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : e.cardID
            out += "\(id),\(e.timeMs),\(e.rating.rawValue),\(e.state),\(e.durationMs)\n"
        }
        return out
    }
}
