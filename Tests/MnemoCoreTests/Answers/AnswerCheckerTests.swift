import Testing

@testable import MnemoCore

/// One row of the answer-checking table: a card's answer (and type, kind, alternatives),
/// what the learner typed, and the verdict it must get.
struct AnswerCase: Sendable, CustomTestStringConvertible {
    var rule: String
    var answer: String
    var type: AnswerType
    var kind: CardKind = .question
    var accepted: [String] = []
    var choices: [String] = []
    var typed: String
    var verdict: Verdict
    /// The form reported as matched, when it matters (an alternative, a choice).
    var matched: String? = nil

    var testDescription: String { "\(rule): \"\(typed)\" for \"\(answer)\" → \(verdict.rawValue)" }

    var card: Card {
        Card(
            id: CardID("\(kind.rawValue)-\(answer)"), kind: kind, prompt: "?", answer: answer, accepted: accepted,
            choices: choices, answerType: type)
    }
}

private func right(_ rule: String, _ answer: String, _ type: AnswerType, _ typed: String) -> AnswerCase {
    AnswerCase(rule: rule, answer: answer, type: type, typed: typed, verdict: .right)
}

private func almost(_ rule: String, _ answer: String, _ type: AnswerType, _ typed: String) -> AnswerCase {
    AnswerCase(rule: rule, answer: answer, type: type, typed: typed, verdict: .almost)
}

private func wrong(_ rule: String, _ answer: String, _ type: AnswerType, _ typed: String) -> AnswerCase {
    AnswerCase(rule: rule, answer: answer, type: type, typed: typed, verdict: .wrong)
}

enum AnswerTable {
    /// Other cards in the deck: they decide which surnames are unambiguous and which names are
    /// other entities (never accepted as typos).
    static let deck = Deck(
        id: "d", title: "T",
        cards: [
            ("Harry S. Truman", .person), ("Franklin D. Roosevelt", .person), ("Theodore Roosevelt", .person),
            ("Winston Churchill", .person), ("جمال عبد الناصر", .person), ("أنور السادات", .person),
            ("Hiroshima", .place), ("Nagasaki", .place), ("Gambia", .place), ("Zambia", .place),
            ("غامبيا", .place), ("زامبيا", .place),
        ].map { (answer: String, type: AnswerType) in
            Card(id: CardID("q-\(answer)"), kind: .question, prompt: "?", answer: answer, answerType: type)
        })

