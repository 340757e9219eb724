import Foundation
import Testing

@testable import MnemoCore

@Suite("Scheduler")
struct SchedulerTests {
    let start = Date(timeIntervalSince1970: 1_704_099_600)  // 2024-01-01T09:00:00Z

    @Test("bad parameters give one error listing every bad one")
    func badParameters() {
        var config = SchedulerConfig.default
        config.parameters[0] = 0
        config.parameters[7] = 0.9
        config.parameters[20] = .nan
        #expect(
            throws: SchedulingError.parametersOutOfBounds([
                .init(index: 0, value: 0, lower: 0.001, upper: 100),
                .init(index: 7, value: 0.9, lower: 0.001, upper: 0.75),
                .init(index: 20, value: .nan, lower: 0.1, upper: 0.8),
            ])
        ) { try Scheduler(config) }
        do {
            _ = try Scheduler(config)
        } catch {
            #expect(
                error.description
                    == "FSRS parameters out of bounds: w0 = 0.0 (allowed 0.001…100.0), w7 = 0.9 (allowed 0.001…0.75), w20 = nan (allowed 0.1…0.8)"
            )
        }
    }

    @Test(
        "wrong count, bad retention, bad maximum interval and bad steps are refused",
        arguments: [
            (SchedulerConfig(parameters: Array(repeating: 1, count: 19)), "FSRS-6 needs 21 parameters, got 19"),
            (SchedulerConfig(desiredRetention: 1), "desired retention must be between 0 and 1 (exclusive), got 1.0"),
            (SchedulerConfig(desiredRetention: 0), "desired retention must be between 0 and 1 (exclusive), got 0.0"),
            (SchedulerConfig(maximumInterval: 0), "maximum interval must be at least 1 day, got 0"),
            (SchedulerConfig(learningSteps: [60, -1]), "learning steps must be positive numbers of seconds, got -1.0"),
            (SchedulerConfig(relearningSteps: [0]), "relearning steps must be positive numbers of seconds, got 0.0"),
        ])
    func refused(config: SchedulerConfig, message: String) {
        do {
            _ = try Scheduler(config)
            Issue.record("accepted \(config)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("default config is accepted and round-trips through JSON; missing keys take defaults")
    func codable() throws {
        let scheduler = try Scheduler()
        #expect(scheduler.config == .default)
        let data = try JSONEncoder().encode(SchedulerConfig(desiredRetention: 0.85, enableFuzz: false))
        let back = try JSONDecoder().decode(SchedulerConfig.self, from: data)
        #expect(back.desiredRetention == 0.85 && !back.enableFuzz && back.parameters == FSRSModel.defaultParameters)
        let partial = try JSONDecoder().decode(SchedulerConfig.self, from: Data(#"{"desiredRetention":0.8}"#.utf8))
        #expect(partial == SchedulerConfig(desiredRetention: 0.8))
    }

    @Test("a new card: first Good starts learning, R is 0 before any review")
    func newCard() throws {
        let scheduler = try Scheduler()
        var rng = SeededGenerator(seed: 1)
        #expect(scheduler.retrievability(of: .new, at: start) == 0)
        let card = scheduler.review(.new, rating: .good, at: start, using: &rng)
        #expect(card.phase == .learning && card.step == 1 && card.reps == 1 && card.lapses == 0)
        #expect(card.stability == 2.3065)
        #expect(card.due == start.addingTimeInterval(600))
        let hard = scheduler.review(.new, rating: .hard, at: start, using: &rng)
        #expect(hard.due == start.addingTimeInterval(330))
    }

    @Test("lapses count Again on Review-phase cards only")
    func lapses() throws {
        let scheduler = try Scheduler(SchedulerConfig(enableFuzz: false))
        var rng = SeededGenerator(seed: 1)
        var card = scheduler.review(.new, rating: .again, at: start, using: &rng)
        #expect(card.lapses == 0)
        card = scheduler.review(card, rating: .easy, at: start.addingTimeInterval(60), using: &rng)
        #expect(card.phase == .review)
        card = scheduler.review(card, rating: .again, at: card.due ?? start, using: &rng)
        #expect(card.phase == .relearning && card.step == 0 && card.lapses == 1 && card.reps == 3)
        card = scheduler.review(card, rating: .again, at: card.due ?? start, using: &rng)
        #expect(card.lapses == 1)
    }

    @Test("fuzz is reproducible from the seed, stays within SPEC §5 bounds, and preview agrees with review")
    func fuzz() throws {
        let scheduler = try Scheduler()
        let card = CardState(
            phase: .review, stability: 100, difficulty: 5, due: start,
            lastReview: start.addingTimeInterval(-100 * 86_400), reps: 5)
        var seen = Set<Int>()
        for seed in 0..<400 {
            var a = SeededGenerator(seedString: "event-\(seed)")
            var b = a
            let preview = scheduler.preview(card, at: start, using: &a)
            let reviewed = scheduler.review(card, rating: .good, at: start, using: &b)
            #expect(preview[.good] == reviewed)
            #expect(preview.count == 4)
            var c = SeededGenerator(seedString: "event-\(seed)")
            #expect(scheduler.review(card, rating: .good, at: start, using: &c) == reviewed)
            let days = Int(((reviewed.due ?? start).timeIntervalSince(start) / 86_400).rounded())
            seen.insert(days)
        }
        let unfuzzed = try Scheduler(SchedulerConfig(enableFuzz: false))
        var none = SeededGenerator(seed: 0)
        let plain = unfuzzed.review(card, rating: .good, at: start, using: &none)
        let ivl = Int(((plain.due ?? start).timeIntervalSince(start) / 86_400).rounded())
        let range = FSRSModel.fuzzRange(interval: ivl, maximumInterval: 36500)
        #expect(seen.min() == range.min)
        #expect(seen.max().map { $0 <= range.max + 1 } == true)
        #expect(seen.count >= range.max - range.min)
    }

    @Test(
        "fuzz ranges as SPEC §5 measured",
        arguments: [
            (3, 2, 5), (7, 5, 10), (20, 17, 24), (100, 93, 108), (365, 345, 386),
        ])
    func fuzzRanges(interval: Int, low: Int, high: Int) {
        #expect(FSRSModel.fuzzedInterval(interval, maximumInterval: 36500, unit: 0) == low)
        #expect(FSRSModel.fuzzedInterval(interval, maximumInterval: 36500, unit: 0.999_999_999) == high)
    }
}
