import Foundation

/// Reads and writes one review-log line (docs/progress-format.md). Hand-written: `JSONDecoder` takes
/// seconds on a 200,000-line log, this takes a few tens of milliseconds. Lines are JSON objects with
/// sorted keys; readers ignore keys they do not know.
enum EventLineCodec {
    /// The largest `v` this reader knows; a line with a larger `v` is refused. Ordinary lines are
    /// written with `v` 1 (as before cram existed); cram practice lines with `v` 2, so an older Mnemo
    /// refuses them rather than applying practice to the schedule.
    static let version = 2

    enum Failure: Error, Equatable {
        /// Not an event: the message says why (shown after "line N: ").
        case malformed(String)
        /// A valid line written by a newer format.
        case newer(Int)
    }

    // MARK: Encoding

    /// The line for `event`, without the newline.
    static func encode(_ event: ReviewEvent) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + (event.answer?.utf8.count ?? 0))
        out.append(UInt8(ascii: "{"))
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        if let answer = event.answer {
            key("answer")
            appendString(answer, to: &out)
        }
        key("card")
        appendString(event.card.rawValue, to: &out)
        if event.cram == true {
            key("cram")
            out.append(contentsOf: "true".utf8)
        }
        key("deck")
        appendString(event.deck, to: &out)
        if let duration = event.durationMs {
            key("durationMs")
            out.append(contentsOf: String(duration).utf8)
        }
        key("id")
        appendString(event.id, to: &out)
        key("kind")
        appendString(event.kind.rawValue, to: &out)
        if let rating = event.rating {
            key("rating")
            out.append(contentsOf: String(rating.rawValue).utf8)
        }
        key("time")
        appendDate(event.time, to: &out)
        if let undoes = event.undoes {
            key("undoes")
            appendString(undoes, to: &out)
        }
        if let until = event.until {
            key("until")
            appendDate(until, to: &out)
        }
        key("v")
        out.append(contentsOf: String(event.cram == true ? 2 : 1).utf8)
        if let verdict = event.verdict {
            key("verdict")
            appendString(verdict.rawValue, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    private static func appendDate(_ date: Date, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        LogTime.append(date, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// A JSON string literal.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30])
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: Decoding

    /// Strings that recur on every line, shared instead of allocated per line.
    static let kindNames = ReviewEvent.Kind.allCases.map(\.rawValue)
    static let verdictNames = Verdict.allCases.map(\.rawValue)

    /// The event on one line (without its newline).
    static func decode(_ line: UnsafeRawBufferPointer) throws(Failure) -> ReviewEvent {
        var scanner = JSONLineScanner(line)
        var id: String?
        var kindText: String?
        var card: String?
        var deck: String?
        var time: Date?
        var rating: Int?
        var answer: String?
        var verdictText: String?
        var duration: Int?
        var undoes: String?
        var until: Date?
        var cram: Bool?
        var lineVersion = 1

        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")) else { throw .malformed("not a JSON object") }
        scanner.skipSpace()
        if !scanner.take(UInt8(ascii: "}")) {
            while true {
                scanner.skipSpace()
                guard let key = scanner.key() else {
                    throw .malformed("not JSON (expected a key at byte \(scanner.i + 1))")
                }
                scanner.skipSpace()
                guard scanner.take(UInt8(ascii: ":")) else {
                    throw .malformed("not JSON (expected ':' at byte \(scanner.i + 1))")
                }
                scanner.skipSpace()
                switch key {
                case .id: id = try scanner.requiredString("id")
                case .kind: kindText = try scanner.requiredString("kind", known: kindNames)
                case .card: card = try scanner.requiredString("card")
                case .deck: deck = try scanner.requiredString("deck")
                case .time: time = try scanner.date("time")
                case .rating: rating = try scanner.optionalInt("rating")
                case .answer: answer = try scanner.optionalString("answer")
                case .verdict:
                    verdictText = try scanner.takeNull() ? nil : scanner.requiredString("verdict", known: verdictNames)
                case .durationMs: duration = try scanner.optionalInt("durationMs")
                case .undoes: undoes = try scanner.optionalString("undoes")
                case .until: until = try scanner.optionalDate("until")
                case .cram: cram = try scanner.optionalBool("cram")
                case .v: lineVersion = try scanner.optionalInt("v") ?? 1
                case .other:
                    guard scanner.skipValue() else { throw .malformed("not JSON (bad value at byte \(scanner.i + 1))") }
                }
                scanner.skipSpace()
                if scanner.take(UInt8(ascii: ",")) { continue }
                if scanner.take(UInt8(ascii: "}")) { break }
                throw .malformed("not JSON (expected ',' or '}' at byte \(scanner.i + 1))")
            }
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw .malformed("not JSON (text after the object at byte \(scanner.i + 1))") }
        if lineVersion > version { throw .newer(lineVersion) }

        guard let id, !id.isEmpty else { throw .malformed("event without an id") }
        guard let kindText else { throw .malformed("event \(id) has no kind") }
        guard let kind = ReviewEvent.Kind(rawValue: kindText) else {
            throw .malformed("event \(id) has unknown kind '\(kindText)'")
        }
        guard let card, !card.isEmpty else { throw .malformed("event \(id) has no card") }
        guard let time else { throw .malformed("event \(id) has no time") }
        var ratingValue: Rating?
        if let rating {
            guard let r = Rating(rawValue: rating) else {
                throw .malformed("event \(id) has rating \(rating), not 1-4")
            }
            ratingValue = r
        }
        var verdict: Verdict?
        if let verdictText {
            guard let v = Verdict(rawValue: verdictText) else {
                throw .malformed("event \(id) has unknown verdict '\(verdictText)'")
            }
            verdict = v
        }
        let event = ReviewEvent(
            id: id, kind: kind, card: CardID(card), deck: deck ?? "", time: time, rating: ratingValue, answer: answer,
            verdict: verdict, durationMs: duration, undoes: undoes, until: until, cram: cram)
        if let problem = ReviewEvent.problem(with: event) { throw .malformed(problem) }
        return event
    }
}

extension ReviewEvent {
    /// Why `event` cannot be replayed (a review without a rating, an undo naming nothing), or nil.
    static func problem(with event: ReviewEvent) -> String? {
        if event.id.isEmpty { return "event without an id" }
        if event.card.rawValue.isEmpty { return "event \(event.id) has no card" }
        switch event.kind {
        case .review where event.rating == nil: return "review \(event.id) has no rating"
        case .undo where (event.undoes ?? "").isEmpty: return "undo \(event.id) names no event (undoes)"
        case .bury where event.until == nil: return "bury \(event.id) has no until"
        default: return nil
        }
    }
}

/// A minimal JSON reader over one line, enough for flat objects (nested values are skipped).
struct JSONLineScanner {
    enum Key { case id, kind, card, cram, deck, time, rating, answer, verdict, durationMs, undoes, until, v, other }

    let s: UnsafeRawBufferPointer
    var i = 0

    init(_ s: UnsafeRawBufferPointer) { self.s = s }

    var atEnd: Bool { i >= s.count }

    mutating func skipSpace() {
        while i < s.count, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0D || s[i] == 0x0A { i += 1 }
    }

    mutating func take(_ c: UInt8) -> Bool {
        guard i < s.count, s[i] == c else { return false }
        i += 1
        return true
    }

    private func matches(_ start: Int, _ end: Int, _ name: StaticString) -> Bool {
        guard end - start == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { buf in
            for k in 0..<buf.count where s[start + k] != buf[k] { return false }
            return true
        }
    }

    /// A key, recognised without allocating.
    mutating func key() -> Key? {
        guard i < s.count, s[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var j = start
        var escaped = false
        while j < s.count, s[j] != UInt8(ascii: "\"") {
            if s[j] == UInt8(ascii: "\\") {
                escaped = true
                j += 1
            }
            j += 1
        }
        guard j < s.count else { return nil }
        i = j + 1
        if escaped { return .other }
        switch j - start {
        case 1: return matches(start, j, "v") ? .v : .other
        case 2: return matches(start, j, "id") ? .id : .other
        case 4:
            if matches(start, j, "kind") { return .kind }
            if matches(start, j, "card") { return .card }
            if matches(start, j, "cram") { return .cram }
            if matches(start, j, "deck") { return .deck }
            if matches(start, j, "time") { return .time }
            return .other
        case 5: return matches(start, j, "until") ? .until : .other
        case 6:
            if matches(start, j, "rating") { return .rating }
            if matches(start, j, "answer") { return .answer }
            if matches(start, j, "undoes") { return .undoes }
            return .other
        case 7: return matches(start, j, "verdict") ? .verdict : .other
        case 10: return matches(start, j, "durationMs") ? .durationMs : .other
        default: return .other
        }
    }

    mutating func takeNull() -> Bool {
        guard i + 4 <= s.count, s[i] == UInt8(ascii: "n"), s[i + 1] == UInt8(ascii: "u"), s[i + 2] == UInt8(ascii: "l"),
            s[i + 3] == UInt8(ascii: "l")
        else { return false }
        i += 4
        return true
    }

    mutating func requiredString(_ name: String) throws(EventLineCodec.Failure) -> String {
        guard let value = string() else { throw .malformed("field '\(name)' is not a string") }
        return value
    }

    /// A string that is usually one of `known` (returned without allocating), else any string.
    mutating func requiredString(_ name: String, known: [String]) throws(EventLineCodec.Failure) -> String {
        if i < s.count, s[i] == UInt8(ascii: "\"") {
            for candidate in known {
                let n = candidate.utf8.count
                let end = i + 1 + n
                guard end < s.count, s[end] == UInt8(ascii: "\"") else { continue }
                var same = true
                var k = i + 1
                for byte in candidate.utf8 {
                    if s[k] != byte {
                        same = false
                        break
                    }
                    k += 1
                }
                if same {
                    i = end + 1
                    return candidate
                }
            }
        }
        return try requiredString(name)
    }

    mutating func optionalString(_ name: String) throws(EventLineCodec.Failure) -> String? {
        if takeNull() { return nil }
        return try requiredString(name)
    }

    mutating func date(_ name: String) throws(EventLineCodec.Failure) -> Date {
        let start = i
        // Fast path: the quoted text has no escapes; parse it in place.
        if i < s.count, s[i] == UInt8(ascii: "\"") {
            var j = i + 1
            while j < s.count, s[j] != UInt8(ascii: "\""), s[j] != UInt8(ascii: "\\") { j += 1 }
            if j < s.count, s[j] == UInt8(ascii: "\""),
                let date = LogTime.parse(UnsafeRawBufferPointer(rebasing: s[(i + 1)..<j]))
            {
                i = j + 1
                return date
            }
        }
        guard let text = string() else { throw .malformed("field '\(name)' is not a string") }
        guard let date = LogTime.parse(text) else {
            i = start
            throw .malformed("field '\(name)' is not an ISO-8601 time: '\(text)'")
        }
        return date
    }

    mutating func optionalDate(_ name: String) throws(EventLineCodec.Failure) -> Date? {
        if takeNull() { return nil }
        return try date(name)
    }

    mutating func optionalBool(_ name: String) throws(EventLineCodec.Failure) -> Bool? {
        if takeNull() { return nil }
        if s.count - i >= 4, s[i] == UInt8(ascii: "t"), s[i + 1] == UInt8(ascii: "r"), s[i + 2] == UInt8(ascii: "u"),
            s[i + 3] == UInt8(ascii: "e")
        {
            i += 4
            return true
        }
        if s.count - i >= 5, s[i] == UInt8(ascii: "f"), s[i + 1] == UInt8(ascii: "a"), s[i + 2] == UInt8(ascii: "l"),
            s[i + 3] == UInt8(ascii: "s"), s[i + 4] == UInt8(ascii: "e")
        {
            i += 5
            return false
        }
        throw .malformed("field '\(name)' is not true or false")
    }

    mutating func optionalInt(_ name: String) throws(EventLineCodec.Failure) -> Int? {
        if takeNull() { return nil }
        var negative = false
        if i < s.count, s[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var value = 0
        var digits = 0
        while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(s[i] - 0x30))
            guard !o1, !o2 else { throw .malformed("field '\(name)' is too large") }
            value = a
            digits += 1
            i += 1
        }
        guard digits > 0 else { throw .malformed("field '\(name)' is not a whole number") }
        if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            throw .malformed("field '\(name)' is not a whole number")
        }
        return negative ? -value : value
    }

    /// A string value with escapes resolved; nil if not a valid JSON string of valid UTF-8.
    mutating func string() -> String? {
        guard i < s.count, s[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var j = start
        var ascii = true
        while j < s.count, s[j] != UInt8(ascii: "\""), s[j] != UInt8(ascii: "\\"), s[j] >= 0x20 {
            if s[j] >= 0x80 { ascii = false }
            j += 1
        }
        guard j < s.count else { return nil }
        if s[j] == UInt8(ascii: "\"") {
            i = j + 1
            let raw = UnsafeRawBufferPointer(rebasing: s[start..<j])
            if ascii {
                return String(unsafeUninitializedCapacity: raw.count) { out in
                    UnsafeMutableRawBufferPointer(out).copyMemory(from: raw)
                    return raw.count
                }
            }
            return String(validating: raw, as: UTF8.self)
        }
        // Slow path: escapes.
        var bytes = Array(s[start..<j])
        while j < s.count {
            let c = s[j]
            if c == UInt8(ascii: "\"") {
                i = j + 1
                return String(validating: bytes, as: UTF8.self)
            }
            if c < 0x20 { return nil }
            if c != UInt8(ascii: "\\") {
                bytes.append(c)
                j += 1
                continue
            }
            j += 1
            guard j < s.count else { return nil }
            switch s[j] {
            case UInt8(ascii: "\""): bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C)
            case UInt8(ascii: "/"): bytes.append(0x2F)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(at: j + 1) else { return nil }
                j += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard j + 2 < s.count, s[j + 1] == UInt8(ascii: "\\"), s[j + 2] == UInt8(ascii: "u"),
                        let low = hex4(at: j + 3), (0xDC00..<0xE000).contains(low)
                    else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                bytes.append(contentsOf: Array(String(Character(u)).utf8))
            default: return nil
            }
            j += 1
        }
        return nil
    }

    private func hex4(at k: Int) -> UInt32? {
        guard k + 4 <= s.count else { return nil }
        var v: UInt32 = 0
        for p in k..<(k + 4) {
            let c = s[p]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// Skips any JSON value (for keys this version does not know).
    mutating func skipValue() -> Bool {
        guard i < s.count else { return false }
        switch s[i] {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = s[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            i += 1
            skipSpace()
            if take(close) { return true }
            while true {
                skipSpace()
                if close == UInt8(ascii: "}") {
                    guard string() != nil else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                }
                guard skipValue() else { return false }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                return take(close)
            }
        case UInt8(ascii: "t"): return word("true")
        case UInt8(ascii: "f"): return word("false")
        case UInt8(ascii: "n"): return takeNull()
        default:
            let start = i
            while i < s.count, let c = Optional(s[i]),
                (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                    || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
            {
                i += 1
            }
            return i > start
        }
    }

    mutating func takeWord(_ w: StaticString) -> Bool { word(w) }

    private mutating func word(_ w: StaticString) -> Bool {
        let n = w.utf8CodeUnitCount
        guard i + n <= s.count, matches(i, i + n, w) else { return false }
        i += n
        return true
    }
}
