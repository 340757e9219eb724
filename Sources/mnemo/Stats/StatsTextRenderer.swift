import MnemoCore

/// `mnemo stats` for the terminal: sections with headings, a Unicode block heatmap (green shades
/// on a color terminal), a bar chart of the forecast.
struct StatsTextRenderer {
    var report: StatsReport
    var color: Bool
    /// Shown in the title line ("learner" name or folder).
    var learner: String?
    /// Columns to wrap the text lines at (a terminal's width); nil leaves them whole (pipes).
    var width: Int? = nil

    func render() -> String {
        var out = ""
        out += title()
        out += section("Today", today())
        out += section("Reviews over the last 12 months", heatmap())
        out += section("Due in the next 30 days", forecast())
        out += section(
            "True retention (desired \(StatsFormat.percent(report.retention.desired, digits: 0)))", retention())
        out += section("Estimated knowledge", knowledge())
        out += section("Time spent", time())
        out += section("Weakest cards", weakest())
        out += section("Mastery by source (weakest first)", mastery(report.mastery.sources, titles: true))
        if !report.mastery.tags.isEmpty {
            out += section("Mastery by tag (weakest first)", mastery(report.mastery.tags, titles: false))
        }
        let outside = outside()
        if !outside.isEmpty { out += section("Reviews kept apart", outside) }
        return out
    }

    // MARK: Styling

