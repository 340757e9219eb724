import DeckBuilder
import Foundation

/// `build` benchmark: DeckBuilder on the five sources in-process (median of runs). Throughput on a
/// large varied corpus, whole process, is `Benchmarks/build-throughput.sh` (its corpus generator,
/// `Benchmarks/make-corpus.py`, replaced the one here, whose files repeated each other).
/// Run: `swift run -c release MnemoBench build`; MNEMO_BENCH_SOURCES (default ../shared/sources).
enum BuildBenchmark {
    static func run() {
        let sources = ProcessInfo.processInfo.environment["MNEMO_BENCH_SOURCES"] ?? "../shared/sources"
        var times: [Double] = []
        for _ in 0..<9 {
            let start = Date()
            _ = DeckBuilder(options: .init(title: "bench")).build(paths: [sources])
            times.append(Date().timeIntervalSince(start))
        }
        times.sort()
        print(
            String(
                format:
                    "build five sources (in-process): median %.1f ms (whole-process budget 200 ms: Benchmarks/build-throughput.sh)",
                times[times.count / 2] * 1000))
        print("throughput on a large varied corpus: bash Benchmarks/build-throughput.sh (whole process, by size)")
    }
}
