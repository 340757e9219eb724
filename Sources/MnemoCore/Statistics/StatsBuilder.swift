import Foundation

/// Computes a `StatsReport` from a `StatsInput` in one pass over the events and one over the cards.
///
/// Rules: a review taken back by an undo (of the same card) counts nowhere but `undoneReviews`.
/// Activity (calendar, streak, time, today) counts the loaded decks' cards; reviews of other cards
/// are kept apart in `removedCards` / `otherDecks`. True retention counts answers given while the
/// card was in the Review phase (as the scheduler's state machine says), rated Hard/Good/Easy.
public struct StatsBuilder {
    public struct Result: Sendable {
        public var report: StatsReport
        /// Per card of the loaded decks, in deck order.
        public var cards: [Card]
        public var tallies: [CardID: CardTally]
        /// Retrievability now per card of the loaded decks (0 for unstudied cards).
        public var retrievability: [CardID: Double]
        /// When the card was last reviewed (loaded decks only).
        public var lastReview: Date?
    }

    public static let intervalBands: [(name: String, min: Int, max: Int?)] = [
        ("<7d", 0, 7), ("7-21d", 7, 21), ("21-90d", 21, 90), (">90d", 90, nil),
    ]
    public static let forecastDays = 30
    public static let calendarDays = 365

    public static func report(_ input: StatsInput) -> StatsReport { build(input).report }

    public static func build(_ input: StatsInput) -> Result {
        var b = StatsBuilder(input)
        b.scanEvents()
        return b.finish()
    }

    // MARK: State

    private let input: StatsInput
    private var cards: [Card] = []
    private var deckOfCard: [Int] = []
    private var index: [CardID: Int] = [:]
    private var sourceTitles: [String: String] = [:]
    private var table: StudyDayTable
    private let tracker: PhaseTracker

    // Per card.
    private var tally: [CardTally] = []
    // Per day.
    private var dayReviews: [Int]
    private var dayMs: [Int]
    private var dayAnswers: [Int]
    private var dayPassed: [Int]
    // Totals.
    private var bands: [StatsReport.RetentionCell]
    private var undoneReviews = 0
    private var practiceReviews = 0
    private var reviews = 0
    private var timedReviews = 0
    private var first: Double?
    private var last: Double?
    private var todayReviews = 0
    private var todayCards = 0
    private var todayNew = 0
    private var removed = Outside()
    private var other = Outside()

    /// What the scan of the events keeps per card, in 40 bytes (10,000 cards' worth stays in a
    /// core's cache). Counts wrap rather than trap; no card has four billion reviews.
    private struct CardScan {
        var lastTime = -Double.infinity
        var lastDay: Int32 = -1
        /// -1 for none.
        var step: Int32 = -1
        var reviews: UInt32 = 0
        var again: UInt32 = 0
        var reviewAnswers: UInt32 = 0
        var reviewPassed: UInt32 = 0
        var phase = CardPhase.new

        var tally: CardTally {
            var t = CardTally()
            t.reviews = Int(reviews)
            t.again = Int(again)
            t.reviewAnswers = Int(reviewAnswers)
            t.reviewPassed = Int(reviewPassed)
            return t
        }
    }

    private struct Outside {
        var cards = Set<Int32>()
        var reviews = 0
        var passed = 0
        var ms = 0
        var decks = Set<Int32>()
        var last: Double?

        mutating func add(_ e: StatsLog.Entry, pass: Bool, ms: Int) {
            cards.insert(e.card)
            reviews += 1
            if pass { passed += 1 }
            self.ms += ms
            decks.insert(e.deck)
            if last.map({ e.time > $0 }) ?? true { last = e.time }
        }

        func report(_ log: StatsLog) -> StatsReport.OutsideReviews {
            .init(
                cards: cards.count, reviews: reviews, passed: passed, timeMs: ms,
                decks: decks.map { log.decks[Int($0)] }.sorted(),
                lastReview: last.map { LogTime.format(Date(timeIntervalSince1970: $0)) })
        }
    }

    private init(_ input: StatsInput) {
        self.input = input
        tracker = PhaseTracker(config: input.scheduler.config)
        for (d, deck) in input.decks.enumerated() {
            for source in deck.sources where sourceTitles[source.file] == nil {
                sourceTitles[source.file] = source.title
            }
            for card in deck.cards where index[card.id] == nil {
                index[card.id] = cards.count
                cards.append(card)
                deckOfCard.append(d)
            }
        }
        let n = cards.count
        tally = Array(repeating: CardTally(), count: n)
        let firstEvent = input.log.entries.lazy.map(\.time).min().map { Date(timeIntervalSince1970: $0) }
        table = StudyDayTable(
            studyDay: input.studyDay, now: input.now, first: firstEvent, daysBefore: 400,
            daysAfter: StatsBuilder.forecastDays)
        dayReviews = Array(repeating: 0, count: table.count)
        dayMs = dayReviews
        dayAnswers = dayReviews
        dayPassed = dayReviews
        bands = StatsBuilder.intervalBands.map { _ in .init(reviews: 0, passed: 0, rate: nil) }
    }

