import ArgumentParser
import Foundation
import MnemoCore

/// Hidden, for tests: appends review events one at a time through the progress store, printing
/// each event's id once it is durable, so a test can SIGKILL the process mid-run and check that
/// every announced event is in the log; `--hold` keeps the lock for a second writer to run into.
struct AppendEventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_append-events",
        abstract: "Append test review events (for tests).",
        shouldDisplay: false
    )

    @Option(name: .long) var progress: String
    @Option(name: .long) var count: Int = 10
    @Option(name: .long) var card: String = "cloze-test"
    @Option(name: .long, help: "Pause between appends, in milliseconds.") var pause: Int = 0
    @Option(name: .long, help: "Keep the folder open this many milliseconds after the last append.") var hold: Int = 0

    func run() async throws {
        let store = try ProgressStore(
            folder: URL(fileURLWithPath: progress),
            access: .readWrite(ProgressLocation.owner(command: "mnemo _append-events")))
        ProgressLocation.report(store.warnings)
        FileHandle.standardOutput.write(Data("open\n".utf8))
        for k in 0..<count {
            let event = ReviewEvent(
                kind: .review, card: CardID("\(card)-\(k % 7)"), deck: "test", time: Date(),
                rating: Rating(rawValue: k % 4 + 1) ?? .good,
                answer: "answer \(k)", verdict: .right, durationMs: 1000 + k)
            let (stored, _) = try store.append(event)
            FileHandle.standardOutput.write(Data("\(stored.id)\n".utf8))
            if pause > 0 { usleep(useconds_t(pause * 1000)) }
        }
        if hold > 0 { usleep(useconds_t(hold * 1000)) }
        store.close()
    }
}
