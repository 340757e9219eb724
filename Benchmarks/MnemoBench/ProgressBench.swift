import Foundation
import MnemoCore

/// `MnemoBench progress`: appending one event durably, and loading a progress folder of 200,000
/// events over 10,000 cards with and without its snapshot. Budgets (DESIGN.md): an answer durable
/// within 5 ms; the first card on screen within 0.2 s.
enum ProgressBench {
    static let cards = 10_000
    static let events = 200_000

    static func run() throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".build/progress-bench-\(getpid())")
        try? FileManager.default.removeItem(at: base)
        defer { try? FileManager.default.removeItem(at: base) }
        let applier = try benchApplier()
        let owner = LockOwner(pid: getpid(), host: "bench", command: "MnemoBench progress", since: Date())

        // 1. Append + fsync, one event at a time (on the disk the repository is on, not tmpfs).
        let small = base.appendingPathComponent("append")
        let store = try ProgressStore(folder: small, access: .readWrite(owner), applier: applier)
        var appendTimes: [Double] = []
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        for i in 0..<300 {
            let event = ReviewEvent(
                kind: .review, card: CardID("cloze-\(i % 50)"), deck: "bench",
                time: start.addingTimeInterval(Double(i) * 30),
                rating: .good, answer: "1945", verdict: .right, durationMs: 3000)
            appendTimes.append(try seconds { try store.append(event) })
        }
        store.close()
        print(
            String(
                format: "append+fsync one event: median %.3f ms, p90 %.3f ms (300 appends)",
                median(appendTimes) * 1000, percentile(appendTimes, 0.9) * 1000))

        // 2. A large folder.
        let big = base.appendingPathComponent("large")
        let generated = try seconds { try generate(into: big) }
        let size =
            (try? FileManager.default.attributesOfItem(atPath: big.appendingPathComponent("reviews.jsonl").path)[.size]
                as? Int) ?? 0
        print(
            String(
                format: "generated %d events for %d cards (%.1f MB log) in %.2f s", events, cards, Double(size) / 1e6,
                generated))

        var parseTimes: [Double] = []
        var parseCPU: [Double] = []
        for _ in 0..<5 {
            let c0 = cpuSeconds()
            parseTimes.append(try seconds { _ = try ReviewLog.events(inFolder: big) })
            parseCPU.append(cpuSeconds() - c0)
        }
        print(
            String(
                format: "read+decode the whole log (hand-tuned decoder): median %.3f s wall, %.3f s CPU",
                median(parseTimes), median(parseCPU)))

        let sample = try Array(
            Data(contentsOf: big.appendingPathComponent("reviews.jsonl")).split(separator: 0x0A).prefix(20_000))
        let jsonDecoderTime = try seconds {
            for line in sample { _ = try JSONSerialization.jsonObject(with: Data(line)) }
        }
        print(
            String(
                format: "for comparison, JSONSerialization on 20,000 lines: %.3f s (x10 for the log: %.2f s)",
                jsonDecoderTime, jsonDecoderTime * 10))

        var rebuildTimes: [Double] = []
        var rebuildCPU: [Double] = []
        for _ in 0..<5 {
            try? FileManager.default.removeItem(at: big.appendingPathComponent("snapshot.json"))
            let c0 = cpuSeconds()
            rebuildTimes.append(try seconds { _ = try ProgressStore(folder: big, access: .readOnly, applier: applier) })
            rebuildCPU.append(cpuSeconds() - c0)
        }
        print(
            String(
                format: "load without snapshot (replay 200,000 events with FSRS): median %.3f s wall, %.3f s CPU",
                median(rebuildTimes), median(rebuildCPU)))

        let writer = try ProgressStore(folder: big, access: .readWrite(owner), applier: applier)
        writer.close()
        var snapshotTimes: [Double] = []
        var snapshotCPU: [Double] = []
        var records = 0
        for _ in 0..<7 {
            let c0 = cpuSeconds()
            defer { snapshotCPU.append(cpuSeconds() - c0) }
            snapshotTimes.append(
                try seconds {
                    let s = try ProgressStore(folder: big, access: .readOnly, applier: applier)
                    precondition(s.loadPath == .snapshot(newEvents: 0))
                    records = s.records.count
                })
        }
        print(
            String(
                format: "load with snapshot (%d cards): median %.3f s wall, %.3f s CPU", records, median(snapshotTimes),
                median(snapshotCPU)))
        var saveTimes: [Double] = []
        let session = try ProgressStore(folder: big, access: .readWrite(owner), applier: applier)
        for _ in 0..<5 { saveTimes.append(try seconds { try session.saveSnapshot() }) }
        session.close()
        print(String(format: "save snapshot (%d cards): median %.3f s", records, median(saveTimes)))
    }

    /// 20 events a card: reviews a few days apart, with some undo, suspend and bury events.
    static func generate(into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var rng = SeededGenerator(seed: 42)
        var out: [UInt8] = []
        out.reserveCapacity(events * 220)
        let perCard = events / cards
        var all: [ReviewEvent] = []
        all.reserveCapacity(events)
        let start = Date(timeIntervalSince1970: 1_730_000_000)
        for c in 0..<cards {
            let card = CardID("cloze-\(String(c, radix: 16))")
            var time = start.addingTimeInterval(Double(c) * 60)
            var previous: String?
            for k in 0..<perCard {
                time = time.addingTimeInterval(Double(rng.next() % 5 + 1) * 86_400 + Double(rng.next() % 3600))
                let id = UUID().uuidString
                let roll = rng.next() % 100
                let event: ReviewEvent
                if roll < 2, let p = previous {
                    event = ReviewEvent(id: id, kind: .undo, card: card, deck: "bench", time: time, undoes: p)
                } else if roll < 3 {
                    event = ReviewEvent(
                        id: id, kind: k % 2 == 0 ? .suspend : .unsuspend, card: card, deck: "bench", time: time)
                } else {
                    let rating = Rating(rawValue: Int(rng.next() % 10 < 2 ? 1 : 3)) ?? .good
                    event = ReviewEvent(
                        id: id, kind: .review, card: card, deck: "bench", time: time, rating: rating,
                        answer: "answer \(k)", verdict: rating == .again ? .wrong : .right,
                        durationMs: Int(rng.next() % 9000))
                }
                previous = id
                all.append(event)
            }
        }
        all.sort { $0.time < $1.time }
        // Appending through the store would fsync 200,000 times; the file is written directly instead.
        for event in all {
            out.append(contentsOf: Array(try encodeLine(event).utf8))
            out.append(0x0A)
        }
        try Data(out).write(to: folder.appendingPathComponent("reviews.jsonl"))
    }

    /// The log line for `event`, through the public merge writer's format.
    static func encodeLine(_ event: ReviewEvent) throws -> String { ReviewLog.line(for: event) }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let d = try clock.measure(body)
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    /// CPU time of this process (user + system): a fairer figure than wall time on a shared machine.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
}

extension ProgressBench {
    /// The FSRS-6 scheduler with default settings (fuzz on), as `mnemo study` replays.
    static func benchApplier() throws -> ReviewApplier {
        ReviewApplier(scheduler: try Scheduler())
    }
}