    static let cases: [AnswerCase] = [
        // Case, spacing and punctuation ignored; a leading article ignored.
        right("case/space/punctuation", "Soviet Union", .text, "soviet union"),
        right("case/space/punctuation", "Soviet Union", .text, "SOVIET-UNION!"),
        right("case/space/punctuation", "Soviet Union", .text, "Sovietunion"),
        right("leading article", "Soviet Union", .text, "the Soviet Union"),
        right("leading article", "The Hague", .place, "Hague"),
        wrong("case/space/punctuation", "Soviet Union", .text, "Soviet"),
        wrong("case/space/punctuation", "Soviet Union", .text, "United States"),
        right("ar spacing/punctuation", "الاتحاد السوفيتي", .text, "الاتحاد  السوفيتي."),
        right("ar article", "الاتحاد السوفيتي", .text, "اتحاد سوفيتي"),
        wrong("ar words", "الاتحاد السوفيتي", .text, "الاتحاد الأوروبي"),
        // Diacritics folded, Latin and Arabic.
        right("latin diacritics", "Besançon", .place, "besancon"),
        right("latin diacritics", "Lech Wałęsa", .person, "Lech Walesa"),
        wrong("latin diacritics", "Besançon", .place, "Dijon"),
        right("harakat", "مُحَمَّد عَلِي", .person, "محمد علي"),
        right("tatweel", "محمد علي", .person, "محـــمد علي"),
        right("alef forms", "أسوان", .place, "اسوان"),
        right("alef forms", "إسماعيل", .person, "اسماعيل"),
        right("alef forms", "الآستانة", .place, "الاستانة"),
        right("ta marbuta/ha", "القاهرة", .place, "القاهره"),
        right("alef maqsura/ya", "الاتحاد السوفيتي", .text, "الإتحاد السوفيتى"),
        right("alef maqsura/ya", "مصطفى", .person, "مصطفي"),
        wrong("ar different word", "القاهرة", .place, "الاسكندرية"),
        wrong("ar different word", "سعد", .person, "سعيد"),
        // Arabic-Indic digits read as digits.
        right("arabic-indic digits", "1945", .year, "١٩٤٥"),
        right("eastern arabic-indic digits", "1945", .year, "۱۹۴۵"),
        right("arabic-indic digits", "٦٠٠٬٠٠٠", .number, "600000"),
        wrong("arabic-indic digits", "1945", .year, "١٩٤٤"),
        right("direction marks ignored", "1945", .year, "\u{200F}١٩٤٥\u{200E}"),
        // Numbers in any common spelling; qualifiers in the answer ignored; never a near miss.
        right("number spelling", "more than 600,000", .number, "600,000"),
        right("number spelling", "more than 600,000", .number, "600000"),
        right("number spelling", "more than 600,000", .number, "600 000"),
        right("number spelling", "more than 600,000", .number, "600.000"),
        right("number spelling", "more than 600,000", .number, "600 thousand"),
        right("number spelling", "more than 600,000", .number, "six hundred thousand"),
        right("number spelling", "more than 600,000", .number, "Six Hundred Thousand"),
        right("number spelling", "more than 600,000", .number, "600k"),
        right("qualifier", "more than 600,000", .number, "over 600,000 soldiers"),
        right("qualifier", "600,000 troops", .text, "600000"),
        wrong("near-miss number", "more than 600,000", .number, "60,000"),
        wrong("near-miss number", "more than 600,000", .number, "6,000,000"),
        wrong("near-miss number", "more than 600,000", .number, "600,001"),
        wrong("near-miss number", "more than 600,000", .number, "six hundred"),
        wrong("near-miss number", "more than 600,000", .number, "many"),
        right("number spelling", "1.5 million", .number, "1,500,000"),
        right("number spelling", "1.5 million", .number, "1500000"),
        right("number spelling", "1,500,000", .number, "1.5 million"),
        right("number spelling", "1,500,000", .number, "1.5m"),
        wrong("near-miss number", "1.5 million", .number, "15 million"),
        wrong("near-miss number", "1.5 million", .number, "1.4 million"),
        right("number word", "eight", .number, "8"),
        right("number word", "8", .number, "eight"),
        right("number word", "8", .text, "Eight"),
        right("ar number word", "8", .number, "ثمانية"),
        right("ar number word", "8", .number, "٨"),
        wrong("near-miss number", "eight", .number, "9"),
        wrong("near-miss number", "eight", .number, "eighty"),
        right("ar number", "أكثر من ٦٠٠ ألف", .number, "600000"),
        right("ar number", "أكثر من ٦٠٠ ألف", .number, "ستمائة ألف"),
        right("ar number", "أكثر من ٦٠٠ ألف", .number, "ست مئة ألف"),
        right("ar number", "أكثر من ٦٠٠ ألف", .number, "٦٠٠٬٠٠٠"),
        right("ar number", "نحو ١٫٥ مليون", .number, "1.5 million"),
        wrong("ar near-miss number", "أكثر من ٦٠٠ ألف", .number, "٦٠ ألف"),
        wrong("ar near-miss number", "أكثر من ٦٠٠ ألف", .number, "60000"),
        wrong("ar near-miss number", "أكثر من ٦٠٠ ألف", .number, "ستون ألف"),
        // Dates in any common order and spelling; never a near miss.
        right("date spelling", "August 8, 1945", .date, "8 Aug 1945"),
        right("date spelling", "August 8, 1945", .date, "8 August 1945"),
        right("date spelling", "August 8, 1945", .date, "1945-08-08"),
        right("date spelling", "August 8, 1945", .date, "8/8/1945"),
        right("date spelling", "August 8, 1945", .date, "Aug. 8th, 1945"),
        right("date spelling", "August 8, 1945", .date, "the 8th of August 1945"),
        right("date spelling", "August 13, 1945", .date, "13/8/1945"),
        right("date spelling", "August 13, 1945", .date, "8/13/1945"),
        right("date without year", "August 8", .date, "8 August"),
        right("date without year", "August 8", .date, "8/8"),
        right("date without year", "August 8", .date, "August 8, 1945"),
        wrong("near-miss date", "August 8, 1945", .date, "August 9, 1945"),
        wrong("near-miss date", "August 8, 1945", .date, "8 August 1944"),
        wrong("near-miss date", "August 8, 1945", .date, "8 July 1945"),
        wrong("incomplete date", "August 8, 1945", .date, "August 1945"),
        wrong("incomplete date", "August 8, 1945", .date, "1945"),
        wrong("ambiguous numeric date", "September 8, 1945", .date, "8/9/1945"),
        wrong("date without year", "August 8", .date, "August 9"),
        wrong("date", "August 8, 1945", .date, "yesterday"),
        right("date month", "February 1945", .date, "Feb 1945"),
        right("date month", "February 1945", .date, "2/1945"),
        right("date month", "February 1945", .date, "1945-02"),
        wrong("date month", "February 1945", .date, "March 1945"),
        right("date in a text answer", "February 1945", .text, "2/1945"),
        wrong("a month in a name is not a date", "March on Rome", .text, "March"),
        almost("a month in a name is not a date", "March on Rome", .text, "Mrach on Rome"),
        right("year alone", "1945", .year, "1945"),
        right("year alone", "1945", .year, "in 1945"),
        right("year alone", "1945", .year, "1945 AD"),
        right("year alone", "August 8, 1945", .year, "1945"),
        right("year alone", "1945", .year, "August 1945"),
        wrong("near-miss year", "1945", .year, "1944"),
        wrong("near-miss year", "1945", .year, "1946"),
        wrong("near-miss year", "August 8, 1945", .year, "1944"),
        right("ar date", "8 أغسطس 1945", .date, "8 آب 1945"),
        right("ar date", "8 أغسطس 1945", .date, "٨ أغسطس ١٩٤٥"),
        right("ar date", "8 أغسطس 1945", .date, "August 8, 1945"),
        right("ar date", "8 أغسطس 1945", .date, "1945-08-08"),
        right("ar date", "August 8, 1945", .date, "٨ آب ١٩٤٥م"),
        right("ar date", "تشرين الأول 1945", .date, "أكتوبر 1945"),
        right("ar date", "تشرين الأول 1945", .date, "October 1945"),
        right("ar date", "2 أيلول 1945", .date, "2 سبتمبر 1945"),
        right("ar year", "عام ١٩٤٥", .year, "1945"),
        wrong("ar near-miss date", "8 أغسطس 1945", .date, "8 آب 1944"),
        wrong("ar near-miss date", "8 أغسطس 1945", .date, "9 آب 1945"),
        wrong("ar near-miss date", "تشرين الأول 1945", .date, "تشرين الثاني 1945"),
        wrong("ar near-miss year", "عام ١٩٤٥", .year, "١٩٤٤"),
        // Small typos in names and words forgiven (about one edit per five letters), as "almost".
        almost("typo", "Hiroshima", .place, "Hiroshma"),
        almost("typo", "Hiroshima", .place, "Hirosihma"),
        almost("typo", "Hiroshima", .place, "hiroshimaa"),
        wrong("typo too big", "Hiroshima", .place, "Hrioshmia"),
        almost("typo", "Yalta Conference", .text, "Yalta Conferance"),
        almost("typo", "Yalta Conference", .text, "Yalta Confrence"),
        wrong("typo too big", "Yalta Conference", .text, "Potsdam Conference"),
        wrong("no typo in short words", "Iran", .place, "Iraq"),
        wrong("no typo in short words", "Iran", .place, "Irn"),
        right("small numbers in names", "World War II", .name, "World War 2"),
        right("small numbers in names", "World War II", .name, "world war two"),
        right("small numbers in names", "Louis XIV", .person, "Louis 14"),
        wrong("small numbers in names", "World War II", .name, "World War I"),
        wrong("small numbers in names", "World War II", .name, "World War III"),
        almost("digits exact, letters forgiven", "Apollo 11", .name, "Apolo 11"),
        wrong("typo never in digits", "Apollo 11", .name, "Apollo 12"),
        wrong("typo never in digits", "World War 2", .name, "World War 3"),
        almost("ar typo", "الإسكندرية", .place, "الاسكندريا"),
        almost("ar typo", "الإسكندرية", .place, "الاسكنرية"),
        wrong("ar typo too big", "الإسكندرية", .place, "القاهرة"),
        almost("typo", "Gambia", .place, "Gambya"),
        wrong("another entity is not a typo", "Gambia", .place, "Zambia"),
        wrong("another entity is not a typo", "Hiroshima", .place, "Nagasaki"),
        wrong("ar another entity is not a typo", "غامبيا", .place, "زامبيا"),
        almost("ar typo", "غامبيا", .place, "غامبيه"),
        // A surname alone for a person, where unambiguous in the deck.
        right("surname", "Harry S. Truman", .person, "Truman"),
        right("surname", "Harry S. Truman", .person, "truman"),
        right("shorter name", "Harry S. Truman", .person, "Harry Truman"),
        right("full name", "Harry S. Truman", .person, "Harry S Truman"),
        almost("surname typo", "Harry S. Truman", .person, "Trumann"),
        wrong("first name is not the surname", "Harry S. Truman", .person, "Harry"),
        wrong("other person", "Harry S. Truman", .person, "Churchill"),
        wrong("ambiguous surname", "Franklin D. Roosevelt", .person, "Roosevelt"),
        right("fuller name", "Stalin", .person, "Joseph Stalin"),
        right("title ignored", "Harry S. Truman", .person, "President Truman"),
        right("title ignored", "General Douglas MacArthur", .person, "Douglas MacArthur"),
        right("title ignored", "General Douglas MacArthur", .person, "MacArthur"),
        wrong("title alone", "General Douglas MacArthur", .person, "General"),
        right("ar title ignored", "الرئيس جمال عبد الناصر", .person, "جمال عبد الناصر"),
        right("ar title ignored", "جمال عبد الناصر", .person, "الرئيس عبد الناصر"),
        wrong("ar title alone", "الرئيس جمال عبد الناصر", .person, "الرئيس"),
        wrong("fuller name of another person", "Roosevelt", .person, "Theodore Roosevelt"),
        wrong("fuller name with another surname", "Stalin", .person, "Joseph Staline Smith"),
        right("shorter name", "Franklin D. Roosevelt", .person, "Franklin Roosevelt"),
        right("surname", "Winston Churchill", .person, "Churchill"),
        almost("surname typo", "Winston Churchill", .person, "Churchil"),
        right("ar surname", "جمال عبد الناصر", .person, "عبد الناصر"),
        right("ar surname", "جمال عبد الناصر", .person, "الناصر"),
        right("ar surname", "جمال عبد الناصر", .person, "ناصر"),
        wrong("ar first name", "جمال عبد الناصر", .person, "جمال"),
        right("ar surname", "أنور السادات", .person, "السادات"),
        right("ar surname", "أنور السادات", .person, "انور السادات"),
        almost("ar surname typo", "أنور السادات", .person, "السادت"),
        wrong("ar other person", "أنور السادات", .person, "عبد الناصر"),
        // Accepted alternatives.
        AnswerCase(
            rule: "accepted", answer: "the Soviet Union", type: .text, accepted: ["USSR", "الاتحاد السوفيتي"],
            typed: "U.S.S.R.", verdict: .right, matched: "USSR"),
        AnswerCase(
            rule: "accepted", answer: "the Soviet Union", type: .text, accepted: ["USSR", "الاتحاد السوفيتي"],
            typed: "الإتحاد السوفيتي", verdict: .right, matched: "الاتحاد السوفيتي"),
        AnswerCase(
            rule: "accepted", answer: "the Soviet Union", type: .text, accepted: ["USSR", "الاتحاد السوفيتي"],
            typed: "Soviet Union", verdict: .right, matched: "the Soviet Union"),
        AnswerCase(
            rule: "accepted", answer: "the Soviet Union", type: .text, accepted: ["USSR"],
            typed: "Russia", verdict: .wrong),
        AnswerCase(
            rule: "accepted", answer: "1945", type: .year, accepted: ["the end of the war"],
            typed: "end of the war", verdict: .right, matched: "the end of the war"),
        // Empty answers.
        wrong("empty", "Hiroshima", .place, ""),
        wrong("empty", "Hiroshima", .place, "   "),
        wrong("empty", "Hiroshima", .place, "..."),
    ]

