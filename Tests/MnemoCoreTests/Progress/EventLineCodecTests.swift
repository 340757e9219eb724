import Foundation
import Testing

@testable import MnemoCore

struct EventLineCodecTests {
    static let tricky: [ReviewEvent] = [
        review("e1", card: "cloze-0001"),
        ReviewEvent(
            id: "e2", kind: .review, card: CardID("question-ab"), deck: "d", time: baseTime, rating: .again,
            answer: "قال \"نعم\"\n\ttab \\ back/slash \u{1} é 𝄞 😀", verdict: .almost, durationMs: 0),
        ReviewEvent(
            id: "e3", kind: .bury, card: CardID("c"), deck: "d", time: baseTime,
            until: baseTime.addingTimeInterval(86_400)),
        ReviewEvent(id: "e4", kind: .suspend, card: CardID("c"), deck: "", time: baseTime),
        undo("e5", of: "e2", card: "question-ab"),
    ]

    @Test(arguments: tricky)
    func roundTripsExactly(event: ReviewEvent) throws {
        let line = EventLineCodec.encode(event)
        #expect(!line.contains(0x0A), "one event is one line")
        let back = try line.withUnsafeBytes { try EventLineCodec.decode($0) }
        #expect(back == event)
        // Any JSON reader agrees on the content.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["id"] as? String == event.id)
        #expect(object["answer"] as? String == event.answer)
        #expect(object["time"] as? String == LogTime.format(event.time))
        #expect(object["v"] as? Int == 1)
    }

    @Test func writesSortedKeysAndOmitsAbsentFields() {
        let line = String(decoding: EventLineCodec.encode(review("e1", card: "cloze-1")), as: UTF8.self)
        #expect(
            line
                == #"{"answer":"1945","card":"cloze-1","deck":"deck-1","durationMs":4200,"id":"e1","kind":"review","rating":3,"time":"2026-09-21T14:13:20.123Z","v":1,"verdict":"right"}"#
        )
    }

    @Test func readsEscapesAndIgnoresUnknownKeys() throws {
        let line =
            #"{ "v":1, "extra":{"a":[1,2,{"b":null}],"c":true}, "id":"x\u00e9\ud834\udd1e", "kind":"suspend", "card":"c\/d", "deck":"d", "time":"2024-01-01T09:00:00.000Z", "answer":null }"#
        let event = try Array(line.utf8).withUnsafeBytes { try EventLineCodec.decode($0) }
        #expect(event.id == "xé𝄞")
        #expect(event.card == CardID("c/d"))
        #expect(event.kind == .suspend)
        #expect(event.answer == nil)
    }

    @Test(arguments: [
        ("not json", "not a JSON object"),
        (#"{"id":"a","kind":"review","card":"c","deck":"d","time":"2024-01-01T09:00:00Z"}"#, "review a has no rating"),
        (
            #"{"id":"a","kind":"fly","card":"c","deck":"d","time":"2024-01-01T09:00:00Z"}"#,
            "event a has unknown kind 'fly'"
        ),
        (
            #"{"id":"a","kind":"review","rating":5,"card":"c","time":"2024-01-01T09:00:00Z"}"#,
            "event a has rating 5, not 1-4"
        ),
        (
            #"{"id":"a","kind":"review","rating":3,"card":"c","time":"monday"}"#,
            "field 'time' is not an ISO-8601 time: 'monday'"
        ),
        (#"{"id":"a","kind":"review","rating":3,"card":"c"}"#, "event a has no time"),
        (#"{"kind":"review","rating":3,"card":"c","time":"2024-01-01T09:00:00Z"}"#, "event without an id"),
        (#"{"id":"a","kind":"undo","card":"c","time":"2024-01-01T09:00:00Z"}"#, "undo a names no event (undoes)"),
        (
            #"{"id":"a","kind":"review","rating":3.5,"card":"c","time":"2024-01-01T09:00:00Z"}"#,
            "field 'rating' is not a whole number"
        ),
        (
            #"{"id":"a","kind":"review","rating":3,"card":"c","time":"2024-01-01T09:00:00Z"} x"#,
            "not JSON (text after the object at byte 80)"
        ),
        (#"{"id""#, "not JSON (expected ':' at byte 6)"),
    ])
    func explainsBadLines(line: String, message: String) {
        #expect(throws: EventLineCodec.Failure.malformed(message)) {
            try Array(line.utf8).withUnsafeBytes { try EventLineCodec.decode($0) }
        }
    }

    @Test func refusesANewerLineVersion() {
        let line =
            #"{"id":"a","kind":"review","rating":3,"card":"c","time":"2024-01-01T09:00:00Z","v":3,"new":"thing"}"#
        #expect(throws: EventLineCodec.Failure.newer(3)) {
            try Array(line.utf8).withUnsafeBytes { try EventLineCodec.decode($0) }
        }
    }

    @Test func cramPracticeRoundTripsAsVersion2AndOldLinesStayVersion1() throws {
        var event = review("c1", card: "cloze-1")
        event.cram = true
        let line = String(decoding: EventLineCodec.encode(event), as: UTF8.self)
        #expect(line.contains(#""card":"cloze-1","cram":true,"deck""#))
        #expect(line.contains(#""v":2"#), "an older Mnemo refuses the line instead of rescheduling with it")
        let back = try Array(line.utf8).withUnsafeBytes { try EventLineCodec.decode($0) }
        #expect(back == event)
        #expect(!back.countsForSchedule)
        // An ordinary review is written exactly as before (v 1, no cram key) and reads as cram nil.
        let plain = String(decoding: EventLineCodec.encode(review("p1", card: "cloze-1")), as: UTF8.self)
        #expect(!plain.contains("cram") && plain.contains(#""v":1"#))
        let old = #"{"card":"c","id":"a","kind":"review","rating":3,"time":"2024-01-01T09:00:00Z","v":1}"#
        let oldEvent = try Array(old.utf8).withUnsafeBytes { try EventLineCodec.decode($0) }
        #expect(oldEvent.cram == nil && oldEvent.countsForSchedule)
        let explicitFalse =
            #"{"card":"c","cram":false,"id":"a","kind":"review","rating":3,"time":"2024-01-01T09:00:00Z","v":2}"#
        #expect(try Array(explicitFalse.utf8).withUnsafeBytes { try EventLineCodec.decode($0) }.countsForSchedule)
        let bad = #"{"card":"c","cram":"yes","id":"a","kind":"review","rating":3,"time":"2024-01-01T09:00:00Z"}"#
        #expect(throws: EventLineCodec.Failure.malformed("field 'cram' is not true or false")) {
            try Array(bad.utf8).withUnsafeBytes { try EventLineCodec.decode($0) }
        }
    }

    @Test func refusesInvalidUTF8() {
        var bytes = Array(#"{"id":"a","kind":"suspend","card":"c","time":"2024-01-01T09:00:00Z","answer":""#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#""}"#.utf8)
        #expect(throws: EventLineCodec.Failure.malformed("field 'answer' is not a string")) {
            try bytes.withUnsafeBytes { try EventLineCodec.decode($0) }
        }
    }
}
