import ArgumentParser
import Foundation
import MnemoCore

struct CardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List a deck's cards and their memory state.",
        discussion: """
            Reads the progress folder without changing it. --leeches lists the cards failed 8 times or \
            more (they are suspended when they reach 8 lapses, and again at 12, 16, …; 'unsuspend' \
            events bring them back).
            """
    )

    @Argument(help: "The deck file.")
    var deck: String

    @Option(name: .long, help: ArgumentHelp("The progress folder.", valueName: "DIR"))
    var progress: String?

    @Flag(name: .long, help: "Only cards due now.")
    var due = false

    @Flag(name: .long, help: "Only leeches (cards with 8 or more lapses).")
    var leeches = false

    @Option(name: .long, help: "Only cards whose prompt or answer contains TEXT (case-insensitive).")
    var search: String?

    @Flag(name: .long, help: "Print the cards as JSON.")
    var json = false

    @Option(name: .long, help: .hidden)
    var now: String?

    struct Row: Codable, Equatable {
        var id: String
        var prompt: String
        var answer: String
        var phase: String
        var stability: Double?
        var difficulty: Double?
        var retrievability: Double?
        var due: String?
        var lastReview: String?
        var reps: Int
        var lapses: Int
        var suspended: Bool
        var leech: Bool
    }

    func run() async throws {
        let now = try self.now.map { text -> Date in
            guard let d = LogTime.parse(text) else { throw ValidationError("--now must be an ISO-8601 time, got '\(text)'") }
            return d
        } ?? Date()
        let deck = try Deck.load(from: URL(fileURLWithPath: self.deck))
        let folder = ProgressFolder.resolve(progress)
        let settings = try ProgressSettings.load(folder: folder)
        let scheduler = try Scheduler(settings.scheduler)
        let store = try ProgressStore(folder: folder, access: .readOnly, applier: try settings.applier())
        for warning in store.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let needle = search?.lowercased()
        var rows: [Row] = []
        for card in deck.cards {
            let record = store.record(for: card.id, deck: deck.id)
            let s = record.state
            let isLeech = s.lapses >= ReplayRules.leechThreshold
            if leeches && !isLeech { continue }
            if due && !(s.due.map { $0 <= now } ?? false) { continue }
            if due && record.suspended { continue }
            if let needle, !card.prompt.lowercased().contains(needle) && !card.answer.lowercased().contains(needle) { continue }
            rows.append(Row(
                id: card.id.rawValue, prompt: card.prompt, answer: card.answer, phase: s.phase.rawValue,
                stability: s.stability, difficulty: s.difficulty,
                retrievability: s.stability == nil ? nil : scheduler.retrievability(of: s, at: now),
                due: s.due.map(LogTime.format), lastReview: s.lastReview.map(LogTime.format),
                reps: s.reps, lapses: s.lapses, suspended: record.suspended, leech: isLeech))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        if rows.isEmpty {
            FileHandle.standardError.write(Data("no cards\(leeches ? " are leeches" : due ? " are due" : "")\n".utf8))
            return
        }
        for row in rows {
            var state = row.phase
            if let s = row.stability, let d = row.difficulty {
                state += String(format: "  S %.1fd  D %.1f", s, d)
            }
            if let due = row.due { state += "  due \(due.prefix(10))" }
            state += "  lapses \(row.lapses)"
            if row.suspended { state += "  suspended" }
            if row.leech { state += "  leech" }
            print("\(row.id)  \(Self.clip(row.prompt, 60))\n    \(state)")
        }
    }

    static func clip(_ text: String, _ n: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}
