import Foundation
import MnemoCore
import Testing

/// `mnemo study --cram` end to end: practice ahead of schedule, logged as practice only.
@Suite("mnemo study --cram", .serialized)
struct StudyCramTests {
    @Test("cram practises cards not due without changing their schedule; --cram-reschedule reviews them")
    func cramLeavesTheSchedule() throws {
        let fixture = try StudyFixture()
        let study = ["study", "--progress", fixture.progress.path, "--seed", "3", "ww2.json"]
        // Learn all three cards (Easy: review phase, due in days), then nothing is due.
        let first = try StudyProcess.run(study, input: "1945\n4\nWinston Churchill\n4\n600000\n4\n", in: fixture.root)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let nothing = try StudyProcess.run(study, input: ":quit\n", in: fixture.root)
        #expect(!nothing.stdout.contains("card 1 ·"))
        let before = try ProgressStore(folder: fixture.progress, access: .readOnly).records

        let cram = try StudyProcess.run(
            study + ["--cram", "--source", "ww2.txt"], input: "1945\n\n:quit\n", in: fixture.root)
        #expect(cram.status == 0, "stderr: \(cram.stderr)")
        #expect(cram.stdout.contains("card 1 · 3 left"))
        #expect(cram.stdout.contains("practice: the schedule is not changed"))
        let events = try fixture.events()
        #expect(events.count == 4)
        #expect(events.last?.cram == true)
        #expect(try ProgressStore(folder: fixture.progress, access: .readOnly).records == before)
        // Still nothing due: practice did not count as a review.
        let after = try StudyProcess.run(study, input: ":quit\n", in: fixture.root)
        #expect(!after.stdout.contains("card 1 ·"))

        let none = try StudyProcess.run(study + ["--cram", "--tag", "nope"], input: "", in: fixture.root)
        #expect(none.stderr.contains("no cards match --tag/--source"))

        let reschedule = try StudyProcess.run(
            study + ["--cram", "--cram-reschedule"], input: "1945\n\n:quit\n", in: fixture.root)
        #expect(reschedule.status == 0, "stderr: \(reschedule.stderr)")
        let last = try #require(try fixture.events().last)
        #expect(last.cram == nil && last.kind == .review)
        #expect(try ProgressStore(folder: fixture.progress, access: .readOnly).records[last.card] != before[last.card])

        let misuse = try StudyProcess.run(study + ["--tag", "x"], in: fixture.root)
        #expect(misuse.status != 0)
        #expect(misuse.stderr.contains("go with --cram"))
    }
}
