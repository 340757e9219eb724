import Foundation
import Testing

@testable import MnemoCore

/// With the load balancer on, every review depends on the due counts of all cards at that point of
/// the log: live study (previews, answers, undos) and every way of loading must give exactly what a
/// full replay of the log gives.
@Suite("Load balancing on replay", .serialized)
struct LoadBalanceReplayTests {
    /// A log made through the store: `cards` cards, each reviewed when due (Good, Again one time in 8),
    /// earliest due first, `count` reviews in all. Ids are "e0", "e1", ….
    static func makeLog(in store: ProgressStore, cards: Int, count: Int) throws -> [ReviewEvent] {
        var next: [(Date, Int)] = (0..<cards).map { (baseTime.addingTimeInterval(Double($0) * 3_600), $0) }
        var events: [ReviewEvent] = []
        for n in 0..<count {
            guard let index = next.indices.min(by: { next[$0] < next[$1] }) else { break }
            let (time, card) = next[index]
            let rating: Rating = n % 8 == 5 ? .again : n % 11 == 3 ? .easy : .good
            let event = review("e\(n)", card: "c\(card)", rating: rating).with(time: time)
            let (stored, record) = try store.append(event)
            events.append(stored)
            next[index] = (max(record?.state.due ?? time, time.addingTimeInterval(60)), card)
        }
        return events
    }

    func rebuilt(_ folder: URL) throws -> ProgressStore {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        let store = try ProgressStore(folder: folder, access: .readOnly)
        #expect(store.loadPath == .rebuilt)
        return store
    }

    @Test("study sessions over 40 days, with undos, give the state a full replay of the log gives")
    func sessionsEqualReplay() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let deck = Fixture.deck(60)
        let scheduler = try Scheduler()
        var ratings = SeededGenerator(seed: 11)
        var live = ProgressReplay()
        var answered = 0
        var undone = 0
        for day in 0..<40 {
            let store = try ProgressStore(folder: folder, access: .readWrite(testOwner))
            var now = Fixture.noon.addingTimeInterval(Double(day) * 86_400)
            var session = StudySession(
                cards: StudyCard.all(in: [deck]), records: store.records, limits: StudyLimits(newPerDay: 8),
                day: Fixture.day, scheduler: scheduler, now: now, seed: UInt64(day), dueLoad: store.dueLoad)
            #expect(session.dueLoad == store.dueLoad)
            while let item = session.next(now: now) {
                let roll = ratings.next() % 20
                let rating: Rating = roll < 2 ? .again : roll < 4 ? .hard : roll < 18 ? .good : .easy
                let preview = session.preview(now: now)
                let event = try #require(
                    session.reviewEvent(rating: rating, answer: "x", verdict: .right, durationMs: 900, now: now))
                let (_, stored) = try store.append(event)
                // What the screen showed for this rating is what the log gives.
                #expect(stored?.state == preview[rating].map(ProgressReplay.canonical), "\(item.card.id)")
                session.apply(event, stored: stored)
                answered += 1
                now = now.addingTimeInterval(20)
                if answered % 9 == 0, let undo = session.undoEvent(now: now) {
                    let (_, back) = try store.append(undo)
                    session.apply(undo, stored: back)
                    undone += 1
                }
                if answered % 13 == 0, session.next(now: now) != nil, let bury = session.buryEvent(now: now) {
                    let (_, back) = try store.append(bury)
                    session.apply(bury, stored: back)
                }
                #expect(session.dueLoad == store.dueLoad)
                now = now.addingTimeInterval(20)
            }
            live = store.replayState
            store.close()
        }
        #expect(answered > 300 && undone > 30)
        #expect(try rebuilt(folder).replayState == live)
        // And the snapshot written at the last close loads to the same state.
        let reopened = try ProgressStore(folder: folder, access: .readOnly)
        #expect(reopened.replayState == live)

        // The balancer did something: without it the same log gives other due dates.
        var settings = try ProgressSettings.load(fromFolder: folder)
        settings.scheduler.loadBalance = false
        try settings.save(toFolder: folder)
        let plain = try ProgressStore(folder: folder, access: .readOnly)
        #expect(plain.loadPath == .rebuilt)
        #expect(plain.records.count == live.records.count)
        #expect(plain.records != live.records)
    }

    @Test("undoing an older review re-derives every later review, as a rebuild does", arguments: [3, 40, 180])
    func undoOfAnOlderEvent(target: Int) throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try ProgressStore(folder: folder, access: .readWrite(testOwner))
        let events = try Self.makeLog(in: store, cards: 25, count: 240)
        let old = events[target]
        let (_, record) = try store.append(
            undo("u", of: old.id, card: old.card.rawValue).with(time: events[events.count - 1].time))
        #expect(record == store.records[old.card])
        let live = store.replayState
        #expect(live.undone.contains(UndoneEvent(event: old.id, card: old.card)))
        store.close()
        #expect(try rebuilt(folder).replayState == live)
    }

    @Test("a snapshot followed by an undo of one of its events loads to what a rebuild gives")
    func snapshotThenUndoInTheTail() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let store = try ProgressStore(folder: folder, access: .readWrite(testOwner))
        let events = try Self.makeLog(in: store, cards: 20, count: 200)
        store.close()
        // Another writer appended an undo (and a review) without saving the snapshot.
        let old = events[30]
        let last = events[events.count - 1].time
        let lines = [
            undo("u", of: old.id, card: old.card.rawValue).with(time: last),
            review("late", card: "c3").with(time: last.addingTimeInterval(5)),
        ].map { String(decoding: EventLineCodec.encode($0), as: UTF8.self) + "\n" }.joined()
        try appendLines(lines, to: folder.appendingPathComponent("reviews.jsonl"))
        let caughtUp = try ProgressStore(folder: folder, access: .readOnly)
        #expect(caughtUp.loadPath == .rebuilt)
        let full = try rebuilt(folder)
        #expect(caughtUp.replayState == full.replayState)
        #expect(full.replayState.undone.contains(UndoneEvent(event: old.id, card: old.card)))
    }

    @Test("incremental loads from snapshots taken every few events equal one rebuild")
    func incrementalLoads() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        var events: [ReviewEvent] = []
        do {
            let scratch = try makeTemporaryFolder()
            defer { removeTemporaryFolder(scratch) }
            let store = try ProgressStore(folder: scratch, access: .readWrite(testOwner))
            events = try Self.makeLog(in: store, cards: 15, count: 150)
            store.close()
        }
        var last = ProgressReplay()
        for chunk in stride(from: 0, to: events.count, by: 17) {
            let store = try ProgressStore(folder: folder, access: .readWrite(testOwner))
            for event in events[chunk..<min(chunk + 17, events.count)] { try store.append(event) }
            store.close()
            last = try ProgressStore(folder: folder, access: .readOnly).replayState
        }
        #expect(try rebuilt(folder).replayState == last)
    }
}
