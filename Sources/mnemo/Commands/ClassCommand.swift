import ArgumentParser
import Foundation
import MnemoCore

struct ClassCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Roll up several students' progress on a deck.",
        discussion: """
            Per student: reviews, true retention, streak, mastery and last activity. Per card: the \
            share of the students who studied it and forgot it at least once after learning it (rated \
            it Again when it was due for review), most missed first, with its source sentence. Per source: mean mastery and retention. A student \
            is named by `learnerName` in their progress folder's settings.json, else by the folder's name.
            """
    )

    @Argument(help: "Students' progress folders.")
    var folders: [String]

    @Option(name: .long, help: "The deck the class studies.")
    var deck: String

    @Flag(name: .long, help: "Print the roll-up as JSON (docs/stats-json.md).")
    var json = false

    @Option(name: .long, help: "Write the roll-up as a self-contained HTML page to FILE.")
    var html: String?

    @Option(name: .long, help: .hidden)
    var now: String?

    func validate() throws {
        if folders.isEmpty { throw CLIError.badOption("name at least one progress folder") }
    }

    func run() async throws {
        let now = try CommandTime.now(now)
        let deck = try Deck.load(from: URL(fileURLWithPath: deck))
        var students: [StudentProgress] = []
        var scheduler = try Scheduler()
        var studyDay = StudyDay(timeZone: .current)
        for path in folders {
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw StatsCommandError.notAProgressFolder(path) }
            let reading = try ProgressReading.read(folder)
            for warning in reading.warnings { Terminal.warn(warning) }
            if !reading.hasReviews { Terminal.warn("\(path): nothing studied yet") }
            // Mastery is compared across students, so one scheduler (the first student's settings) rates them all.
            if students.isEmpty {
                scheduler = reading.scheduler
                studyDay = reading.studyDay
            }
            let name = reading.settings.learnerName ?? folder.standardizedFileURL.lastPathComponent
            students.append(StudentProgress(name: name, folder: path, log: reading.log, records: reading.records))
        }
        let report = ClassReport.build(
            deck: deck, students: students, scheduler: scheduler, now: now, studyDay: studyDay)
        if let html {
            try OutputFile.write(ClassHTMLRenderer(report: report).render(), to: html)
            if !json { FileHandle.standardError.write(Data("wrote \(html)\n".utf8)) }
        }
        if json {
            FileHandle.standardOutput.write(try StatsJSON.encode(report))
        } else if html == nil {
            FileHandle.standardOutput.write(
                Data(ClassTextRenderer(report: report, color: Terminal.useColor).render().utf8))
        }
    }
}

struct ClassTextRenderer {
    var report: ClassReport
    var color: Bool

    private func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    private func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

    func render() -> String {
        var out = bold("Class report: \(report.deck.title)") + "\n"
        out +=
            dim(
                "\(StatsFormat.plural(report.students.count, "student")) · \(StatsFormat.plural(report.deck.cards, "card"))"
            ) + "\n"

        out += "\n" + bold("Students") + "\n"
        let width = min(24, max(7, report.students.map(\.name.count).max() ?? 0))
        out +=
            dim(
                "  " + "Student".padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  Reviews  Retention  Streak  Mastery  Known  Last active") + "\n"
        for s in report.students {
            var line = "  " + StatsFormat.clip(s.name, width).padding(toLength: width, withPad: " ", startingAt: 0)
            line += "  " + StatsFormat.count(s.reviews).leftPadded(7)
            line += "  " + (s.retention.reviews > 0 ? StatsFormat.percent(s.retention.rate) : "–").leftPadded(9)
            line += "  " + String(s.streak).leftPadded(6)
            line += "  " + StatsFormat.percent(s.mastery, digits: 0).leftPadded(7)
            line += "  " + "\(s.known)/\(report.deck.cards)".leftPadded(5)
            line += "  " + (s.lastActive.map { String($0.prefix(10)) } ?? "never")
            out += line + "\n"
        }

        out += "\n" + bold("Most missed cards") + "\n"
        let missed = report.cards.filter { $0.missed > 0 }
        if missed.isEmpty { out += "  No card missed yet.\n" }
        for (i, c) in missed.prefix(15).enumerated() {
            out += "  \(String(i + 1).leftPadded(2)). \(StatsFormat.percent(c.missedShare, digits: 0).leftPadded(4)) "
            out +=
                "(\(c.missed) of \(c.studied))  \(StatsFormat.clip(c.prompt, 56)) → \(bold(StatsFormat.clip(c.answer, 28)))\n"
            if let quote = c.quote {
                var cite = "“\(StatsFormat.clip(quote, 64))”"
                if let source = c.source { cite += " \(source)\(c.line.map { ":\($0)" } ?? "")" }
                out += dim("        " + cite) + "\n"
            }
        }
        if missed.count > 15 { out += dim("  … and \(missed.count - 15) more (see --json or --html)") + "\n" }

        out += "\n" + bold("Sources (weakest first)") + "\n"
        for s in report.sources {
            let name = StatsFormat.clip(s.title ?? s.source, 36).padding(toLength: 36, withPad: " ", startingAt: 0)
            out += "  \(name) mastery \(StatsFormat.percent(s.mastery, digits: 0).leftPadded(4))"
            out += ", retention \(s.retention.reviews > 0 ? StatsFormat.percent(s.retention.rate, digits: 0) : "–")"
            out += ", \(StatsFormat.plural(s.cards, "card"))\n"
        }
        return out
    }
}

struct ClassHTMLRenderer {
    var report: ClassReport
    typealias K = HTMLKit

