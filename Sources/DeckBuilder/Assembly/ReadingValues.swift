/// The values of a group's readings, as `FactGroup.sameValue` compares them, kept by the pool beside
/// its groups.
///
/// Most facts a large corpus offers match a group that already holds four readings, none of them
/// their value, and are passed over. Telling that from the readings themselves read each reading's
/// candidate, a cache miss or two each at 100 MB; these four entries lie in one place.
struct ReadingValues {
    /// One reading's value: its normalized answer, and for a figure its number and whether it is a
    /// percentage.
    struct Entry {
        var normalized: String
        var number: Double
        var kind: Kind
        var percent: Bool

        enum Kind: UInt8 { case date, figure, name }

        /// No reading (the room past a group's readings).
        static let none = Entry(normalized: "", number: 0, kind: .name, percent: false)

        private init(normalized: String, number: Double, kind: Kind, percent: Bool) {
            self.normalized = normalized
            self.number = number
            self.kind = kind
            self.percent = percent
        }

        init(_ value: FactCandidate.Value, normalized: String) {
            self.normalized = normalized
            switch value {
            case .date:
                kind = .date
                number = 0
                percent = false
            case .figure(let n):
                kind = .figure
                number = n.value
                percent = n.isPercent
            case .name:
                kind = .name
                number = 0
                percent = false
            }
        }

        /// `FactGroup.sameValue` of the two values.
        @inline(__always)
        func sameValue(_ other: Entry) -> Bool {
            if normalized == other.normalized { return true }
            switch (kind, other.kind) {
            case (.date, .date):
                return normalized.hasPrefix(other.normalized + "-") || other.normalized.hasPrefix(normalized + "-")
            case (.figure, .figure):
                return number == other.number && percent == other.percent
            default:
                return false
            }
        }
    }

    /// The readings' entries, in the group's order; the first `count` are its readings'.
    private var entries: InlineArray<4, Entry>
    /// How many readings the group holds (at most four).
    private(set) var count: Int

    init(_ group: FactGroup) {
        entries = InlineArray(repeating: .none)
        count = min(group.readings.count, 4)
        for r in 0..<count {
            entries[r] = Entry(group.readings[r].candidate.value, normalized: group.readings[r].candidate.normalized)
        }
    }

    /// The first reading whose value is the same as `entry`'s (`FactGroup.sameValue`), if any.
    func first(sameAs entry: Entry) -> Int? {
        for r in 0..<count where entries[r].sameValue(entry) { return r }
        return nil
    }
}
