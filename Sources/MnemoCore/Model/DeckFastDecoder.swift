import Foundation

/// A hand-written reader for deck JSON in the shape `Deck`'s `Codable` conformance accepts, for
/// start-up speed: Foundation's `JSONDecoder` takes a few hundred milliseconds on a 10,000-card deck
/// on Linux, this a small fraction of it. It only ever accepts what the `Codable` path accepts and
/// gives the same `Deck`; anything unusual (a duplicate key, a fraction where a whole number goes,
/// a wrong type, an unknown card kind, invalid JSON) makes it give up (nil), and the caller decodes
/// with `JSONDecoder`, which produces the error messages. Unknown keys are skipped, as there.
struct DeckFastDecoder {
    private let s: UnsafeRawBufferPointer
    private var i = 0

    private init(_ s: UnsafeRawBufferPointer) { self.s = s }

    /// The deck in `bytes` (UTF-8, already checked valid), or nil to fall back.
    static func decode(_ bytes: Data) -> Deck? {
        bytes.withUnsafeBytes { raw -> Deck? in
            var reader = DeckFastDecoder(raw)
            guard let deck = reader.deck() else { return nil }
            reader.skipSpace()
            return reader.i == raw.count ? deck : nil
        }
    }

    // MARK: The deck's types

    private mutating func deck() -> Deck? {
        var formatVersion: Int?
        var id: String?
        var title: String?
        var languages: [String]?
        var sources: [SourceInfo]?
        var cards: [Card]?
        let ok = object { key, r in
            switch key {
            case "formatVersion":
                guard formatVersion == nil, let v = r.int() else { return false }
                // A newer version is refused by the Codable path with its own error.
                guard v <= Deck.currentFormatVersion else { return false }
                formatVersion = v
            case "id": guard id == nil, let v = r.string() else { return false }; id = v
            case "title": guard title == nil, let v = r.string() else { return false }; title = v
            case "languages": guard languages == nil, let v = r.optionalStrings() else { return false }; languages = v
            case "sources":
                guard sources == nil, let v = r.optionalArray({ $0.sourceInfo() }) else { return false }
                sources = v
            case "cards": guard cards == nil, let v = r.array({ $0.card() }) else { return false }; cards = v
            default: return r.skipValue()
            }
            return true
        }
        guard ok, let formatVersion, let id, let title, let cards else { return nil }
        return Deck(
            formatVersion: formatVersion, id: id, title: title, languages: languages ?? [], sources: sources ?? [],
            cards: cards)
    }

    private mutating func sourceInfo() -> SourceInfo? {
        var file: String?
        var sha: String?
        var title: String??
        var language: String??
        let ok = object { key, r in
            switch key {
            case "file": guard file == nil, let v = r.string() else { return false }; file = v
            case "sha256": guard sha == nil, let v = r.string() else { return false }; sha = v
            case "title": guard title == nil, let v = r.optionalString() else { return false }; title = v
            case "language": guard language == nil, let v = r.optionalString() else { return false }; language = v
            default: return r.skipValue()
            }
            return true
        }
        guard ok, let file, let sha else { return nil }
        return SourceInfo(file: file, title: (title ?? nil) ?? file, sha256: sha, language: (language ?? nil) ?? "en")
    }

    private mutating func card() -> Card? {
        var id: String?
        var kind: CardKind?
        var prompt: String?
        var answer: String?
        var accepted: [String]?
        var choices: [String]?
        var answerType: AnswerType??
        var language: String??
        var evidence: [Provenance]?
        var tags: [String]?
        var conflict: Conflict??
        var fact: String??
        let ok = object { key, r in
            switch key {
            case "id": guard id == nil, let v = r.string() else { return false }; id = v
            case "kind":
                guard kind == nil, let v = r.string(), let k = CardKind(rawValue: v) else { return false }
                kind = k
            case "prompt": guard prompt == nil, let v = r.string() else { return false }; prompt = v
            case "answer": guard answer == nil, let v = r.string() else { return false }; answer = v
            case "accepted": guard accepted == nil, let v = r.optionalStrings() else { return false }; accepted = v
            case "choices": guard choices == nil, let v = r.optionalStrings() else { return false }; choices = v
            case "answerType":
                guard answerType == nil, let v = r.optionalString() else { return false }
                if let v {
                    guard let t = AnswerType(rawValue: v) else { return false }
                    answerType = .some(t)
                } else {
                    answerType = .some(nil)
                }
            case "language": guard language == nil, let v = r.optionalString() else { return false }; language = v
            case "evidence":
                guard evidence == nil, let v = r.optionalArray({ $0.provenance() }) else { return false }
                evidence = v
            case "tags": guard tags == nil, let v = r.optionalStrings() else { return false }; tags = v
            case "conflict":
                guard conflict == nil else { return false }
                if r.null() {
                    conflict = .some(nil)
                } else {
                    guard let v = r.conflict() else { return false }
                    conflict = .some(v)
                }
            case "fact": guard fact == nil, let v = r.optionalString() else { return false }; fact = v
            default: return r.skipValue()
            }
            return true
        }
        guard ok, let id, let kind, let prompt, let answer else { return nil }
        return Card(
            id: CardID(id), kind: kind, prompt: prompt, answer: answer, accepted: accepted ?? [],
            choices: choices ?? [],
            answerType: (answerType ?? nil) ?? .text, language: (language ?? nil) ?? "en", evidence: evidence ?? [],
            tags: tags ?? [], conflict: conflict ?? nil, fact: fact ?? nil)
    }

