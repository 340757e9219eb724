import MnemoCore

/// `--only`: which cards a curation pass shows.
enum CurateFilter: Equatable, Sendable {
    /// Cards not curated yet (also what a pass shows without `--only`).
    case new
    /// Cards whose sources disagree and whose conflict is not settled yet (curated or not).
    case conflicts
    /// Cards of one kind not curated yet.
    case kind(CardKind)

    init(parsing text: String) throws(CurateError) {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch lower {
        case "new": self = .new
        case "conflicts", "conflict": self = .conflicts
        default:
            guard lower.hasPrefix("kind:"), let kind = CardKind(rawValue: String(lower.dropFirst(5))) else {
                throw .badOnly(text)
            }
            self = .kind(kind)
        }
    }

    /// Whether a pass shows `card`. `again` includes cards already curated.
    func includes(_ card: Card, reviewed: Set<CardID>, again: Bool) -> Bool {
        switch self {
        case .new: again || !reviewed.contains(card.id)
        case .conflicts: card.conflict != nil && card.conflict?.note == nil
        case .kind(let kind): card.kind == kind && (again || !reviewed.contains(card.id))
        }
    }
}
