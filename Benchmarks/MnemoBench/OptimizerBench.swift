import Foundation
import MnemoCore

/// Fits FSRS-6 to ../shared/reference/fsrs/synthetic-revlog.csv (run from the repository root) and
/// prints held-out log loss / RMSE(bins) and the median time of several fits.
/// Targets (issue #7): test log loss <= 0.3740, RMSE(bins) <= 0.0420, fit under 1 s on one core.
enum OptimizerBench {
    static func run() throws {
        let path =
            ProcessInfo.processInfo.environment["MNEMO_REVLOG"] ?? "../shared/reference/fsrs/synthetic-revlog.csv"
        var entries: [RevlogEntry] = []
        let readTimes = try (0..<5).map { _ in try measureSeconds { entries = try Revlog.read(path: path) } }
        var dataset: OptimizerDataset?
        let prepareTimes = (0..<5).map { _ in measureSeconds { dataset = OptimizerDataset(reviews: entries) } }
        guard let dataset else { return }
        var report: Optimizer.Report?
        let fitTimes = try (0..<7).map { _ in try measureSeconds { report = try Optimizer().fit(dataset) } }
        let trainTimes = (0..<7).map { _ in measureSeconds { _ = Optimizer().train(dataset) } }
        guard let report else { return }
        print(
            "optimizer: \(entries.count) reviews, \(dataset.items) items (train \(dataset.trainItems), test \(dataset.testItems))"
        )
        print(
            String(
                format:
                    "  read CSV %.3f s, prepare items %.3f s, train %.3f s, train + evaluate %.3f s (medians; fsrs-rs: 0.04 s with card ids)",
                median(readTimes), median(prepareTimes), median(trainTimes), median(fitTimes)))
        print(
            String(
                format: "  test log loss: defaults %.4f -> fitted %.4f (target <= 0.3740; fsrs-rs 0.3735)",
                report.before.logLoss, report.after.logLoss))
        print(
            String(
                format: "  test RMSE(bins): defaults %.4f -> fitted %.4f (target <= 0.0420; fsrs-rs 0.0413)",
                report.before.rmseBins, report.after.rmseBins))
        print("  parameters: " + report.parameters.map { String(format: "%.4f", $0) }.joined(separator: ", "))
    }
}
