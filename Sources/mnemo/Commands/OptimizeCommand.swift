import ArgumentParser

struct OptimizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit FSRS parameters to your reviews."
    )

    func run() async throws {
        throw CLIError.notYetAvailable("optimize")
    }
}
