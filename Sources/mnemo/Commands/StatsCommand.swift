import ArgumentParser

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what you know and what is due."
    )

    func run() async throws {
        throw CLIError.notYetAvailable("stats")
    }
}
