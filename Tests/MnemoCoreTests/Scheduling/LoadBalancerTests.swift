import Foundation
import Testing

@testable import MnemoCore

@Suite("Load balancer")
struct LoadBalancerTests {
    let start = Date(timeIntervalSince1970: 1_704_099_600)  // 2024-01-01T09:00:00Z

    /// A Review card last seen `stability` days before `start`.
    func reviewCard(stability: Double) -> CardState {
        CardState(
            phase: .review, stability: stability, difficulty: 5, due: start,
            lastReview: start.addingTimeInterval(-stability * 86_400), reps: 4)
    }

    func days(from now: Date, to due: Date?) -> Int {
        Int(((due ?? now).timeIntervalSince(now) / 86_400).rounded())
    }

    /// A histogram with `count` cards on each day from `today + from` to `today + to`, except `except`.
    func crowded(today: Int, from: Int, to: Int, count: Int, except: Set<Int> = []) -> DueHistogram {
        var load = DueHistogram()
        for d in from...to where !except.contains(d) { for _ in 0..<count { load.add(day: today + d) } }
        return load
    }

    @Test(
        "balancer days roll over at 04:00 UTC, from whole milliseconds",
        arguments: [
            (0.0, -1), (14_399.999, -1), (14_400, 0), (100_799.999, 0), (100_800, 1), (-72_000, -1),
            (-72_000.001, -2),
        ] as [(Double, Int)])
    func dayNumbers(seconds: Double, day: Int) {
        #expect(DueHistogram.day(of: Date(timeIntervalSince1970: seconds)) == day)
    }

    @Test("the histogram counts, grows both ways, and compares by content")
    func histogram() {
        var a = DueHistogram()
        var b = DueHistogram()
        for day in [20_000, 19_000, 21_500, 20_000] { a.add(day: day) }
        for day in [21_500, 20_000, 20_000, 19_000] { b.add(day: day) }
        #expect(a == b)
        #expect(a.count(onDay: 20_000) == 2 && a.count(onDay: 19_000) == 1 && a.count(onDay: 5) == 0)
        #expect(a.total == 4)
        a.remove(day: 20_000)
        a.remove(day: 7)  // not counted: no effect
        #expect(a.count(onDay: 20_000) == 1 && a.total == 3)
        #expect(a != b)
        #expect(a.days.map(\.day) == [19_000, 20_000, 21_500])
    }

    @Test(
        "candidate days: the SPEC §5 fuzz range, kept within the minimum and the maximum interval, widened to two days",
        arguments: [
            (7, 1, 36500, 5, 9), (20, 1, 36500, 17, 23), (8, 1, 36500, 6, 10), (2, 1, 36500, 2, 2),
            (2, 3, 36500, 3, 4), (20, 25, 36500, 25, 28), (30, 1, 31, 27, 31), (3, 3, 3, 3, 3),
            (10, 12, 36500, 12, 14),
        ])
    func bounds(interval: Int, minimum: Int, maximum: Int, lower: Int, upper: Int) {
        let b = LoadBalancer.bounds(interval: interval, minimum: minimum, maximumInterval: maximum)
        #expect(b.lower == lower && b.upper == upper)
    }

    @Test("weights: an empty day weighs 1, a day with n cards (1/n)² · 1/interval, as Anki")
    func weights() {
        #expect(LoadBalancer.weight(due: 0, interval: 10) == 1)
        #expect(LoadBalancer.weight(due: 1, interval: 10) == 0.1)
        #expect(abs(LoadBalancer.weight(due: 4, interval: 5) - 1.0 / 80) < 1e-15)
    }

    @Test("the pick stays within its range, for every draw and load", arguments: [(2, 4), (5, 9), (17, 23), (40, 46)])
    func pickWithinRange(lower: Int, upper: Int) {
        var rng = SeededGenerator(seed: UInt64(lower))
        for _ in 0..<300 {
            var load = DueHistogram()
            for d in 0...60 { for _ in 0..<(Int(rng.next() % 12)) { load.add(day: 19_000 + d) } }
            let u = Double(rng.next() >> 11) * 0x1p-53
            let day = LoadBalancer.pick(lower: lower, upper: upper, today: 19_000, load: load, unit: u)
            #expect((lower...upper).contains(day))
        }
        let today = 19_000
        #expect(LoadBalancer.pick(lower: 5, upper: 9, today: today, load: DueHistogram(), unit: 0) == 5)
        #expect(LoadBalancer.pick(lower: 5, upper: 9, today: today, load: DueHistogram(), unit: 0.999_999) == 9)
    }

    @Test("a day with fewer cards due is preferred: 1 card against 10 wins about 99 % of the draws")
    func fewerIsPreferred() {
        var load = DueHistogram()
        for _ in 0..<10 { load.add(day: 19_010) }
        load.add(day: 19_011)
        var rng = SeededGenerator(seed: 7)
        var wins = 0
        for _ in 0..<1000 {
            let u = Double(rng.next() >> 11) * 0x1p-53
            if LoadBalancer.pick(lower: 10, upper: 11, today: 19_000, load: load, unit: u) == 11 { wins += 1 }
        }
        #expect(wins > 970)
    }

