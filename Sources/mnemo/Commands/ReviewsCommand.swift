import ArgumentParser
import Foundation
import MnemoCore

extension RevlogImport.CardIDs: ExpressibleByArgument {}

struct ReviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "Bring review history in from a revlog CSV, or write it out.",
        subcommands: [ReviewsImportCommand.self, ReviewsExportCommand.self]
    )
}

struct ReviewsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import reviews from a revlog CSV into the progress folder.",
        discussion: """
            The CSV has the columns card_id,review_time,review_rating,review_state,review_duration \
            (Unix milliseconds, ratings 1-4), sorted by review_time. card_id names a card of DECK: its \
            Mnemo id (--card-ids deck, what 'mnemo reviews export' writes) or its position in the deck, \
            counting from 0 (--card-ids index, for Anki-derived logs). review_state is not read: each \
            card's phase comes from replaying its reviews. Reviews already in the log (same card and \
            time) are skipped. Every row is checked first; on any problem nothing is imported.
            """
    )

    @Argument(help: ArgumentHelp("The revlog CSV.", valueName: "FILE.csv"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The deck the reviews belong to.", valueName: "DECK"))
    var deck: String

    @Option(
        name: .customLong("card-ids"),
        help: "How card_id names a card: deck (Mnemo card ids) or index (0-based position in the deck).")
    var cardIDs: RevlogImport.CardIDs = .deck

    @Option(name: .long, help: ArgumentHelp("The progress folder.", valueName: "DIR"))
    var progress: String?

    /// The current time (ISO-8601), for tests and for logs made on a machine whose clock is behind.
    @Option(name: .long, help: .hidden)
    var now: String?

    func run() async throws {
        let now =
            try self.now.map { text -> Date in
                guard let d = LogTime.parse(text) else {
                    throw CLIError.badOption("--now must be an ISO-8601 time, got '\(text)'")
                }
                return d
            } ?? Date()
        let deck = try Deck.load(from: URL(fileURLWithPath: self.deck))
        let (entries, lines) = try Revlog.readWithLines(path: file)
        let folder = ProgressLocation.resolve(progress)
        let store = try ProgressStore(
            folder: folder, access: .readWrite(ProgressLocation.owner(command: "mnemo reviews import", now: now)))
        defer { store.close() }
        for warning in store.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let existing = try ReviewLog.read(at: store.logURL).events
        let plan = try RevlogImport.plan(
            entries, lines: lines, path: file, deck: deck, cardIDs: cardIDs, existing: existing, now: now)
        try store.append(contentsOf: plan.events)
        let cards = Set(plan.events.map(\.card)).count
        print(
            "imported \(plan.events.count) reviews of \(cards) cards into \(folder.path); skipped \(plan.skipped) already present"
        )
    }
}

struct ReviewsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the progress folder's reviews as a revlog CSV.",
        discussion: """
            Columns card_id,review_time,review_rating,review_state,review_duration: Mnemo card ids as \
            stored, Unix milliseconds, ratings 1-4, and the card's phase before the review (0 New, \
            1 Learning, 2 Review, 3 Relearning). Undone reviews are left out.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The progress folder.", valueName: "DIR"))
    var progress: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: stdout).", valueName: "FILE"))
    var output: String?

    func run() async throws {
        let folder = ProgressLocation.resolve(progress)
        try ProgressLocation.requireExisting(folder)
        let settings = try ProgressSettings.load(fromFolder: folder)
        let log = try ReviewLog.events(inFolder: folder)
        for warning in log.warnings + (log.tornWarning.map { [$0] } ?? []) {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
        let csv = Revlog.csv(RevlogImport.export(log.events, applier: try settings.applier()))
        if let output {
            try AtomicFile.write(Array(csv.utf8), to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
    }
}
