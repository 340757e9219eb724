import Foundation
import Testing

@testable import MnemoCore

@Suite("Reading the log in pieces, on every core")
struct StatsLogPiecesTests {
    /// A log with undo events, reviews of a card the deck no longer has and of another deck, cram
    /// practice, a bad line in the middle and a torn last line.
    static func logBytes() throws -> (bytes: [UInt8], deck: Deck, scheduler: Scheduler) {
        let scheduler = try Scheduler()
        let ids = (0..<40).map { CardID("card-\($0)") }
        let sim =
            ids.map { LearnerSimulator.SimCard(id: $0, deck: "deck") }
            + [LearnerSimulator.SimCard(id: CardID("gone"), deck: "deck")]
            + [LearnerSimulator.SimCard(id: CardID("elsewhere"), deck: "other")]
        var events = LearnerSimulator.simulate(
            cards: sim, days: 120, start: StatsFixture.time("2026-01-01T00:00:00Z"), seed: 11, scheduler: scheduler,
            profile: .init(newPerDay: 8, undo: 0.05))
        var practice = events[events.count / 3]
        practice.id = "cram-1"
        practice.cram = true
        events.insert(practice, at: events.count / 3 + 1)
        #expect(events.contains { $0.kind == .undo })
        var bytes = ReviewLog.lines(for: Array(events[..<(events.count / 2)]))
        bytes += Array("{\"card\":\"card-1\",\"kind\":\"review\"}\n\n".utf8)  // not an event, then a blank line
        // An impossible time of day on the day of the line before (the fast path reads only the time then).
        let day = LogTime.format(events[events.count / 2 - 1].time).prefix(10)
        bytes +=
            Array(
                #"{"card":"card-2","deck":"deck","id":"late","kind":"review","rating":3,"time":"\#(day)T24:00:00.000Z","v":1}"#
                    .utf8) + [0x0A]
        bytes += ReviewLog.lines(for: Array(events[(events.count / 2)...]))
        bytes += Array(#"{"card":"card-5","deck":"de"#.utf8)
        let cards = ids.map { StatsFixture.card($0.rawValue, source: "s.txt") }
        return (bytes, Deck(id: "deck", title: "Deck", sources: [], cards: cards), scheduler)
    }

    @Test(arguments: [2, 3, 4, 7, 16])
    func piecesReadWhatOnePassReads(parts: Int) throws {
        let (bytes, deck, scheduler) = try Self.logBytes()
        let one = try StatsLog.parse(bytes, file: "reviews.jsonl", parts: 1)
        let many = try StatsLog.parse(bytes, file: "reviews.jsonl", parts: parts)
        bytes.withUnsafeBytes { #expect(StatsLog.pieceRanges($0, parts: parts).count == parts) }
        #expect(many.entries == one.entries)
        #expect(many.cards == one.cards)
        #expect(many.decks == one.decks)
        #expect(many.warnings == one.warnings)
        #expect(many.tornWarning == one.tornWarning)
        // The same lines as the store's reader, numbered the same.
        let store = try ReviewLog.parse(bytes, file: "reviews.jsonl")
        #expect(many.warnings == store.warnings)
        #expect(many.tornWarning == store.tornWarning)
        #expect(many.warnings.count == 2)
        #expect(many.tornWarning != nil)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stats-pieces-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try StatsFixture.records(
            try ReviewLog.parse(bytes, file: "f").events, folder: folder, scheduler: scheduler)
        let report = { (log: StatsLog) in
            StatsBuilder.report(
                StatsInput(
                    decks: [deck], log: log, records: records, scheduler: scheduler,
                    now: StatsFixture.time("2026-04-20T12:00:00Z"),
                    studyDay: StudyDay(timeZone: StatsFixture.utc, rolloverHour: 4)))
        }
        let a = report(one)
        let b = report(many)
        #expect(a == b)
        #expect(a.totals.undoneReviews > 0)
        #expect(a.totals.practiceReviews == 1)
        #expect(a.removedCards.reviews > 0)
        #expect(a.otherDecks.reviews > 0)
    }

    @Test func aNewerLineInALaterPieceIsRefusedWithItsLineNumber() throws {
        var bytes: [UInt8] = []
        for n in 0..<100 {
            bytes +=
                Array(
                    #"{"card":"c","deck":"d","id":"x\#(n)","kind":"review","rating":3,"time":"2026-03-02T12:00:00.000Z","v":1}"#
                        .utf8) + [0x0A]
        }
        bytes +=
            Array(
                #"{"card":"c","deck":"d","id":"y","kind":"review","rating":3,"time":"2026-03-02T12:00:00.000Z","v":3}"#
                    .utf8)
            + [0x0A]
        bytes += bytes
        for parts in [1, 2, 3] {
            #expect(throws: ProgressError.newerFormat(path: "f:101", found: 3, supported: EventLineCodec.version)) {
                try StatsLog.parse(bytes, file: "f", parts: parts)
            }
        }
    }

    @Test func eightBytesAtATimeStopsWhereTheByteLoopWould() {
        var rng = SeededGenerator(seed: 5)
        let alphabet: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xC3, 0xFF, 0x61]
        for _ in 0..<2000 {
            let bytes = (0..<Int(rng.next() % 40)).map { _ in
                rng.next() % 3 == 0 ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : UInt8(0x61)
            }
            bytes.withUnsafeBytes { s in
                for from in 0...s.count {
                    let fast = StatsLog.skipOrdinary(s, from: from)
                    var slow = from
                    while slow < s.count, s[slow] != 0x22, s[slow] != 0x5C, s[slow] >= 0x20 { slow += 1 }
                    // The fast scan stops at the same byte, or earlier where fewer than 8 bytes are left.
                    #expect(fast == slow || (fast < slow && s.count - fast < 8))
                }
            }
        }
    }

    @Test func undoneTableAnswersAsADictionary() {
        var rng = SeededGenerator(seed: 9)
        var table = UndoneTable(capacity: 300)
        var reference: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        for n in 0..<300 {
            let key = rng.next()
            keys.append(key)
            let card = Int32(n % 37)
            table.set(card, for: key)
            reference[key] = card
        }
        table.set(5, for: keys[0])  // a second undo of the same event
        reference[keys[0]] = 5
        for key in keys { #expect(table.card(for: key) == reference[key]) }
        for _ in 0..<5000 {
            let key = rng.next()
            #expect(table.card(for: key) == reference[key])
        }
        #expect(table.count == reference.count)
    }

    @Test func smallLogsAreReadInOnePass() {
        #expect(StatsLog.defaultParts(forBytes: 1000) == 1)
        #expect(StatsLog.defaultParts(forBytes: 0) == 1)
    }
}
