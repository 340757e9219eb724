import Foundation
import Testing

@testable import MnemoCore

/// Replays every line of py-fsrs 6.3.2's reference vectors (../shared/reference/fsrs/).
@Suite("py-fsrs 6.3.2 reference vectors")
struct ReferenceVectorTests {
    struct ConfigJSON: Decodable {
        var desired_retention: Double
        var learning_steps_s: [Double]
        var relearning_steps_s: [Double]
        var maximum_interval: Int
    }

    /// Every field any line kind uses; absent ones are nil.
    struct Line: Decodable {
        var kind: String
        // meta
        var parameters: [Double]?
        var configs: [String: ConfigJSON]?
        // review
        var config: String?, card: String?, i: Int?, when: String?, review_time: String?
        var rating: Int?, state: String?, step: Int?, stability: Double?, difficulty: Double?
        var due: String?, interval_seconds: Double?, scheduled_days: Int?
        var r_before: Double?, r_at_due: Double?, r_plus_30d: Double?
        // init
        var s0: Double?, d0: Double?, d0_unclamped: Double?
        // transition
        var s: Double?, d: Double?, t: Double?, r: Double?, s_new: Double?, d_new: Double?, interval_dr90: Int?
        // formula
        var fn: String?, value: Double?, decay: Double?, desired_retention: Double?, maximum_interval: Int?
        var raw: Double?, interval: Int?, at_random_0: Int?, at_random_0_5: Int?, at_random_1: Int?
    }

    static let vectorsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../../shared/reference/fsrs/pyfsrs-6.3.2-vectors.jsonl")
        .standardizedFileURL

