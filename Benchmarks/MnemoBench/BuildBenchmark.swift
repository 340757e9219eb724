import DeckBuilder
import Foundation

/// `build` benchmark: DeckBuilder on the five sources in-process (median of runs). Throughput on a
/// large varied corpus, whole process, is `Benchmarks/build-throughput.sh` (its corpus generator,
/// `Benchmarks/make-corpus.py`, replaced the one here, whose files repeated each other).
/// Run: `swift run -c release MnemoBench build`; MNEMO_BENCH_SOURCES (default ../shared/sources),
/// MNEMO_BENCH_MAX_CARDS (default none), MNEMO_BENCH_RUNS (default 9; 1 under `valgrind --tool=callgrind`, whose instruction counts
/// repeat on a noisy machine where times do not).
enum BuildBenchmark {
    static func run() {
        let sources = ProcessInfo.processInfo.environment["MNEMO_BENCH_SOURCES"] ?? "../shared/sources"
        let runs = ProcessInfo.processInfo.environment["MNEMO_BENCH_RUNS"].flatMap { Int($0) } ?? 9
        let maxCards = ProcessInfo.processInfo.environment["MNEMO_BENCH_MAX_CARDS"].flatMap { Int($0) }
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = Date()
            _ = DeckBuilder(options: .init(title: "bench", maxCards: maxCards, keepDroppedLines: false)).build(paths: [
                sources
            ])
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
