/// A card's stable id. It names the fact, not the wording (DESIGN.md decision 3):
/// derived from what is asked and the normalized answer, plus the card kind,
/// so rewording a prompt or correcting an unrelated part of a source keeps it.
public struct CardID: RawRepresentable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// `<kind>-<16 hex digits of SHA-256(factKey)>`, e.g. `cloze-3f2a9c01d4e5b6a7`.
    /// `factKey` should be built from normalized parts only (what is asked and its answer).
    public init(kind: CardKind, factKey: String) {
        let digest = SHA256.hexDigest(of: Array(factKey.utf8))
        self.rawValue = "\(kind.rawValue)-\(digest.prefix(16))"
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: CardID, rhs: CardID) -> Bool { lhs.rawValue < rhs.rawValue }
}
