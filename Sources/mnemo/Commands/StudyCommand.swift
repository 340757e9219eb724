import ArgumentParser
import Foundation
import MnemoCore

struct StudyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study the cards that are due.",
        discussion: """
            Shows due reviews, then learning cards as they come due, then new cards in source order, up to the \
            daily limits. Type the answer and press Enter; Enter then accepts the proposed rating, 1-4 choose \
            another. Session commands: :hint :skip :bury :suspend :undo :source :stats :help :quit. \
            Every rating is saved the moment it is given.
            """
    )

    @Argument(help: "Deck files to study (default: every deck in ./Decks).")
    var decks: [String] = []

    @Option(help: "Progress folder (default: $MNEMO_HOME, else $XDG_DATA_HOME/mnemo, else ~/.local/share/mnemo).")
    var progress: String?

    @Option(parsing: .unconditional, help: "New cards per day (default: the progress settings, else 20).")
    var new: Int?

    @Option(parsing: .unconditional, help: "Reviews per day (default: the progress settings, else 200).")
    var reviews: Int?

    @Option(help: "typed (default), choice (options a-d where a card has them) or self (reveal, then rate 1-4).")
    var mode: StudyMode = .typed

    @Option(parsing: .unconditional, help: "Seed for choice order, event ids and fuzz, so a session can be repeated.")
    var seed: UInt64?

    @Flag(help: "Cram: practise every card of the decks (due or not, weakest first) without changing the schedule.")
    var cram = false

    @Flag(help: "With --cram: the practice reviews reschedule the cards as ordinary reviews.")
    var cramReschedule = false

    @Option(help: "With --cram: only cards with this tag.")
    var tag: String?

    @Option(help: "With --cram: only cards with evidence from this source file.")
    var source: String?

    func validate() throws {
        if !cram && (cramReschedule || tag != nil || source != nil) {
            throw CLIError.badOption("--cram-reschedule, --tag and --source go with --cram")
        }
        if let new, new < 0 { throw CLIError.badOption("--new must be 0 or more (got \(new))") }
        if let reviews, reviews < 0 { throw CLIError.badOption("--reviews must be 0 or more (got \(reviews))") }
    }

    func run() async throws {
        let start = Date()
        let deckFiles = try StudyDecks.files(named: decks)
        let loaded = try deckFiles.map { url throws -> Deck in try Deck.load(from: url) }
        let setup = try StudySetup(progressOption: progress, now: start)
        let store = setup.store
        defer { store.close() }
        ProgressLocation.report(store.warnings)

        let cards = StudyCard.all(in: loaded).filter { card in
            guard cram else { return true }
            if let tag, !card.card.tags.contains(tag) { return false }
            if let source, !card.card.evidence.contains(where: { $0.source == source }) { return false }
            return true
        }
        var records: [CardID: CardRecord] = [:]
        records.reserveCapacity(cards.count)
        for card in cards { if let record = store.records[card.id] { records[card.id] = record } }
        let day = setup.studyDay
        let limits = StudyLimits(
            newPerDay: new ?? setup.limits.newPerDay, reviewsPerDay: reviews ?? setup.limits.reviewsPerDay)
        let today = cram ? DailyCounts() : try setup.todayCounts(dayStart: day.start(of: start))
        let session = StudySession(
            cards: cards, records: records, today: today, limits: limits, day: day, scheduler: setup.scheduler,
            now: start, seed: seed ?? UInt64.random(in: .min ... .max),
            cram: cram ? (cramReschedule ? .reschedule : .practice) : nil, dueLoad: store.dueLoad)

        let output = StandardOutput()
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let editor: any LineEditor = interactive ? ReadlineEditor() : PlainLineEditor(output: output)
        let style = interactive ? Style.forStandardOutput() : .plain
        let folders = Dictionary(
            zip(loaded.map(\.id), deckFiles.map { $0.deletingLastPathComponent() }), uniquingKeysWith: { a, _ in a })
        let runner = StudyRunner(
            session: session, editor: editor, output: output, log: StoreSink(store: store),
            judge: CheckerJudge(decks: loaded), mode: mode, style: style,
            sources: SourceLibrary(deckFolders: folders), clock: { Date() })
        if cards.isEmpty {
            StandardError().write(cram ? "Note: no cards match --tag/--source.\n" : "Note: the decks have no cards.\n")
        }
        try runner.run()
    }
}

/// Which deck files a session studies.
enum StudyDecks {
    /// The files named, or every `*.json` in ./Decks (sorted by name) when none is.
    static func files(named names: [String], folder: String = "Decks") throws -> [URL] {
        if !names.isEmpty { return names.map { URL(fileURLWithPath: $0) } }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw StudyError.noDecks(folder: folder)
        }
        let decks = entries.filter { $0.hasSuffix(".json") }.sorted()
        guard !decks.isEmpty else { throw StudyError.noDecks(folder: folder) }
        return decks.map { URL(fileURLWithPath: folder + "/" + $0) }
    }
}

/// Errors of `mnemo study` itself (the store, decks and scheduler have their own).
enum StudyError: Error, CustomStringConvertible, Equatable {
    case noDecks(folder: String)

    var description: String {
        switch self {
        case .noDecks(let folder):
            "no decks to study: ./\(folder) has no .json deck files; name a deck file (mnemo study DECK.json) or build one with 'mnemo build'"
        }
    }
}

/// The runner's log: the progress store, whose append returns once the event is fsync'd.
final class StoreSink: EventSink {
    let store: ProgressStore
    init(store: ProgressStore) { self.store = store }

    func append(_ event: ReviewEvent) throws -> CardRecord? {
        try store.append(event).record
    }
}