    @Test(
        "through the scheduler: an empty day among crowded ones is chosen (seeded per event id), and not without balancing"
    )
    func emptyDayPreferred() throws {
        let scheduler = try Scheduler()
        // A new card rated Easy graduates to about 8 days: fuzz range 6…10.
        let today = DueHistogram.day(of: start)
        let load = crowded(today: today, from: 1, to: 30, count: 20, except: [9])
        var balanced = 0
        var plain = 0
        var seen = Set<Int>()
        for n in 0..<400 {
            var rng = SeededGenerator(seedString: "event-\(n)")
            var copy = rng
            let withLoad = scheduler.review(.new, rating: .easy, at: start, using: &rng, dueLoad: load)
            let without = scheduler.review(.new, rating: .easy, at: start, using: &copy)
            let d = days(from: start, to: withLoad.due)
            seen.insert(days(from: start, to: without.due))
            #expect((6...10).contains(d))
            if d == 9 { balanced += 1 }
            if days(from: start, to: without.due) == 9 { plain += 1 }
        }
        #expect(balanced > 380)
        #expect(plain < 150)
        #expect(seen.count >= 4)
    }

    @Test(
        "Hard ≤ Good < Easy still holds with balancing, each within its range, over 300 draws",
        arguments: [3.0, 8, 20, 60, 150])
    func orderHolds(stability: Double) throws {
        let scheduler = try Scheduler()
        let exact = try Scheduler(SchedulerConfig(enableFuzz: false))
        let card = reviewCard(stability: stability)
        let today = DueHistogram.day(of: start)
        var loadRNG = SeededGenerator(seed: UInt64(stability * 10))
        let unfuzzed = exact.preview(card, at: start, using: &loadRNG).mapValues { days(from: start, to: $0.due) }
        for n in 0..<300 {
            var load = DueHistogram()
            for d in 0...120 { for _ in 0..<(Int(loadRNG.next() % 15)) { load.add(day: today + d) } }
            var rng = SeededGenerator(seedString: "e\(n)")
            let preview = scheduler.preview(card, at: start, using: &rng, dueLoad: load)
            let hard = days(from: start, to: preview[.hard]?.due)
            let good = days(from: start, to: preview[.good]?.due)
            let easy = days(from: start, to: preview[.easy]?.due)
            #expect(hard <= good && good < easy, "S \(stability) draw \(n): \(hard) \(good) \(easy)")
            for (rating, value, minimum) in [(Rating.hard, hard, 1), (.good, good, hard), (.easy, easy, good + 1)] {
                let d = unfuzzed[rating] ?? 0
                guard d >= 3, LoadBalancer.balances(interval: d, minimum: minimum) else { continue }
                let b = LoadBalancer.bounds(interval: d, minimum: minimum, maximumInterval: 36500)
                #expect((b.lower...b.upper).contains(value), "\(rating) \(d) → \(value), min \(minimum)")
            }
            // The preview is what the rating gives, with the same generator and due counts.
            var again = SeededGenerator(seedString: "e\(n)")
            #expect(scheduler.review(card, rating: .good, at: start, using: &again, dueLoad: load) == preview[.good])
        }
    }

    @Test(
        "no balancing with fuzz off, with load balancing off, or past 90 days: the due counts change nothing",
        arguments: [
            (SchedulerConfig(enableFuzz: false), 10.0), (SchedulerConfig(enableFuzz: false), 200),
            (SchedulerConfig(loadBalance: false), 10), (SchedulerConfig(loadBalance: false), 30),
            (SchedulerConfig(), 400),
        ] as [(SchedulerConfig, Double)])
    func unchanged(config: SchedulerConfig, stability: Double) throws {
        let scheduler = try Scheduler(config)
        let card = reviewCard(stability: stability)
        let today = DueHistogram.day(of: start)
        let load = crowded(today: today, from: 0, to: 1000, count: 3, except: Set(stride(from: 0, to: 1000, by: 4)))
        for n in 0..<100 {
            for rating in Rating.allCases {
                var a = SeededGenerator(seedString: "x\(n)")
                var b = a
                #expect(
                    scheduler.review(card, rating: rating, at: start, using: &a, dueLoad: load)
                        == scheduler.review(card, rating: rating, at: start, using: &b))
            }
        }
    }

    @Test("loadBalance: defaults to on, missing in old settings means on, round-trips, and changes the config hash")
    func setting() throws {
        #expect(SchedulerConfig.default.loadBalance)
        let old = try JSONDecoder().decode(SchedulerConfig.self, from: Data(#"{"enableFuzz":true}"#.utf8))
        #expect(old.loadBalance)
        let off = SchedulerConfig(loadBalance: false)
        let data = try JSONEncoder().encode(off)
        #expect(String(decoding: data, as: UTF8.self).contains(#""loadBalance":false"#))
        #expect(try JSONDecoder().decode(SchedulerConfig.self, from: data) == off)
        let on = try ReviewApplier.scheduling(with: .default)
        let without = try ReviewApplier.scheduling(with: off)
        #expect(on.configHash != without.configHash)
        #expect(on.balances && !without.balances)
        #expect(try !ReviewApplier.scheduling(with: SchedulerConfig(enableFuzz: false)).balances)
    }
}