    func render() -> String {
        var body = "<header><h1>Class report: \(K.escape(report.deck.title))</h1>"
        body +=
            "<p class=\"sub\">\(StatsFormat.plural(report.students.count, "student")) · \(StatsFormat.plural(report.deck.cards, "card")) · computed \(K.escape(report.generatedAt))</p></header>"

        body +=
            "<section><h2>Students</h2><table class=\"fit\"><tr><th>Student</th><th class=\"num\">Reviews</th><th class=\"num\">Retention</th>"
        body +=
            "<th class=\"num\">Streak</th><th>Mastery</th><th class=\"num\"></th><th class=\"num\">Known</th><th>Last active</th></tr>"
        for s in report.students {
            body += "<tr><td>\(K.bdi(s.name))</td><td class=\"num\">\(StatsFormat.count(s.reviews))</td>"
            body += "<td class=\"num\">\(s.retention.reviews > 0 ? StatsFormat.percent(s.retention.rate) : "–")</td>"
            body += "<td class=\"num\">\(s.streak)</td><td>\(K.meter(s.mastery))</td>"
            body += "<td class=\"num\">\(StatsFormat.percent(s.mastery, digits: 0))</td>"
            body +=
                "<td class=\"num\">\(s.known)/\(report.deck.cards)</td><td>\(K.escape(s.lastActive.map { String($0.prefix(10)) } ?? "never"))</td></tr>"
        }
        body += "</table></section>"

        body +=
            "<section><h2>Cards, most missed first</h2><table><tr><th>Card</th><th>Missed</th><th class=\"num\"></th><th>By</th></tr>"
        for c in report.cards where c.studied > 0 {
            // An Arabic card's cell runs right to left, as in `mnemo stats --html`.
            let direction = K.direction(c.prompt)
            body += "<tr><td\(direction)>\(K.bdi(c.prompt)) \(direction.isEmpty ? "→" : "←") <b>\(K.bdi(c.answer))</b>"
            if let quote = c.quote { body += "<div class=\"quote\" dir=\"auto\">“\(K.escape(quote))”</div>" }
            if let source = c.source { body += "<div class=\"note\">\(K.cite(source, c.line))</div>" }
            body += "</td><td>\(K.meter(c.missedShare, color: "#c4513b"))</td>"
            body += "<td class=\"num\">\(StatsFormat.percent(c.missedShare, digits: 0)) (\(c.missed)/\(c.studied))</td>"
            body += "<td class=\"names\">\(K.escape(c.missedBy.joined(separator: ", ")))</td></tr>"
        }
        body += "</table></section>"

        body +=
            "<section><h2>Sources, weakest first</h2><table><tr><th>Source</th><th>Mastery</th><th class=\"num\"></th><th class=\"num\">Retention</th><th class=\"num\">Cards</th></tr>"
        for s in report.sources {
            body += "<tr><td\(K.direction(s.title ?? ""))>\(K.bdi(K.clip(s.title ?? s.source, 80)))"
            if s.title != nil { body += " <span class=\"note\">\(K.cite(s.source, nil))</span>" }
            body += "</td><td>\(K.meter(s.mastery))</td>"
            body += "<td class=\"num\">\(StatsFormat.percent(s.mastery, digits: 0))</td>"
            body +=
                "<td class=\"num\">\(s.retention.reviews > 0 ? StatsFormat.percent(s.retention.rate) : "–")</td><td class=\"num\">\(s.cards)</td></tr>"
        }
        body += "</table></section>"
        return K.page(title: "Class report – \(report.deck.title)", body: body)
    }
}
