import Foundation

/// The teacher's roll-up over several students' progress on one deck (`mnemo class`):
/// who is keeping up, which facts need another lesson, which sources are weakest.
public struct ClassReport: Codable, Equatable, Sendable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var generatedAt: String
    public var deck: StatsReport.DeckInfo
    /// Students in the order given.
    public var students: [Student]
    /// Cards most missed first: the share of the students who studied a card and forgot it at least
    /// once after learning it (rated it Again in the Review phase; misses while first learning it
    /// are counted in `again` only).
    public var cards: [ClassCard]
    /// Sources weakest first.
    public var sources: [ClassSource]

    public struct Student: Codable, Equatable, Sendable {
        /// The name in the student's settings, else the folder's name.
        public var name: String
        public var folder: String
        public var reviews: Int
        /// True retention (Review-phase answers passed).
        public var retention: StatsReport.RetentionCell
        public var streak: Int
        public var longestStreak: Int
        /// Mean retrievability over the deck's cards, unstudied ones counting 0.
        public var mastery: Double
        public var knowledge: Double
        public var studiedCards: Int
        /// Cards at 90% recall or more.
        public var known: Int
        public var timeMs: Int
        /// Time of the last review of this deck.
        public var lastActive: String?
        /// Reviews in the student's log that are not of this deck's cards (kept apart).
        public var otherReviews: Int
    }

    public struct ClassCard: Codable, Equatable, Sendable {
        public var card: String
        public var prompt: String
        public var answer: String
        public var source: String?
        public var line: Int?
        public var quote: String?
        /// Students who reviewed it at least once.
        public var studied: Int
        /// Students who forgot it at least once after learning it (a lapse).
        public var missed: Int
        /// missed / studied (0 when nobody studied it).
        public var missedShare: Double
        /// Lapses (Review-phase answers rated Again) over all students.
        public var lapses: Int
        /// Again answers in any phase over all students.
        public var again: Int
        public var reviews: Int
        /// Names of the students who missed it.
        public var missedBy: [String]
    }

    public struct ClassSource: Codable, Equatable, Sendable {
        public var source: String
        public var title: String?
        public var cards: Int
        /// Mean over students of their mastery of the source's cards.
        public var mastery: Double
        /// True retention pooled over all students' answers.
        public var retention: StatsReport.RetentionCell
        public var reviews: Int
    }
}

/// One student's progress, as read from their folder.
public struct StudentProgress: Sendable {
    public var name: String
    public var folder: String
    public var log: StatsLog
    public var records: [CardID: CardRecord]

    public init(name: String, folder: String, log: StatsLog, records: [CardID: CardRecord]) {
        self.name = name
        self.folder = folder
        self.log = log
        self.records = records
    }

    public init(name: String, folder: String, events: [ReviewEvent], records: [CardID: CardRecord]) {
        self.init(name: name, folder: folder, log: StatsLog(events: events), records: records)
    }
}

extension ClassReport {
    public static func build(
        deck: Deck, students: [StudentProgress], scheduler: Scheduler, now: Date, studyDay: StudyDay
    ) -> ClassReport {
        let results = students.map { s in
            StatsBuilder.build(
                StatsInput(
                    decks: [deck], log: s.log, records: s.records, scheduler: scheduler, now: now, studyDay: studyDay))
        }
        let rows = zip(students, results).map { s, result in
            let r = result.report
            let known = result.retrievability.values.count { $0 >= 0.9 }
            return Student(
                name: s.name, folder: s.folder, reviews: r.totals.reviews, retention: r.retention.overall,
                streak: r.streak.current, longestStreak: r.streak.longest,
                mastery: StatsBuilder.round(
                    result.retrievability.values.reduce(0, +) / Double(max(1, r.totals.cards)), 4),
                knowledge: r.knowledge.estimated, studiedCards: r.totals.studiedCards, known: known,
                timeMs: r.time.totalMs, lastActive: r.totals.lastReview,
                otherReviews: r.removedCards.reviews + r.otherDecks.reviews)
        }
        var cards: [ClassCard] = []
        var seen = Set<CardID>()
        for card in deck.cards where seen.insert(card.id).inserted {
            var c = ClassCard(
                card: card.id.rawValue, prompt: card.prompt, answer: card.answer, source: card.evidence.first?.source,
                line: card.evidence.first?.line, quote: card.evidence.first?.quote, studied: 0, missed: 0,
                missedShare: 0,
                lapses: 0, again: 0, reviews: 0, missedBy: [])
            for (s, result) in zip(students, results) {
                guard let t = result.tallies[card.id], t.reviews > 0 else { continue }
                c.studied += 1
                c.reviews += t.reviews
                c.again += t.again
                let lapses = t.reviewAnswers - t.reviewPassed
                c.lapses += lapses
                if lapses > 0 {
                    c.missed += 1
                    c.missedBy.append(s.name)
                }
            }
            c.missedShare = c.studied > 0 ? StatsBuilder.round(Double(c.missed) / Double(c.studied), 4) : 0
            cards.append(c)
        }
        cards.sort {
            if $0.missedShare != $1.missedShare { return $0.missedShare > $1.missedShare }
            if $0.missed != $1.missed { return $0.missed > $1.missed }
            if $0.lapses != $1.lapses { return $0.lapses > $1.lapses }
            if $0.again != $1.again { return $0.again > $1.again }
            return $0.card < $1.card
        }
        return ClassReport(
            formatVersion: currentFormatVersion, generatedAt: LogTime.format(now),
            deck: .init(id: deck.id, title: deck.title, cards: seen.count), students: rows, cards: cards,
            sources: sources(deck: deck, results: results))
    }

    private static func sources(deck: Deck, results: [StatsBuilder.Result]) -> [ClassSource] {
        let titles = Dictionary(deck.sources.map { ($0.file, $0.title) }, uniquingKeysWith: { a, _ in a })
        var cardsOf: [String: [CardID]] = [:]
        var seen = Set<CardID>()
        for card in deck.cards where seen.insert(card.id).inserted {
            let sources = Set(card.evidence.map(\.source))
            for source in sources.isEmpty ? ["(no source)"] : Array(sources) {
                cardsOf[source, default: []].append(card.id)
            }
        }
        return cardsOf.map { source, ids in
            var answers = 0
            var passed = 0
            var reviews = 0
            var masterySum = 0.0
            for result in results {
                var sum = 0.0
                for id in ids {
                    sum += result.retrievability[id] ?? 0
                    let t = result.tallies[id] ?? CardTally()
                    answers += t.reviewAnswers
                    passed += t.reviewPassed
                    reviews += t.reviews
                }
                masterySum += sum / Double(ids.count)
            }
            return ClassSource(
                source: source, title: titles[source], cards: ids.count,
                mastery: StatsBuilder.round(masterySum / Double(max(1, results.count)), 4),
                retention: .init(reviews: answers, passed: passed, rate: StatsBuilder.rate(passed, answers)),
                reviews: reviews)
        }.sorted { $0.mastery != $1.mastery ? $0.mastery < $1.mastery : $0.source < $1.source }
    }
}
