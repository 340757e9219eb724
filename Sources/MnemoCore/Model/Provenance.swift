/// Where a card's fact was read: the source file, the line, the character range
/// within that line (UTF-16 offsets would be ambiguous across tools, so these are
/// `Character` offsets, 0-based, end exclusive) and the quoted sentence.
public struct Provenance: Codable, Hashable, Sendable {
    /// The source's file name as listed in the deck's `sources`.
    public var source: String
    /// 1-based line number in the source file.
    public var line: Int
    /// Character offsets of the quoted sentence within that line: `[start, end)`.
    public var start: Int
    public var end: Int
    /// The sentence the fact was read from, as it stands in the source.
    public var quote: String

    public init(source: String, line: Int, start: Int, end: Int, quote: String) {
        self.source = source
        self.line = line
        self.start = start
        self.end = end
        self.quote = quote
    }
}

/// Another reading of the same fact, found in a source that disagrees.
public struct ConflictReading: Codable, Hashable, Sendable {
    public var value: String
    public var evidence: Provenance

    public init(value: String, evidence: Provenance) {
        self.value = value
        self.evidence = evidence
    }
}

/// Recorded when sources give different values for the same fact (DESIGN.md decision 5).
public struct Conflict: Codable, Hashable, Sendable {
    /// The other readings (the card's own `answer` is the first reading).
    public var readings: [ConflictReading]
    /// A teacher's note once the conflict is settled by curation; nil while open.
    public var note: String?

    public init(readings: [ConflictReading], note: String? = nil) {
        self.readings = readings
        self.note = note
    }
}

extension Provenance {
    enum CodingKeys: String, CodingKey {
        case source, line, start, end, quote
    }

    /// Every field is required: evidence without its place cannot be checked.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(String.self, forKey: .source)
        line = try c.decodeWholeNumber(forKey: .line)
        start = try c.decodeWholeNumber(forKey: .start)
        end = try c.decodeWholeNumber(forKey: .end)
        quote = try c.decode(String.self, forKey: .quote)
    }
}

extension Conflict {
    enum CodingKeys: String, CodingKey {
        case readings, note
    }

    /// `readings` is required (a conflict without readings says nothing); `note` is optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        readings = try c.decode([ConflictReading].self, forKey: .readings)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
