import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Seconds of `body`: by default the CPU time of this thread (what "on one core" means, and steady on
/// a shared machine); set MNEMO_BENCH_CLOCK=wall for wall-clock time.
func measureSeconds(_ body: () throws -> Void) rethrows -> Double {
    if ProcessInfo.processInfo.environment["MNEMO_BENCH_CLOCK"] == "wall" {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
    let start = threadCPUTime()
    try body()
    return threadCPUTime() - start
}

func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/// Which clock `measureSeconds` uses, for the printed figures.
let benchClockName =
    ProcessInfo.processInfo.environment["MNEMO_BENCH_CLOCK"] == "wall" ? "wall-clock" : "thread CPU time"