    static let years = ["1943", "1944", "1945", "1946"]
    static let cities = ["Hiroshima", "Nagasaki", "Kokura", "Niigata"]

    static func choice(
        _ typed: String, _ verdict: Verdict, choices: [String] = years, answer: String = "1945",
        matched: String? = nil
    ) -> AnswerCase {
        AnswerCase(
            rule: "choice", answer: answer, type: answer == "1945" ? .year : .place, kind: .choice,
            choices: choices, typed: typed, verdict: verdict, matched: matched)
    }

    static func statement(_ answer: String, _ typed: String, _ verdict: Verdict) -> AnswerCase {
        AnswerCase(rule: "truefalse", answer: answer, type: .text, kind: .truefalse, typed: typed, verdict: verdict)
    }

    static func order(_ typed: String, _ verdict: Verdict) -> AnswerCase {
        AnswerCase(
            rule: "order", answer: "b, c, a", type: .text, kind: .order, choices: ["x", "y", "z"],
            typed: typed, verdict: verdict)
    }

    static let labelled: [AnswerCase] = [
        choice("c", .right, matched: "1945"), choice("C)", .right), choice("(c)", .right), choice("1945", .right),
        choice("ج", .right), choice("b", .wrong), choice("1944", .wrong), choice("e", .wrong),
        choice("a", .right, choices: cities, answer: "Hiroshima"),
        choice("Hiroshma", .almost, choices: cities, answer: "Hiroshima"),
        choice("Nagasaki", .wrong, choices: cities, answer: "Hiroshima"),
        choice("Kokura", .wrong, choices: cities, answer: "Hiroshima"),
        statement("true", "t", .right), statement("true", "True", .right), statement("true", "yes", .right),
        statement("true", "y", .right), statement("true", "صح", .right), statement("true", "صحيح", .right),
        statement("true", "نعم", .right), statement("true", "f", .wrong), statement("true", "no", .wrong),
        statement("true", "لا", .wrong), statement("true", "خطأ", .wrong), statement("true", "maybe", .wrong),
        statement("false", "false", .right), statement("false", "F", .right), statement("false", "no", .right),
        statement("false", "خطأ", .right), statement("false", "خطا", .right), statement("false", "لا", .right),
        statement("false", "true", .wrong), statement("false", "نعم", .wrong), statement("false", "صح", .wrong),
        order("bca", .right), order("b c a", .right), order("b, c, a", .right), order("B-C-A", .right),
        order("ب ج أ", .right), order("abc", .wrong), order("bc", .wrong), order("bcaa", .wrong),
        order("cab", .wrong), order("yes", .wrong),
    ]
}

