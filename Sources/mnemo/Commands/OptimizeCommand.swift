import ArgumentParser
import Foundation
import MnemoCore

struct OptimizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit FSRS parameters to your reviews.",
        discussion: """
            Fits the 21 FSRS-6 parameters to a review log as fsrs-rs does: the first 80 % of reviews \
            (by time) train, the last 20 % are held out to compare the defaults with the fit \
            (log loss and RMSE over bins; lower is better). Days roll over at 04:00 UTC.
            With --revlog, reads a CSV with columns card_id,review_time,review_rating,review_state,review_duration \
            (times in Unix milliseconds, ratings 1-4) and prints the parameters.
            Otherwise fits the review log of the progress folder (--progress, else $MNEMO_HOME, \
            $XDG_DATA_HOME/mnemo or ~/.local/share/mnemo), saves the parameters in its settings and \
            re-derives every card's state from the log with them; --dry-run only prints them.
            """
    )

    @Option(name: .long, help: ArgumentHelp("A review log CSV to fit.", valueName: "FILE.csv"))
    var revlog: String?

    @Option(name: .long, help: ArgumentHelp("A progress folder whose review log to fit.", valueName: "DIR"))
    var progress: String?

    @Flag(name: .long, help: "Print the parameters and figures as JSON.")
    var json = false

    @Flag(name: .long, help: "Fit and print, but do not save the parameters to the progress settings.")
    var dryRun = false

    func validate() throws {
        if revlog != nil && progress != nil { throw CLIError.badOption("give either --revlog or --progress, not both") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let entries: [RevlogEntry]
        var folder: URL?
        var settings = ProgressSettings.default
        if let revlog {
            entries = try Revlog.read(path: revlog)
        } else {
            let dir = ProgressLocation.resolve(progress)
            try ProgressLocation.requireExisting(dir)
            settings = try ProgressSettings.load(fromFolder: dir)
            let log = try ReviewLog.events(inFolder: dir)
            for warning in log.warnings + (log.tornWarning.map { [$0] } ?? []) {
                FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
            }
            entries = Revlog.entries(from: log.events)
            folder = dir
        }
        let dataset = OptimizerDataset(reviews: entries)
        let report = try Optimizer().fit(dataset)
        let elapsed = clock.now - started
        var saved: SettingsUpdate.Result?
        if let folder, !dryRun {
            var updated = settings
            updated.scheduler.parameters = report.parameters
            saved = try SettingsUpdate.apply(
                updated, previous: settings, folder: folder, owner: ProgressLocation.owner(command: "mnemo optimize"))
        }
        if json {
            var output = OptimizeOutput(report: report, reviews: entries.count)
            output.saved = folder == nil ? nil : saved != nil
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            print(Self.render(report, reviews: entries.count))
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            FileHandle.standardError.write(Data(String(format: "fitted in %.2f s\n", seconds).utf8))
        }
        if let folder {
            let settingsPath = folder.appendingPathComponent(ProgressSettings.fileName).path
            if let saved {
                FileHandle.standardError.write(
                    Data(
                        "saved the parameters to \(settingsPath); re-derived \(saved.cards) cards' states from \(saved.events) events\n"
                            .utf8))
            } else {
                FileHandle.standardError.write(Data("dry run: the parameters were not saved\n".utf8))
            }
        }
    }

    /// DESIGN.md: $MNEMO_HOME, else $XDG_DATA_HOME/mnemo, else ~/.local/share/mnemo.
    static func defaultProgressFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["MNEMO_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data).appendingPathComponent("mnemo")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/mnemo")
    }

    static func render(_ report: Optimizer.Report, reviews: Int) -> String {
        var lines: [String] = []
        lines.append("Parameters (w0…w20):")
        lines.append("  " + report.parameters.map { String(format: "%.4f", $0) }.joined(separator: ", "))
        lines.append("")
        lines.append("\(reviews) reviews; \(report.trainItems) items trained, \(report.testItems) held out.")
        lines.append("On the held-out reviews   log loss   RMSE(bins)")
        lines.append(
            String(format: "  FSRS-6 defaults          %.4f     %.4f", report.before.logLoss, report.before.rmseBins))
        lines.append(
            String(format: "  fitted                   %.4f     %.4f", report.after.logLoss, report.after.rmseBins))
        return lines.joined(separator: "\n")
    }
}

/// `mnemo optimize --json`: stable, sorted keys.
struct OptimizeOutput: Codable, Equatable {
    var parameters: [Double]
    var before: OptimizerMetrics
    var after: OptimizerMetrics
    var trainItems: Int
    var testItems: Int
    var reviews: Int
    /// With a progress folder: whether the parameters were saved to its settings (absent with --revlog).
    var saved: Bool?

    init(report: Optimizer.Report, reviews: Int) {
        parameters = report.parameters
        before = report.before
        after = report.after
        trainItems = report.trainItems
        testItems = report.testItems
        self.reviews = reviews
    }
}
