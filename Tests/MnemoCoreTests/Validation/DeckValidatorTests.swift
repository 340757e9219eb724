import Testing

@testable import MnemoCore

/// A small valid deck, and single-rule breakages of it, each with the one problem it must produce.
enum ValidatorCases {
    static let sha = String(repeating: "ab", count: 32)
    static let evidence = Provenance(source: "a.txt", line: 3, start: 0, end: 10, quote: "In 1945 it")

    static func card(
        _ kind: CardKind, id: String = "c1", prompt: String = "When did it end?", answer: String = "1945",
        choices: [String] = []
    ) -> Card {
        Card(id: CardID(id), kind: kind, prompt: prompt, answer: answer, choices: choices, evidence: [evidence])
    }

    static let valid = Deck(
        id: "d", title: "T", languages: ["en", "ar"],
        sources: [SourceInfo(file: "a.txt", title: "A", sha256: sha, language: "en")],
        cards: [card(.question)])

    static func with(_ change: (inout Deck) -> Void) -> Deck {
        var deck = valid
        change(&deck)
        return deck
    }

    static func withCard(_ c: Card) -> Deck { with { $0.cards = [c] } }

    /// Decks that break no rule.
    static let passing: [(String, Deck)] = [
        ("question", valid),
        ("cloze with […]", withCard(card(.cloze, prompt: "It ended in […]."))),
        ("cloze with [...]", withCard(card(.cloze, prompt: "It ended in [...]."))),
        ("cloze with ____", withCard(card(.cloze, prompt: "It ended in ____."))),
        ("cloze with a labelled blank", withCard(card(.cloze, prompt: "In [month and year], the war ended."))),
        ("Arabic cloze with a labelled blank", withCard(card(.cloze, prompt: "في عام [السنة] ميلادي انتهت الحرب"))),
        (
            "Arabic cloze",
            with {
                $0.cards = [
                    Card(
                        id: CardID("c1"), kind: .cloze, prompt: "انتهت الحرب في عام [...]", answer: "١٩٤٥",
                        language: "ar",
                        evidence: [evidence])
                ]
            }
        ),
        ("choice of 4", withCard(card(.choice, answer: "1945", choices: ["1943", "1944", "1945", "1946"]))),
        ("choice of 2", withCard(card(.choice, answer: "Yalta", choices: ["Yalta", "Potsdam"]))),
        ("truefalse true", withCard(card(.truefalse, prompt: "The war ended in 1945.", answer: "true"))),
        ("truefalse false", withCard(card(.truefalse, prompt: "The war ended in 1946.", answer: "false"))),
        (
            "order with commas",
            withCard(card(.order, prompt: "Order these", answer: "c, a, b", choices: ["x", "y", "z"]))
        ),
        (
            "order with spaces",
            withCard(card(.order, prompt: "Order these", answer: "b d a c", choices: ["w", "x", "y", "z"]))
        ),
        (
            "conflict with a reading",
            with {
                $0.cards[0].conflict = Conflict(readings: [ConflictReading(value: "1946", evidence: evidence)])
            }
        ),
        ("no cards, no languages", Deck(id: "d", title: "T")),
        ("several evidence", with { $0.cards[0].evidence = [evidence, evidence] }),
        (
            "readable date answer",
            with {
                $0.cards[0].answerType = .date; $0.cards[0].answer = "8 آب 1945"
            }
        ),
        (
            "readable number answer",
            with {
                $0.cards[0].answerType = .number; $0.cards[0].answer = "about 600,000"
            }
        ),
    ]

