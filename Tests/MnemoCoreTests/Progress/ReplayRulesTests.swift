import Foundation
import Testing

@testable import MnemoCore

@Suite("Replay rules")
struct ReplayRulesTests {
    @Test("the config hash changes with the scheduler and nothing else")
    func hash() throws {
        var a = SchedulerConfig.default
        let h = try ReviewApplier.scheduling(with: a).configHash
        #expect(h == (try ProgressSettings.default.applier()).configHash)
        a.desiredRetention = 0.8
        #expect(h != (try ReviewApplier.scheduling(with: a)).configHash)
    }

    @Test("a card reaching 8 lapses is suspended in replay, again at 12; an unsuspend brings it back")
    func leeches() throws {
        let applier = try ReviewApplier.scheduling(with: SchedulerConfig(enableFuzz: false))
        var record: CardRecord?
        var time = Date(timeIntervalSince1970: 1_704_099_600)
        var events: [ReviewEvent] = []
        func review(_ rating: Rating) {
            let e = ReviewEvent(
                id: "e\(events.count)", kind: .review, card: CardID("c"), deck: "d", time: time, rating: rating)
            events.append(e)
            ProgressReplay.step(&record, e, undone: false, applier: applier)
        }
        review(.easy)
        var suspendedAt: [Int] = []
        for _ in 0..<12 {
            time = try #require(record?.state.due).addingTimeInterval(86_400 * 3)
            review(.again)
            if record?.suspended == true {
                suspendedAt.append(record?.state.lapses ?? -1)
                let u = ReviewEvent(kind: .unsuspend, card: CardID("c"), deck: "d", time: time)
                ProgressReplay.step(&record, u, undone: false, applier: applier)
            }
            time = time.addingTimeInterval(600)
            review(.good)
        }
        #expect(suspendedAt == [8, 12])
        #expect(
            ReplayRules.becomesLeech(lapsesBefore: 7, after: 8) && !ReplayRules.becomesLeech(lapsesBefore: 8, after: 8))
        #expect(
            !ReplayRules.becomesLeech(lapsesBefore: 8, after: 9)
                && ReplayRules.becomesLeech(lapsesBefore: 15, after: 16))
    }
}
