import Testing

@testable import DeckBuilder

/// The measure's sixteen-byte skip over ASCII without CR: a CR, a byte of another script or a mark
/// after a letter is seen wherever it falls, and the counts stay the Characters'.
@Suite struct MeasureSkipTests {
    @Test(arguments: MarkMeasureTests.lines + ["plain", "a\r\nb", "x\ry", "é", "ب", "ب\u{0651}"])
    func measureAfterASCIIOfEveryLength(_ tail: String) {
        for pad in 0..<36 {
            let head = String(String(repeating: "abcdefghij", count: 4).prefix(pad))
            for line in [head + tail, head + tail + head, tail + head] {
                MarkMeasureTests.expectCharacterCounts(line)
            }
        }
    }

    @Test func asciiWithoutCRIsMeasuredInBytes() {
        for count in 0..<40 {
            let line = String(repeating: "w", count: count)
            #expect(CharacterMeasure(of: line) == .bytes)
            for at in 0...count {
                var cr = line
                cr.insert("\r", at: cr.index(cr.startIndex, offsetBy: at))
                #expect(CharacterMeasure(of: cr) == .characters, "\(at) of \(count)")
                var other = line
                other.insert("é", at: other.index(other.startIndex, offsetBy: at))
                #expect(CharacterMeasure(of: other) == .scalars, "\(at) of \(count)")
            }
        }
    }
}
