import Foundation
import MnemoCore

/// `mnemo stats --html`: the same content as the terminal report, as one self-contained page
/// (inline CSS and SVG, no scripts, no network), laid out to print well.
struct StatsHTMLRenderer {
    var report: StatsReport
    var learner: String?

    typealias K = HTMLKit

    func render() -> String {
        var body = header()
        body += section("Today", today())
        body += section("Reviews over the last 12 months", heatmap())
        body += section("Due in the next 30 days", forecast())
        body += section(
            "True retention (desired \(StatsFormat.percent(report.retention.desired, digits: 0)))", retention())
        body += section("Estimated knowledge", knowledge())
        body += section("Time spent", time())
        body += section("Weakest cards", weakest())
        body += section("Mastery by source and tag", mastery())
        let outside = outside()
        if !outside.isEmpty { body += section("Reviews kept apart", outside) }
        return K.page(title: "Mnemo statistics" + (learner.map { " – \($0)" } ?? ""), body: body)
    }

    private func section(_ heading: String, _ content: String) -> String {
        "<section><h2>\(K.escape(heading))</h2>\n\(content)\n</section>\n"
    }

    private func header() -> String {
        var title = "Mnemo statistics"
        if let learner { title += " for \(learner)" }
        let decks = report.decks.map { "\($0.title) (\(StatsFormat.plural($0.cards, "card")))" }.joined(separator: ", ")
        let day = report.rolloverHour == 0 ? "midnight" : String(format: "%02d:00", report.rolloverHour)
        return """
            <header><h1>\(K.escape(title))</h1>
            <p class="sub">\(K.escape(decks)) · study day \(K.escape(report.today.date)) (\(K.escape(report.timeZone)), days start at \(day)) · computed \(K.escape(report.generatedAt))</p></header>

            """
    }

    private func today() -> String {
        let t = report.today
        let s = report.streak
        var tiles = K.tile(StatsFormat.count(t.due), t.overdue > 0 ? "due today (\(t.overdue) overdue)" : "due today")
        tiles += K.tile(StatsFormat.count(t.reviews), "reviews done on \(StatsFormat.plural(t.cardsReviewed, "card"))")
        tiles += K.tile("\(t.newLeft)", "new cards left of \(t.newPerDay)")
        tiles += K.tile(StatsFormat.plural(s.current, "day"), "streak (longest \(s.longest))")
        tiles += K.tile(StatsFormat.duration(ms: t.timeMs), "studied today")
        return "<div class=\"tiles\">\(tiles)</div>"
    }

