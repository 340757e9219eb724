import Testing

@testable import DeckBuilder

/// The splitter's eight- and sixteen-byte skips over other scripts find every terminator the
/// scalar reference finds, wherever it falls in a word of eight or sixteen bytes.
@Suite struct SplitterSkipTests {
    static let marks = ["؟", "۔", "…", "。", ".", "!", "?", "؟»", "…”", "."]
    static let fillers = [
        "قال الرئيس إن الحرب انتهت", "ب", "x", "ﻻ ﷲ", "戦争", "\u{1F600}", "é ü", "وقال: ", "١٩٤٥ ",
    ]

    @Test(arguments: marks)
    func terminatorsAtEveryOffsetAreFound(_ mark: String) {
        for filler in Self.fillers {
            for pad in 0..<17 {
                let text = String(repeating: "ا", count: pad) + filler + mark + " " + filler + " ثم" + mark + "X"
                for line in [text, "a" + text, "ab" + text, "abc" + text] {
                    let fast = SentenceSplitter.ranges(in: line)
                    let slow = ReferenceSplitter.ranges(in: line)
                    #expect(fast.map { String(line[$0]) } == slow.map { String(line[$0]) }, "\(line)")
                }
            }
        }
    }
}
