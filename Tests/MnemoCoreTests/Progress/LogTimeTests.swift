import Foundation
import Testing

@testable import MnemoCore

struct LogTimeTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00.000Z", Int64(0)),
        ("2024-01-01T09:00:00.000Z", Int64(1_704_099_600_000)),
        ("2024-02-29T23:59:59.999Z", Int64(1_709_251_199_999)),
        ("1969-12-31T23:59:59.999Z", Int64(-1)),
        ("2026-11-22T02:08:40.120Z", Int64(1_795_313_320_120)),
    ])
    func formatsAndParsesKnownInstants(text: String, ms: Int64) {
        let date = LogTime.date(milliseconds: ms)
        #expect(LogTime.format(date) == text)
        #expect(LogTime.parse(text) == date)
        #expect(LogTime.milliseconds(of: date) == ms)
    }

    @Test func roundTripIsExactAndTruncationIdempotent() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let seconds = Double(rng.next() % 4_000_000_000) + rng.nextUnit()
            let date = Date(timeIntervalSince1970: seconds)
            let truncated = LogTime.truncated(date)
            #expect(truncated <= date)
            #expect(date.timeIntervalSince(truncated) < 0.001)
            #expect(LogTime.truncated(truncated) == truncated)
            #expect(LogTime.parse(LogTime.format(truncated)) == truncated)
            #expect(ReviewEvent.truncatedToMilliseconds(truncated) == truncated)
        }
    }

    @Test(arguments: [
        ("2024-01-01T09:00:00Z", "2024-01-01T09:00:00.000Z"),
        ("2024-01-01T09:00:00.5Z", "2024-01-01T09:00:00.500Z"),
        ("2024-01-01T09:00:00.123456Z", "2024-01-01T09:00:00.123Z"),
        ("2024-01-01T10:30:00.000+01:30", "2024-01-01T09:00:00.000Z"),
        ("2024-01-01T08:00:00.000-01:00", "2024-01-01T09:00:00.000Z"),
    ])
    func acceptsOtherISOForms(text: String, normal: String) {
        #expect(LogTime.parse(text).map(LogTime.format) == normal)
    }

    @Test(arguments: [
        "", "2024-01-01", "2024-01-01 09:00:00Z", "2024-02-30T09:00:00.000Z", "2023-02-29T00:00:00Z",
        "2024-13-01T09:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T09:00:00.Z", "2024-01-01T09:00:00.000",
        "2024-01-01T09:00:00.000Zjunk", "yesterday",
    ])
    func refusesWhatIsNotATime(text: String) {
        #expect(LogTime.parse(text) == nil)
    }
}