struct AnswerCheckerTests {
    let checker = AnswerChecker(deck: AnswerTable.deck)

    @Test(arguments: AnswerTable.cases + AnswerTable.labelled)
    func verdict(_ row: AnswerCase) {
        let result = checker.check(row.typed, against: row.card)
        #expect(result.verdict == row.verdict)
        #expect(result.expected == row.answer)
        if let matched = row.matched { #expect(result.matched == matched) }
        if row.verdict == .wrong { #expect(result.matched == nil) }
    }

    @Test func almostNamesTheCorrectSpelling() {
        let card = AnswerCase(rule: "", answer: "Hiroshima", type: .place, typed: "", verdict: .almost).card
        let result = checker.check("Hiroshma", against: card)
        #expect(
            result
                == AnswerResult(
                    verdict: .almost, expected: "Hiroshima", matched: "Hiroshima",
                    note: "almost right: the correct spelling is Hiroshima"))
    }

    @Test func surnameAloneShowsTheFullName() {
        let card = Card(id: CardID("q"), kind: .question, prompt: "?", answer: "Harry S. Truman", answerType: .person)
        #expect(checker.check("Truman", against: card).note == "full name: Harry S. Truman")
    }

    @Test func surnameIsAmbiguousOnlyWhenTheDeckSaysSo() {
        let card = Card(
            id: CardID("q"), kind: .question, prompt: "?", answer: "Franklin D. Roosevelt", answerType: .person)
        #expect(AnswerChecker(cards: [card]).check("Roosevelt", against: card).verdict == .right)
        let result = checker.check("Roosevelt", against: card)
        #expect(result.verdict == .wrong)
        #expect(result.note == "more than one person in this deck has that name: the answer is Franklin D. Roosevelt")
    }

    @Test func incompleteAndAmbiguousDatesSayWhy() {
        let card = Card(id: CardID("q"), kind: .question, prompt: "?", answer: "September 8, 1945", answerType: .date)
        #expect(checker.check("September 1945", against: card).note == "incomplete: the answer is September 8, 1945")
        #expect(
            checker.check("8/9/1945", against: card).note
                == "ambiguous date: write the month as a word (the answer is September 8, 1945)")
        #expect(checker.check("8 September 1945", against: card).verdict == .right)
    }

