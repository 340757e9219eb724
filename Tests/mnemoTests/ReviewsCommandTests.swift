import Foundation
import Testing

@testable import MnemoCore
@testable import mnemo

/// End-to-end: `mnemo reviews import/export` and `mnemo cards` on the built binary.
@Suite("mnemo reviews")
struct ReviewsCommandTests {
    static let header = "card_id,review_time,review_rating,review_state,review_duration\n"
    static let t0: Int64 = 1_704_098_387_261

    struct Fixture {
        let dir: URL
        var deck: URL { dir.appendingPathComponent("deck.json") }
        var progress: URL { dir.appendingPathComponent("progress") }
        var log: URL { progress.appendingPathComponent(ReviewLog.fileName) }

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("reviews-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let cards = (0..<3).map {
                Card(id: CardID("card-\($0)"), kind: .question, prompt: "Question \($0)?", answer: "\($0)")
            }
            try Deck(id: "d", title: "D", cards: cards).write(to: deck)
        }

        func csv(_ body: String) throws -> URL {
            let url = dir.appendingPathComponent("in-\(UUID().uuidString).csv")
            try Data((ReviewsCommandTests.header + body).utf8).write(to: url)
            return url
        }

        func cards() throws -> [Listed] {
            let r = try OptimizeCommandTests.run(["cards", deck.path, "--progress", progress.path, "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            return try JSONDecoder().decode(Listing.self, from: Data(r.stdout.utf8)).cards
        }
    }

    /// What `mnemo cards --json` lists (the parts read here).
    struct Listing: Decodable { var cards: [Listed] }
    struct Listed: Decodable {
        var id: String
        var stability: Double?
        var difficulty: Double?
        var reps: Int
        var lapses: Int
        var suspended: Bool
    }

    static func good() -> String {
        let day: Int64 = 86_400_000
        return """
            0,\(t0),3,0,4000
            1,\(t0 + 1000),1,0,5000
            1,\(t0 + 700_000),3,1,3000
            0,\(t0 + 3 * day),3,2,2000
            2,\(t0 + 3 * day + 5),4,0,1000

            """
    }

    @Test(
        "import by index gives the states the scheduler gives; a second import skips every row; export writes them back"
    )
    func importExport() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let csv = try f.csv(Self.good())
        let first = try OptimizeCommandTests.run([
            "reviews", "import", csv.path, "--deck", f.deck.path, "--card-ids", "index", "--progress", f.progress.path,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported 5 reviews of 3 cards") && first.stdout.contains("skipped 0"))

        let scheduler = try Scheduler()
        var expected: [String: CardState] = [:]
        for entry in try Revlog.parse(Self.header + Self.good()) {
            let id = "card-\(entry.cardID)"
            var rng = SeededGenerator(seedString: RevlogImport.eventID(card: CardID(id), ms: entry.timeMs))
            expected[id] = scheduler.review(
                expected[id] ?? .new, rating: entry.rating,
                at: Date(timeIntervalSince1970: Double(entry.timeMs) / 1000), using: &rng)
        }
        let rows = try f.cards()
        #expect(rows.count == 3)
        for row in rows {
            #expect(row.stability == expected[row.id]?.stability && row.difficulty == expected[row.id]?.difficulty)
            #expect(row.reps == expected[row.id]?.reps)
        }

        let again = try OptimizeCommandTests.run([
            "reviews", "import", csv.path, "--deck", f.deck.path, "--card-ids", "index", "--progress", f.progress.path,
        ])
        #expect(
            again.status == 0 && again.stdout.contains("imported 0 reviews") && again.stdout.contains("skipped 5"),
            "\(again.stdout)")

        let out = f.dir.appendingPathComponent("out.csv")
        let export = try OptimizeCommandTests.run(["reviews", "export", "--progress", f.progress.path, "-o", out.path])
        #expect(export.status == 0, "\(export.stderr)")
        let exported = try Revlog.read(path: out.path)
        #expect(exported.map(\.cardID) == ["card-0", "card-1", "card-1", "card-0", "card-2"])
        // Card 0: Good, then Good 3 days later still in Learning (step 1).
        #expect(exported.map(\.state) == [0, 0, 1, 1, 0])
        #expect(exported.map(\.timeMs) == (try Revlog.parse(Self.header + Self.good())).map(\.timeMs))

        // Exported ids are deck ids: importing them into a fresh folder gives the same states.
        let fresh = f.dir.appendingPathComponent("fresh")
        let back = try OptimizeCommandTests.run([
            "reviews", "import", out.path, "--deck", f.deck.path, "--progress", fresh.path,
        ])
        #expect(back.status == 0, "\(back.stderr)")
        let rows2 = try OptimizeCommandTests.run(["cards", f.deck.path, "--progress", fresh.path, "--json"])
        let listed = (try OptimizeCommandTests.run(["cards", f.deck.path, "--progress", f.progress.path, "--json"]))
            .stdout
        #expect(
            rows2.stdout.replacingOccurrences(of: fresh.path, with: "P")
                == listed.replacingOccurrences(of: f.progress.path, with: "P"))
    }

