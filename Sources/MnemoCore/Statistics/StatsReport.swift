import Foundation

/// Everything `mnemo stats` shows, as values (docs/stats-json.md is the JSON schema).
/// Computed by `StatsBuilder` from decks, the review log and the replayed records, as of a given time.
/// Times are ISO-8601 UTC strings; days are the learner's local study days ("2026-11-22"), which
/// start at the rollover hour (4 a.m. by default). Keys absent from an optional field mean "no data".
public struct StatsReport: Codable, Equatable, Sendable {
    /// Bumped when a key is removed or changes meaning; adding keys keeps the version.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// The time the report is computed for.
    public var generatedAt: String
    public var timeZone: String
    public var rolloverHour: Int
    public var decks: [DeckInfo]
    public var totals: Totals
    public var today: Today
    public var streak: Streak
    public var calendar: CalendarHeatmap
    public var forecast: Forecast
    public var retention: Retention
    public var knowledge: Knowledge
    public var time: TimeSpent
    public var weakest: [WeakCard]
    public var mastery: Mastery
    /// Reviews of cards whose deck is loaded but which are no longer in it (the deck was rebuilt).
    public var removedCards: OutsideReviews
    /// Reviews of cards of decks that were not loaded.
    public var otherDecks: OutsideReviews

    public struct DeckInfo: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var cards: Int
    }

    public struct Totals: Codable, Equatable, Sendable {
        /// Cards in the loaded decks (a card in two decks counts once).
        public var cards: Int
        /// Cards never reviewed.
        public var newCards: Int
        /// Cards reviewed at least once (their review not undone).
        public var studiedCards: Int
        public var suspendedCards: Int
        /// Review events of the loaded decks' cards, undone ones excluded.
        public var reviews: Int
        /// Reviews taken back by an undo (not counted anywhere else).
        public var undoneReviews: Int
        /// Cram practice reviews (`mnemo study --cram`), not undone: counted only here, never as
        /// reviews (they do not touch the schedule). Absent when there are none.
        public var practiceReviews: Int?
        public var firstReview: String?
        public var lastReview: String?
    }

    public struct Today: Codable, Equatable, Sendable {
        /// The study day, e.g. "2026-11-22".
        public var date: String
        /// Cards due before the study day ends (overdue ones included), not suspended or buried.
        public var due: Int
        /// Of `due`, cards that were due before today began.
        public var overdue: Int
        /// Reviews done today.
        public var reviews: Int
        /// Distinct cards reviewed today.
        public var cardsReviewed: Int
        /// Cards seen for the first time today.
        public var newStudied: Int
        /// New cards still allowed today: min(new cards per day − new studied, unseen cards).
        public var newLeft: Int
        public var newPerDay: Int
        public var timeMs: Int
    }

    public struct Streak: Codable, Equatable, Sendable {
        /// Study days in a row with at least one review, ending today (or yesterday when today has none yet).
        public var current: Int
        public var longest: Int
        public var studiedToday: Bool
        public var lastStudyDay: String?
    }

    public struct CalendarDay: Codable, Equatable, Sendable {
        public var date: String
        public var reviews: Int
        public var timeMs: Int
    }

    /// The last 365 study days, oldest first, today last.
    public struct CalendarHeatmap: Codable, Equatable, Sendable {
        public var days: [CalendarDay]
        public var activeDays: Int
        public var maxReviews: Int
        public var reviews: Int
    }

    public struct ForecastDay: Codable, Equatable, Sendable {
        public var date: String
        /// Cards that fall due on this study day; day 0 (today) includes the overdue ones.
        public var due: Int
    }

    /// Due cards over the next 30 study days, today first.
    public struct Forecast: Codable, Equatable, Sendable {
        public var days: [ForecastDay]
        public var overdue: Int
        public var total: Int
        /// Cards due later than the 30 days shown.
        public var later: Int
    }

    public struct RetentionCell: Codable, Equatable, Sendable {
        public var reviews: Int
        public var passed: Int
        /// passed / reviews, rounded to 4 decimals; absent when there were no reviews.
        public var rate: Double?
    }

    public struct RetentionPeriod: Codable, Equatable, Sendable {
        /// "2026-W47" for a week (ISO 8601, weeks start on Monday), "2026-11" for a month.
        public var period: String
        /// Its first study day.
        public var start: String
        public var reviews: Int
        public var passed: Int
        public var rate: Double?
    }

    public struct IntervalBand: Codable, Equatable, Sendable {
        /// "<7d", "7-21d", "21-90d", ">90d".
        public var band: String
        /// Whole days since the card's previous review: minDays ≤ days < maxDays (no maxDays: unbounded).
        public var minDays: Int
        public var maxDays: Int?
        public var reviews: Int
        public var passed: Int
        public var rate: Double?
    }

    /// True retention: the share of answers to Review-phase cards (not learning steps) rated
    /// Hard, Good or Easy.
    public struct Retention: Codable, Equatable, Sendable {
        public var desired: Double
        public var overall: RetentionCell
        public var today: RetentionCell
        public var last30Days: RetentionCell
        /// The last 12 weeks, oldest first (empty weeks have no rate).
        public var weeks: [RetentionPeriod]
        /// The last 12 months, oldest first.
        public var months: [RetentionPeriod]
        public var intervals: [IntervalBand]
    }

    /// Estimated knowledge as Anki's FSRS statistics: the sum of every studied card's
    /// retrievability now, i.e. how many cards you would recall if asked all of them today.
    public struct Knowledge: Codable, Equatable, Sendable {
        public var estimated: Double
        public var studiedCards: Int
        /// Studied cards whose retrievability is at least 90%.
        public var above90: Int
        public var meanRetrievability: Double?
    }

    public struct DayTime: Codable, Equatable, Sendable {
        public var date: String
        public var ms: Int
        public var reviews: Int
    }

    public struct TimeSpent: Codable, Equatable, Sendable {
        public var totalMs: Int
        public var todayMs: Int
        /// Reviews that recorded a duration.
        public var timedReviews: Int
        public var meanPerReviewMs: Int?
        /// The last 30 study days, oldest first.
        public var days: [DayTime]
    }

    public struct WeakCard: Codable, Equatable, Sendable {
        public var card: String
        public var deck: String
        public var prompt: String
        public var answer: String
        public var lapses: Int
        public var reps: Int
        public var retrievability: Double
        public var due: String?
        /// The first piece of evidence: source file, line and the quoted sentence.
        public var source: String?
        public var sourceTitle: String?
        public var line: Int?
        public var quote: String?
    }

    /// How well one source (article) or tag is known.
    public struct MasteryGroup: Codable, Equatable, Sendable {
        /// The source file or the tag.
        public var name: String
        /// The source's title (sources only).
        public var title: String?
        public var cards: Int
        public var studied: Int
        /// Cards whose retrievability is at least 90%.
        public var known: Int
        /// known / cards.
        public var knownShare: Double
        /// Mean retrievability over all the group's cards, unstudied ones counting 0.
        public var mastery: Double
        /// True retention of the group's Review-phase answers.
        public var retention: RetentionCell
    }

    /// Groups sorted weakest first (lowest mastery), then by name.
    public struct Mastery: Codable, Equatable, Sendable {
        public var sources: [MasteryGroup]
        public var tags: [MasteryGroup]
    }

    /// Reviews kept apart because their card is not in the loaded decks; never dropped.
    public struct OutsideReviews: Codable, Equatable, Sendable {
        public var cards: Int
        public var reviews: Int
        public var passed: Int
        public var timeMs: Int
        /// Deck ids the events name, sorted.
        public var decks: [String]
        public var lastReview: String?
    }
}