    private func style(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func bold(_ text: String) -> String { style(text, "1") }
    private func dim(_ text: String) -> String { style(text, "2") }

    /// `plain` broken at spaces to the width (the study screen's wrapping), each line then styled.
    private func lines(_ plain: String, indent: Int, _ paint: (String) -> String = { $0 }) -> String {
        Style(enabled: color, width: width).wrapped(plain, indent: indent).map(paint).joined(separator: "\n") + "\n"
    }

    private func section(_ heading: String, _ body: String) -> String {
        "\n" + bold(heading) + "\n" + body
    }

    private func title() -> String {
        let decks = report.decks.map(\.title).joined(separator: ", ")
        var line = "Mnemo statistics"
        if let learner { line += " for \(learner)" }
        line = bold(line)
        let day = report.rolloverHour == 0 ? "midnight" : String(format: "%02d:00", report.rolloverHour)
        return line + "\n"
            + lines(
                "\(decks) · \(StatsFormat.plural(report.totals.cards, "card")) · \(report.today.date) (\(report.timeZone), days start at \(day))",
                indent: 2, dim)
    }

    // MARK: Sections

    private func today() -> String {
        let t = report.today
        var due = "  Due        \(StatsFormat.count(t.due))"
        if t.overdue > 0 { due += " (\(StatsFormat.count(t.overdue)) overdue)" }
        let done =
            "  Done       \(StatsFormat.plural(t.reviews, "review")) of \(StatsFormat.plural(t.cardsReviewed, "card")) in \(StatsFormat.duration(ms: t.timeMs))"
        let new = "  New left   \(t.newLeft) of \(t.newPerDay) a day (\(t.newStudied) studied today)"
        let s = report.streak
        var streak =
            "  Streak     \(StatsFormat.plural(s.current, "day")) in a row (longest \(StatsFormat.plural(s.longest, "day")))"
        if s.current > 0, !s.studiedToday { streak += "; study today to keep it" }
        return [due, done, new, streak].joined(separator: "\n") + "\n"
    }

    private func heatmap() -> String {
        let days = report.calendar.days
        guard !days.isEmpty else { return "" }
        let offset = StatsFormat.weekday(days[0].date)
        let columns = (days.count + offset + 6) / 7
        var grid = Array(repeating: Array(repeating: " ", count: columns), count: 7)
        var monthRow = Array(repeating: Character(" "), count: columns + 4)
        let max = report.calendar.maxReviews
        for (i, day) in days.enumerated() {
            let column = (i + offset) / 7
            let row = (i + offset) % 7
            grid[row][column] = cell(StatsFormat.heatLevel(day.reviews, max: max))
            if StatsFormat.labelsMonth(days, at: i, offset: offset) {
                let name = Array(StatsFormat.monthName(day.date))
                if column + 3 <= columns, monthRow[column..<column + 3].allSatisfy({ $0 == " " }),
                    column == 0 || monthRow[column - 1] == " "
                {
                    for (k, c) in name.enumerated() { monthRow[column + k] = c }
                }
            }
        }
        let names = ["Mon", "", "Wed", "", "Fri", "", "Sun"]
        var out = "      " + dim(String(monthRow).trimmingTrailingSpaces()) + "\n"
        for row in 0..<7 {
            let label = names[row].padding(toLength: 4, withPad: " ", startingAt: 0)
            out += "  " + dim(label) + grid[row].joined() + "\n"
        }
        let legend = (0...4).map { cell($0) }.joined()
        out += "      " + dim("less ") + legend + dim(" more")
        out +=
            "   \(StatsFormat.plural(report.calendar.reviews, "review")) on \(StatsFormat.plural(report.calendar.activeDays, "day"))"
        out += ", busiest \(StatsFormat.count(max))\n"
        return out
    }

    private func cell(_ level: Int) -> String {
        if color {
            let shades = ["238", "22", "28", "34", "46"]
            return level == 0 ? style("·", "38;5;238") : style("█", "38;5;\(shades[level])")
        }
        return ["·", "░", "▒", "▓", "█"][level]
    }

    private func forecast() -> String {
        let f = report.forecast
        let values = f.days.map(\.due)
        let top = values.max() ?? 0
        guard top > 0 else {
            return "  Nothing due in the next 30 days" + (f.later > 0 ? " (\(StatsFormat.count(f.later)) later)" : "")
                + ".\n"
        }
        let height = 6
        let eighths = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        var out = ""
        let axisWidth = String(top).count
        for level in stride(from: height, to: 0, by: -1) {
            let label = level == height ? String(top) : (level == 1 ? "0" : "")
            var line = "  " + String(repeating: " ", count: axisWidth - label.count) + dim(label) + " "
            for v in values {
                let units = Double(v) / Double(top) * Double(height * 8)
                let filled = Int(units.rounded(.up)) - (level - 1) * 8
                let block = v == 0 ? " " : eighths[min(8, max(0, filled))]
                line += (block == " " ? block : style(block, "36")) + " "
            }
            out += line.trimmingTrailingSpaces() + "\n"
        }
        var axis = Array(repeating: Character(" "), count: values.count * 2 + 6)
        for (k, mark) in [(0, "today"), (7, "+7"), (14, "+14"), (21, "+21"), (28, "+28")] {
            for (j, c) in mark.enumerated() where k * 2 + j < axis.count { axis[k * 2 + j] = c }
        }
        out += "  " + String(repeating: " ", count: axisWidth + 1) + dim(String(axis).trimmingTrailingSpaces()) + "\n"
        var summary = "  \(StatsFormat.count(f.total)) due in 30 days"
        if f.overdue > 0 { summary += " (\(StatsFormat.count(f.overdue)) overdue, shown today)" }
        let week = values.prefix(7).reduce(0, +)
        summary +=
            "; \(StatsFormat.count(week)) this week, \(StatsFormat.count(values.dropFirst().first ?? 0)) tomorrow"
        if f.later > 0 { summary += "; \(StatsFormat.count(f.later)) later" }
        return out + summary + "\n"
    }

    private func retention() -> String {
        let r = report.retention
        func cell(_ c: StatsReport.RetentionCell) -> String {
            c.reviews == 0 ? "–" : "\(StatsFormat.percent(c.rate)) of \(StatsFormat.count(c.reviews))"
        }
        var out = "  Overall    \(cell(r.overall))\n"
        out += "  30 days    \(cell(r.last30Days))\n"
        out += "  Today      \(cell(r.today))\n"
        out += "  By week    " + sparkline(r.weeks.map(\.rate)) + "  "
        out += dim("\(r.weeks.first?.period ?? "") … \(r.weeks.last?.period ?? "")")
        if let last = r.weeks.last(where: { $0.rate != nil }) {
            out += "  latest \(StatsFormat.percent(last.rate)) (\(last.period))"
        }
        out += "\n  By month   " + sparkline(r.months.map(\.rate)) + "  "
        out += dim("\(r.months.first?.period ?? "") … \(r.months.last?.period ?? "")") + "\n"
        out += "  By interval since the previous review:\n"
        for band in r.intervals {
            let label = band.band.padding(toLength: 7, withPad: " ", startingAt: 0)
            out +=
                "    \(label) \(bar(band.rate ?? 0, width: 20)) \(band.reviews == 0 ? "–" : "\(StatsFormat.percent(band.rate)) of \(StatsFormat.count(band.reviews))")\n"
        }
        return out
    }

    private func sparkline(_ values: [Double?]) -> String {
        let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        // Retention lives between 50% and 100%; that range fills the eight blocks.
        return values.map { v in
            guard let v else { return dim("·") }
            let k = Int(((v - 0.5) / 0.5 * 7).rounded())
            return style(blocks[min(7, max(0, k))], "32")
        }.joined()
    }

    private func bar(_ fraction: Double, width: Int) -> String {
        let units = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let full = String(repeating: "█", count: units / 8) + partial[units % 8]
        let pad = String(repeating: " ", count: width - full.count)
        return style(full, "32") + dim(pad.isEmpty ? "" : String(repeating: "·", count: pad.count))
    }

    private func knowledge() -> String {
        let k = report.knowledge
        guard k.studiedCards > 0 else { return "  No card studied yet.\n" }
        let estimated = String(format: "%.1f", k.estimated)
        var out = lines(
            "  About \(estimated) of \(StatsFormat.plural(k.studiedCards, "studied card")) would be recalled now"
                + " (mean retrievability \(StatsFormat.percent(k.meanRetrievability)))", indent: 4)
        out +=
            "  \(StatsFormat.count(k.above90)) above 90%; \(StatsFormat.count(report.totals.newCards)) not studied yet\n"
        return out
    }

    private func time() -> String {
        let t = report.time
        var out = "  Total \(StatsFormat.duration(ms: t.totalMs)) · today \(StatsFormat.duration(ms: t.todayMs))"
        if let mean = t.meanPerReviewMs { out += " · \(String(format: "%.1f", Double(mean) / 1000)) s per review" }
        let top = t.days.map(\.ms).max() ?? 0
        let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let spark = t.days.map { d -> String in
            guard d.ms > 0, top > 0 else { return dim("·") }
            return style(blocks[min(7, Int(Double(d.ms) / Double(top) * 7.999))], "34")
        }.joined()
        out += "\n  Last 30 days " + spark + dim("  busiest \(StatsFormat.duration(ms: top))") + "\n"
        return out
    }

    private func weakest() -> String {
        guard !report.weakest.isEmpty else { return "  No card studied yet.\n" }
        var out = ""
        for (i, card) in report.weakest.enumerated() {
            let number = String(i + 1).leftPadded(2)
            let answer = StatsFormat.clip(card.answer, 30)
            let line = "  \(number). \(StatsFormat.clip(card.prompt, 60)) → \(answer)"
            out +=
                Style(enabled: color, width: width).wrapped(line, indent: 6, paintingSuffix: answer, with: bold)
                .joined(separator: "\n") + "\n"
            var detail =
                "      \(StatsFormat.plural(card.lapses, "lapse")), recall \(StatsFormat.percent(card.retrievability, digits: 0))"
            if let source = card.source {
                detail += " · \(card.sourceTitle ?? source)"
                if let line = card.line { detail += " (\(source):\(line))" }
            }
            out += lines(detail, indent: 8, dim)
            if let quote = card.quote { out += lines("      “\(StatsFormat.clip(quote, 70))”", indent: 7, dim) }
        }
        return out
    }

    private func mastery(_ groups: [StatsReport.MasteryGroup], titles: Bool) -> String {
        guard !groups.isEmpty else { return "  –\n" }
        var out = ""
        let names = groups.map { titles ? ($0.title ?? $0.name) : $0.name }
        let width = min(32, names.map(\.count).max() ?? 0)
        for (group, name) in zip(groups, names) {
            let label = StatsFormat.clip(name, width).padding(toLength: width, withPad: " ", startingAt: 0)
            var line =
                "  \(label) \(bar(group.mastery, width: 12)) \(StatsFormat.percent(group.mastery, digits: 0).leftPadded(4))"
            line += "  known \(group.known)/\(group.cards)"
            if group.retention.reviews > 0 {
                line += ", retention \(StatsFormat.percent(group.retention.rate, digits: 0))"
            }
            out += line + "\n"
        }
        return out
    }

    private func outside() -> String {
        var out = ""
        let removed = report.removedCards
        if removed.reviews > 0 {
            out += lines(
                "  \(StatsFormat.plural(removed.reviews, "review")) of \(StatsFormat.plural(removed.cards, "card")) no longer in "
                    + "\(removed.decks.joined(separator: ", ")) (kept in the log, not counted above)", indent: 4)
        }
        let other = report.otherDecks
        if other.reviews > 0 {
            out += lines(
                "  \(StatsFormat.plural(other.reviews, "review")) of \(StatsFormat.plural(other.cards, "card")) in decks not loaded: "
                    + other.decks.joined(separator: ", "), indent: 4)
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
