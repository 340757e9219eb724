import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a deck from Anki or CSV."
    )

    func run() async throws {
        throw CLIError.notYetAvailable("import")
    }
}
