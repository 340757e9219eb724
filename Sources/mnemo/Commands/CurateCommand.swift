import ArgumentParser
import DeckExchange
import Foundation
import MnemoCore

struct CurateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curate",
        abstract: "Go over a deck's cards: keep, drop, edit, retag, settle conflicts.",
        discussion: """
            Shows each card with its evidence and reads a one-letter command: Enter or k keeps, d drops, \
            p a l t edit the prompt, answer, accepted answers or tags (the current text pre-filled), \
            c settles a conflict, b takes back the last decision, q quits, ? helps. The deck is saved \
            after every decision and card ids never change, so students' progress stays with the cards. \
            Which cards were curated is kept in DECK.curation.json, so the next run goes on where this one stopped.
            """
    )

    @Argument(help: "The deck file.")
    var deck: String

    @Option(
        help: "Narrow the pass: new (not curated yet, the default), conflicts (unsettled), kind:K (e.g. kind:cloze).")
    var only: String?

    @Flag(help: "Also show cards curated before.")
    var again = false

    @Option(help: "The curation progress file (default: DECK.curation.json beside the deck).")
    var progressFile: String?

    func validate() throws {
        if let only {
            do { _ = try CurateFilter(parsing: only) } catch { throw CLIError.badOption(error.description) }
        }
    }

    func run() async throws {
        let deckURL = URL(fileURLWithPath: deck)
        let loaded = try Deck.load(from: deckURL)
        let filter = try only.map { try CurateFilter(parsing: $0) } ?? .new
        let progressURL = progressFile.map { URL(fileURLWithPath: $0) } ?? CurationProgress.defaultURL(forDeck: deckURL)
        let progress = try CurationProgress.load(from: progressURL, deckID: loaded.id)

        let output = StandardOutput()
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let editor: any LineEditor = interactive ? ReadlineEditor() : PlainLineEditor(output: output)
        let runner = CurateRunner(
            deck: loaded, progress: progress, filter: filter, again: again, editor: editor, output: output,
            sink: CurationFiles(deck: deckURL, progress: progressURL),
            style: interactive ? Style.forStandardOutput() : .plain, deckName: deck)
        try runner.run()
    }
}
