import ArgumentParser

struct CardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List a deck's cards and their memory state."
    )

    func run() async throws {
        throw CLIError.notYetAvailable("cards")
    }
}
