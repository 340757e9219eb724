/// A hand-written writer of deck JSON, byte for byte what `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indents, `" : "` between a
/// key and its value, keys in byte order, an empty list as `[` and `]` on lines of their own with an
/// empty line between, optional fields left out when nil, `/` and every character from U+0020 on
/// written as it is). `JSONEncoder` builds a tree of boxed values first and took a tenth of
/// `mnemo build`'s time on a 10 MB corpus (a 2,000-card deck of 5 MB); this writes the bytes
/// directly. The tests compare the two on decks with every field, empty lists and nils, and every
/// kind of character; a field added to a deck type must be added here too, or they fail.
struct DeckJSONWriter {
    private(set) var out: [UInt8] = []
    private var depth = 0

    /// The deck's JSON, without the final newline `Deck.encoded()` adds.
    static func bytes(of deck: Deck) -> [UInt8] {
        var w = DeckJSONWriter()
        w.out.reserveCapacity(4096 + deck.cards.count * 2048)
        w.deck(deck)
        return w.out
    }

    // MARK: The deck's types, keys in byte order

    private mutating func deck(_ d: Deck) {
        object {
            $0.key("cards", first: true)
            $0.array(d.cards) { $0.card($1) }
            $0.key("formatVersion")
            $0.int(d.formatVersion)
            $0.key("id")
            $0.string(d.id)
            $0.key("languages")
            $0.array(d.languages) { $0.string($1) }
            $0.key("sources")
            $0.array(d.sources) { $0.source($1) }
            $0.key("title")
            $0.string(d.title)
        }
    }

    private mutating func source(_ s: SourceInfo) {
        object {
            $0.key("file", first: true)
            $0.string(s.file)
            $0.key("language")
            $0.string(s.language)
            $0.key("sha256")
            $0.string(s.sha256)
            $0.key("title")
            $0.string(s.title)
        }
    }

    private mutating func card(_ c: Card) {
        object {
            $0.key("accepted", first: true)
            $0.array(c.accepted) { $0.string($1) }
            $0.key("answer")
            $0.string(c.answer)
            $0.key("answerType")
            $0.string(c.answerType.rawValue)
            $0.key("choices")
            $0.array(c.choices) { $0.string($1) }
            if let conflict = c.conflict {
                $0.key("conflict")
                $0.conflict(conflict)
            }
            $0.key("evidence")
            $0.array(c.evidence) { $0.provenance($1) }
            if let fact = c.fact {
                $0.key("fact")
                $0.string(fact)
            }
            $0.key("id")
            $0.string(c.id.rawValue)
            $0.key("kind")
            $0.string(c.kind.rawValue)
            $0.key("language")
            $0.string(c.language)
            $0.key("prompt")
            $0.string(c.prompt)
            $0.key("tags")
            $0.array(c.tags) { $0.string($1) }
        }
    }

    private mutating func conflict(_ c: Conflict) {
        object {
            if let note = c.note {
                $0.key("note", first: true)
                $0.string(note)
                $0.key("readings")
            } else {
                $0.key("readings", first: true)
            }
            $0.array(c.readings) { w, r in
                w.object {
                    $0.key("evidence", first: true)
                    $0.provenance(r.evidence)
                    $0.key("value")
                    $0.string(r.value)
                }
            }
        }
    }

    private mutating func provenance(_ p: Provenance) {
        object {
            $0.key("end", first: true)
            $0.int(p.end)
            $0.key("line")
            $0.int(p.line)
            $0.key("quote")
            $0.string(p.quote)
            $0.key("source")
            $0.string(p.source)
            $0.key("start")
            $0.int(p.start)
        }
    }

    // MARK: JSON, pretty-printed as JSONEncoder does

    private mutating func newline() {
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    private mutating func object(_ body: (inout DeckJSONWriter) -> Void) {
        out.append(0x7B)
        depth += 1
        body(&self)
        depth -= 1
        newline()
        out.append(0x7D)
    }

    /// A key on a line of its own, after a comma unless it is the object's first.
    private mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { out.append(0x2C) }
        newline()
        out.append(0x22)
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])
    }

    private mutating func array<T>(_ items: [T], _ element: (inout DeckJSONWriter, T) -> Void) {
        out.append(0x5B)
        depth += 1
        if items.isEmpty {
            // JSONEncoder's way with an empty list: an empty line, then the bracket.
            out.append(0x0A)
        }
        for (n, item) in items.enumerated() {
            if n > 0 { out.append(0x2C) }
            newline()
            element(&self, item)
        }
        depth -= 1
        newline()
        out.append(0x5D)
    }

    private mutating func int(_ n: Int) {
        out.append(contentsOf: String(n).utf8)
    }

    /// The string in quotes: `"` and `\` escaped, the controls below U+0020 as `\b \f \n \r \t`
    /// or `\u00XX`, everything else as its UTF-8 bytes.
    private mutating func string(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var plain = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<i]))
                plain = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain...]))
        }
        out.append(0x22)
    }
}