    static func loadLines() throws -> [Line] {
        guard let data = FileManager.default.contents(atPath: vectorsURL.path) else {
            Issue.record(
                "reference vectors not found at \(vectorsURL.path): the tests need ../shared beside the repository")
            return []
        }
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(Line.self, from: Data($0)) }
    }

    static func date(_ text: String?) throws -> Date {
        let formatter = ISO8601DateFormatter()
        guard let text, let date = formatter.date(from: text) else { throw VectorError.badDate(text ?? "nil") }
        return date
    }

    enum VectorError: Error { case badDate(String), missing(String) }

    /// A review time from its `when` code (README): `start`, `due`, `due±Nd`, or `+N` m/h/d after the previous review.
    static func reconstruct(_ when: String, previousDue: Date?, previousReview: Date?) -> Date? {
        let units: [Character: Double] = ["m": 60, "h": 3600, "d": 86_400]
        if when == "start" { return Date(timeIntervalSince1970: 1_704_099_600) }  // 2024-01-01T09:00:00Z
        if when == "due" { return previousDue }
        func offset(_ text: Substring) -> Double? {
            guard let unit = text.last.flatMap({ units[$0] }), let n = Double(text.dropLast()) else { return nil }
            return n * unit
        }
        if when.hasPrefix("due"), let due = previousDue, let delta = offset(when.dropFirst(3)) {
            return due.addingTimeInterval(delta)
        }
        if when.hasPrefix("+"), let last = previousReview, let delta = offset(when.dropFirst()) {
            return last.addingTimeInterval(delta)
        }
        return nil
    }

    static func phase(_ name: String?) -> CardPhase? {
        switch name {
        case "Learning": .learning
        case "Review": .review
        case "Relearning": .relearning
        default: nil
        }
    }

    static func close(_ a: Double?, _ b: Double?, relative: Bool = false) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let tolerance = relative ? 1e-9 * max(1, abs(b)) : 1e-9
        return abs(a - b) <= tolerance
    }

    /// A generator that fails the test if the scheduler draws from it with fuzz off.
    struct NoDraws: RandomNumberGenerator {
        mutating func next() -> UInt64 {
            Issue.record("the scheduler drew a random number with fuzz off")
            return 0
        }
    }

    @Test("every review, init, transition and formula line matches")
    func allLines() throws {
        let lines = try Self.loadLines()
        guard let meta = lines.first(where: { $0.kind == "meta" }), let params = meta.parameters,
            let configs = meta.configs
        else {
            Issue.record("no meta line in \(Self.vectorsURL.path)")
            return
        }
        #expect(params == FSRSModel.defaultParameters)
        var checked = 0
        checked += try checkReviews(lines.filter { $0.kind == "review" }, configs: configs)
        checked += checkInit(lines.filter { $0.kind == "init" })
        checked += checkTransitions(lines.filter { $0.kind == "transition" })
        checked += checkFormulas(lines.filter { $0.kind == "formula" })
        let expected = lines.count - 1  // all but the meta line
        print("py-fsrs reference vectors: checked \(checked) lines of \(expected)")
        #expect(checked == expected)
        #expect(checked == 2858)
    }

    func checkReviews(_ reviews: [Line], configs: [String: ConfigJSON]) throws -> Int {
        var checked = 0
        let groups = Dictionary(grouping: reviews) { "\($0.config ?? "?")/\($0.card ?? "?")" }
        for (name, group) in groups.sorted(by: { $0.key < $1.key }) {
            guard let configName = group.first?.config, let json = configs[configName] else {
                Issue.record("\(name): unknown config")
                continue
            }
            let config = SchedulerConfig(
                desiredRetention: json.desired_retention, learningSteps: json.learning_steps_s,
                relearningSteps: json.relearning_steps_s, maximumInterval: json.maximum_interval,
                enableFuzz: false)
            let scheduler = try Scheduler(config)
            var card = CardState.new
            var rng = NoDraws()
            for line in group.sorted(by: { ($0.i ?? 0) < ($1.i ?? 0) }) {
                let at = "\(name) #\(line.i ?? -1)"
                let time = try Self.date(line.review_time)
                let expected = Self.reconstruct(line.when ?? "", previousDue: card.due, previousReview: card.lastReview)
                #expect(
                    expected == time,
                    "\(at): '\(line.when ?? "")' gives \(String(describing: expected)), the line says \(time)")
                guard let rating = line.rating.flatMap(Rating.init(rawValue:)) else {
                    throw VectorError.missing("\(at) rating")
                }
                let rBefore = scheduler.retrievability(of: card, at: time)
                #expect(
                    Self.close(rBefore, line.r_before ?? 0),
                    "\(at): r_before \(rBefore) vs \(String(describing: line.r_before))")
                let lapses = card.lapses
                let wasReview = card.phase == .review
                card = scheduler.review(card, rating: rating, at: time, using: &rng)
                let due = try Self.date(line.due)
                var ok = true
                ok = ok && card.phase == Self.phase(line.state)
                ok = ok && card.step == line.step
                ok = ok && Self.close(card.stability, line.stability, relative: true)
                ok = ok && Self.close(card.difficulty, line.difficulty)
                ok = ok && card.due == due
                ok = ok && card.lastReview == time
                ok = ok && card.reps == (line.i ?? -1) + 1
                ok = ok && card.lapses == lapses + (wasReview && rating == .again ? 1 : 0)
                let seconds = card.due.map { $0.timeIntervalSince(time) }
                ok = ok && seconds == line.interval_seconds
                if card.phase == .review {
                    ok = ok && seconds.map { Int($0 / 86_400) } == line.scheduled_days
                }
                ok = ok && Self.close(scheduler.retrievability(of: card, at: due), line.r_at_due)
                ok =
                    ok
                    && Self.close(
                        scheduler.retrievability(of: card, at: time.addingTimeInterval(30 * 86_400)), line.r_plus_30d)
                #expect(ok, "\(at): got \(card), expected \(line)")
                if ok { checked += 1 }
            }
        }
        return checked
    }

    func checkInit(_ lines: [Line]) -> Int {
        let model = FSRSModel(parameters: FSRSModel.defaultParameters)
        var checked = 0
        for line in lines {
            guard let rating = line.rating.flatMap(Rating.init(rawValue:)) else { continue }
            let ok =
                Self.close(model.initialStability(rating), line.s0, relative: true)
                && Self.close(model.initialDifficulty(rating), line.d0)
                && Self.close(model.initialDifficulty(rating, clamp: false), line.d0_unclamped)
            #expect(ok, "init \(rating)")
            if ok { checked += 1 }
        }
        return checked
    }

    func checkTransitions(_ lines: [Line]) -> Int {
        let model = FSRSModel(parameters: FSRSModel.defaultParameters)
        var checked = 0
        for line in lines {
            guard let s = line.s, let d = line.d, let t = line.t,
                let rating = line.rating.flatMap(Rating.init(rawValue:))
            else {
                Issue.record("malformed transition line \(line)")
                continue
            }
            let r = model.retrievability(elapsedDays: t, stability: s)
            let next = model.nextMemory(stability: s, difficulty: d, elapsedDays: Int(t), rating: rating)
            let days = model.interval(stability: next.stability, desiredRetention: 0.9, maximumInterval: 36500)
            let ok =
                Self.close(r, line.r) && Self.close(next.stability, line.s_new, relative: true)
                && Self.close(next.difficulty, line.d_new) && days == line.interval_dr90
            #expect(ok, "transition s=\(s) d=\(d) t=\(t) \(rating): got r=\(r) \(next) \(days), expected \(line)")
            if ok { checked += 1 }
        }
        return checked
    }

    func checkFormulas(_ lines: [Line]) -> Int {
        let model = FSRSModel(parameters: FSRSModel.defaultParameters)
        var checked = 0
        for line in lines {
            var ok = false
            switch line.fn {
            case "forgetting_curve":
                if let s = line.s, let t = line.t {
                    ok = Self.close(model.retrievability(elapsedDays: t, stability: s), line.value)
                }
            case "factor":
                if let decay = line.decay { ok = Self.close(FSRSModel.factor(decay: decay), line.value) }
            case "next_interval":
                if let s = line.s, let dr = line.desired_retention, let maxIvl = line.maximum_interval,
                    let value = line.value
                {
                    ok =
                        Self.close(model.rawInterval(stability: s, desiredRetention: dr), line.raw, relative: true)
                        && model.interval(stability: s, desiredRetention: dr, maximumInterval: maxIvl) == Int(value)
                }
            case "fuzz":
                if let ivl = line.interval, let maxIvl = line.maximum_interval {
                    let at = { (u: Double) in FSRSModel.fuzzedInterval(ivl, maximumInterval: maxIvl, unit: u) }
                    ok = at(0) == line.at_random_0 && at(0.5) == line.at_random_0_5 && at(1) == line.at_random_1
                }
            default:
                Issue.record("unknown formula \(line.fn ?? "nil")")
            }
            #expect(ok, "formula \(line)")
            if ok { checked += 1 }
        }
        return checked
    }
}
