import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a deck (Anki, CSV, quiz sheets)."
    )

    func run() async throws {
        throw CLIError.notYetAvailable("export")
    }
}
