import MnemoCore
import Testing

struct AnkiTextFileTests {
    @Test func csvExportImportsBackToTheSameCards() {
        let deck = ExchangeFixtures.deck()
        let contents = AnkiTextFile.read(AnkiTextFile.csv(for: deck))
        #expect(contents.problems.isEmpty)
        let (cards, problems) = NoteImport.cards(from: contents.notes)
        #expect(problems.isEmpty)
        #expect(cards == deck.cards)
        var header = deck
        header.cards = []
        #expect(contents.mnemoDeck == header)
    }

    @Test func csvHasAnkisHeaderLines() {
        let csv = AnkiTextFile.csv(for: ExchangeFixtures.deck())
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(
            Array(lines.prefix(6)) == [
                "#separator:Comma", "#html:false", "#guid column:1", "#notetype column:2", "#tags column:6",
                "#columns:GUID,Notetype,Front,Back,Source,Tags,Mnemo",
            ])
        #expect(csv.contains("Cloze,The Yalta Conference met at the {{c1::Livadia Palace::place}} in Crimea.,"))
    }

    @Test func spreadsheetEditsOfFrontAndBackWin() {
        let deck = ExchangeFixtures.deck()
        let csv = AnkiTextFile.csv(for: deck)
            .replacingOccurrences(
                of: "On what date did the Soviets declare war on Japan?",
                with: "When did the USSR declare war on Japan?"
            )
            .replacingOccurrences(of: "{{c1::Livadia Palace::place}}", with: "{{c1::Livadia palace::place}}")
        let cards = NoteImport.cards(from: AnkiTextFile.read(csv).notes).cards
        let question = cards.first { $0.id == ExchangeFixtures.question.id }
        #expect(question?.prompt == "When did the USSR declare war on Japan?")
        #expect(question?.accepted == ["8 August"], "fields not shown in the CSV are kept")
        #expect(cards.first { $0.id == ExchangeFixtures.cloze.id }?.answer == "Livadia palace")
    }

    @Test func plainCSVWithHeaderRow() {
        let csv = "Front,Back,Tags\nCapital of France?,Paris,geo europe\n\"Year, Yalta\",1945,\n"
        let contents = AnkiTextFile.read(csv)
        let (cards, problems) = NoteImport.cards(from: contents.notes)
        #expect(problems.isEmpty && contents.problems.isEmpty)
        #expect(cards.map(\.prompt) == ["Capital of France?", "Year, Yalta"])
        #expect(cards.map(\.answer) == ["Paris", "1945"])
        #expect(cards[0].tags == ["geo", "europe"])
        #expect(cards.allSatisfy { $0.kind == .question })
    }

    @Test func importedIdsAreStableAndIgnoreCaseAndSpacing() {
        let a = NoteImport.cards(from: AnkiTextFile.read("front,back\nCapital of France?,Paris\n").notes).cards
        let b = NoteImport.cards(from: AnkiTextFile.read("question;answer\ncapital  of FRANCE?;paris\n").notes).cards
        #expect(a.count == 1 && b.count == 1)
        #expect(a[0].id == b[0].id)
        #expect(a[0].id == CardID(kind: .question, factKey: "capital of france?\u{1F}paris"))
    }

    @Test func ankiTextExportWithTabsAndHTML() {
        let text = """
            #separator:tab
            #html:true
            #guid column:1
            #notetype column:2
            #deck column:3
            #tags column:6
            g1\tBasic\tHistory\tCapital of <b>France</b>?\tParis\tgeo
            g2\tCloze\tHistory\t{{c1::Stalin}} met {{c2::Roosevelt}}.\tExtra\t
            g3\tBasic\tHistory\tفي أي عام؟\t1945\tar

            """
        let contents = AnkiTextFile.read(text)
        let (cards, problems) = NoteImport.cards(from: contents.notes)
        #expect(problems.isEmpty && contents.problems.isEmpty)
        #expect(cards.map(\.prompt) == ["Capital of France?", "[…] met Roosevelt.", "Stalin met […].", "في أي عام؟"])
        #expect(cards.map(\.kind) == [.question, .cloze, .cloze, .question])
        #expect(cards.map(\.language) == ["en", "en", "en", "ar"])
        #expect(cards[0].tags == ["geo"])
    }

    @Test func malformedRowsAreReportedWithRowNumbersAndTheRestImported() {
        let csv = """
            front,back,tags
            Good one?,yes,
            only a front
            ,no front,
            "bad"quote,x,
            Good two?,also yes,
            No back?,,
            {{c1::oops,broken cloze,
            Good one?,yes,
            "open quote,never closed
            Good three?,fine,

            """
        let contents = AnkiTextFile.read(csv)
        let (cards, cardProblems) = NoteImport.cards(from: contents.notes)
        let problems = (contents.problems + cardProblems).sorted { $0.row < $1.row }
        #expect(cards.map(\.prompt) == ["Good one?", "Good two?", "Good three?"])
        #expect(
            problems.map(\.description) == [
                "row 3: 1 field; need front and back",
                "row 4: the front is empty",
                "row 5: text after a closing quote in field 1",
                "row 7: the back is empty",
                "row 8: no cloze deletion ({{c1::…}}) in the text",
                "row 9: same card as row 2",
                "row 10: a quoted field (field 1) is never closed",
            ])
    }
}