    /// Decks that break exactly one rule, and the problem reported.
    static let failing: [(String, Deck, DeckProblem)] = [
        ("empty deck id", with { $0.id = " " }, .init(.error, field: "id", "empty deck id")),
        ("empty title", with { $0.title = "" }, .init(.warning, field: "title", "empty title")),
        (
            "no languages",
            with {
                $0.languages = []; $0.sources[0].language = "en"
            },
            .init(.warning, field: "languages", "no languages listed")
        ),
        (
            "language twice", with { $0.languages = ["en", "ar", "en"] },
            .init(.warning, field: "languages[2]", "'en' is listed twice")
        ),
        (
            "empty language", with { $0.languages = ["en", "ar", ""] },
            .init(.error, field: "languages[2]", "empty language code")
        ),
        (
            "duplicate source", with { $0.sources.append($0.sources[0]) },
            .init(.error, field: "sources[1].file", "duplicate source file 'a.txt'")
        ),
        (
            "empty source file",
            with { $0.sources.append(SourceInfo(file: "", title: "", sha256: sha, language: "en")) },
            .init(.error, field: "sources[1].file", "empty file name")
        ),
        (
            "bad sha256", with { $0.sources[0].sha256 = "ABC" },
            .init(.error, field: "sources[0].sha256", "'ABC' is not 64 lower-case hex digits")
        ),
        (
            "source language not listed", with { $0.sources[0].language = "fr" },
            .init(.warning, field: "sources[0].language", "language 'fr' is not among the deck's languages")
        ),
        (
            "duplicate card id", with { $0.cards.append($0.cards[0]) },
            .init(.error, card: CardID("c1"), field: "id", "duplicate card id")
        ),
        (
            "empty card id", withCard(card(.question, id: "")),
            .init(.error, card: CardID(""), field: "id", "empty card id")
        ),
        (
            "empty prompt", withCard(card(.question, prompt: "  ")),
            .init(.error, card: CardID("c1"), field: "prompt", "empty prompt")
        ),
        (
            "empty answer", withCard(card(.question, answer: "")),
            .init(.error, card: CardID("c1"), field: "answer", "empty answer")
        ),
        (
            "empty alternative", with { $0.cards[0].accepted = ["1945 AD", ""] },
            .init(.warning, card: CardID("c1"), field: "accepted[1]", "empty alternative")
        ),
        (
            "empty tag", with { $0.cards[0].tags = [""] },
            .init(.warning, card: CardID("c1"), field: "tags[0]", "empty tag")
        ),
        (
            "card language not listed", with { $0.cards[0].language = "de" },
            .init(.warning, card: CardID("c1"), field: "language", "language 'de' is not among the deck's languages")
        ),
        (
            "cloze without blank", withCard(card(.cloze, prompt: "It ended in the forties.")),
            .init(
                .error, card: CardID("c1"), field: "prompt",
                "a cloze prompt needs a blank such as '[…]', '[date]' or '____'")
        ),
        (
            "cloze with a citation, not a blank", withCard(card(.cloze, prompt: "It ended then.[12]")),
            .init(
                .error, card: CardID("c1"), field: "prompt",
                "a cloze prompt needs a blank such as '[…]', '[date]' or '____'")
        ),
        (
            "cloze with an empty bracket", withCard(card(.cloze, prompt: "It ended in [].")),
            .init(
                .error, card: CardID("c1"), field: "prompt",
                "a cloze prompt needs a blank such as '[…]', '[date]' or '____'")
        ),
        (
            "cloze showing its answer", withCard(card(.cloze, prompt: "It ended in 1945, in [...].")),
            .init(.warning, card: CardID("c1"), field: "prompt", "the prompt contains the answer")
        ),
        (
            "question showing its answer", withCard(card(.question, prompt: "Did it end in 1945?")),
            .init(.warning, card: CardID("c1"), field: "prompt", "the prompt contains the answer")
        ),
        (
            "choice of 1", withCard(card(.choice, answer: "1945", choices: ["1945"])),
            .init(
                .error, card: CardID("c1"), field: "choices",
                "a choice card needs at least 2 distinct choices (4 is usual)")
        ),
        (
            "choice repeated", withCard(card(.choice, answer: "1945", choices: ["1945", "1944", "1944"])),
            .init(.error, card: CardID("c1"), field: "choices[2]", "'1944' is listed twice")
        ),
        (
            "choice empty", withCard(card(.choice, answer: "1945", choices: ["1945", "1944", ""])),
            .init(.error, card: CardID("c1"), field: "choices[2]", "empty choice")
        ),
        (
            "answer not a choice", withCard(card(.choice, answer: "1945", choices: ["1943", "1944", "1946", "1947"])),
            .init(.error, card: CardID("c1"), field: "answer", "'1945' is not one of the choices")
        ),
        (
            "truefalse yes", withCard(card(.truefalse, prompt: "It ended in 1946.", answer: "yes")),
            .init(
                .error, card: CardID("c1"), field: "answer",
                "a truefalse answer must be \"true\" or \"false\", not 'yes'")
        ),
        (
            "order of 2", withCard(card(.order, prompt: "Order", answer: "b, a", choices: ["x", "y"])),
            .init(.error, card: CardID("c1"), field: "choices", "an order card needs at least 3 events")
        ),
        (
            "order missing a letter",
            withCard(card(.order, prompt: "Order", answer: "b, a", choices: ["x", "y", "z"])),
            .init(
                .error, card: CardID("c1"), field: "answer",
                "'b, a' is not an order of the letters a-c, each once (e.g. \"c, a, b\")")
        ),
        (
            "order repeating a letter",
            withCard(card(.order, prompt: "Order", answer: "a a b", choices: ["x", "y", "z"])),
            .init(
                .error, card: CardID("c1"), field: "answer",
                "'a a b' is not an order of the letters a-c, each once (e.g. \"c, a, b\")")
        ),
        (
            "order with a word", withCard(card(.order, prompt: "Order", answer: "ab, c", choices: ["x", "y", "z"])),
            .init(
                .error, card: CardID("c1"), field: "answer",
                "'ab, c' is not an order of the letters a-c, each once (e.g. \"c, a, b\")")
        ),
        (
            "order empty event", withCard(card(.order, prompt: "Order", answer: "a, b, c", choices: ["x", " ", "z"])),
            .init(.error, card: CardID("c1"), field: "choices[1]", "empty event")
        ),
        (
            "unreadable date answer",
            with {
                $0.cards[0].answerType = .date; $0.cards[0].answer = "the forties"
            },
            .init(
                .warning, card: CardID("c1"), field: "answer",
                "'the forties' is not a date answer checking can read; typed answers are compared as text")
        ),
        (
            "unreadable number answer",
            with {
                $0.cards[0].answerType = .number; $0.cards[0].answer = "many"
            },
            .init(
                .warning, card: CardID("c1"), field: "answer",
                "'many' holds no number; typed answers are compared as text")
        ),
        (
            "no evidence", with { $0.cards[0].evidence = [] },
            .init(.warning, card: CardID("c1"), field: "evidence", "no evidence (the card cannot cite its source)")
        ),
        (
            "evidence source not listed", with { $0.cards[0].evidence[0].source = "b.txt" },
            .init(
                .error, card: CardID("c1"), field: "evidence[0].source", "'b.txt' is not listed in the deck's sources")
        ),
        (
            "evidence line 0", with { $0.cards[0].evidence[0].line = 0 },
            .init(.error, card: CardID("c1"), field: "evidence[0].line", "line 0 (lines start at 1)")
        ),
        (
            "evidence negative start", with { $0.cards[0].evidence[0].start = -1 },
            .init(.error, card: CardID("c1"), field: "evidence[0].start", "start -1 is negative")
        ),
        (
            "evidence end before start", with { $0.cards[0].evidence[0].end = 0 },
            .init(.error, card: CardID("c1"), field: "evidence[0].end", "end 0 is not after start 0")
        ),
        (
            "evidence empty quote", with { $0.cards[0].evidence[0].quote = "" },
            .init(.error, card: CardID("c1"), field: "evidence[0].quote", "empty quote")
        ),
        (
            "conflict without readings", with { $0.cards[0].conflict = Conflict(readings: []) },
            .init(.error, card: CardID("c1"), field: "conflict.readings", "a conflict needs at least one other reading")
        ),
        (
            "conflict reading empty",
            with {
                $0.cards[0].conflict = Conflict(readings: [ConflictReading(value: "", evidence: evidence)])
            }, .init(.error, card: CardID("c1"), field: "conflict.readings[0].value", "empty value")
        ),
        (
            "conflict reading evidence",
            with {
                var other = evidence
                other.source = "z.txt"
                $0.cards[0].conflict = Conflict(readings: [ConflictReading(value: "1946", evidence: other)])
            },
            .init(
                .error, card: CardID("c1"), field: "conflict.readings[0].evidence.source",
                "'z.txt' is not listed in the deck's sources")
        ),
    ]
}