    private func heatmap() -> String {
        let days = report.calendar.days
        guard !days.isEmpty else { return "" }
        let cell = 14.0
        let gap = 3.0
        let left = 30.0
        let top = 16.0
        let offset = StatsFormat.weekday(days[0].date)
        let columns = (days.count + offset + 6) / 7
        let width = Int(left + Double(columns) * (cell + gap) + 4)
        let height = Int(top + 7 * (cell + gap) + 24)
        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\">"
        for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")] {
            svg += K.text(x: 0, y: top + Double(row) * (cell + gap) + cell - 3, name)
        }
        var lastMonthColumn = -4
        for (i, day) in days.enumerated() {
            let column = (i + offset) / 7
            let row = (i + offset) % 7
            let x = left + Double(column) * (cell + gap)
            let y = top + Double(row) * (cell + gap)
            let level = StatsFormat.heatLevel(day.reviews, max: report.calendar.maxReviews)
            svg +=
                "<rect x=\"\(K.f(x))\" y=\"\(K.f(y))\" width=\"\(cell)\" height=\"\(cell)\" rx=\"2\" fill=\"\(HTMLKit.heatColors[level])\">"
            svg +=
                "<title>\(K.escape(day.date)): \(StatsFormat.plural(day.reviews, "review")), \(StatsFormat.duration(ms: day.timeMs))</title></rect>"
            if StatsFormat.labelsMonth(days, at: i, offset: offset), column - lastMonthColumn >= 3 {
                svg += K.text(x: x, y: top - 5, StatsFormat.monthName(day.date))
                lastMonthColumn = column
            }
        }
        let legendY = top + 7 * (cell + gap) + 6
        var lx = Double(width) - 5 * (cell + gap) - 40
        svg += K.text(x: lx - 4, y: legendY + cell - 3, "less", anchor: "end")
        for color in HTMLKit.heatColors {
            svg +=
                "<rect x=\"\(K.f(lx))\" y=\"\(K.f(legendY))\" width=\"\(cell)\" height=\"\(cell)\" rx=\"2\" fill=\"\(color)\"/>"
            lx += cell + gap
        }
        svg += K.text(x: lx + 2, y: legendY + cell - 3, "more")
        svg += K.text(
            x: left, y: legendY + cell - 3,
            "\(StatsFormat.plural(report.calendar.reviews, "review")) on \(StatsFormat.plural(report.calendar.activeDays, "day")), busiest \(report.calendar.maxReviews)"
        )
        return svg + "</svg>"
    }

    private func forecast() -> String {
        let f = report.forecast
        let bars = f.days.enumerated().map { i, day in
            HTMLKit.Bar(
                value: Double(day.due), label: day.due > 0 ? String(day.due) : nil,
                tick: i == 0 ? "today" : (i % 7 == 0 ? StatsFormat.shortDate(day.date) : nil),
                title: "\(day.date): \(day.due) due")
        }
        var out = K.bars(bars, width: 960, height: 190, color: "#3b82c4")
        var note = "\(StatsFormat.count(f.total)) due in the next 30 days"
        if f.overdue > 0 { note += ", of which \(StatsFormat.count(f.overdue)) overdue (shown today)" }
        if f.later > 0 { note += "; \(StatsFormat.count(f.later)) later" }
        out += "<p class=\"note\">\(K.escape(note)).</p>"
        return out
    }

    private func retention() -> String {
        let r = report.retention
        func cell(_ c: StatsReport.RetentionCell) -> String { c.reviews == 0 ? "–" : StatsFormat.percent(c.rate) }
        var out = "<div class=\"tiles\">"
        out += K.tile(cell(r.overall), "overall, \(StatsFormat.plural(r.overall.reviews, "review answer"))")
        out += K.tile(cell(r.last30Days), "last 30 days (\(r.last30Days.reviews))")
        out += K.tile(cell(r.today), "today (\(r.today.reviews))")
        out += "</div>"
        func periodBars(_ periods: [StatsReport.RetentionPeriod], tick: (String) -> String) -> String {
            K.bars(
                periods.map {
                    HTMLKit.Bar(
                        value: $0.rate ?? 0, label: $0.rate.map { StatsFormat.percent($0, digits: 0) },
                        tick: tick($0.period),
                        title: "\($0.period): \($0.reviews == 0 ? "–" : StatsFormat.percent($0.rate)) of \($0.reviews)")
                }, width: 480, height: 170, color: "#2e9e57", maximum: 1, gridLabel: "100%")
        }
        out += "<div class=\"two\"><div><h3>By week</h3>"
        out += periodBars(r.weeks) { String($0.split(separator: "-").last ?? "") }
        out += "</div><div><h3>By month</h3>"
        out += periodBars(r.months) { StatsFormat.monthName($0) }
        out += "</div></div>"
        out +=
            "<h3>By interval since the previous review</h3><table class=\"fit\"><tr><th>Interval</th><th></th><th class=\"num\">Retention</th><th class=\"num\">Answers</th></tr>"
        for band in r.intervals {
            out += "<tr><td>\(K.escape(band.band))</td><td>\(K.meter(band.rate ?? 0))</td>"
            out += "<td class=\"num\">\(band.reviews == 0 ? "–" : StatsFormat.percent(band.rate))</td>"
            out += "<td class=\"num\">\(StatsFormat.count(band.reviews))</td></tr>"
        }
        return out + "</table>"
    }

    private func knowledge() -> String {
        let k = report.knowledge
        var out = "<div class=\"tiles\">"
        out += K.tile(String(format: "%.1f", k.estimated), "cards you would recall now")
        out += K.tile(StatsFormat.count(k.studiedCards), "studied cards")
        out += K.tile(StatsFormat.percent(k.meanRetrievability), "mean retrievability")
        out += K.tile(StatsFormat.count(k.above90), "cards above 90%")
        out += K.tile(StatsFormat.count(report.totals.newCards), "not studied yet")
        return out
            + "</div><p class=\"note\">The sum of each studied card's probability of recall today (FSRS), as Anki's estimated total knowledge.</p>"
    }

    private func time() -> String {
        let t = report.time
        var out = "<div class=\"tiles\">"
        out += K.tile(StatsFormat.duration(ms: t.totalMs), "in total")
        out += K.tile(StatsFormat.duration(ms: t.todayMs), "today")
        out += K.tile(t.meanPerReviewMs.map { String(format: "%.1f s", Double($0) / 1000) } ?? "–", "per review")
        out += "</div><h3>Last 30 days (minutes)</h3>"
        let bars = t.days.enumerated().map { i, d in
            HTMLKit.Bar(
                value: Double(d.ms) / 60_000, label: nil,
                tick: i % 7 == 2 || i == t.days.count - 1 ? StatsFormat.shortDate(d.date) : nil,
                title: "\(d.date): \(StatsFormat.duration(ms: d.ms)), \(StatsFormat.plural(d.reviews, "review"))")
        }
        let top = bars.map(\.value).max() ?? 0
        return out + K.bars(bars, width: 960, height: 150, color: "#7a5cc4", gridLabel: String(format: "%.1f min", top))
    }

    private func weakest() -> String {
        guard !report.weakest.isEmpty else { return "<p class=\"note\">No card studied yet.</p>" }
        var out =
            "<table><tr><th>#</th><th>Card</th><th class=\"num\">Lapses</th><th class=\"num\">Recall now</th><th>Source</th></tr>"
        for (i, card) in report.weakest.enumerated() {
            // An Arabic card's cell runs right to left, its arrow pointing from the prompt to the answer.
            let direction = K.direction(card.prompt)
            let arrow = direction.isEmpty ? "→" : "←"
            out += "<tr><td class=\"num\">\(i + 1)</td><td\(direction)>\(K.bdi(card.prompt)) \(arrow) "
            out += "<b>\(K.bdi(card.answer))</b>"
            if let quote = card.quote { out += "<div class=\"quote\" dir=\"auto\">“\(K.escape(quote))”</div>" }
            out +=
                "</td><td class=\"num\">\(card.lapses)</td><td class=\"num\">\(StatsFormat.percent(card.retrievability, digits: 0))</td>"
            out += "<td\(K.direction(card.sourceTitle ?? ""))>"
            if let title = card.sourceTitle { out += K.bdi(K.clip(title, 70)) + "<br>" }
            if let file = card.source { out += "<span class=\"note\">\(K.cite(file, card.line))</span>" }
            out += "</td></tr>"
        }
        return out + "</table>"
    }

    private func mastery() -> String {
        func table(_ groups: [StatsReport.MasteryGroup], heading: String, titles: Bool) -> String {
            guard !groups.isEmpty else { return "" }
            var out = "<h3>\(K.escape(heading))</h3><table><tr><th>\(titles ? "Source" : "Tag")</th><th></th>"
            out +=
                "<th class=\"num\">Mastery</th><th class=\"num\">Known</th><th class=\"num\">Studied</th><th class=\"num\">Retention</th></tr>"
            for g in groups {
                var name = K.bdi(titles ? K.clip(g.title ?? g.name, 80) : g.name)
                if titles, g.title != nil { name += " <span class=\"note\">\(K.cite(g.name, nil))</span>" }
                out +=
                    "<tr><td\(K.direction(titles ? (g.title ?? g.name) : g.name))>\(name)</td><td>\(K.meter(g.mastery))</td>"
                out += "<td class=\"num\">\(StatsFormat.percent(g.mastery, digits: 0))</td>"
                out += "<td class=\"num\">\(g.known)/\(g.cards)</td><td class=\"num\">\(g.studied)</td>"
                out +=
                    "<td class=\"num\">\(g.retention.reviews > 0 ? StatsFormat.percent(g.retention.rate, digits: 0) : "–")</td></tr>"
            }
            return out + "</table>"
        }
        return table(report.mastery.sources, heading: "By source (weakest first)", titles: true)
            + table(report.mastery.tags, heading: "By tag (weakest first)", titles: false)
            + "<p class=\"note\">Mastery: mean probability of recall over all the cards, unstudied ones counting 0. Known: recall at least 90%.</p>"
    }

    private func outside() -> String {
        var out = ""
        let removed = report.removedCards
        if removed.reviews > 0 {
            out +=
                "<p>\(StatsFormat.plural(removed.reviews, "review")) of \(StatsFormat.plural(removed.cards, "card")) no longer in \(K.escape(removed.decks.joined(separator: ", "))): kept in the log, not counted above.</p>"
        }
        let other = report.otherDecks
        if other.reviews > 0 {
            out +=
                "<p>\(StatsFormat.plural(other.reviews, "review")) of \(StatsFormat.plural(other.cards, "card")) in decks not loaded: \(K.escape(other.decks.joined(separator: ", "))).</p>"
        }
        return out
    }
}
