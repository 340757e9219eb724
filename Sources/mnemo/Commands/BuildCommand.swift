import ArgumentParser

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a deck from source texts."
    )

    func run() async throws {
        throw CLIError.notYetAvailable("build")
    }
}
