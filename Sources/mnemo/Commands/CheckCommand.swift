import ArgumentParser

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate decks."
    )

    func run() async throws {
        throw CLIError.notYetAvailable("check")
    }
}
