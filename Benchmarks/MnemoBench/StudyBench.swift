import Foundation
import MnemoCore

/// `MnemoBench study`: the real `mnemo study` (release build, beside this executable) on a deck of
/// 10,000 cards with 200,000 logged reviews, driven through a pipe as a learner would:
/// - time from process start to the first card on screen (with and without the snapshot cache);
/// - time from a rating (Enter) to the next card on screen (each rating is appended and fsync'd).
/// Budgets (DESIGN.md): first card within 0.2 s; each answer durable within 5 ms. Times are
/// wall-clock (a separate process is timed), so a busy machine inflates them.
/// Build first: `swift build -c release --product mnemo`.
enum StudyBench {
    static func run() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "mnemo")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            print("study: \(binary.path) not found; run `swift build -c release --product mnemo` first")
            return
        }
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".build/study-bench-\(getpid())")
        try? FileManager.default.removeItem(at: base)
        defer { try? FileManager.default.removeItem(at: base) }
        let progress = base.appendingPathComponent("progress")
        try ProgressBench.generate(into: progress)
        let deckURL = base.appendingPathComponent("bench.json")
        try writeDeck(to: deckURL)

        // The first run finds no snapshot made with the real scheduler: it replays the whole log.
        let cold = try firstCard(binary: binary, deck: deckURL, progress: progress)
        print(String(format: "first card, no usable snapshot (replays 200,000 events): %.3f s", cold))
        var warm: [Double] = []
        var warmCPU: [Double] = []
        for _ in 0..<7 {
            warm.append(try firstCard(binary: binary, deck: deckURL, progress: progress))
            if let cpu = lastCPU { warmCPU.append(cpu) }
        }
        print(
            String(
                format: "first card with the snapshot: median %.3f s (min %.3f, max %.3f, 7 runs)",
                ProgressBench.median(warm), warm.min() ?? .nan, warm.max() ?? .nan))
        if !warmCPU.isEmpty {
            print(
                String(
                    format: "  CPU time of the process up to the first card (user+sys, 10 ms ticks): median %.3f s",
                    ProgressBench.median(warmCPU)))
        }

        let times = try ratingToNextCard(binary: binary, deck: deckURL, progress: progress, ratings: 40)
        print(
            String(
                format:
                    "rating → next card on screen (append + fsync + schedule + render): median %.2f ms, p90 %.2f ms (%d ratings)",
                ProgressBench.median(times) * 1000, ProgressBench.percentile(times, 0.9) * 1000, times.count))
        if let rss = peakRSS { print("peak resident memory of the last session: \(rss / 1024) MB") }
    }

    nonisolated(unsafe) static var peakRSS: Int?
    /// CPU seconds (user + system) the last session had used when its first card was on screen.
    nonisolated(unsafe) static var lastCPU: Double?

    /// User + system CPU seconds of process `pid` so far, from /proc (Linux; nil elsewhere).
    static func cpuSeconds(of pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func writeDeck(to url: URL) throws {
        var cards: [Card] = []
        for c in 0..<ProgressBench.cards {
            let year = 1900 + c % 120
            cards.append(
                Card(
                    id: CardID("cloze-\(String(c, radix: 16))"), kind: .cloze, prompt: "Event \(c) happened in [year].",
                    answer: "\(year)", answerType: .year,
                    evidence: [
                        Provenance(
                            source: "bench.txt", line: c + 1, start: 0, end: 20,
                            quote: "Event \(c) happened in \(year).")
                    ]))
        }
        let deck = Deck(id: "bench", title: "Bench", languages: ["en"], cards: cards)
        try deck.write(to: url)
    }

    /// A running session on pipes, read as it goes.
    final class Session {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        var text = ""

        init(binary: URL, deck: URL, progress: URL) throws {
            process.executableURL = binary
            process.arguments = ["study", "--progress", progress.path, "--seed", "1", deck.path]
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = "1"
            process.environment = env
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
        }

        func start() throws { try process.run() }

        func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

        /// Reads until `needle` has appeared `count` times in all output so far.
        func wait(for needle: String, count: Int) {
            while text.components(separatedBy: needle).count - 1 < count {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return }
                text += String(decoding: data, as: UTF8.self)
            }
        }

        func finish() {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
            {
                StudyBench.peakRSS = Int(line.split(separator: " ").dropFirst().first ?? "")
            }
            send(":quit")
            try? input.fileHandleForWriting.close()
            _ = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        }
    }

    static func firstCard(binary: URL, deck: URL, progress: URL) throws -> Double {
        let session = try Session(binary: binary, deck: deck, progress: progress)
        let seconds = try ProgressBench.seconds {
            try session.start()
            session.wait(for: "card 1 of", count: 1)
        }
        lastCPU = cpuSeconds(of: session.process.processIdentifier)
        session.finish()
        return seconds
    }

    static func ratingToNextCard(binary: URL, deck: URL, progress: URL, ratings: Int) throws -> [Double] {
        let session = try Session(binary: binary, deck: deck, progress: progress)
        try session.start()
        session.wait(for: "card 1 of", count: 1)
        var times: [Double] = []
        for n in 1...ratings {
            session.send("1999")
            session.wait(for: "or 1-4: ", count: n)
            let headers = session.text.components(separatedBy: " · card ").count - 1
            times.append(
                ProgressBench.seconds {
                    session.send("")
                    session.wait(for: " · card ", count: headers + 1)
                })
        }
        session.finish()
        return times
    }
}
