import Foundation
import MnemoCore
import Testing

@testable import DeckBuilder

let sampleEnglish = """
    The Pacific War
    On August 6, 1945, the United States dropped an atomic bomb on Hiroshima.
    Realizing this, the Soviet Union declared war on Japan on August 8.
    When the war ended, the Soviet Union captured more than 600,000 Japanese soldiers.
    The Soviets fought for 24 days in the northeast.
    In May 1939, the Japanese army decided to attack the Haraha River area.
    On September 2, 1945, Japan signed the unconditional surrender agreement.
    On June 25, 1950, the Korean People's Army launched an offensive.
    We use cookies to improve your experience.
    """

let sampleOther = """
    On August 15, 1945, the United States dropped two atomic bombs on Hiroshima and Nagasaki.
    When the war ended, the Soviet Union captured more than 500,000 Japanese soldiers.
    """

struct QuestionKindTests {
    func deck() -> Deck {
        let dir = TempDir()
        dir.write("a.txt", sampleEnglish)
        return Fixtures.build([dir.url.path]).deck
    }

    @Test(arguments: [
        ("When did the United States drop an atomic bomb on Hiroshima?", "August 6, 1945"),
        ("When did the Soviet Union declare war on Japan?", "August 8, 1945"),
        ("How many Japanese soldiers did the Soviet Union capture when the war ended?", "more than 600,000"),
        ("For how many days did the Soviets fight in the northeast?", "24"),
        ("When did Japan sign the unconditional surrender agreement?", "September 2, 1945"),
    ])
    func whQuestions(prompt: String, answer: String) {
        let card = deck().cards.first { $0.kind == .question && $0.prompt == prompt }
        #expect(card?.answer == answer)
    }

    @Test func noQuestionAsksAPrepositionalPhraseForItsSubject() {
        let dir = TempDir()
        dir.write(
            "a.txt",
            """
            At the same time, on 28 June 1920, Marshal Vasilevsky ordered 320 tanks to move towards Harbin.
            In order to fulfill the promise made at the Yalta Conference, the Soviet Union sent many troops east in 1945.
            By contrast, on 5 May 1921, Governor Mountbatten ordered 19 divisions to move towards Saipan.
            """)
        let questions = Fixtures.build([dir.url.path]).deck.cards.filter { $0.kind == .question }.map(\.prompt)
        let bad = questions.filter { q in ["did at ", "did in ", "did by ", "did on "].contains { q.contains($0) } }
        #expect(bad.isEmpty, "\(bad)")
    }

    @Test func clozeHasTypedBlankAndEvidence() throws {
        let d = deck()
        let cloze = try #require(d.cards.first { $0.kind == .cloze && $0.answer == "August 6, 1945" })
        #expect(cloze.prompt == "On [date], the United States dropped an atomic bomb on Hiroshima.")
        #expect(cloze.answerType == .date)
        let e = try #require(cloze.evidence.first)
        #expect(e.line == 2 && e.source == "a.txt")
        let line = sampleEnglish.split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(String(Array(line)[e.start..<e.end]) == e.quote)
    }

    @Test func yearFromContextIsRecorded() throws {
        let card = try #require(deck().cards.first { $0.kind == .cloze && $0.answer == "August 8" })
        #expect(card.tags.contains("year-from-context"))
        #expect(card.accepted.contains("August 8, 1945"))
    }

    @Test func choiceCardsHaveFourDistinctSameTypeOptions() {
        let choices = deck().cards.filter { $0.kind == .choice }
        #expect(!choices.isEmpty)
        for c in choices {
            #expect(Set(c.choices).count == 4)
            #expect(c.choices.contains(c.answer))
            if c.answerType == .number {
                let values = c.choices.compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
                let key = Double(c.answer.replacingOccurrences(of: ",", with: "")) ?? 0
                for v in values where v != key { #expect(v >= key / 4 && v <= key * 4) }  // same scale
            }
        }
    }

    @Test func trueFalseAndOrderCards() {
        let d = deck()
        let tf = d.cards.filter { $0.kind == .truefalse }
        #expect(!tf.isEmpty)
        #expect(
            tf.allSatisfy { ($0.answer == "true" || $0.answer == "false") && $0.prompt.hasPrefix("True or false: ") })
        let orders = d.cards.filter { $0.kind == .order }
        #expect(!orders.isEmpty)
        for o in orders {
            #expect((3...5).contains(o.choices.count))
            let letters = o.answer.components(separatedBy: ", ")
            #expect(Set(letters).count == o.choices.count)
        }
    }