struct DeckValidatorTests {
    @Test(arguments: ValidatorCases.passing)
    func validDeckHasNoProblems(name: String, deck: Deck) {
        #expect(DeckValidator.validate(deck) == [], "\(name)")
    }

    @Test(arguments: ValidatorCases.failing)
    func eachBrokenRuleIsReportedWithItsPlace(name: String, deck: Deck, expected: DeckProblem) {
        #expect(DeckValidator.validate(deck) == [expected], "\(name)")
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        var deck = ValidatorCases.valid
        deck.cards = [
            ValidatorCases.card(.question, prompt: "", answer: ""),
            ValidatorCases.card(.truefalse, id: "c2", prompt: "p", answer: "maybe"),
        ]
        let problems = DeckValidator.validate(deck)
        #expect(problems.map(\.field) == ["prompt", "answer", "answer"])
        #expect(problems.map { $0.card?.rawValue } == ["c1", "c1", "c2"])
        #expect(!DeckValidator.isValid(problems))
    }

    @Test func warningsAloneKeepTheDeckValid() {
        let problems = DeckValidator.validate(ValidatorCases.with { $0.title = "" })
        #expect(!problems.isEmpty)
        #expect(DeckValidator.isValid(problems))
    }

    @Test(arguments: [
        (
            DeckProblem(.error, card: CardID("cloze-1"), field: "evidence[0].quote", "empty quote"),
            "card cloze-1: evidence[0].quote: empty quote"
        ),
        (
            DeckProblem(.warning, card: CardID("c"), field: "tags[0]", "empty tag"),
            "card c: tags[0]: warning: empty tag"
        ),
        (
            DeckProblem(.error, field: "sources[1].file", "duplicate source file 'a.txt'"),
            "sources[1].file: duplicate source file 'a.txt'"
        ),
    ])
    func problemLine(problem: DeckProblem, line: String) {
        #expect(problem.description == line)
    }
}
