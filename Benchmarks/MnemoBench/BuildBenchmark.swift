import DeckBuilder
import Foundation

/// `build` benchmark: DeckBuilder on the five sources (median of runs) and throughput on a large
/// generated corpus (the sources repeated with variations plus generated prose), with peak memory.
/// Run: `swift run -c release MnemoBench build`; MNEMO_BENCH_SOURCES (default ../shared/sources) and
/// MNEMO_BENCH_CORPUS_MB (default 100) change the inputs. The corpus is written to a temporary folder and removed.
enum BuildBenchmark {
    static func run() {
        let env = ProcessInfo.processInfo.environment
        run(arguments: [env["MNEMO_BENCH_SOURCES"] ?? "../shared/sources", env["MNEMO_BENCH_CORPUS_MB"] ?? "100"])
    }

    static func run(arguments: [String]) {
        let sources = arguments.first ?? "../shared/sources"
        let megabytes = arguments.count > 1 ? Int(arguments[1]) ?? 100 : 100
        var times: [Double] = []
        for _ in 0..<9 {
            let start = Date()
            _ = DeckBuilder(options: .init(title: "bench")).build(paths: [sources])
            times.append(Date().timeIntervalSince(start))
        }
        times.sort()
        print(String(format: "build five sources (in-process): median %.1f ms", times[times.count / 2] * 1000))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-corpus-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = makeCorpus(from: sources, in: dir, megabytes: megabytes)
        let cpuBefore = cpuSeconds()
        let start = Date()
        let result = DeckBuilder(options: .init(title: "corpus", maxCards: 2000, keepDroppedLines: false)).build(
            paths: [dir.path])
        let seconds = Date().timeIntervalSince(start)
        let cpu = cpuSeconds() - cpuBefore
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print(
            String(
                format: "corpus %.1f MB: %.2f s wall, %.2f s CPU, %.1f MB/s (CPU), %d cards, peak RSS %.0f MB",
                Double(bytes) / 1e6, seconds, cpu, Double(bytes) / 1e6 / cpu, result.deck.cards.count,
                Double(usage.ru_maxrss) / 1024))
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
            usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Files of about 1 MB each: source texts with numbers and names varied, and generated prose.
    static func makeCorpus(from sources: String, in dir: URL, megabytes: Int) -> Int {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let texts = ((try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []).sorted()
            .filter { $0.hasSuffix(".txt") }
            .compactMap { try? String(contentsOfFile: sources + "/" + $0, encoding: .utf8) }
        let months = ["January", "March", "May", "July", "August", "October"]
        let nouns = ["soldiers", "prisoners", "tanks", "aircraft", "workers", "refugees"]
        let names = ["Zhukov", "Vasilevsky", "Yamada", "Stalin", "Truman", "Attlee"]
        var total = 0
        var fileIndex = 0
        while total < megabytes * 1_000_000 {
            var text = ""
            var k = fileIndex
            while text.utf8.count < 1_000_000 {
                k += 1
                if k % 3 == 0, !texts.isEmpty {
                    text += texts[k % texts.count].replacingOccurrences(of: "1945", with: String(1900 + k % 99)) + "\n"
                } else {
                    let year = 1800 + k % 220
                    text +=
                        "On \(months[k % 6]) \(1 + k % 28), \(year), Marshal \(names[k % 6]) ordered \(1000 + (k * 37) % 90000) \(nouns[k % 6]) to the front near river \(k % 977). "
                    text +=
                        "The campaign lasted \(2 + k % 40) days and ended in \(year + 1), when the treaty of city \(k % 313) was signed.\n"
                }
            }
            let url = dir.appendingPathComponent(String(format: "corpus-%04d.txt", fileIndex))
            try? text.write(to: url, atomically: false, encoding: .utf8)
            total += text.utf8.count
            fileIndex += 1
        }
        return total
    }
}
