import Foundation

/// One line of the append-only review log (DESIGN.md decision 2). The log is the source of truth:
/// replaying its events in order rebuilds every card's state.
public struct ReviewEvent: Codable, Hashable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A rating was given; `rating` is set.
        case review
        /// Takes back the event named by `undoes` (a review): the card's state is as if it never happened.
        case undo
        /// The card is not shown until unsuspended.
        case suspend
        case unsuspend
        /// Not shown again before `until`.
        case bury
    }

    /// Unique id (a UUID string); merging two logs takes the union by id.
    public var id: String
    public var kind: Kind
    public var card: CardID
    public var deck: String
    /// When it happened. Stored with millisecond precision; callers round `now` with
    /// `ReviewEvent.truncatedToMilliseconds` before scheduling so replay matches exactly.
    public var time: Date
    public var rating: Rating?
    /// What the learner typed, if anything.
    public var answer: String?
    public var verdict: Verdict?
    /// Time spent on the card, in milliseconds.
    public var durationMs: Int?
    /// For `undo`: the id of the event taken back.
    public var undoes: String?
    /// For `bury`: when the card may be shown again.
    public var until: Date?
    /// For `review`: true when it was cram practice (`mnemo study --cram`), which leaves the schedule
    /// alone: replay skips it, statistics count it as practice. Absent (nil) in ordinary reviews.
    public var cram: Bool?

    public init(
        id: String = UUID().uuidString, kind: Kind, card: CardID, deck: String, time: Date,
        rating: Rating? = nil, answer: String? = nil, verdict: Verdict? = nil, durationMs: Int? = nil,
        undoes: String? = nil, until: Date? = nil, cram: Bool? = nil
    ) {
        self.id = id
        self.kind = kind
        self.card = card
        self.deck = deck
        self.time = time
        self.rating = rating
        self.answer = answer
        self.verdict = verdict
        self.durationMs = durationMs
        self.undoes = undoes
        self.until = until
        self.cram = cram
    }

    /// Whether this event can change a card's schedule (cram practice cannot).
    public var countsForSchedule: Bool { cram != true }

    /// `date` with sub-millisecond precision dropped, as the log stores it.
    /// Idempotent and exact: the log writes and reads back precisely this `Date`.
    public static func truncatedToMilliseconds(_ date: Date) -> Date {
        LogTime.truncated(date)
    }
}
