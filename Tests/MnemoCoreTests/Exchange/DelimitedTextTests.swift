import MnemoCore
import Testing

struct DelimitedTextTests {
    @Test(arguments: [
        ["plain", "two words"],
        ["a, comma", "a \"quote\""],
        ["line\nbreak", ""],
        ["#not a header", " leading space"],
        ["tab\there", "trailing space "],
        ["عربي", "日本語"],
    ])
    func writtenFieldsReadBackUnchanged(row: [String]) {
        for separator: Character in [",", "\t", ";"] {
            let text = DelimitedText.write([row, ["x", "y"]], separator: separator)
            let parsed = DelimitedText.parse(text, separator: separator)
            #expect(parsed.problems.isEmpty)
            #expect(parsed.records.map(\.fields) == [row, ["x", "y"]])
        }
    }

    @Test func quotesOnlyWhereNeeded() {
        #expect(DelimitedText.write([["a", "b c", "d,e", "f\"g"]], separator: ",") == "a,b c,\"d,e\",\"f\"\"g\"\n")
        #expect(DelimitedText.write([["#x", "#y"]], separator: ",") == "\"#x\",#y\n")
    }

    @Test func rowsAndLinesAreNumberedAcrossMultiLineFields() {
        let text = "a,\"two\nlines\"\n\nb,c\n"
        let parsed = DelimitedText.parse(text, separator: ",", firstLine: 3, firstRow: 3)
        #expect(parsed.records.map(\.line) == [3, 6])
        #expect(parsed.records.map(\.row) == [3, 5])
    }

    @Test func textAfterAClosingQuoteSkipsThatRowOnly() {
        let text = "front,back\n\"bad\"x,y\ngood,row\n"
        let parsed = DelimitedText.parse(text, separator: ",")
        #expect(parsed.records.map(\.fields) == [["front", "back"], ["good", "row"]])
        #expect(parsed.problems == [RowProblem(row: 2, line: 2, message: "text after a closing quote in field 1")])
    }

    @Test func aQuoteLeftOpenLosesOnlyItsRow() {
        let text = "a,b\n\"never closed,c\nd,e\nf,g\n"
        let parsed = DelimitedText.parse(text, separator: ",")
        #expect(parsed.problems.map(\.row) == [2])
        #expect(parsed.problems.first?.message == "a quoted field (field 1) is never closed")
        #expect(parsed.records.map(\.fields) == [["a", "b"], ["d", "e"], ["f", "g"]])
    }

    @Test func crlfLineEndsAreAccepted() {
        let parsed = DelimitedText.parse("a,b\r\nc,d\r\n", separator: ",")
        #expect(parsed.records.map(\.fields) == [["a", "b"], ["c", "d"]])
    }

    @Test func problemDescriptionShowsLineOnlyWhenItDiffers() {
        #expect(RowProblem(row: 4, line: 4, message: "m").description == "row 4: m")
        #expect(RowProblem(row: 4, line: 6, message: "m").description == "row 4 (line 6): m")
    }
}