    // MARK: Events

    private mutating func scanEvents() {
        let log = input.log
        var undone = UndoneTable(capacity: log.entries.count { $0.kind == .undo })
        for e in log.entries where e.kind == .undo { undone.set(e.card, for: e.target) }
        let loaded = Set(input.decks.map(\.id))
        let deckIsLoaded = log.decks.map { loaded.contains($0) }
        let cardIndex = log.cards.map { id in index[id] ?? -1 }
        let today = table.todayIndex
        // One value per card, so that an event touches one place in memory (events come in time
        // order, cards in no order).
        var scan = Array(repeating: CardScan(), count: cards.count)
        for e in log.entries where e.kind == .review {
            guard let rating = Rating(rawValue: Int(e.rating)) else { continue }
            if !undone.isEmpty, let card = undone.card(for: e.id), card == e.card {
                undoneReviews += 1
                continue
            }
            if e.cram {
                practiceReviews += 1
                continue
            }
            let ms = max(0, Int(e.durationMs))
            let i = cardIndex[Int(e.card)]
            guard i >= 0 else {
                if deckIsLoaded[Int(e.deck)] {
                    removed.add(e, pass: rating.isPass, ms: ms)
                } else {
                    other.add(e, pass: rating.isPass, ms: ms)
                }
                continue
            }
            let t = e.time
            let d = table.index(ofSeconds: t)
            reviews += 1
            dayReviews[d] += 1
            dayMs[d] += ms
            if e.durationMs >= 0 { timedReviews += 1 }
            if first.map({ t < $0 }) ?? true { first = t }
            if last.map({ t > $0 }) ?? true { last = t }
            var c = scan[i]
            c.reviews &+= 1
            if rating == .again { c.again &+= 1 }
            if c.phase == .review {
                let pass = rating.isPass
                dayAnswers[d] += 1
                c.reviewAnswers &+= 1
                if pass {
                    dayPassed[d] += 1
                    c.reviewPassed &+= 1
                }
                let days = Int(((t - c.lastTime) / 86_400).rounded(.down))
                let band = days < 7 ? 0 : days < 21 ? 1 : days < 90 ? 2 : 3
                bands[band].reviews += 1
                if pass { bands[band].passed += 1 }
            }
            if d == today {
                todayReviews += 1
                if c.lastDay != Int32(today) { todayCards += 1 }
                if c.phase == .new { todayNew += 1 }
            }
            c.lastDay = Int32(truncatingIfNeeded: d)
            let (phase, step) = tracker.next(c.phase, step: Int(c.step), rating: rating)
            c.phase = phase
            c.step = Int32(truncatingIfNeeded: step)
            c.lastTime = t
            scan[i] = c
        }
        tally = scan.map(\.tally)
    }

    // MARK: Cards and assembly

