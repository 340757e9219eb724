import ArgumentParser
import Foundation
import MnemoCore

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what you know and what is due.",
        discussion: """
            Today's work, your streak, a calendar of reviews, the next 30 days' forecast, true \
            retention, estimated knowledge, time spent, the weakest cards and mastery per source \
            and tag. With no DECK, every deck in ./Decks. --json prints everything in the schema of \
            docs/stats-json.md; --html FILE writes a self-contained page.
            """
    )

    @Argument(help: "Deck files (default: every deck in ./Decks).")
    var decks: [String] = []

    @Option(name: .long, help: "Progress folder (default: $MNEMO_HOME, $XDG_DATA_HOME/mnemo or ~/.local/share/mnemo).")
    var progress: String?

    @Flag(name: .long, help: "Print the statistics as JSON (docs/stats-json.md).")
    var json = false

    @Option(name: .long, help: "Write the statistics as a self-contained HTML page to FILE.")
    var html: String?

    @Option(name: .long, help: .hidden)
    var now: String?

    func run() async throws {
        let clock = PhaseClock()
        let now = try CommandTime.now(now)
        let folder = ProgressLocation.resolve(progress)
        // The decks are read while the progress is (on another core); a deck's error still comes first.
        let paths = self.decks
        let loading = BackgroundWork { try DeckSelection.load(paths) }
        let read = Result { try ProgressReading.read(folder, clock: clock) }
        let decks = try loading.value()
        clock.mark("decks (after the log)")
        let reading = try read.get()
        for warning in reading.warnings { Terminal.warn(warning) }
        let input = StatsInput(
            decks: decks, log: reading.log, records: reading.records, scheduler: reading.scheduler, now: now,
            studyDay: reading.studyDay, newPerDay: reading.settings.newPerDay)
        let report = StatsBuilder.report(input)
        clock.mark("report")
        defer { clock.mark("output") }
        let learner = reading.settings.learnerName

        if !reading.hasReviews {
            let message = "Nothing studied yet in \(folder.path). Run `mnemo study` to start."
            if json || html != nil {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            } else {
                FileHandle.standardOutput.write(Data((message + "\n").utf8))
                return
            }
        }
        if let html {
            try OutputFile.write(StatsHTMLRenderer(report: report, learner: learner).render(), to: html)
            if !json { FileHandle.standardError.write(Data("wrote \(html)\n".utf8)) }
        }
        if json {
            FileHandle.standardOutput.write(try StatsJSON.encode(report))
        } else if html == nil {
            // Wrapped at the terminal's width; piped output (no terminal) keeps whole lines.
            let text = StatsTextRenderer(
                report: report, color: Terminal.useColor, learner: learner, width: Style.forStandardOutput().width
            ).render()
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

enum StatsJSON {
    /// Sorted keys, pretty-printed, ending in a newline.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}

/// Phase timings on stderr when MNEMO_TIMING is set (for profiling the statistics budget).
final class PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["MNEMO_TIMING"] != nil
    private var last = ContinuousClock.now

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let d = last.duration(to: now)
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        FileHandle.standardError.write(Data(String(format: "timing: %@ %.1f ms\n", phase, ms).utf8))
        last = now
    }
}
