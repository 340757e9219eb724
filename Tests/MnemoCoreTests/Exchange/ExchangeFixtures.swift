import MnemoCore

/// A small deck with one card of every kind, an Arabic card, a conflict, and text that
/// needs escaping in CSV, HTML and Markdown.
enum ExchangeFixtures {
    static func evidence(_ line: Int, _ quote: String, source: String = "yalta.txt") -> Provenance {
        Provenance(source: source, line: line, start: 0, end: quote.count, quote: quote)
    }

    static let cloze = Card(
        id: CardID(kind: .cloze, factKey: "yalta|livadia"), kind: .cloze,
        prompt: "The Yalta Conference met at the [place] in Crimea.", answer: "Livadia Palace",
        answerType: .place, evidence: [evidence(2, "The conference met at the Livadia Palace in Crimea.")],
        tags: ["yalta", "places"])
    static let question = Card(
        id: CardID(kind: .question, factKey: "war declared|august 8"), kind: .question,
        prompt: "On what date did the Soviets declare war on Japan?", answer: "August 8", accepted: ["8 August"],
        answerType: .date, evidence: [evidence(4, "The Soviets declared war on Japan on August 8.")], tags: ["war"],
        conflict: Conflict(readings: [
            ConflictReading(value: "August 9", evidence: evidence(7, "On August 9 the war began.", source: "other.txt"))
        ]))
    static let choice = Card(
        id: CardID(kind: .choice, factKey: "prisoners|600000"), kind: .choice,
        prompt: "How many soldiers were captured, \"officially\"?", answer: "600,000",
        choices: ["100,000", "600,000", "700,000", "1.5 million"], answerType: .number,
        evidence: [evidence(1, "Japan surrendered and 600,000 soldiers were captured.", source: "prisoners.txt")])
    static let truefalse = Card(
        id: CardID(kind: .truefalse, factKey: "first country|true"), kind: .truefalse,
        prompt: "The Soviet Union was the first country to recognize the PRC.", answer: "true",
        evidence: [evidence(3, "The Soviet Union became the first country to establish relations.")])
    static let order = Card(
        id: CardID(kind: .order, factKey: "1945 events"), kind: .order,
        prompt: "Put these events of 1945 in order.", answer: "b, c, a",
        choices: ["War declared (August 8)", "Yalta (February)", "Hiroshima (August 6)"],
        evidence: [evidence(4, "Events of 1945.")])
    static let arabic = Card(
        id: CardID(kind: .cloze, factKey: "ar|1945"), kind: .cloze,
        prompt: "في عام [year] غزا الاتحاد السوفيتي منشوريا.", answer: "1945", answerType: .year, language: "ar",
        evidence: [evidence(1, "في عام 1945 ميلادي قام الاتحاد السوفيتي بغزو منشوريا", source: "ar.txt")], tags: ["ar"])

    static func deck() -> Deck {
        Deck(
            id: "yalta-sample", title: "Yalta & <after>", languages: ["ar", "en"],
            sources: [
                SourceInfo(file: "yalta.txt", title: "Yalta", sha256: String(repeating: "a", count: 64), language: "en")
            ],
            cards: [cloze, question, choice, truefalse, order, arabic])
    }
}
