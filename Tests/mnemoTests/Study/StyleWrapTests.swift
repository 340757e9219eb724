import Testing

@testable import mnemo

struct StyleWrapTests {
    @Test(arguments: [
        ("short enough", 20, 0, ["short enough"]),
        ("the war in Europe ended in May 1945", 16, 0, ["the war in", "Europe ended in", "May 1945"]),
        (
            "Source: a.txt:3 \"a long quoted sentence\"", 20, 4,
            ["Source: a.txt:3 \"a", "    long quoted", "    sentence\""]
        ),
        ("  May 8, 1945  b.txt:37 \"the war ended\"", 24, 6, ["  May 8, 1945  b.txt:37", "      \"the war ended\""]),
        ("averyveryverylongword fits nowhere", 10, 0, ["averyveryverylongword", "fits", "nowhere"]),
    ])
    func wrapsAtSpacesWithinTheWidth(text: String, width: Int, indent: Int, expected: [String]) {
        #expect(Style(enabled: false, width: width).wrapped(text, indent: indent) == expected)
    }

    @Test func noWidthLeavesLinesWhole() {
        let text = String(repeating: "word ", count: 50)
        #expect(Style.plain.wrapped(text) == [text])
    }

    @Test(arguments: [
        ("  1. When did the war end? → May 1945", 80, 6, "May 1945", ["  1. When did the war end? → <May 1945>"]),
        (
            "  1. When did the war end? → May 1945", 30, 6, "May 1945",
            ["  1. When did the war end? →", "      <May 1945>"]
        ),
        (
            "  1. When did the war end? → May 1945", 32, 6, "May 1945",
            ["  1. When did the war end? → <May>", "      <1945>"]
        ),
        ("a b", 10, 0, "c", ["a b"]),
    ])
    func paintsTheSuffixOnEachLineItFallsOn(
        text: String, width: Int, indent: Int, suffix: String, expected: [String]
    ) {
        let lines = Style(enabled: false, width: width).wrapped(text, indent: indent, paintingSuffix: suffix) {
            "<\($0)>"
        }
        #expect(lines == expected)
    }
}
