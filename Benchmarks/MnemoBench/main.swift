// Performance benchmarks, run by hand on a release build:
//   swift run -c release MnemoBench [name...]
// Not part of `swift test`. Each benchmark prints medians of several runs.
// To add one: put it in its own file and register it below (one line).
import Foundation
import MnemoCore

let benchmarks: [(name: String, run: () throws -> Void)] = [
    ("scheduler", SchedulerBench.run),
    ("optimizer", OptimizerBench.run),
    ("reference-figures", ReferenceFiguresBench.run),
    ("progress", ProgressBench.run),
    ("study", StudyBench.run),
    ("answers", AnswerCheckBench.run),
    ("stats", StatsBench.run),
    ("build", BuildBenchmark.run),
]

let requested = Array(CommandLine.arguments.dropFirst())
let unknown = requested.filter { name in !benchmarks.contains { $0.name == name } }
if !unknown.isEmpty {
    FileHandle.standardError.write(
        Data(
            "unknown benchmark(s): \(unknown.joined(separator: ", ")); available: \(benchmarks.map(\.name).joined(separator: ", "))\n"
                .utf8))
    exit(2)
}
// With no names, runs all but `reference-figures` (a helper of compare-reference.sh).
print(
    benchClockName == "wall-clock"
        ? "(times are wall-clock)" : "(times are \(benchClockName); MNEMO_BENCH_CLOCK=wall for wall-clock)")
for benchmark in benchmarks
where requested.isEmpty ? benchmark.name != "reference-figures" : requested.contains(benchmark.name) {
    print("== \(benchmark.name)")
    do {
        try benchmark.run()
    } catch {
        FileHandle.standardError.write(Data("\(benchmark.name) failed: \(error)\n".utf8))
        exit(1)
    }
}
