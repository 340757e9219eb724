import Foundation
import MnemoCore

enum OptimizerBench {
    static func run() throws {
        let path = "../shared/reference/fsrs/synthetic-revlog.csv"
        let entries = try Revlog.read(path: path)
        let dataset = OptimizerDataset(reviews: entries)
        print("items \(dataset.items) train \(dataset.trainItems) test \(dataset.testItems)")
        var report: Optimizer.Report?
        let t = try measureSeconds { report = try Optimizer().fit(dataset) }
        print(t, report!)
    }
}
