import Foundation

@testable import MnemoCore

/// A small, predictable stand-in for FSRS: fixed steps and intervals, so queue behaviour is easy to read.
struct StepScheduler: ReviewScheduling {
    func review<G: RandomNumberGenerator>(
        _ card: CardState, rating: Rating, at now: Date, using rng: inout G
    ) -> CardState {
        var next = card
        next.reps += 1
        next.lastReview = now
        func learning(_ phase: CardPhase, _ step: Int, _ seconds: Double) {
            next.phase = phase
            next.step = step
            next.due = now.addingTimeInterval(seconds)
        }
        func review(days: Double) {
            next.phase = .review
            next.step = nil
            next.due = now.addingTimeInterval(days * 86_400)
        }
        switch (card.phase, rating) {
        case (.new, .again), (.learning, .again): learning(.learning, 0, 60)
        case (.new, .hard), (.learning, .hard): learning(.learning, card.step ?? 0, 360)
        case (.new, .good): learning(.learning, 1, 600)
        case (.learning, .good): if card.step == 1 { review(days: 1) } else { learning(.learning, 1, 600) }
        case (.new, .easy), (.learning, .easy): review(days: 4)
        case (.review, .again):
            next.lapses += 1
            learning(.relearning, 0, 600)
        case (.review, .hard): review(days: 2)
        case (.review, .good): review(days: 4)
        case (.review, .easy): review(days: 9)
        case (.relearning, .again): learning(.relearning, 0, 600)
        case (.relearning, _): review(days: 1)
        }
        return next
    }
}

enum Fixture {
    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
    /// 2026-03-10 12:00:00 UTC.
    static let noon = Date(timeIntervalSince1970: 1_773_144_000)
    static let day = StudyDay(timeZone: utc, rolloverHour: 4)

    static func card(_ n: Int, answer: String? = nil) -> Card {
        Card(id: CardID("q-\(n)"), kind: .question, prompt: "Question \(n)?", answer: answer ?? "answer \(n)")
    }

    static func deck(_ count: Int, id: String = "d1") -> Deck {
        Deck(id: id, title: "Deck \(id)", cards: (1...count).map { card($0) })
    }

    static func reviewRecord(dueIn seconds: Double, deck: String = "d1") -> CardRecord {
        CardRecord(
            state: CardState(
                phase: .review, stability: 3, difficulty: 5, due: noon.addingTimeInterval(seconds),
                lastReview: noon.addingTimeInterval(-3 * 86_400), reps: 3),
            deck: deck)
    }

    static func session(
        decks: [Deck], records: [CardID: CardRecord] = [:], today: DailyCounts = DailyCounts(),
        limits: StudyLimits = StudyLimits(), now: Date = noon, seed: UInt64 = 1
    ) -> StudySession {
        StudySession(
            cards: StudyCard.all(in: decks), records: records, today: today, limits: limits, day: day,
            scheduler: StepScheduler(), now: now, seed: seed)
    }
}

extension StudySession {
    /// Rate the current card and apply the event, as the command does after appending it.
    @discardableResult
    mutating func rate(_ rating: Rating, at now: Date, verdict: Verdict = .right, durationMs: Int = 1000)
        -> ReviewEvent?
    {
        guard next(now: now) != nil,
            let event = reviewEvent(rating: rating, answer: "x", verdict: verdict, durationMs: durationMs, now: now)
        else { return nil }
        apply(event)
        return event
    }

    /// The ids of the cards shown, rating each `rating`, until the session ends or `max` cards.
    mutating func drain(rating: Rating, from start: Date, step: TimeInterval = 5, max: Int = 100) -> [String] {
        var shown: [String] = []
        var now = start
        while shown.count < max, let item = next(now: now) {
            shown.append(item.card.id.rawValue)
            rate(rating, at: now)
            now = now.addingTimeInterval(step)
        }
        return shown
    }
}
