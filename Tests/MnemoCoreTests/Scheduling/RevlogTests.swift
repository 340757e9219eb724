import Foundation
import Testing

@testable import MnemoCore

@Suite("Revlog CSV")
struct RevlogTests {
    @Test("reads rows with CRLF endings, any column order, quoted card ids and spaces")
    func reads() throws {
        let text =
            "review_rating,card_id,review_time,review_state,review_duration\r\n3,7,1704098387261,0,3731\r\n1,\"a,b\", 1704098390992 ,2,0\r\n"
        let entries = try Revlog.parse(text, path: "x.csv")
        #expect(
            entries == [
                RevlogEntry(cardID: "7", timeMs: 1_704_098_387_261, rating: .good, state: 0, durationMs: 3731),
                RevlogEntry(cardID: "a,b", timeMs: 1_704_098_390_992, rating: .again, state: 2, durationMs: 0),
            ])
        #expect(try Revlog.parse(Revlog.csv(entries)) == entries)
    }

    @Test(
        "bad input names the file and line",
        arguments: [
            ("", "x.csv: review log has no header line"),
            (
                "card_id,review_time,review_rating\n",
                "x.csv: review log lacks column(s) review_state, review_duration (found: card_id, review_time, review_rating)"
            ),
            (
                "card_id,review_time,review_rating,review_state,review_duration\n1,2,3,0,1\n1,2,3,0\n",
                "x.csv:3: expected 5 fields, found 4"
            ),
            (
                "card_id,review_time,review_rating,review_state,review_duration\n1,soon,3,0,1\n",
                "x.csv:2: review_time is not a whole number: 'soon'"
            ),
            (
                "card_id,review_time,review_rating,review_state,review_duration\n1,2,3,0,1\n1,2,5,0,1\n",
                "x.csv:3: review_rating must be 1 (Again) to 4 (Easy), got 5"
            ),
            (
                "card_id,review_time,review_rating,review_state,review_duration\n1,2,0,0,1\n",
                "x.csv:2: review_rating must be 1 (Again) to 4 (Easy), got 0"
            ),
            (
                "card_id,review_time,review_rating,review_state,review_duration\n1,2,3,4,1\n",
                "x.csv:2: review_state must be 0 (New) to 3 (Relearning), got 4"
            ),
        ])
    func errors(text: String, message: String) {
        do {
            _ = try Revlog.parse(text, path: "x.csv")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("missing and non-UTF-8 files are reported by path")
    func files() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("revlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("none.csv").path
        #expect(throws: RevlogError.unreadable(path: missing, reason: "no such file")) {
            try Revlog.read(path: missing)
        }
        let binary = dir.appendingPathComponent("bin.csv")
        try Data([0xff, 0xfe, 0x00, 0x81]).write(to: binary)
        #expect(throws: RevlogError.notUTF8(path: binary.path)) { try Revlog.read(path: binary.path) }
    }

    @Test("progress events become revlog entries; undone reviews and non-reviews are left out")
    func fromEvents() {
        let t = Date(timeIntervalSince1970: 1_704_099_600.123)
        let card = CardID("cloze-0123456789abcdef")
        let events = [
            ReviewEvent(id: "1", kind: .review, card: card, deck: "d", time: t, rating: .good, durationMs: 1500),
            ReviewEvent(id: "2", kind: .review, card: card, deck: "d", time: t.addingTimeInterval(60), rating: .again),
            ReviewEvent(id: "3", kind: .undo, card: card, deck: "d", time: t.addingTimeInterval(61), undoes: "2"),
            ReviewEvent(id: "4", kind: .suspend, card: card, deck: "d", time: t.addingTimeInterval(62)),
        ]
        #expect(
            Revlog.entries(from: events) == [
                RevlogEntry(
                    cardID: "cloze-0123456789abcdef", timeMs: 1_704_099_600_123, rating: .good, state: 2,
                    durationMs: 1500)
            ])
    }
}