    private mutating func provenance() -> Provenance? {
        var source: String?
        var line: Int?
        var start: Int?
        var end: Int?
        var quote: String?
        let ok = object { key, r in
            switch key {
            case "source": guard source == nil, let v = r.string() else { return false }; source = v
            case "line": guard line == nil, let v = r.int() else { return false }; line = v
            case "start": guard start == nil, let v = r.int() else { return false }; start = v
            case "end": guard end == nil, let v = r.int() else { return false }; end = v
            case "quote": guard quote == nil, let v = r.string() else { return false }; quote = v
            default: return r.skipValue()
            }
            return true
        }
        guard ok, let source, let line, let start, let end, let quote else { return nil }
        return Provenance(source: source, line: line, start: start, end: end, quote: quote)
    }

    private mutating func conflict() -> Conflict? {
        var readings: [ConflictReading]?
        var note: String??
        let ok = object { key, r in
            switch key {
            case "readings":
                guard readings == nil, let v = r.array({ $0.reading() }) else { return false }; readings = v
            case "note": guard note == nil, let v = r.optionalString() else { return false }; note = v
            default: return r.skipValue()
            }
            return true
        }
        guard ok, let readings else { return nil }
        return Conflict(readings: readings, note: note ?? nil)
    }

    private mutating func reading() -> ConflictReading? {
        var value: String?
        var evidence: Provenance?
        let ok = object { key, r in
            switch key {
            case "value": guard value == nil, let v = r.string() else { return false }; value = v
            case "evidence": guard evidence == nil, let v = r.provenance() else { return false }; evidence = v
            default: return r.skipValue()
            }
            return true
        }
        guard ok, let value, let evidence else { return nil }
        return ConflictReading(value: value, evidence: evidence)
    }

    // MARK: JSON

    private mutating func skipSpace() {
        while i < s.count, s[i] == 0x20 || s[i] == 0x0A || s[i] == 0x0D || s[i] == 0x09 { i += 1 }
    }

    private mutating func take(_ c: UInt8) -> Bool {
        skipSpace()
        guard i < s.count, s[i] == c else { return false }
        i += 1
        return true
    }

    /// An object: `body` reads each member's value (the key is given); false anywhere gives up.
    private mutating func object(_ body: (String, inout DeckFastDecoder) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            guard let key = string(), take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard body(key, &self) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    private mutating func array<T>(_ element: (inout DeckFastDecoder) -> T?) -> [T]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var out: [T] = []
        if take(UInt8(ascii: "]")) { return out }
        while true {
            skipSpace()
            guard let value = element(&self) else { return nil }
            out.append(value)
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? out : nil
        }
    }

    /// An array or null (nil for null); `nil` as a whole means give up.
    private mutating func optionalArray<T>(_ element: (inout DeckFastDecoder) -> T?) -> [T]?? {
        if null() { return .some(nil) }
        guard let a = array(element) else { return nil }
        return .some(a)
    }

    private mutating func optionalStrings() -> [String]?? { optionalArray { $0.string() } }

    private mutating func null() -> Bool {
        skipSpace()
        guard s.count - i >= 4, s[i] == UInt8(ascii: "n"), s[i + 1] == UInt8(ascii: "u"), s[i + 2] == UInt8(ascii: "l"),
            s[i + 3] == UInt8(ascii: "l")
        else { return false }
        i += 4
        return true
    }

    private mutating func optionalString() -> String?? {
        if null() { return .some(nil) }
        guard let v = string() else { return nil }
        return .some(v)
    }

    /// A whole number written as digits (no fraction or exponent), within `Int`.
    private mutating func int() -> Int? {
        skipSpace()
        var negative = false
        if i < s.count, s[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let start = i
        var value = 0
        while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(s[i] - 0x30))
            guard !o1, !o2 else { return nil }
            value = a
            i += 1
        }
        let digits = i - start
        guard digits > 0, !(digits > 1 && s[start] == 0x30) else { return nil }
        if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            return nil
        }
        return negative ? -value : value
    }

    private mutating func string() -> String? {
        skipSpace()
        guard i < s.count, s[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: s[start..<i]), as: UTF8.self)
                i += 1
                return text
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { return nil }
            i += 1
        }
        // Escapes: decode byte by byte from the start.
        var bytes = Array(UnsafeRawBufferPointer(rebasing: s[start..<i]))
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if c < 0x20 { return nil }
            if c != UInt8(ascii: "\\") {
                bytes.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < s.count else { return nil }
            let e = s[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                guard var unit = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(unit) {
                    guard s.count - i >= 6, s[i] == UInt8(ascii: "\\"), s[i + 1] == UInt8(ascii: "u") else {
                        return nil
                    }
                    i += 2
                    guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(unit) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(unit) else { return nil }
                bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard s.count - i >= 4 else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = s[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    /// Skips any JSON value, checking it is valid.
    private mutating func skipValue(depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        skipSpace()
        guard i < s.count else { return false }
        switch s[i] {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"): return object { _, r in r.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            return array { (r: inout DeckFastDecoder) -> Bool? in r.skipValue(depth: depth + 1) ? true : nil } != nil
        case UInt8(ascii: "n"): return null()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard s.count - i >= n else { return false }
        let ok = word.withUTF8Buffer { w in (0..<n).allSatisfy { s[i + $0] == w[$0] } }
        if ok { i += n }
        return ok
    }

    /// Any JSON number (for skipped values).
    private mutating func number() -> Bool {
        if i < s.count, s[i] == UInt8(ascii: "-") { i += 1 }
        let start = i
        while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
        guard i > start, !(i - start > 1 && s[start] == 0x30) else { return false }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
            guard i > f else { return false }
        }
        if i < s.count, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
            guard i > e else { return false }
        }
        return true
    }
}
