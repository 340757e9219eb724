import ArgumentParser
import Foundation
import MnemoCore

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Unite two progress folders of the same learner (say, a laptop's and a desktop's).",
        discussion: """
            Adds to DIR_A every review event of DIR_B that DIR_A lacks (events are matched by id), \
            rewrites DIR_A's log in time order and rebuilds its snapshot. DIR_B is only read; run \
            'mnemo merge DIR_B DIR_A' as well to bring both up to date. Merging again changes nothing. \
            DIR_A's settings are kept (DIR_B's are copied if DIR_A has none). Both folders must exist.
            """
    )

    @Argument(help: "The progress folder to merge into (changed).")
    var target: String

    @Argument(help: "The progress folder to merge from (only read).")
    var other: String

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let report = try ProgressMerge.merge(
            into: URL(fileURLWithPath: target), from: URL(fileURLWithPath: other),
            owner: ProgressLocation.owner(command: "mnemo merge"))
        ProgressLocation.report(report.warnings)
        if !report.warnings.isEmpty {
            FileHandle.standardError.write(
                Data(
                    "warning: lines that were not events were kept in \(target)/\(ProgressMerge.rejectedFileName)\n"
                        .utf8))
        }
        if json {
            struct Output: Encodable {
                var target: String
                var other: String
                var added: Int
                var alreadyPresent: Int
                var total: Int
                var changed: Bool
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(
                Output(
                    target: target, other: other, added: report.added, alreadyPresent: report.alreadyPresent,
                    total: report.total, changed: report.rewroteLog))
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else if report.rewroteLog {
            print(
                "merged \(report.added) new event\(report.added == 1 ? "" : "s") from \(other) into \(target) (\(report.alreadyPresent) already there); \(report.total) events in all"
            )
        } else {
            print("\(target) already has every event of \(other); nothing changed (\(report.total) events)")
        }
    }
}