    @Test(
        "bad input: one line with the row number, non-zero exit, nothing imported",
        arguments: [
            ("0,\(t0),3,0,1\n0,\(t0 + 5),9,2,1\n", ":3: review_rating must be 1 (Again) to 4 (Easy), got 9"),
            ("0,\(t0),3,0,1\n1,\(t0 - 5),3,0,1\n", ":3: review_time \(t0 - 5) is earlier than the row before"),
            ("0,\(t0),3,0,1\n7,\(t0 + 5),3,0,1\n", ":3: card_id '7' is not a card number of deck 'd'"),
            (
                "0,\(t0),3,0,1\n1,4102444800000,3,0,1\n",
                ":3: review_time 4102444800000 (2100-01-01T00:00:00.000Z) is in the future"
            ),
            ("0,\(t0),3,0\n", ":2: expected 5 fields, found 4"),
        ])
    func refused(body: String, message: String) throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let seed = try f.csv("2,\(Self.t0 - 10_000),3,0,1\n")
        #expect(
            try OptimizeCommandTests.run([
                "reviews", "import", seed.path, "--deck", f.deck.path, "--card-ids", "index", "--progress",
                f.progress.path,
            ]).status == 0)
        let before = try Data(contentsOf: f.log)
        let csv = try f.csv(body)
        let r = try OptimizeCommandTests.run([
            "reviews", "import", csv.path, "--deck", f.deck.path, "--card-ids", "index", "--progress", f.progress.path,
        ])
        #expect(r.status != 0 && r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(
            lines.count == 1 && lines[0].hasPrefix("Error: \(csv.path)") && lines[0].contains(message), "\(r.stderr)")
        #expect(try Data(contentsOf: f.log) == before)
    }

    @Test("wrong columns, unknown Mnemo ids and reviews older than the log are refused")
    func refusedMore() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let columns = f.dir.appendingPathComponent("cols.csv")
        try Data("card,time,rating\nx,1,3\n".utf8).write(to: columns)
        let r1 = try OptimizeCommandTests.run([
            "reviews", "import", columns.path, "--deck", f.deck.path, "--progress", f.progress.path,
        ])
        #expect(r1.status != 0 && r1.stderr.contains("review log lacks column(s) card_id, review_time, review_rating"))
        let unknown = try f.csv("card-0,\(Self.t0),3,0,1\nnope,\(Self.t0 + 1),3,0,1\n")
        let r2 = try OptimizeCommandTests.run([
            "reviews", "import", unknown.path, "--deck", f.deck.path, "--progress", f.progress.path,
        ])
        #expect(r2.stderr.contains(":3: card_id 'nope' is not a card of deck 'd'"), "\(r2.stderr)")
        let later = try f.csv("card-0,\(Self.t0 + 50_000),3,0,1\n")
        #expect(
            try OptimizeCommandTests.run([
                "reviews", "import", later.path, "--deck", f.deck.path, "--progress", f.progress.path,
            ]).status == 0)
        let older = try f.csv("card-1,\(Self.t0),3,0,1\ncard-0,\(Self.t0 + 1),3,0,1\n")
        let r3 = try OptimizeCommandTests.run([
            "reviews", "import", older.path, "--deck", f.deck.path, "--progress", f.progress.path,
        ])
        #expect(
            r3.status != 0 && r3.stderr.contains(":3: card card-0 has later reviews in the progress log"),
            "\(r3.stderr)")
        #expect(try f.cards().first { $0.id == "card-1" }?.reps == 0)
    }

    @Test("a card failed 8 times is suspended by replay and listed by cards --leeches")
    func leeches() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let day: Int64 = 86_400_000
        var rows = "0,\(Self.t0),4,0,1\n1,\(Self.t0 + 1),4,0,1\n"
        var t = Self.t0 + 10 * day
        for _ in 0..<8 {
            rows += "0,\(t),1,2,1\n0,\(t + 700_000),3,3,1\n"
            t += 5 * day
        }
        let csv = try f.csv(rows)
        let r = try OptimizeCommandTests.run([
            "reviews", "import", csv.path, "--deck", f.deck.path, "--card-ids", "index", "--progress", f.progress.path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let listed = try OptimizeCommandTests.run([
            "cards", f.deck.path, "--progress", f.progress.path, "--leeches", "--json",
        ])
        let cards = try JSONDecoder().decode(Listing.self, from: Data(listed.stdout.utf8)).cards
        #expect(cards.map(\.id) == ["card-0"] && cards.first?.lapses == 8 && cards.first?.suspended == true)
        #expect(try f.cards().first { $0.id == "card-1" }?.suspended == false)
    }
}