    @Test func lettersNameTheOptionsAsShown() {
        let card = Card(id: CardID("c"), kind: .choice, prompt: "?", answer: "1945", choices: AnswerTable.years)
        let shown = ["1946", "1945", "1944", "1943"]
        #expect(checker.check("b", against: card, shownChoices: shown).verdict == .right)
        #expect(checker.check("c", against: card, shownChoices: shown).verdict == .wrong)
        #expect(checker.check("c", against: card, shownChoices: shown).note == "c is 1944")
    }

    @Test func orderLettersFollowTheShownOrder() {
        // Card order x, y, z; answer b, c, a = y, z, x. Shown as a=z, b=x, c=y: y, z, x = c, a, b.
        let card = Card(id: CardID("o"), kind: .order, prompt: "?", answer: "b, c, a", choices: ["x", "y", "z"])
        #expect(checker.check("cab", against: card, shownChoices: ["z", "x", "y"]).verdict == .right)
        #expect(checker.check("bca", against: card, shownChoices: ["z", "x", "y"]).verdict == .wrong)
    }

    @Test func tableCoversEveryRuleInBothLanguages() {
        let rows = AnswerTable.cases + AnswerTable.labelled
        let arabic = rows.filter { row in
            (row.answer + row.typed).unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
        }
        #expect(rows.contains { $0.verdict == .right } && rows.contains { $0.verdict == .wrong })
        #expect(
            arabic.contains { $0.verdict == .right } && arabic.contains { $0.verdict == .wrong }
                && arabic.contains { $0.verdict == .almost })
        #expect(rows.count >= 150)
    }
}

