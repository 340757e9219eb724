import ArgumentParser

struct StudyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study the cards that are due."
    )

    func run() async throws {
        throw CLIError.notYetAvailable("study")
    }
}
