import Foundation
import MnemoCore

/// One JSON line of our figures on a revlog CSV (default: the synthetic log), for
/// `Benchmarks/compare-reference.sh`, which measures py-fsrs and fsrs-rs on the same file.
enum ReferenceFiguresBench {
    static func run() throws {
        let path =
            ProcessInfo.processInfo.environment["MNEMO_REVLOG"] ?? "../shared/reference/fsrs/synthetic-revlog.csv"
        let entries = try Revlog.read(path: path).sorted { $0.timeMs < $1.timeMs }
        // Replay every review through the scheduler, fuzz on, seeded per review, as progress replay does.
        let scheduler = try Scheduler()
        var index: [String: Int] = [:]
        let cards = entries.map { e in
            if let i = index[e.cardID] { return i }
            index[e.cardID] = index.count
            return index.count - 1
        }
        let ids = entries.indices.map { "review-\($0)" }
        let times = entries.map { Date(timeIntervalSince1970: Double($0.timeMs) / 1000) }
        var replay: [Double] = []
        for _ in 0..<5 {
            var states = [CardState](repeating: .new, count: index.count)
            replay.append(
                measureSeconds {
                    for i in entries.indices {
                        var rng = SeededGenerator(seedString: ids[i])
                        states[cards[i]] = scheduler.review(
                            states[cards[i]], rating: entries[i].rating, at: times[i], using: &rng)
                    }
                })
        }
        let dataset = OptimizerDataset(reviews: entries)
        // Time the training alone (as fsrs-rs compute_parameters), then score it once.
        let fit = (0..<5).map { _ in measureSeconds { _ = Optimizer().train(dataset) } }
        let report = try Optimizer().fit(dataset)
        let figures: [String: Double] = [
            "reviews": Double(entries.count),
            "replay_reviews_per_second": Double(entries.count) / median(replay),
            "fit_seconds": median(fit),
            "log_loss_default": report.before.logLoss,
            "rmse_bins_default": report.before.rmseBins,
            "log_loss_fitted": report.after.logLoss,
            "rmse_bins_fitted": report.after.rmseBins,
        ]
        let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
