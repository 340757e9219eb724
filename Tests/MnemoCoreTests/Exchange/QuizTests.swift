import MnemoCore
import Testing

struct QuizTests {
    let deck = ExchangeFixtures.deck()

    @Test func sameSeedSameSheetsOtherSeedOtherOrder() throws {
        let a = try Quiz(deck: deck, options: QuizOptions(variants: 3, seed: 7))
        let b = try Quiz(deck: deck, options: QuizOptions(variants: 3, seed: 7))
        let c = try Quiz(deck: deck, options: QuizOptions(variants: 3, seed: 8))
        #expect(a == b)
        #expect(QuizRenderer.html(a) == QuizRenderer.html(b))
        #expect(a.variants.map { $0.questions.map(\.card.id) } != c.variants.map { $0.questions.map(\.card.id) })
    }

    @Test func variantsAskTheSameQuestionsInDifferentOrders() throws {
        let quiz = try Quiz(deck: deck, options: QuizOptions(variants: 4, seed: 1))
        #expect(quiz.variants.map(\.label) == ["A", "B", "C", "D"])
        let orders = quiz.variants.map { $0.questions.map(\.card.id) }
        #expect(Set(orders).count == 4)
        for order in orders { #expect(Set(order) == Set(deck.cards.map(\.id))) }
    }

    @Test func choiceKeyLetterPointsAtTheRightOption() throws {
        let quiz = try Quiz(deck: deck, options: QuizOptions(variants: 5, kinds: [.choice], seed: 3))
        var orders: Set<[String]> = []
        for variant in quiz.variants {
            let q = try #require(variant.questions.first)
            orders.insert(q.options)
            let letter = try #require(q.keyAnswer.first)
            let index = Int(try #require(letter.asciiValue)) - 65
            #expect(q.options[index] == "600,000")
            #expect(q.keyAnswer == "\(letter). 600,000")
        }
        #expect(orders.count > 1, "options are shuffled between variants")
    }

    @Test func orderKeyFollowsTheShuffledLetters() throws {
        let quiz = try Quiz(deck: deck, options: QuizOptions(variants: 6, kinds: [.order], seed: 11))
        let chronological = ["Yalta (February)", "Hiroshima (August 6)", "War declared (August 8)"]
        for variant in quiz.variants {
            let q = try #require(variant.questions.first)
            let letters = q.keyAnswer.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let events = try letters.map { q.options[Int(try #require($0.unicodeScalars.first).value) - 97] }
            #expect(events == chronological)
        }
    }

    @Test func countAndKindsChooseTheQuestions() throws {
        let quiz = try Quiz(
            deck: deck, options: QuizOptions(variants: 2, count: 2, kinds: [.cloze, .question], seed: 5))
        for variant in quiz.variants {
            #expect(variant.questions.count == 2)
            #expect(variant.questions.allSatisfy { [.cloze, .question].contains($0.card.kind) })
        }
        #expect(Set(quiz.variants[0].questions.map(\.card.id)) == Set(quiz.variants[1].questions.map(\.card.id)))
    }

    @Test func siblingsOfOneFactAreNotAskedTogether() throws {
        var deck = ExchangeFixtures.deck()
        for i in deck.cards.indices { deck.cards[i].fact = "fact-\(i)" }
        deck.cards[0].fact = "fact-same"
        deck.cards[1].fact = "fact-same"
        for seed: UInt64 in 1...8 {
            let quiz = try Quiz(deck: deck, options: QuizOptions(seed: seed))
            let ids = Set(quiz.variants[0].questions.map(\.card.id))
            #expect(ids.count == deck.cards.count - 1)
            #expect(!(ids.contains(deck.cards[0].id) && ids.contains(deck.cards[1].id)))
        }
    }

    @Test(arguments: [
        (QuizOptions(kinds: [.order], seed: 1), nil as QuizError?),
        (QuizOptions(variants: 0), QuizError.badVariants(0)),
        (QuizOptions(variants: 27), QuizError.badVariants(27)),
        (QuizOptions(count: 0), QuizError.badCount(0)),
    ])
    func badOptionsAreRefused(options: QuizOptions, error: QuizError?) {
        if let error {
            #expect(throws: error) { try Quiz(deck: deck, options: options) }
        } else {
            #expect(throws: Never.self) { try Quiz(deck: deck, options: options) }
        }
    }

    @Test func aDeckWithoutTheKindsSaysSo() {
        var small = deck
        small.cards = [ExchangeFixtures.cloze]
        #expect(throws: QuizError.noCards(kinds: ["choice", "order"])) {
            try Quiz(deck: small, options: QuizOptions(kinds: [.order, .choice]))
        }
        #expect(
            QuizError.noCards(kinds: ["choice", "order"]).description == "the deck has no cards of kind choice, order")
    }

    @Test func htmlIsEscapedRightToLeftAndBreaksPages() throws {
        let html = QuizRenderer.html(try Quiz(deck: deck, options: QuizOptions(variants: 2)))
        #expect(html.contains("<title>Yalta &amp; &lt;after&gt;: quiz</title>"))
        #expect(!html.contains("<after>"))
        #expect(html.contains("How many soldiers were captured, &quot;officially&quot;?"))
        #expect(html.contains("<li class=\"q cloze\" dir=\"rtl\" lang=\"ar\">"))
        #expect(
            html.components(separatedBy: "dir=\"rtl\" lang=\"ar\"").count - 1 == 4,
            "the Arabic card, on 2 sheets and 2 keys")
        #expect(html.components(separatedBy: "<section class=\"sheet\">").count - 1 == 2)
        #expect(html.components(separatedBy: "<section class=\"key\">").count - 1 == 2)
        #expect(html.contains("@media print"))
        #expect(html.contains("break-before: page"))
        #expect(html.contains("Name:") && html.contains("Class:") && html.contains("Date:"))
    }

    @Test func keysCiteEachAnswersSourceSentence() throws {
        let quiz = try Quiz(deck: deck, options: QuizOptions(variants: 1))
        let markdown = QuizRenderer.markdown(quiz)
        #expect(markdown.contains("## Answer key: variant A"))
        #expect(markdown.contains("yalta.txt, line 2: “The conference met at the Livadia Palace in Crimea.”"))
        #expect(markdown.contains("Sources disagree: August 9 (other.txt, line 7)"))
        #expect(markdown.contains("**August 8 (also: 8 August)**"))
        #expect(markdown.contains("the \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ (place) in Crimea"))
        #expect(markdown.contains("# Yalta & \\<after\\>: quiz, variant A"))
        let html = QuizRenderer.html(quiz)
        #expect(
            html.contains(
                "<div class=\"cite\"><bdi dir=\"ltr\">ar.txt, line 1</bdi>: “<bdi>في عام 1945 ميلادي قام الاتحاد السوفيتي بغزو منشوريا</bdi>”</div>"
            ))
        #expect(html.contains("Sources disagree: <bdi>August 9</bdi> (<bdi dir=\"ltr\">other.txt, line 7</bdi>)"))
    }
}
