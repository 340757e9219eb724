import Foundation
import Testing

@testable import MnemoCore

struct SnapshotCodecTests {
    static let full = CardRecord(
        state: CardState(
            phase: .relearning, step: 0, stability: 0.1 + 0.2, difficulty: 9.999999999999998,
            due: LogTime.date(milliseconds: 1_795_313_320_120),
            lastReview: LogTime.date(milliseconds: 1_795_313_000_001),
            reps: 12, lapses: 3),
        deck: "deck \"quoted\" ع", suspended: true, buriedUntil: LogTime.date(milliseconds: 1_795_400_000_000))

    static var sample: ProgressSnapshot {
        ProgressSnapshot(
            formatVersion: 1, configHash: "abc",
            log: .init(events: 10, lines: 11, bytes: 2000, lastEventID: "e10"),
            undone: [UndoneEvent(event: "e3", card: CardID("c1"))],
            warnings: [.init(line: 4, message: "skipped a line: \"x\"")],
            cards: [
                "c1": full, "c/2": CardRecord(deck: "d"),
                "c3": CardRecord(state: CardState(phase: .review, stability: 1e-3, reps: 1), deck: ""),
            ])
    }

    @Test func roundTripsExactlyAndIsPlainJSON() throws {
        let bytes = SnapshotCodec.encode(Self.sample)
        #expect(try SnapshotCodec.decode(bytes) == Self.sample)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        #expect((object["cards"] as? [Any])?.count == 3)
        // Card order is by id, one card per line.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 5)
        #expect(
            text.hasPrefix(
                "{\"cards\":[\n{\"card\":\"c/2\",\"deck\":\"d\",\"lapses\":0,\"phase\":\"new\",\"reps\":0,\"suspended\":false},\n"
            ))
    }

    @Test func coversEveryField() {
        // If this fails, a field was added to CardRecord or CardState: teach SnapshotCodec about it.
        #expect(
            Mirror(reflecting: CardRecord(deck: "")).children.map { $0.label ?? "" } == [
                "state", "deck", "suspended", "buriedUntil",
            ])
        #expect(
            Mirror(reflecting: CardState()).children.map { $0.label ?? "" }
                == ["phase", "step", "stability", "difficulty", "due", "lastReview", "reps", "lapses"])
    }

    @Test func readsWhatJSONEncoderWrites() throws {
        // Hand-edited or tool-written snapshots (other key order, spacing, nulls) read the same.
        let text = """
            { "warnings": [], "undone": [ ], "log": {"lines": 1, "events": 1, "bytes": 100, "lastEventID": null},
              "formatVersion": 1, "configHash": "h", "future": {"x": [1, 2]},
              "cards": [ {"phase": "review", "card": "c", "deck": "d", "reps": 2, "lapses": 0, "suspended": false,
                          "stability": 3.5E0, "difficulty": null, "due": "2026-01-01T00:00:00Z", "extra": true} ] }
            """
        let snapshot = try SnapshotCodec.decode(Array(text.utf8))
        #expect(snapshot.cards["c"]?.state.stability == 3.5)
        #expect(snapshot.cards["c"]?.state.due == LogTime.parse("2026-01-01T00:00:00Z"))
        #expect(snapshot.log.lastEventID == nil)
    }

    @Test(arguments: [
        ("{\"formatVersion\":1}", "missing 'log'"),
        ("{\"log\":{}}", "missing 'formatVersion'"),
        ("{\"formatVersion\":1,\"log\":{},\"cards\":[{\"card\":\"c\"}]}", "card c has no phase"),
        (
            "{\"formatVersion\":1,\"log\":{},\"cards\":[{\"card\":\"c\",\"phase\":\"sleeping\"}]}",
            "unknown phase 'sleeping'"
        ),
        (
            "{\"formatVersion\":1,\"log\":{},\"cards\":[{\"card\":\"c\",\"phase\":\"new\",\"reps\":\"many\"}]}",
            "field 'reps' is not a whole number"
        ),
        ("{\"formatVersion\":1,", "expected a key at byte 20"),
    ])
    func explainsMalformedSnapshots(text: String, message: String) {
        #expect(throws: SnapshotCodec.Failure.self) { try SnapshotCodec.decode(Array(text.utf8)) }
        do {
            _ = try SnapshotCodec.decode(Array(text.utf8))
        } catch {
            #expect(error.message == message)
        }
    }
}
