import Foundation
import Testing

@testable import MnemoCore
@testable import mnemo

/// A studied deck with long English prompts and an Arabic source, rendered as `mnemo stats` renders it.
private final class StatsRenderingFixture {
    static let now = "2026-11-22T12:00:00Z"
    static let arabicPrompt = "أعلن الاتحاد السوفيتي الحرب على اليابان في [التاريخ] بعد مؤتمر يالطا."
    static let arabicTitle = "الحرب السوفيتية اليابانية"

    let box: StatsSandbox
    let deck: Deck
    let report: StatsReport

    init() throws {
        box = try StatsSandbox()
        let sources = [
            SourceInfo(
                file: "000_6a4c97410ac4d85f.txt",
                title: "The Soviet-Japanese War of 1945 and the end of the Pacific War",
                sha256: "00", language: "en"),
            SourceInfo(file: "004_0790bab636a959d4.txt", title: Self.arabicTitle, sha256: "11", language: "ar"),
        ]
        var cards = (0..<5).map { i in
            Card(
                id: CardID("cloze-\(String(format: "%04d", i))"), kind: .cloze,
                prompt:
                    "In [month and year], World War II came to an end in Europe, but the Japanese in Asia showed stubborn resistance (\(i)).",
                answer: "February 1945",
                evidence: [
                    Provenance(
                        source: sources[0].file, line: i + 1, start: 0, end: 20,
                        quote:
                            "In February 1945, World War II came to an end in Europe, but the Japanese in Asia showed stubborn resistance."
                    )
                ])
        }
        cards.append(
            Card(
                id: CardID("cloze-arabic"), kind: .cloze, prompt: Self.arabicPrompt, answer: "8 أغسطس 1945",
                language: "ar",
                evidence: [
                    Provenance(
                        source: sources[1].file, line: 3, start: 0, end: 20,
                        quote: "أعلن الاتحاد السوفيتي الحرب على اليابان في 8 أغسطس 1945.")
                ]))
        deck = Deck(id: "war", title: "The Soviet-Japanese War of 1945", sources: sources, cards: cards)
        try deck.write(to: box.url.appendingPathComponent("war.json"))
        let now = try CommandTime.now(Self.now)
        try box.simulate(folder: "p", deck: deck, days: 30, seed: 7, difficulty: 2, now: now)
        let reading = try ProgressReading.read(box.url.appendingPathComponent("p"))
        report = StatsBuilder.report(
            StatsInput(
                decks: [deck], log: reading.log, records: reading.records, scheduler: reading.scheduler, now: now,
                studyDay: StudyDay(timeZone: TimeZone(identifier: "UTC") ?? .current), newPerDay: 20))
    }

    /// The lines of one section of the text report, heading excluded.
    static func section(_ heading: String, of text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: heading) else { return [] }
        let rest = lines[(start + 1)...]
        return Array(rest.prefix { !$0.isEmpty })
    }
}

@Suite("mnemo stats: rendering", .serialized)
struct StatsRenderingTests {
    @Test("at a terminal's width the weakest cards wrap at spaces, with a hanging indent", arguments: [60, 100])
    func weakestCardsWrap(width: Int) throws {
        let fixture = try StatsRenderingFixture()
        #expect(fixture.report.weakest.count == 6)
        let text = StatsTextRenderer(report: fixture.report, color: false, learner: nil, width: width).render()
        let lines = StatsRenderingFixture.section("Weakest cards", of: text)
        #expect(lines.count > 3 * 6, "some lines wrapped: \(lines)")
        for line in lines {
            #expect(line.count <= width, "\(line)")
            #expect(line.hasPrefix("  "), "continuations are indented: \(line)")
        }
        // Words are whole: joining the lines gives every word back.
        let words = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(words.contains("In February 1945, World War II came to an end in Europe, but the Japa…"))
        #expect(words.contains("The Soviet-Japanese War of 1945 and the end of the Pacific War"))
    }

