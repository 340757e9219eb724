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

    /// Prose with abbreviations, initials, figures, quotes and scalars of every length, cut to start
    /// at every offset (so that each mark falls at every lane of the sixteen-byte reads).
    static let prose = [
        "Gen. Smith met John F. Kennedy in the U.S. at 3 p.m. on Aug. 9, 1945. Then 1.5 million left! Why? "
            + "He said “it’s over.” (It was.) [Yes.] The end… Next. cold.The war; e.g. this. used it",
        "Japan’s “Army” — ON… mid-May B-29. Straße. ß? é! ü. Ǆ. 戦争は終わった。 次 \u{1F600}. x",
        "قال الرئيس إن الحرب انتهت. ثم بدأت المفاوضات؟ نعم، بدأت۔ وبعد ١٩٤٥… «انتهت.» Yes. no",
        "a.b.c. A. B. C.D. Mr. mr. St. st. No. 5. vol. 3! ok?! \"Done.\" 'Fine.' end. ...",
        " \t One.\t\u{0B}Two. \u{0C}\r Three!\u{A0} Four?\u{3000}Five.\u{2003} \u{85}Six. ب.\u{A0}\t ",
    ]

    @Test(arguments: prose)
    func proseAtEveryOffsetSplitsAsTheReference(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        for start in 0..<scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start...])
            let line = String(view)
            let fast = SentenceSplitter.ranges(in: line)
            let slow = ReferenceSplitter.ranges(in: line)
            #expect(fast.map { String(line[$0]) } == slow.map { String(line[$0]) }, "\(line)")
        }
    }
}
