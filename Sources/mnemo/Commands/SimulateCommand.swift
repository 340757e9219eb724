import ArgumentParser
import Foundation
import MnemoCore

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate your workload and knowledge for several desired retentions.",
        discussion: """
            Simulates a learner with the progress folder's FSRS parameters (fitted by 'mnemo optimize', \
            else the defaults) and new-cards-per-day setting: each day new cards are learned and due cards \
            reviewed, each recalled with the probability FSRS predicts. For each desired retention it \
            shows the reviews per day and the knowledge kept (cards you would recall, the sum of their \
            recall probabilities) at the end, so you can pick a workload. Seeded: the same options give \
            the same figures.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The progress folder (for parameters and limits).", valueName: "DIR"))
    var progress: String?

    @Option(name: .long, parsing: .unconditional, help: "Days to simulate.")
    var days: Int = 365

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Desired retentions to compare, comma-separated.", valueName: "R,..."))
    var retention: String = "0.8,0.85,0.9,0.95"

    @Option(name: .long, parsing: .unconditional, help: "Cards to learn in all (default: new cards per day × days).")
    var cards: Int?

    @Option(name: .long, parsing: .unconditional, help: "New cards per day (default: the progress settings).")
    var new: Int?

    @Option(name: .long, parsing: .unconditional, help: "Random seed.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Print the results (with every day's figures) as JSON.")
    var json = false

    func validate() throws {
        guard (1...3650).contains(days) else { throw CLIError.badOption("--days must be from 1 to 3650, got \(days)") }
        if let cards, cards < 0 || cards > 1_000_000 {
            throw CLIError.badOption("--cards must be from 0 to 1000000, got \(cards)")
        }
        if let new, new < 0 || new > 10_000 { throw CLIError.badOption("--new must be from 0 to 10000, got \(new)") }
        _ = try Self.retentions(retention)
    }

    static func retentions(_ text: String) throws -> [Double] {
        var out: [Double] = []
        for field in text.split(separator: ",", omittingEmptySubsequences: false) {
            let t = field.trimmingCharacters(in: .whitespaces)
            guard let r = Double(t), r >= 0.7, r <= 0.99 else {
                throw CLIError.badOption("--retention values must be numbers from 0.70 to 0.99, got '\(t)'")
            }
            out.append(r)
        }
        return out
    }

    func run() async throws {
        let folder = ProgressLocation.resolve(progress)
        let settings = try ProgressSettings.load(fromFolder: folder)
        let newPerDay = new ?? settings.newPerDay
        let simulator = WorkloadSimulator(
            parameters: settings.scheduler.parameters, days: days, cards: cards ?? newPerDay * days,
            newPerDay: newPerDay, reviewLimit: nil, maximumInterval: settings.scheduler.maximumInterval, seed: seed)
        let results = try simulator.run(retentions: try Self.retentions(retention))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            let fitted =
                settings.scheduler.parameters == FSRSModel.defaultParameters
                ? "FSRS-6 default parameters" : "your fitted parameters"
            print("\(days) days, \(simulator.cards) cards, \(newPerDay) new a day, \(fitted), seed \(seed)")
            print(Self.render(results))
        }
    }

    /// A table with bars (reviews a day, knowledge kept) and a sparkline of reviews over time.
    static func render(_ results: [WorkloadSimulator.Result]) -> String {
        let maxAverage = results.map(\.averageReviewsPerDay).max() ?? 1
        let maxMemorized = results.map(\.memorized).max() ?? 1
        func bar(_ value: Double, _ top: Double, width: Int = 20) -> String {
            let n = top > 0 ? Int((value / top * Double(width)).rounded()) : 0
            return String(repeating: "█", count: n) + String(repeating: " ", count: width - n)
        }
        // Labels start over their columns; "peak" and "per review" end where their numbers end.
        var header = "retention"
        for (column, label) in [(11, "reviews/day"), (41, "peak"), (47, "knowledge kept"), (77, "per review")] {
            header += String(repeating: " ", count: max(1, column - header.count)) + label
        }
        var lines = [header]
        for r in results {
            let peak = r.reviewsPerDay.max() ?? 0
            let efficiency = r.totalReviews > 0 ? r.memorized / Double(r.totalReviews + r.newPerDay.reduce(0, +)) : 0
            lines.append(
                String(format: "  %.2f     %7.1f ", r.desiredRetention, r.averageReviewsPerDay)
                    + bar(r.averageReviewsPerDay, maxAverage) + String(format: " %5d  %7.0f ", peak, r.memorized)
                    + bar(r.memorized, maxMemorized) + String(format: "  %10.3f", efficiency))
        }
        lines.append("")
        lines.append("reviews per day over time (weekly averages):")
        let top = results.flatMap { weekly($0.reviewsPerDay) }.max() ?? 1
        for r in results {
            lines.append(String(format: "  %.2f  ", r.desiredRetention) + sparkline(weekly(r.reviewsPerDay), top: top))
        }
        return lines.joined(separator: "\n")
    }

    static func weekly(_ perDay: [Int]) -> [Double] {
        stride(from: 0, to: perDay.count, by: 7).map { start in
            let week = perDay[start..<min(start + 7, perDay.count)]
            return Double(week.reduce(0, +)) / Double(week.count)
        }
    }

    static func sparkline(_ values: [Double], top: Double) -> String {
        let blocks = Array(" ▁▂▃▄▅▆▇█")
        return String(
            values.map { v in
                let i = top > 0 ? Int((v / top * 8).rounded()) : 0
                // A week with reviews shows at least the lowest block, so every line has one mark a week.
                return blocks[min(max(i, v > 0 ? 1 : 0), 8)]
            })
    }
}
