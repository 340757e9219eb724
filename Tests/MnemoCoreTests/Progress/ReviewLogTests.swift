import Foundation
import Testing

@testable import MnemoCore

struct ReviewLogTests {
    private func lines(_ events: [ReviewEvent]) -> String {
        events.map { String(decoding: EventLineCodec.encode($0), as: UTF8.self) + "\n" }.joined()
    }

    @Test func tornLastLineKeepsEveryWholeEventAndWarns() throws {
        let whole = lines([review("a", card: "c1"), review("b", card: "c2")])
        let torn = String(lines([review("c", card: "c3")]).prefix(40))
        let contents = try ReviewLog.parse(Array((whole + torn).utf8), file: "/p/reviews.jsonl")
        #expect(contents.events.map(\.id) == ["a", "b"])
        #expect(contents.wholeLength == whole.utf8.count)
        #expect(contents.tornBytes == 40)
        #expect(contents.warnings.isEmpty)
        #expect(
            contents.tornWarning?.description
                == "/p/reviews.jsonl:3: the last line is incomplete (40 bytes, a write cut short); every whole event before it was read"
        )
    }

    @Test func badLineInTheMiddleIsReportedWithItsNumberAndTheRestKept() throws {
        let text = lines([review("a", card: "c1")]) + "this is not json\n\n" + lines([review("b", card: "c2")])
        let contents = try ReviewLog.parse(Array(text.utf8), file: "reviews.jsonl")
        #expect(contents.events.map(\.id) == ["a", "b"])
        #expect(
            contents.warnings.map(\.description) == [
                "reviews.jsonl:2: skipped a line that is not a review event: not a JSON object"
            ])
        #expect(contents.lineCount == 4)
        #expect(contents.tornWarning == nil)
        #expect(contents.wholeLength == text.utf8.count)
    }

    @Test func lastEventWithoutNewlineIsKept() throws {
        let text = String(lines([review("a", card: "c1"), review("b", card: "c2")]).dropLast())
        let contents = try ReviewLog.parse(Array(text.utf8), file: "reviews.jsonl")
        #expect(contents.events.map(\.id) == ["a", "b"])
        #expect(contents.lastLineUnterminated)
        #expect(contents.tornBytes == 0)
    }

    @Test func newerLineVersionIsRefusedNamingBothVersions() {
        let text =
            lines([review("a", card: "c1")])
            + #"{"id":"z","kind":"review","rating":3,"card":"c","time":"2024-01-01T09:00:00Z","v":3}"# + "\n"
        #expect(throws: ProgressError.newerFormat(path: "/p/reviews.jsonl:2", found: 3, supported: 2)) {
            try ReviewLog.parse(Array(text.utf8), file: "/p/reviews.jsonl")
        }
        #expect(
            ProgressError.newerFormat(path: "/p/reviews.jsonl:2", found: 3, supported: 1).description
                == "/p/reviews.jsonl:2 has progress format version 3, but this mnemo reads only up to version 1; update mnemo"
        )
    }

    @Test func missingLogReadsAsEmpty() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let contents = try ReviewLog.read(at: folder.appendingPathComponent("reviews.jsonl"))
        #expect(contents.events.isEmpty)
        #expect(contents.wholeLength == 0)
    }
}

@Suite(.serialized)
struct RecentEventsTests {
    @Test func recentEventsReadsOnlyTheEndButMatchesAFullRead() throws {
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // ~3,000 events over 30 days, enough for several backward chunks.
        var text = ""
        for k in 0..<3000 {
            let event = review("e\(k)", card: "c\(k % 50)", minutes: Double(k) * 14.4).with(
                time: baseTime.addingTimeInterval(Double(k) * 864))
            text += ReviewLog.line(for: event) + "\n"
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("reviews.jsonl"))
        let all = try ReviewLog.events(inFolder: folder).events
        for days in [0.0, 1, 7.5, 29, 31] {
            let since = baseTime.addingTimeInterval(days * 86_400)
            #expect(try ReviewLog.recentEvents(inFolder: folder, since: since) == all.filter { $0.time >= since })
        }
        #expect(try ReviewLog.recentEvents(inFolder: folder.appendingPathComponent("none"), since: baseTime).isEmpty)
    }
}
