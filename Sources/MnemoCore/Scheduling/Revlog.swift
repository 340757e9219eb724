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
        try parse(try text(path: path), path: path)
    }

    /// Reads a CSV file with each entry's line number.
    public static func readWithLines(path: String) throws(RevlogError) -> (entries: [RevlogEntry], lines: [Int]) {
        try parseWithLines(try text(path: path), path: path)
    }

    static func text(path: String) throws(RevlogError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a folder") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path: path) }
        return text
    }

    /// Parses CSV text; `path` only names the file in errors.
    public static func parse(_ text: String, path: String = "revlog") throws(RevlogError) -> [RevlogEntry] {
        var lines: [Int]? = nil
        return try parse(text, path: path, lines: &lines)
    }

    /// As `parse`, also giving each entry's line number in the file (the header is line 1).
    public static func parseWithLines(_ text: String, path: String = "revlog") throws(RevlogError) -> (
        entries: [RevlogEntry], lines: [Int]
    ) {
        var lines: [Int]? = []
        let entries = try parse(text, path: path, lines: &lines)
        return (entries, lines ?? [])
    }

    static func parse(_ text: String, path: String, lines: inout [Int]?) throws(RevlogError) -> [RevlogEntry] {
        var text = text
        var collected = lines
        let result = text.withUTF8 { bytes in
            Result { () throws(RevlogError) in try parse(bytes: bytes, path: path, lines: &collected) }
        }
        lines = collected
        return try result.get()
    }

    /// Line by line over UTF-8 bytes ("\n" or "\r\n" endings); quoted fields are allowed.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, path: String) throws(RevlogError) -> [RevlogEntry] {
        var lines: [Int]? = nil
        return try parse(bytes: bytes, path: path, lines: &lines)
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, path: String, lines: inout [Int]?) throws(RevlogError)
        -> [RevlogEntry]
    {
        var lineStart = 0
        var lineNumber = 0
        var index: [Int] = []
        var fieldCount = 0
        var entries: [RevlogEntry] = []
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
            let next = lineEnd + 1
            if lineEnd > lineStart && bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
            lineNumber += 1
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            let line = Substring(decoding: lineBytes, as: UTF8.self)
            lineStart = next
            if lineNumber == 1 {
                let header = fields(line).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty(path: path) }
                let missing = columns.filter { !header.contains($0) }
                guard missing.isEmpty else { throw .missingColumns(path: path, missing: missing, found: header) }
                index = columns.map { name in header.firstIndex(of: name) ?? 0 }
                fieldCount = header.count
                entries.reserveCapacity(bytes.count / 32)
                continue
            }
            if line.isEmpty { continue }
            let f = lineBytes.contains(UInt8(ascii: "\"")) ? fields(line) : plainFields(lineBytes)
            guard f.count == fieldCount else {
                throw .wrongFieldCount(path: path, line: lineNumber, expected: fieldCount, found: f.count)
            }
            func number(_ column: Int) throws(RevlogError) -> Int64 {
                let raw = f[index[column]]
                if let n = Int64(raw) { return n }
                let value = raw.trimmingCharacters(in: .whitespaces)
                guard let n = Int64(value) else {
                    throw .badNumber(path: path, line: lineNumber, column: columns[column], value: value)
                }
                return n
            }
            let rawID = f[index[0]]
            let cardID = rawID.first == " " || rawID.last == " " ? rawID.trimmingCharacters(in: .whitespaces) : rawID
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
            entries.append(
                RevlogEntry(cardID: cardID, timeMs: time, rating: rating, state: Int(state), durationMs: duration))
            lines?.append(lineNumber)
        }
        guard lineNumber > 0 else { throw .empty(path: path) }
        return entries
    }

    /// Fields of a line without quotes, split on commas at the byte level (the common, fast case).
    static func plainFields(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var result: [String] = []
        result.reserveCapacity(5)
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ",") {
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            start = i + 1
        }
        return result
    }

    /// Splits one CSV line on commas; double-quoted fields may hold commas ("" is a quote).
    static func fields(_ line: Substring) -> [String] {
        guard line.utf8.contains(UInt8(ascii: "\"")) else {
            return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
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
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
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
            let id =
                e.cardID.contains(",") || e.cardID.contains("\"")
                ? "\"" + e.cardID.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : e.cardID
            out += "\(id),\(e.timeMs),\(e.rating.rawValue),\(e.state),\(e.durationMs)\n"
        }
        return out
    }
}

extension Revlog {
    /// The reviews in a progress log that still count, as revlog entries: `review` events with a
    /// rating, minus those taken back by an `undo`. The `state` column is left at 2 (Review) and
    /// is not used by the optimizer.
    public static func entries(from events: [ReviewEvent]) -> [RevlogEntry] {
        let undone = Set(events.lazy.filter { $0.kind == .undo }.compactMap(\.undoes))
        return events.compactMap { event in
            guard event.kind == .review, event.countsForSchedule, let rating = event.rating, !undone.contains(event.id)
            else { return nil }
            let ms = Int64((event.time.timeIntervalSince1970 * 1000).rounded())
            return RevlogEntry(
                cardID: event.card.rawValue, timeMs: ms, rating: rating, state: 2,
                durationMs: Int64(event.durationMs ?? 0))
        }
    }
}
