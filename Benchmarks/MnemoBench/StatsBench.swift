import Foundation
import MnemoCore

/// `mnemo stats` as a whole process on 10,000 cards and 1,000,000 logged reviews (plus undo events),
/// after a study session left its snapshot: text, `--json` and `--html`, and `mnemo class` over
/// three students (the same folder three times). Budget (issue #5): under 1 s wall. Prints medians of
/// wall and CPU (user+sys, steadier on a shared machine) and the load average before and after.
/// Needs the release `mnemo` beside this benchmark:
/// `swift build -c release && swift run -c release MnemoBench stats`.
enum StatsBench {
    static let cards = 10_000
    static let reviews = 1_000_000

    static func run() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "mnemo")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchError("no mnemo at \(binary.path); run `swift build -c release` first")
        }
        // MNEMO_STATS_BENCH_DIR keeps the generated deck and log between runs (for profiling).
        let kept = ProcessInfo.processInfo.environment["MNEMO_STATS_BENCH_DIR"]
        let folder =
            kept.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-stats-bench-\(getpid())")
        let reuse = FileManager.default.fileExists(atPath: folder.appendingPathComponent("progress/snapshot.json").path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
        let deckURL = folder.appendingPathComponent("deck.json")
        let progress = folder.appendingPathComponent("progress")
        if !reuse { try generate(deckURL: deckURL, progress: progress) }
        try measure(binary, deck: deckURL, progress: progress)
    }

    static func generate(deckURL: URL, progress: URL) throws {

        let deck = makeDeck()
        try deck.write(to: deckURL)
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let events = makeEvents(deck)
        let bytes = ReviewLog.lines(for: events)
        try Data(bytes).write(to: progress.appendingPathComponent(ReviewLog.fileName))

        // A session's close leaves the snapshot (the store replays the log once to build it).
        let setup = try wallSeconds {
            let owner = LockOwner(pid: getpid(), host: "", command: "MnemoBench", since: Date())
            let store = try ProgressStore(folder: progress, access: .readWrite(owner))
            store.close()
        }
        let deckMB = Double((try? FileManager.default.attributesOfItem(atPath: deckURL.path)[.size] as? Int) ?? 0) / 1e6
        print(
            String(
                format: "stats: log %.0f MB (%d events), deck %.1f MB; snapshot built in %.2f s",
                Double(bytes.count) / 1e6, events.count, deckMB, setup))
    }

    /// Runs per figure (MNEMO_STATS_BENCH_RUNS, default 7).
    static var runs: Int { ProcessInfo.processInfo.environment["MNEMO_STATS_BENCH_RUNS"].flatMap(Int.init) ?? 7 }

    static func measure(_ binary: URL, deck deckURL: URL, progress: URL) throws {
        let html = progress.deletingLastPathComponent().appendingPathComponent("stats.html").path
        let stats = ["stats", deckURL.path, "--progress", progress.path, "--now", "2026-11-22T12:00:00Z"]
        // A class of three students (the same progress three times: three million reviews).
        let roll = [
            "class", progress.path, progress.path, progress.path, "--deck", deckURL.path, "--now",
            "2026-11-22T12:00:00Z",
        ]
        print("stats: load average before: \(loadAverage()); \(ProcessInfo.processInfo.activeProcessorCount) cores")
        for (label, arguments, budget) in [
            ("stats", stats, "budget 1.0 s wall"), ("stats --json", stats + ["--json"], "budget 1.0 s wall"),
            ("stats --html", stats + ["--html", html], "budget 1.0 s wall"), ("class x3", roll, "no budget"),
        ] {
            var times: [Double] = []
            var cpu: [Double] = []
            for _ in 0..<runs {
                let before = childCPUSeconds()
                times.append(try wallSeconds { try run(binary, arguments) })
                cpu.append(childCPUSeconds() - before)
            }
            print(
                String(
                    format:
                        "%@: whole process, median of %d runs: %.3f s wall (min %.3f, max %.3f; %@), %.3f s CPU user+sys (min %.3f)",
                    label, runs, median(times), times.min() ?? 0, times.max() ?? 0, budget, median(cpu),
                    cpu.min() ?? 0))
        }
        print("stats: load average after: \(loadAverage())")
    }

    /// The 1-, 5- and 15-minute load averages, as `uptime` prints them.
    static func loadAverage() -> String {
        var loads = [0.0, 0.0, 0.0]
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: ", ")
    }

    /// Wall-clock seconds (the whole child process; `measureSeconds` counts this thread's CPU only).
    static func wallSeconds(_ body: () throws -> Void) rethrows -> Double {
        let elapsed = try ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// User + system time of finished child processes (independent of how busy the machine is).
    static func childCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func run(_ binary: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("mnemo \(arguments.first ?? "") exited \(process.terminationStatus)")
        }
    }

    static func makeDeck() -> Deck {
        let sources = (0..<20).map {
            SourceInfo(file: "source-\($0).txt", title: "Source \($0)", sha256: "00", language: "en")
        }
        let cards = (0..<cards).map { i in
            Card(
                id: CardID("question-\(String(format: "%016x", i))"), kind: .question,
                prompt: "In which year did event number \(i) of the long chronicle take place?",
                answer: "\(1000 + i % 1000)",
                evidence: [
                    Provenance(
                        source: "source-\(i % 20).txt", line: i / 20 + 1, start: 0, end: 60,
                        quote: "Event number \(i) of the long chronicle took place in \(1000 + i % 1000).")
                ], tags: ["date", "chapter-\(i % 12)"])
        }
        return Deck(id: "bench", title: "Benchmark deck", sources: sources, cards: cards)
    }

    /// 100 reviews per card over about two and a half years, 1% of them taken back by an undo.
    static func makeEvents(_ deck: Deck) -> [ReviewEvent] {
        var rng = SeededGenerator(seed: 7)
        var events: [ReviewEvent] = []
        events.reserveCapacity(reviews + reviews / 50)
        let start = Date(timeIntervalSince1970: 1_704_099_600)  // 2024-01-01
        let perCard = reviews / deck.cards.count
        var n = 0
        for card in deck.cards {
            var time = start.addingTimeInterval(Double(rng.next() % 365) * 86_400 + Double(rng.next() % 86_400))
            for k in 0..<perCard {
                let roll = rng.next() % 100
                let rating: Rating = roll < 10 ? .again : roll < 20 ? .hard : roll < 90 ? .good : .easy
                let id = String(format: "%08X-0000-4000-8000-%012X", n, rng.next() & 0xFFFF_FFFF_FFFF)
                n += 1
                events.append(
                    ReviewEvent(
                        id: id, kind: .review, card: card.id, deck: deck.id, time: LogTime.truncated(time),
                        rating: rating,
                        answer: "1\(k % 10)45", verdict: rating == .again ? .wrong : .right,
                        durationMs: 2000 + Int(rng.next() % 12_000)))
                if rng.next() % 100 == 0 {
                    events.append(
                        ReviewEvent(
                            id: "undo-\(id)", kind: .undo, card: card.id, deck: deck.id,
                            time: LogTime.truncated(time.addingTimeInterval(2)), undoes: id))
                }
                time = time.addingTimeInterval(k < 2 ? 600 : Double(1 + rng.next() % 16) * 86_400 / 2)
            }
        }
        events.sort { $0.time < $1.time }
        return events
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