    private func finish() -> Result {
        let now = input.now
        let today = table.todayIndex
        let todayEnd = table.start(of: today + 1)
        let todayStart = table.start(of: today)
        let horizon = table.start(of: today + StatsBuilder.forecastDays)
        var forecast = Array(repeating: 0, count: StatsBuilder.forecastDays)
        var overdue = 0
        var later = 0
        var unseen = 0
        var suspended = 0
        var studied = 0
        var estimated = 0.0
        var above90 = 0
        var rOf = Array(repeating: 0.0, count: cards.count)
        var dueOf: [Date?] = Array(repeating: nil, count: cards.count)
        var table = self.table
        for (i, card) in cards.enumerated() {
            let record = input.records[card.id]
            let state = record?.state ?? .new
            let isNew = state.phase == .new
            let isSuspended = record?.suspended ?? false
            if isSuspended { suspended += 1 }
            if isNew {
                if !isSuspended { unseen += 1 }
                continue
            }
            studied += 1
            let r = input.scheduler.retrievability(of: state, at: now)
            rOf[i] = r
            estimated += r
            if r >= 0.9 { above90 += 1 }
            guard var due = state.due else { continue }
            if let buried = record?.buriedUntil, buried > due { due = buried }
            dueOf[i] = due
            if isSuspended { continue }
            if due < todayStart {
                overdue += 1
                forecast[0] += 1
            } else if due >= horizon {
                later += 1
            } else {
                forecast[table.index(of: due) - today] += 1
            }
        }
        let dueToday =
            overdue
            + cards.indices.count { i in
                guard let due = dueOf[i], due >= todayStart, due < todayEnd else { return false }
                return !(input.records[cards[i].id]?.suspended ?? false)
            }

        let cell = { (answers: Int, passed: Int) in
            StatsReport.RetentionCell(reviews: answers, passed: passed, rate: StatsBuilder.rate(passed, answers))
        }
        let range = { (from: Int, to: Int) -> StatsReport.RetentionCell in
            let days = max(0, from)...to
            return cell(days.reduce(0) { $0 + dayAnswers[$1] }, days.reduce(0) { $0 + dayPassed[$1] })
        }
        let calendarRange = (today - StatsBuilder.calendarDays + 1)...today
        let calendarDays = calendarRange.map {
            StatsReport.CalendarDay(date: table.labels[$0], reviews: dayReviews[$0], timeMs: dayMs[$0])
        }
        let totalMs = dayMs.reduce(0, +)
        let streak = streak()

        let report = StatsReport(
            formatVersion: StatsReport.currentFormatVersion,
            generatedAt: LogTime.format(now),
            timeZone: input.studyDay.timeZone.identifier,
            rolloverHour: input.studyDay.rolloverHour,
            decks: input.decks.map { .init(id: $0.id, title: $0.title, cards: $0.cards.count) },
            totals: .init(
                cards: cards.count, newCards: cards.count - studied, studiedCards: studied, suspendedCards: suspended,
                reviews: reviews, undoneReviews: undoneReviews,
                practiceReviews: practiceReviews > 0 ? practiceReviews : nil,
                firstReview: first.map { LogTime.format(Date(timeIntervalSince1970: $0)) },
                lastReview: last.map { LogTime.format(Date(timeIntervalSince1970: $0)) }),
            today: .init(
                date: table.labels[today], due: dueToday, overdue: overdue, reviews: todayReviews,
                cardsReviewed: todayCards, newStudied: todayNew,
                newLeft: max(0, min(input.newPerDay - todayNew, unseen)), newPerDay: input.newPerDay,
                timeMs: dayMs[today]),
            streak: streak,
            calendar: .init(
                days: calendarDays, activeDays: calendarDays.count { $0.reviews > 0 },
                maxReviews: calendarDays.map(\.reviews).max() ?? 0, reviews: calendarDays.reduce(0) { $0 + $1.reviews }),
            forecast: .init(
                days: forecast.enumerated().map { .init(date: table.labels[today + $0.offset], due: $0.element) },
                overdue: overdue, total: forecast.reduce(0, +), later: later),
            retention: .init(
                desired: input.scheduler.config.desiredRetention,
                overall: range(0, table.count - 1),
                today: range(today, today),
                last30Days: range(today - 29, today),
                weeks: periods(\.weeks, count: 12),
                months: periods(\.months, count: 12),
                intervals: StatsBuilder.intervalBands.enumerated().map { k, band in
                    .init(
                        band: band.name, minDays: band.min, maxDays: band.max, reviews: bands[k].reviews,
                        passed: bands[k].passed, rate: StatsBuilder.rate(bands[k].passed, bands[k].reviews))
                }),
            knowledge: .init(
                estimated: StatsBuilder.round(estimated, 2), studiedCards: studied, above90: above90,
                meanRetrievability: studied > 0 ? StatsBuilder.round(estimated / Double(studied), 4) : nil),
            time: .init(
                totalMs: totalMs, todayMs: dayMs[today], timedReviews: timedReviews,
                meanPerReviewMs: timedReviews > 0 ? totalMs / timedReviews : nil,
                days: (today - 29...today).map { .init(date: table.labels[$0], ms: dayMs[$0], reviews: dayReviews[$0]) }
            ),
            weakest: weakest(rOf, dueOf),
            mastery: .init(sources: masteryBySource(rOf), tags: masteryByTag(rOf)),
            removedCards: removed.report(input.log),
            otherDecks: other.report(input.log))

        var tallies: [CardID: CardTally] = [:]
        var retrievability: [CardID: Double] = [:]
        for (i, card) in cards.enumerated() {
            tallies[card.id] = tally[i]
            retrievability[card.id] = rOf[i]
        }
        return Result(
            report: report, cards: cards, tallies: tallies, retrievability: retrievability,
            lastReview: last.map { Date(timeIntervalSince1970: $0) })
    }

    private func streak() -> StatsReport.Streak {
        let today = table.todayIndex
        let active = { (i: Int) in i >= 0 && self.dayReviews[i] > 0 }
        var current = 0
        var i = active(today) ? today : today - 1
        while active(i) {
            current += 1
            i -= 1
        }
        var longest = 0
        var run = 0
        var lastActive: Int?
        for d in 0...today {
            if dayReviews[d] > 0 {
                run += 1
                longest = max(longest, run)
                lastActive = d
            } else {
                run = 0
            }
        }
        return .init(
            current: current, longest: longest, studiedToday: active(today),
            lastStudyDay: lastActive.map { table.labels[$0] })
    }