    @Test func eventDatedByItsParagraphGetsAQuestionCitingBothSentences() throws {
        let dir = TempDir()
        dir.write(
            "p.txt",
            "In February 1945, the war in Europe was nearly over. Britain and the Soviet Union held a conference in Yalta to plan the peace.\n"
        )
        let d = Fixtures.build([dir.url.path]).deck
        let q = try #require(
            d.cards.first {
                $0.kind == .question
                    && $0.prompt
                        == "When did Britain and the Soviet Union hold a conference in Yalta to plan the peace?"
            })
        #expect(q.answer == "February 1945")
        #expect(q.evidence.count == 2)
        #expect(q.tags.contains("date-from-context"))
        #expect(!d.cards.contains { $0.kind == .cloze && $0.fact == q.fact })
    }

    @Test func noCardFromCookieNotice() {
        #expect(!deck().cards.contains { $0.evidence.contains { $0.quote.lowercased().contains("cookie") } })
    }

    @Test func arabicSourceGivesArabicCards() throws {
        let dir = TempDir()
        dir.write(
            "ar.txt",
            "مع بداية شهر آب من عام 1945 ميلادي أعلن الاتحاد السوفيتي الحرب على اليابان.\nفي عام 1941 ميلادي عقد الاتحاد السوفيتي اتفاقا مع اليابان.\n"
        )
        let d = Fixtures.build([dir.url.path]).deck
        #expect(d.languages == ["ar"])
        let q = try #require(d.cards.first { $0.kind == .question && $0.answer == "آب 1945" })
        #expect(q.prompt == "متى أعلن الاتحاد السوفيتي الحرب على اليابان؟")
    }
}

struct DeckPropertiesTests {
    @Test func sameInputSameBytes() throws {
        let dir = TempDir()
        dir.write("a.txt", sampleEnglish)
        dir.write("b.txt", sampleOther)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let one = try enc.encode(Fixtures.build([dir.url.path]).deck)
        let two = try enc.encode(Fixtures.build([dir.url.path]).deck)
        #expect(one == two)
    }

    @Test func correctingASourceKeepsIdsOfUnchangedFacts() {
        let dir = TempDir()
        dir.write("a.txt", sampleEnglish)
        let before = Fixtures.build([dir.url.path]).deck
        // Correct one figure, and reword another fact's sentence (an adverb added).
        let corrected =
            sampleEnglish
            .replacingOccurrences(of: "fought for 24 days", with: "fought for 25 days")
            .replacingOccurrences(of: "Japan signed the unconditional", with: "Japan formally signed the unconditional")
        dir.write("a.txt", corrected)
        let after = Fixtures.build([dir.url.path]).deck
        let ids = Set(after.cards.map(\.id))
        let stable = before.cards.filter { !$0.prompt.contains("days") && $0.kind != .order }
        #expect(stable.count >= 8)
        for card in stable { #expect(ids.contains(card.id), "\(card.prompt)") }
        #expect(!ids.contains(before.cards.first { $0.kind == .cloze && $0.answer == "24" }?.id ?? CardID("none")))
    }

    @Test func idsAreUnique() {
        let dir = TempDir()
        dir.write("a.txt", sampleEnglish)
        let cards = Fixtures.build([dir.url.path]).deck.cards
        #expect(Set(cards.map(\.id)).count == cards.count)
    }

    @Test func conflictsNameBothReadingsAndSources() throws {
        let dir = TempDir()
        dir.write("a.txt", sampleEnglish)
        dir.write("b.txt", sampleOther)
        let result = Fixtures.build([dir.url.path])
        let bomb = try #require(result.deck.cards.first { $0.kind == .cloze && $0.prompt.contains("Hiroshima") })
        let conflict = try #require(bomb.conflict)
        #expect(bomb.answer == "August 6, 1945")
        #expect(conflict.readings.map(\.value) == ["August 15, 1945"])
        #expect(conflict.readings.first?.evidence.source == "b.txt")
        // Neither reading is a wrong option of the other.
        let choice = result.deck.cards.first { $0.kind == .choice && $0.fact == bomb.fact }
        #expect(choice.map { !$0.choices.contains("August 15, 1945") } ?? true)
        let prisoners = try #require(
            result.deck.cards.first { $0.kind == .question && $0.prompt.hasPrefix("How many Japanese soldiers") })
        #expect(prisoners.conflict?.readings.map(\.value) == ["500,000"])
        #expect(result.report.conflicts.count == 2)
        // A disputed fact gets no true/false card.
        #expect(!result.deck.cards.contains { $0.kind == .truefalse && $0.fact == bomb.fact })
    }

    @Test func maxCardsCaps() {
        let dir = TempDir()
        dir.write("a.txt", sampleEnglish)
        #expect(Fixtures.build([dir.url.path], maxCards: 5).deck.cards.count <= 5)
    }
}