    @Test("without a width (piped output) the lines stay as they were: one line each, clipped")
    func noWidthKeepsLines() throws {
        let fixture = try StatsRenderingFixture()
        let wide = StatsTextRenderer(report: fixture.report, color: false, learner: nil).render()
        let lines = StatsRenderingFixture.section("Weakest cards", of: wide)
        #expect(lines.count == 3 * 6)
        #expect(lines.contains { $0.count > 100 }, "the source line is not wrapped")
    }

    @Test("color codes wrap around whole lines and the answer, never split a word")
    func colorWraps() throws {
        let fixture = try StatsRenderingFixture()
        let text = StatsTextRenderer(report: fixture.report, color: true, learner: nil, width: 60).render()
        let lines = StatsRenderingFixture.section("\u{1B}[1mWeakest cards\u{1B}[0m", of: text)
        #expect(lines.count > 3 * 6)
        let plain = lines.map {
            $0.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
        }
        for line in plain { #expect(line.count <= 60, "\(line)") }
        // The answer is bold wherever the break put its words.
        let first = try #require(lines.firstIndex { $0.contains(". In [month and year]") })
        let card = lines[first...].prefix { !$0.contains("lapse") }.joined(separator: "\n")
        let bold = card.components(separatedBy: "\u{1B}[1m").dropFirst().compactMap {
            $0.components(separatedBy: "\u{1B}[0m").first
        }
        #expect(bold.joined(separator: " ") == "February 1945", "\(card)")
    }

    @Test("piped `mnemo stats` does not wrap, whatever COLUMNS says")
    func pipedOutputIsNotWrapped() throws {
        let fixture = try StatsRenderingFixture()
        let run = try runMnemoBinary(
            ["stats", "war.json", "--progress", "p", "--now", StatsRenderingFixture.now], in: fixture.box.url,
            environment: ["COLUMNS": "40"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = StatsRenderingFixture.section("Weakest cards", of: run.stdout)
        #expect(lines.count == 3 * 6)
    }

    @Test("in the HTML page, Arabic card text, quotes and source titles run right to left")
    func htmlArabicIsRightToLeft() throws {
        let fixture = try StatsRenderingFixture()
        let page = StatsHTMLRenderer(report: fixture.report, learner: nil).render()
        /// The opening tags (up to ">") of the nearest `tag` before each place `text` is shown.
        func openingTags(before text: String, tag: String) -> [String] {
            var tags: [String] = []
            var from = page.startIndex
            while let at = page.range(of: HTMLText.escape(text), range: from..<page.endIndex) {
                if let open = page.range(of: "<\(tag)", options: .backwards, range: page.startIndex..<at.lowerBound) {
                    tags.append(String(page[open.lowerBound...].prefix { $0 != ">" }))
                }
                from = at.upperBound
            }
            return tags
        }
        let prompt = openingTags(before: StatsRenderingFixture.arabicPrompt, tag: "td")
        #expect(prompt == ["<td dir=\"rtl\" lang=\"ar\""])
        let quote = openingTags(before: "أعلن الاتحاد السوفيتي الحرب على اليابان في 8", tag: "div")
        #expect(quote == ["<div class=\"quote\" dir=\"auto\""], "the quote's own direction, from its text")
        // In the weakest cards' source column and in mastery by source.
        let title = openingTags(before: StatsRenderingFixture.arabicTitle, tag: "td")
        #expect(title == ["<td dir=\"rtl\" lang=\"ar\"", "<td dir=\"rtl\" lang=\"ar\""])
        #expect(page.contains("td[dir=\"rtl\"] { text-align: right; }"))
        // English cards and titles keep the page's direction.
        let english = openingTags(before: "In [month and year], World War II", tag: "td")
        #expect(english.count == 5 && english.allSatisfy { $0 == "<td" }, "\(english)")
        let englishTitle = openingTags(before: "The Soviet-Japanese War of 1945 and the end", tag: "td")
        #expect(!englishTitle.isEmpty && englishTitle.allSatisfy { $0 == "<td" }, "\(englishTitle)")
    }
}
