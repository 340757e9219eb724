import Foundation

/// Checks a decoded deck against the rules of docs/deck-format.md and returns every problem
/// found, in deck order (deck fields, sources, then cards). An empty list means the deck is valid.
public enum DeckValidator {
    public static func validate(_ deck: Deck) -> [DeckProblem] {
        var problems: [DeckProblem] = []
        problems += deckProblems(deck)
        problems += sourceProblems(deck)
        var seen: Set<CardID> = []
        let sourceFiles = Set(deck.sources.map(\.file))
        let languages = Set(deck.languages)
        for card in deck.cards {
            if !seen.insert(card.id).inserted {
                problems.append(.init(.error, card: card.id, field: "id", "duplicate card id"))
            }
            problems += cardProblems(card, sourceFiles: sourceFiles, languages: languages)
        }
        return problems
    }

    /// True when none of the problems is an error.
    public static func isValid(_ problems: [DeckProblem]) -> Bool {
        !problems.contains { $0.severity == .error }
    }

    // MARK: Deck and sources

    static func deckProblems(_ deck: Deck) -> [DeckProblem] {
        var problems: [DeckProblem] = []
        if deck.id.isBlank { problems.append(.init(.error, field: "id", "empty deck id")) }
        if deck.title.isBlank { problems.append(.init(.warning, field: "title", "empty title")) }
        if deck.languages.isEmpty && !deck.cards.isEmpty {
            problems.append(.init(.warning, field: "languages", "no languages listed"))
        }
        var seen: Set<String> = []
        for (i, language) in deck.languages.enumerated() {
            if language.isBlank {
                problems.append(.init(.error, field: "languages[\(i)]", "empty language code"))
            } else if !seen.insert(language).inserted {
                problems.append(.init(.warning, field: "languages[\(i)]", "'\(language)' is listed twice"))
            }
        }
        return problems
    }

    static func sourceProblems(_ deck: Deck) -> [DeckProblem] {
        var problems: [DeckProblem] = []
        var seen: Set<String> = []
        let languages = Set(deck.languages)
        for (i, source) in deck.sources.enumerated() {
            let field = "sources[\(i)]"
            if source.file.isBlank {
                problems.append(.init(.error, field: "\(field).file", "empty file name"))
            } else if !seen.insert(source.file).inserted {
                problems.append(.init(.error, field: "\(field).file", "duplicate source file '\(source.file)'"))
            }
            if !source.sha256.isLowercaseHexDigest {
                problems.append(
                    .init(.error, field: "\(field).sha256", "'\(source.sha256)' is not 64 lower-case hex digits"))
            }
            if !languages.isEmpty && !languages.contains(source.language) {
                problems.append(
                    .init(
                        .warning, field: "\(field).language",
                        "language '\(source.language)' is not among the deck's languages"))
            }
        }
        return problems
    }

    // MARK: Cards

    static func cardProblems(_ card: Card, sourceFiles: Set<String>, languages: Set<String>) -> [DeckProblem] {
        var problems: [DeckProblem] = []
        func add(_ severity: DeckProblem.Severity, _ field: String, _ message: String) {
            problems.append(.init(severity, card: card.id, field: field, message))
        }
        if card.id.rawValue.isBlank { add(.error, "id", "empty card id") }
        if card.prompt.isBlank { add(.error, "prompt", "empty prompt") }
        if card.answer.isBlank { add(.error, "answer", "empty answer") }
        for (i, alternative) in card.accepted.enumerated() where alternative.isBlank {
            add(.warning, "accepted[\(i)]", "empty alternative")
        }
        for (i, tag) in card.tags.enumerated() where tag.isBlank {
            add(.warning, "tags[\(i)]", "empty tag")
        }
        if !languages.isEmpty && !languages.contains(card.language) {
            add(.warning, "language", "language '\(card.language)' is not among the deck's languages")
        }
        for (severity, field, message) in kindProblems(card) { add(severity, field, message) }
        if let message = unreadableAnswer(card) { add(.warning, "answer", message) }
        if card.evidence.isEmpty {
            add(.warning, "evidence", "no evidence (the card cannot cite its source)")
        }
        for (i, evidence) in card.evidence.enumerated() {
            for (field, message) in provenanceProblems(evidence, sourceFiles: sourceFiles) {
                add(.error, "evidence[\(i)].\(field)", message)
            }
        }
        if let conflict = card.conflict {
            if conflict.readings.isEmpty {
                add(.error, "conflict.readings", "a conflict needs at least one other reading")
            }
            for (i, reading) in conflict.readings.enumerated() {
                let field = "conflict.readings[\(i)]"
                if reading.value.isBlank { add(.error, "\(field).value", "empty value") }
                for (sub, message) in provenanceProblems(reading.evidence, sourceFiles: sourceFiles) {
                    add(.error, "\(field).evidence.\(sub)", message)
                }
            }
        }
        return problems
    }

    typealias KindProblem = (DeckProblem.Severity, String, String)