struct AnswerCheckerOddInputTests {
    static let odd: [String] = [
        "", " ", "\u{0}", "🙂", "👨‍👩‍👧", "\u{301}\u{301}", "[[[", "]]", "k", "m", "and", "و", "a", "the",
        String(repeating: "9", count: 500), String(repeating: "9,999", count: 200), "1e999", "٫٫٫", "0.0.0.0",
        "-5", "ـــ", String(repeating: "hiroshima ", count: 5000),
        "thousand thousand thousand million billion", "1/2/3/4/5", "32/13/1945", "0/0/0", "9999-99-99",
    ]

    @Test(arguments: odd)
    func oddInputNeverCrashesAndIsNeverRightForAFact(typed: String) {
        let cards = [
            Card(id: CardID("a"), kind: .question, prompt: "?", answer: "August 8, 1945", answerType: .date),
            Card(id: CardID("b"), kind: .question, prompt: "?", answer: "more than 600,000", answerType: .number),
            Card(id: CardID("c"), kind: .question, prompt: "?", answer: "Harry S. Truman", answerType: .person),
            Card(id: CardID("d"), kind: .cloze, prompt: "[…]", answer: "Hiroshima", answerType: .place),
            Card(id: CardID("e"), kind: .order, prompt: "?", answer: "b, c, a", choices: ["x", "y", "z"]),
            Card(id: CardID("f"), kind: .choice, prompt: "?", answer: "1945", choices: ["1944", "1945"]),
            Card(id: CardID("g"), kind: .truefalse, prompt: "?", answer: "true"),
        ]
        let checker = AnswerChecker(cards: cards)
        for card in cards {
            #expect(checker.check(typed, against: card).verdict == .wrong, "\(card.answer)")
        }
    }
}