    /// The last `count` weeks or months (by the label of each day), oldest first.
    private func periods(_ labels: KeyPath<StudyDayTable, [String]>, count: Int) -> [StatsReport.RetentionPeriod] {
        let names = table[keyPath: labels]
        var result: [StatsReport.RetentionPeriod] = []
        var d = table.todayIndex
        while d >= 0, result.count < count {
            let name = names[d]
            var answers = 0
            var passed = 0
            var start = d
            while d >= 0, names[d] == name {
                answers += dayAnswers[d]
                passed += dayPassed[d]
                start = d
                d -= 1
            }
            result.append(
                .init(
                    period: name, start: table.labels[start], reviews: answers, passed: passed,
                    rate: StatsBuilder.rate(passed, answers)))
        }
        return result.reversed()
    }

    private func weakest(_ r: [Double], _ due: [Date?]) -> [StatsReport.WeakCard] {
        let lapses = cards.map { input.records[$0.id]?.state.lapses ?? 0 }
        let studied = cards.indices.filter { phase(of: $0) != .new }
        let weaker = { (a: Int, b: Int) -> Bool in
            if lapses[a] != lapses[b] { return lapses[a] > lapses[b] }
            if r[a] != r[b] { return r[a] < r[b] }
            return cards[a].id < cards[b].id
        }
        // The ten weakest, kept sorted while scanning (no sort of every card).
        var sorted: [Int] = []
        for i in studied {
            if sorted.count == 10, let last = sorted.last, !weaker(i, last) { continue }
            let at = sorted.firstIndex { weaker(i, $0) } ?? sorted.count
            sorted.insert(i, at: at)
            if sorted.count > 10 { sorted.removeLast() }
        }
        return sorted.prefix(10).map { i in
            let card = cards[i]
            let evidence = card.evidence.first
            let state = input.records[card.id]?.state ?? .new
            return .init(
                card: card.id.rawValue, deck: input.decks[deckOfCard[i]].id, prompt: card.prompt, answer: card.answer,
                lapses: state.lapses, reps: state.reps, retrievability: StatsBuilder.round(r[i], 4),
                due: due[i].map(LogTime.format), source: evidence?.source,
                sourceTitle: evidence.flatMap { sourceTitles[$0.source] }, line: evidence?.line, quote: evidence?.quote)
        }
    }

    private func phase(of i: Int) -> CardPhase { input.records[cards[i].id]?.state.phase ?? .new }

    private func masteryBySource(_ r: [Double]) -> [StatsReport.MasteryGroup] {
        groups(r) { card in
            let sources = card.evidence.map(\.source)
            return sources.isEmpty ? ["(no source)"] : Array(Set(sources))
        }.map { group in
            var g = group
            g.title = sourceTitles[g.name]
            return g
        }
    }

    private func masteryByTag(_ r: [Double]) -> [StatsReport.MasteryGroup] {
        groups(r) { Array(Set($0.tags)) }
    }

    private func groups(_ r: [Double], keys: (Card) -> [String]) -> [StatsReport.MasteryGroup] {
        struct Acc {
            var cards = 0
            var studied = 0
            var known = 0
            var sum = 0.0
            var answers = 0
            var passed = 0
        }
        var acc: [String: Acc] = [:]
        for (i, card) in cards.enumerated() {
            let studied = phase(of: i) != .new
            for key in keys(card) {
                var a = acc[key] ?? Acc()
                a.cards += 1
                if studied { a.studied += 1 }
                if r[i] >= 0.9 { a.known += 1 }
                a.sum += r[i]
                a.answers += tally[i].reviewAnswers
                a.passed += tally[i].reviewPassed
                acc[key] = a
            }
        }
        return acc.map { name, a in
            StatsReport.MasteryGroup(
                name: name, title: nil, cards: a.cards, studied: a.studied, known: a.known,
                knownShare: StatsBuilder.round(Double(a.known) / Double(max(a.cards, 1)), 4),
                mastery: StatsBuilder.round(a.sum / Double(max(a.cards, 1)), 4),
                retention: .init(reviews: a.answers, passed: a.passed, rate: StatsBuilder.rate(a.passed, a.answers)))
        }.sorted { $0.mastery != $1.mastery ? $0.mastery < $1.mastery : $0.name < $1.name }
    }

    // MARK: Numbers

    static func rate(_ passed: Int, _ total: Int) -> Double? {
        total > 0 ? round(Double(passed) / Double(total), 4) : nil
    }

    static func round(_ x: Double, _ digits: Int) -> Double {
        let scale = pow(10.0, Double(digits))
        return (x * scale).rounded() / scale
    }
}