    /// The rules each kind adds: a blank in a cloze, the answer among a choice card's options,
    /// "true"/"false" for a statement, a permutation of letters for an order card.
    static func kindProblems(_ card: Card) -> [KindProblem] {
        switch card.kind {
        case .cloze:
            var problems: [KindProblem] = []
            if !card.prompt.isBlank && !hasBlank(card.prompt) {
                problems.append((.error, "prompt", "a cloze prompt needs a blank such as '[…]', '[date]' or '____'"))
            }
            if givesAnswerAway(card) {
                problems.append((.warning, "prompt", "the prompt contains the answer"))
            }
            return problems
        case .question:
            return givesAnswerAway(card) ? [(.warning, "prompt", "the prompt contains the answer")] : []
        case .choice:
            return choiceProblems(card)
        case .truefalse:
            let answer = card.answer.trimmed
            return answer == "true" || answer == "false"
                ? [] : [(.error, "answer", "a truefalse answer must be \"true\" or \"false\", not '\(card.answer)'")]
        case .order:
            return orderProblems(card)
        }
    }

    static func choiceProblems(_ card: Card) -> [KindProblem] {
        var problems: [KindProblem] = []
        var seen: Set<String> = []
        for (i, choice) in card.choices.enumerated() {
            if choice.isBlank {
                problems.append((.error, "choices[\(i)]", "empty choice"))
            } else if !seen.insert(choice.trimmed.lowercased()).inserted {
                problems.append((.error, "choices[\(i)]", "'\(choice)' is listed twice"))
            }
        }
        if seen.count < 2 {
            problems.append((.error, "choices", "a choice card needs at least 2 distinct choices (4 is usual)"))
        }
        if !card.answer.isBlank && !card.choices.contains(where: { $0.trimmed == card.answer.trimmed }) {
            problems.append((.error, "answer", "'\(card.answer)' is not one of the choices"))
        }
        return problems
    }

    static func orderProblems(_ card: Card) -> [KindProblem] {
        var problems: [KindProblem] = []
        for (i, choice) in card.choices.enumerated() where choice.isBlank {
            problems.append((.error, "choices[\(i)]", "empty event"))
        }
        if card.choices.count < 3 {
            problems.append((.error, "choices", "an order card needs at least 3 events"))
            return problems
        }
        if card.choices.count > 26 {
            problems.append((.error, "choices", "an order card has at most 26 events (letters a-z)"))
            return problems
        }
        let letters = orderLetters(card.answer)
        let expected = (0..<card.choices.count).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        if letters == nil || letters?.sorted() != expected {
            let last = expected.last.map(String.init) ?? "a"
            problems.append(
                (
                    .error, "answer",
                    "'\(card.answer)' is not an order of the letters a-\(last), each once (e.g. \"c, a, b\")"
                ))
        }
        return problems
    }

    /// "c, a, b" → [c, a, b]; nil when a token is not a single letter.
    static func orderLetters(_ answer: String) -> [Character]? {
        let tokens = answer.lowercased().split { $0 == "," || $0 == " " || $0 == ";" }
        guard !tokens.isEmpty else { return nil }
        var letters: [Character] = []
        for token in tokens {
            guard token.count == 1, let letter = token.first, letter.isASCII, letter.isLetter else { return nil }
            letters.append(letter)
        }
        return letters
    }

    /// A date, year or number answer that answer checking cannot read is compared as text,
    /// so "8 Aug 1945" would not match it: worth a warning.
    static func unreadableAnswer(_ card: Card) -> String? {
        guard card.kind == .cloze || card.kind == .question, !card.answer.isBlank else { return nil }
        let normalized = AnswerText.normalize(card.answer)
        switch card.answerType {
        case .date, .year:
            if DateReader.readings(normalized).count == 1 { return nil }
            return "'\(card.answer)' is not a date answer checking can read; typed answers are compared as text"
        case .number:
            if !NumberReader.numbers(inNormalized: normalized).isEmpty { return nil }
            return "'\(card.answer)' holds no number; typed answers are compared as text"
        case .person, .place, .name, .text:
            return nil
        }
    }

    /// A blank is "[…]", "[...]", three or more underscores, or a bracketed label saying what
    /// is missing ("[date]", "[month and year]", "[السنة]"): square brackets around 1-40
    /// characters without brackets or digits.
    static func hasBlank(_ prompt: String) -> Bool {
        if prompt.contains("___") { return true }
        var label: [Character]? = nil
        for character in prompt {
            if character == "[" {
                label = []
            } else if character == "]" {
                if let found = label, (1...40).contains(found.count) { return true }
                label = nil
            } else if character.isNumber {
                label = nil
            } else {
                label?.append(character)
            }
        }
        return false
    }

    /// A prompt that shows its own answer teaches nothing; short answers ("8") may appear by chance.
    static func givesAnswerAway(_ card: Card) -> Bool {
        let answer = card.answer.trimmed
        return answer.count >= 4 && card.prompt.range(of: answer, options: .caseInsensitive) != nil
    }

    static func provenanceProblems(_ evidence: Provenance, sourceFiles: Set<String>) -> [(String, String)] {
        var problems: [(String, String)] = []
        if evidence.source.isBlank {
            problems.append(("source", "empty source"))
        } else if !sourceFiles.contains(evidence.source) {
            problems.append(("source", "'\(evidence.source)' is not listed in the deck's sources"))
        }
        if evidence.line < 1 { problems.append(("line", "line \(evidence.line) (lines start at 1)")) }
        if evidence.start < 0 { problems.append(("start", "start \(evidence.start) is negative")) }
        if evidence.end <= evidence.start {
            problems.append(("end", "end \(evidence.end) is not after start \(evidence.start)"))
        }
        if evidence.quote.isBlank { problems.append(("quote", "empty quote")) }
        return problems
    }
}

fileprivate extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
    var isLowercaseHexDigest: Bool {
        utf8.count == 64 && utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
