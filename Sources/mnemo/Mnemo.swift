import ArgumentParser

@main
struct Mnemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnemo",
        abstract: "Turn source texts into quiz decks and study them with spaced repetition.",
        version: "0.1.0",
        subcommands: [
            BuildCommand.self,
            StudyCommand.self,
            CardsCommand.self,
            StatsCommand.self,
            CheckCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            OptimizeCommand.self,
            ClassCommand.self,
            MergeCommand.self,
            AppendEventsCommand.self,
            SimulateLearnerCommand.self,
        ]
    )
}
