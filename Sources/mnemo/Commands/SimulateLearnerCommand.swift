import ArgumentParser
import Foundation
import MnemoCore

/// `mnemo _simulate-learner`: writes a seeded simulated study history into a progress folder,
/// through the progress store (each event appended and fsynced as a session would). For the
/// statistics tests, the HTML check script and benchmarks; hidden from help.
struct SimulateLearnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_simulate-learner",
        abstract: "Write a simulated learner's study history (for tests and benchmarks).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "Progress folder to append to.")
    var progress: String

    @Option(name: .long, help: "Deck file to study.")
    var deck: String

    @Option(name: .long, help: "Days of study.")
    var days = 90

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "New cards a day.")
    var newPerDay = 10

    @Option(name: .long, help: "How hard the cards are for this learner (1 = average).")
    var difficulty = 1.0

    @Option(name: .long, help: "Learner name written into settings.json (when it has none).")
    var name: String?

    @Option(name: .long, help: "The simulated history ends the day before this time (default: now).")
    var now: String?

    func run() async throws {
        let now = try CommandTime.now(now)
        let deck = try Deck.load(from: URL(fileURLWithPath: deck))
        let folder = URL(fileURLWithPath: progress, isDirectory: true)
        let scheduler = try Scheduler(try ProgressSettings.load(fromFolder: folder).scheduler)
        let start = now.addingTimeInterval(-Double(days) * 86_400)
        let events = LearnerSimulator.simulate(
            cards: deck.cards.map { .init(id: $0.id, deck: deck.id) }, days: days, start: start, seed: seed,
            scheduler: scheduler, profile: .init(newPerDay: newPerDay, difficulty: difficulty))
        let store = try ProgressStore(
            folder: folder, access: .readWrite(ProgressLocation.owner(command: "mnemo _simulate-learner", now: now)))
        defer { store.close() }
        for event in events { try store.append(event) }
        try store.saveSnapshot()
        if let name { try writeName(name, in: folder) }
        FileHandle.standardError.write(
            Data("Appended \(StatsFormat.plural(events.count, "event")) over \(days) days to \(folder.path)\n".utf8))
    }

    private func writeName(_ name: String, in folder: URL) throws {
        var settings = try ProgressSettings.load(fromFolder: folder)
        if settings.learnerName == nil {
            settings.learnerName = name
            try settings.save(toFolder: folder)
        }
    }
}
