import ArgumentParser
import Foundation
import MnemoCore

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the progress folder's settings.",
        discussion: """
            With no option, prints the settings. Each option changes one value; all are checked \
            first and every bad one is reported, one line each, with nothing changed. Changing the \
            scheduler (retention, parameters, fuzz, load balancing) re-derives every card's state from the review log.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The progress folder.", valueName: "DIR"))
    var progress: String?

    // Numbers are read unconditionally: "--new -1" is refused by the option's own check, not taken
    // for a missing value.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Desired retention, between 0 and 1 (e.g. 0.9).", valueName: "R"))
    var retention: String?

    @Option(name: .customLong("new"), parsing: .unconditional, help: ArgumentHelp("New cards per day.", valueName: "N"))
    var newPerDay: String?

    @Option(
        name: .customLong("reviews"), parsing: .unconditional,
        help: ArgumentHelp("Reviews per day at most.", valueName: "N"))
    var reviewsPerDay: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Hour (0-23) at which the study day starts.", valueName: "H"))
    var rollover: String?

    @Option(name: .long, help: ArgumentHelp("Your name (for class reports); empty to remove.", valueName: "NAME"))
    var name: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("The 21 FSRS-6 parameters, comma-separated, or 'default'.", valueName: "w0,...,w20"))
    var parameters: String?

    @Option(name: .long, help: ArgumentHelp("Interval fuzz.", valueName: "on|off"))
    var fuzz: String?

    @Option(
        name: .customLong("load-balance"),
        help: ArgumentHelp(
            "With fuzz on, prefer the day with fewer cards due within the fuzz range (Anki's load balancer).",
            valueName: "on|off"))
    var loadBalance: String?

    @Flag(name: .long, help: "Print the settings as JSON.")
    var json = false

    var changesAnything: Bool {
        [retention, newPerDay, reviewsPerDay, rollover, name, parameters, fuzz, loadBalance].contains { $0 != nil }
    }

    func run() async throws {
        let folder = ProgressLocation.resolve(progress)
        let current = try ProgressSettings.load(fromFolder: folder)
        guard changesAnything else {
            print(json ? try Self.json(current) : Self.render(current, folder: folder))
            return
        }
        let (updated, problems) = apply(to: current)
        guard problems.isEmpty else {
            // One line per problem, each saying the settings file was left as it was.
            let file = folder.appendingPathComponent(ProgressSettings.fileName).path
            for problem in problems {
                FileHandle.standardError.write(Data("Error: \(problem); nothing was changed in \(file)\n".utf8))
            }
            throw ExitCode.failure
        }
        if updated != current {
            let result = try SettingsUpdate.apply(
                updated, previous: current, folder: folder, owner: ProgressLocation.owner(command: "mnemo settings"))
            var note = "saved \(folder.appendingPathComponent(ProgressSettings.fileName).path)"
            if updated.scheduler != current.scheduler {
                note += "; re-derived \(result.cards) cards' states from \(result.events) events"
            }
            FileHandle.standardError.write(Data((note + "\n").utf8))
        } else {
            FileHandle.standardError.write(Data("nothing changed\n".utf8))
        }
        print(json ? try Self.json(updated) : Self.render(updated, folder: folder))
    }

    /// The settings with every option applied, and one line per bad value.
    func apply(to current: ProgressSettings) -> (ProgressSettings, [String]) {
        var s = current
        var problems: [String] = []
        if let retention {
            if let r = Double(retention.trimmingCharacters(in: .whitespaces)), r > 0, r < 1 {
                s.scheduler.desiredRetention = r
            } else {
                problems.append("--retention must be a number between 0 and 1 (exclusive), got '\(retention)'")
            }
        }
        func count(_ text: String?, _ option: String, _ set: (Int) -> Void) {
            guard let text else { return }
            if let n = Int(text.trimmingCharacters(in: .whitespaces)), n >= 0, n <= 100_000 {
                set(n)
            } else {
                problems.append("\(option) must be a whole number from 0 to 100000, got '\(text)'")
            }
        }
        count(newPerDay, "--new") { s.newPerDay = $0 }
        count(reviewsPerDay, "--reviews") { s.reviewsPerDay = $0 }
        if let rollover {
            if let h = Int(rollover.trimmingCharacters(in: .whitespaces)), (0...23).contains(h) {
                s.dayRolloverHour = h
            } else {
                problems.append("--rollover must be an hour from 0 to 23, got '\(rollover)'")
            }
        }
        if let name {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.contains(where: \.isNewline) || trimmed.count > 200 {
                problems.append("--name must be one line of at most 200 characters")
            } else {
                s.learnerName = trimmed.isEmpty ? nil : trimmed
            }
        }
        if let parameters {
            switch Self.parseParameters(parameters) {
            case .success(let w): s.scheduler.parameters = w
            case .failure(let message): problems.append(message.description)
            }
        }
        if let fuzz {
            switch fuzz.lowercased() {
            case "on", "true", "yes": s.scheduler.enableFuzz = true
            case "off", "false", "no": s.scheduler.enableFuzz = false
            default: problems.append("--fuzz must be 'on' or 'off', got '\(fuzz)'")
            }
        }
        if let loadBalance {
            switch loadBalance.lowercased() {
            case "on", "true", "yes": s.scheduler.loadBalance = true
            case "off", "false", "no": s.scheduler.loadBalance = false
            default: problems.append("--load-balance must be 'on' or 'off', got '\(loadBalance)'")
            }
        }
        return (s, problems)
    }

    /// "w0,...,w20" or "default"; every value that is not a number, or out of its bounds, is named.
    static func parseParameters(_ text: String) -> Result<[Double], Message> {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "default" {
            return .success(FSRSModel.defaultParameters)
        }
        let fields = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var values: [Double] = []
        var notNumbers: [String] = []
        for (i, field) in fields.enumerated() {
            if let v = Double(field), v.isFinite { values.append(v) } else { notNumbers.append("w\(i) = '\(field)'") }
        }
        if !notNumbers.isEmpty {
            return .failure(Message("--parameters: not a number: " + notNumbers.joined(separator: ", ")))
        }
        guard values.count == 21 else {
            return .failure(Message("--parameters: \(SchedulingError.wrongParameterCount(values.count))"))
        }
        let bad = FSRSModel.outOfBounds(values)
        guard bad.isEmpty else {
            return .failure(Message("--parameters: \(SchedulingError.parametersOutOfBounds(bad))"))
        }
        return .success(values)
    }

    struct Message: Error, Equatable, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func json(_ settings: ProgressSettings) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(settings), as: UTF8.self)
    }

    static func loadBalancing(_ config: SchedulerConfig) -> String {
        guard config.loadBalance else { return "off" }
        return config.enableFuzz ? "on" : "on (no effect: fuzz is off)"
    }

    static func render(_ s: ProgressSettings, folder: URL) -> String {
        func steps(_ seconds: [Double]) -> String {
            seconds.isEmpty
                ? "none"
                : seconds.map { $0.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int($0 / 60))m" : "\(Int($0))s" }
                    .joined(separator: " ")
        }
        let fitted = s.scheduler.parameters == FSRSModel.defaultParameters ? "FSRS-6 defaults" : "fitted"
        return [
            "Settings of \(folder.path)",
            "  name                \(s.learnerName ?? "(none)")",
            "  desired retention   \(s.scheduler.desiredRetention)",
            "  new cards per day   \(s.newPerDay)",
            "  reviews per day     \(s.reviewsPerDay)",
            String(format: "  day starts at       %02d:00", s.dayRolloverHour),
            "  fuzz                \(s.scheduler.enableFuzz ? "on" : "off")",
            "  load balancing      \(loadBalancing(s.scheduler))",
            "  learning steps      \(steps(s.scheduler.learningSteps))",
            "  relearning steps    \(steps(s.scheduler.relearningSteps))",
            "  maximum interval    \(s.scheduler.maximumInterval) days",
            "  parameters (\(fitted)):",
            "    " + s.scheduler.parameters.map { String(format: "%.4f", $0) }.joined(separator: ", "),
        ].joined(separator: "\n")
    }
}
