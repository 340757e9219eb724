import MnemoCore
import Testing

@testable import mnemo

/// `mnemo simulate`'s table reads as a table: each label over its column.
struct SimulateCommandTests {
    @Test func labelsLineUpWithTheirNumbers() throws {
        let results = try WorkloadSimulator(days: 60, cards: 300, newPerDay: 10, seed: 5).run(retentions: [0.8, 0.95])
        let lines = SimulateCommand.render(results).split(separator: "\n").map { Array(String($0)) }
        let header = lines[0]
        let text = String(header)
        let peakEnd = text.distance(from: text.startIndex, to: try #require(text.range(of: "peak")).upperBound) - 1
        for row in lines[1...2] {
            // The peak's last digit sits under the label's last letter; the efficiency ends the line with it.
            #expect(row[peakEnd].isNumber && row[peakEnd + 1] == " ", "\(String(row))")
            #expect(row.count == header.count, "\(String(row))")
            #expect(row[row.count - 1].isNumber)
        }
        let reviewsAt = text.distance(from: text.startIndex, to: try #require(text.range(of: "reviews/day")).lowerBound)
        let keptAt = text.distance(from: text.startIndex, to: try #require(text.range(of: "knowledge")).lowerBound)
        #expect(reviewsAt == 11 && keptAt == 47)
    }

    @Test func everyWeekWithReviewsHasAMark() {
        #expect(SimulateCommand.sparkline([0, 0.01, 4, 8], top: 8) == " ▁▄█")
    }
}
