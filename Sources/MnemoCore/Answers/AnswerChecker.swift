/// Grades a typed answer against a card: forgiving of how people type, strict about facts.
///
/// - Case, spacing, punctuation, a leading "the", Latin and Arabic diacritics and letter variants
///   are ignored (`AnswerText`); Arabic-Indic digits read as digits.
/// - Numbers compare by value in any spelling (`NumberReader`); words around the number and
///   qualifiers ("more than") are ignored; a different number is wrong, never a typo.
/// - Dates compare by their parts in any order and spelling (`DateReader`); a year question takes
///   the year alone; a missing part or a different part is wrong.
/// - Names and words forgive about one edit per five letters (Damerau–Levenshtein), as `.almost`
///   with the correct spelling, unless the typed text is another answer of the same type in the
///   deck or another option of the card; digits must always be exactly right.
/// - A person's surname (or any shorter form ending with it) is right when no other person in
///   the deck has it.
/// - The card's `accepted` alternatives count as right.
///
/// Pure: no clock, no printing; build one per deck and reuse it.
public struct AnswerChecker: Sendable {
    /// What the checker knows about the whole deck, built on the first check that needs it, so
    /// creating a checker for a large deck costs nothing before the first answer.
    private let index: DeckAnswerIndex

    public init(deck: Deck) { self.init(cards: deck.cards) }

    public init(cards: [Card]) { index = DeckAnswerIndex(cards: cards) }

    private var personsBySurname: [String: [[String]]] { index.built.personsBySurname }
    private var keysByType: [AnswerType: Set<String>] { index.built.keysByType }

    /// Checks `typed` against `card`. `shownChoices` are a choice or order card's options in the
    /// order they were shown (labelled a, b, c …); by default the card's own order.
    public func check(_ typed: String, against card: Card, shownChoices: [String]? = nil) -> AnswerResult {
        let wrong = AnswerResult(verdict: .wrong, expected: card.answer)
        if AnswerText.words(AnswerText.normalize(typed)).isEmpty { return wrong }
        switch card.kind {
        case .truefalse:
            return ChoiceAnswers.checkTrueFalse(typed, card: card)
        case .order:
            return ChoiceAnswers.checkOrder(typed, card: card, shown: shownChoices ?? card.choices)
        case .choice:
            if let result = ChoiceAnswers.checkChoiceLabel(typed, card: card, shown: shownChoices ?? card.choices) {
                return result
            }
            let typedKey = AnswerText.key(typed)
            let answerKey = AnswerText.key(card.answer)
            if typedKey != answerKey, card.choices.contains(where: { AnswerText.key($0) == typedKey }) {
                return wrong
            }
            return checkForms(typed, card: card, rivals: Set(card.choices.map(AnswerText.key)))
        case .cloze, .question:
            return checkForms(typed, card: card, rivals: [])
        }
    }

    // MARK: Forms

    /// The best outcome over the answer and its accepted alternatives (right > almost > wrong).
    private func checkForms(_ typed: String, card: Card, rivals: Set<String>) -> AnswerResult {
        let forms = [card.answer] + card.accepted.filter { !AnswerText.words(AnswerText.normalize($0)).isEmpty }
        let ownKeys = Set(forms.map(AnswerText.key))
        let others = OtherAnswers(deckKeys: keysByType[card.answerType] ?? [], choiceKeys: rivals, ownKeys: ownKeys)
        var best: Outcome?
        let prepared = PreparedText(typed)
        for form in forms {
            let outcome = compare(prepared, with: PreparedText(form), type: card.answerType, others: others)
            if outcome.verdict == .right {
                return AnswerResult(verdict: .right, expected: card.answer, matched: form, note: outcome.note)
            }
            if best.map({ outcome.rank > $0.rank }) ?? true {
                best = outcome
                best?.form = form
            }
        }
        guard let best else { return AnswerResult(verdict: .wrong, expected: card.answer) }
        return AnswerResult(
            verdict: best.verdict, expected: card.answer, matched: best.verdict == .wrong ? nil : best.form,
            note: best.note)
    }

    struct Outcome {
        var verdict: Verdict
        var note: String?
        var form: String = ""

        /// Which outcome to report when no form is right: almost, then a wrong one with a note.
        var rank: Int { verdict == .almost ? 2 : note == nil ? 0 : 1 }
    }

    /// One typed answer against one accepted form, by what kind of value the form is.
    func compare(_ typed: String, with form: String, type: AnswerType, others: OtherAnswers) -> Outcome {
        compare(PreparedText(typed), with: PreparedText(form), type: type, others: others)
    }

    /// Keys of answers that are not this card's: the same type's answers in the deck and the
    /// card's other options. Typing one of them exactly is never a typo of this card's answer.
    struct OtherAnswers {
        var deckKeys: Set<String>
        var choiceKeys: Set<String>
        var ownKeys: Set<String>

        func contains(_ key: String) -> Bool {
            !ownKeys.contains(key) && (deckKeys.contains(key) || choiceKeys.contains(key))
        }
    }

    func compare(_ typed: PreparedText, with form: PreparedText, type: AnswerType, others: OtherAnswers) -> Outcome {
        if type == .date || type == .year || type == .text || type == .number {
            let expected = DateReader.readings(form.normalized)
            let isDateType = type == .date || type == .year
            if expected.count == 1, isDateType || (expected[0].month != nil && DateReader.isPlainDate(form.normalized))
            {
                return compareDates(typed, expected: expected[0], yearOnly: type == .year, form: form.text)
            }
        }
        if type == .number || (type == .text && NumberReader.leadsWithNumber(form.normalized)) {
            let expected = NumberReader.numbers(inNormalized: form.normalized)
            if !expected.isEmpty {
                return Outcome(
                    verdict: NumberReader.numbers(inNormalized: typed.normalized) == expected ? .right : .wrong)
            }
        }
        return compareText(typed, with: form, type: type, others: others)
    }

    private func compareDates(_ typed: PreparedText, expected: DateValue, yearOnly: Bool, form: String) -> Outcome {
        let readings = DateReader.readings(typed.normalized)
        if readings.isEmpty { return Outcome(verdict: .wrong) }
        let key = yearOnly ? DateValue(year: expected.year) : expected
        let satisfied = readings.filter { key.isSatisfied(by: $0) }
        if satisfied.count == readings.count { return Outcome(verdict: .right) }
        if readings.count > 1, !satisfied.isEmpty {
            return Outcome(verdict: .wrong, note: "ambiguous date: write the month as a word (the answer is \(form))")
        }
        if readings.count == 1, key.agrees(with: readings[0]) {
            return Outcome(verdict: .wrong, note: "incomplete: the answer is \(form)")
        }
        return Outcome(verdict: .wrong)
    }

    private func compareText(_ typed: PreparedText, with form: PreparedText, type: AnswerType, others: OtherAnswers)
        -> Outcome
    {
        if typed.key == form.key { return Outcome(verdict: .right) }
        if type == .person {
            let typedName = typed.words.filter { !AnswerText.titles.contains($0) }
            let formName = form.words.filter { !AnswerText.titles.contains($0) }
            if !typedName.isEmpty, typedName == formName { return Outcome(verdict: .right) }
            if let outcome = comparePartialName(typedName, formName, form: form.text) { return outcome }
            // A fuller name than the card gives ("Joseph Stalin" for "Stalin") names the same
            // person, unless it is the name of another person in the deck.
            if typedName.count > formName.count, !others.contains(typed.key),
                shorterForm(formName, of: typedName, allowTypos: false) != nil
            {
                return Outcome(verdict: .right)
            }
        }
        if !others.contains(typed.key), isTypo(typed.key, of: form.key) {
            return Outcome(verdict: .almost, note: "almost right: the correct spelling is \(form.text)")
        }
        return Outcome(verdict: .wrong)
    }

    /// Within the edit budget of the expected key (counted on its letters), with exactly the same
    /// digits in the same order: a typo never changes a number ("Apolo 11" is almost, "Apollo 12" wrong).
    private func isTypo(_ typed: String, of expected: String) -> Bool {
        let isDigit = { (c: Unicode.Scalar) in ("0"..."9").contains(c) }
        if typed.unicodeScalars.filter(isDigit) != expected.unicodeScalars.filter(isDigit) { return false }
        let budget = EditDistance.budget(letters: expected.unicodeScalars.count { !isDigit($0) })
        guard budget > 0, let distance = EditDistance.distance(typed, expected, limit: budget) else { return false }
        return distance > 0
    }

    // MARK: People

    /// "Truman" or "Harry Truman" for "Harry S. Truman": right when no other person in the deck
    /// has that name; nil when the typed words are not a shorter form of the name.
    private func comparePartialName(_ typed: [String], _ full: [String], form: String) -> Outcome? {
        guard !typed.isEmpty, typed.count < full.count,
            let fuzzy = shorterForm(typed, of: full, allowTypos: true)
        else { return nil }
        // Another person shares the name when their surname is this one's (a typed typo of the
        // surname is matched against this card's spelling).
        let sameSurname = personsBySurname[full.last ?? ""] ?? []
        let others = sameSurname.filter { person in
            person != full && shorterForm(person, of: full, allowTypos: false) == nil
                && shorterForm(full, of: person, allowTypos: false) == nil
                && shorterForm(typed, of: person, allowTypos: true) != nil
        }
        if !others.isEmpty {
            return Outcome(
                verdict: .wrong, note: "more than one person in this deck has that name: the answer is \(form)")
        }
        if fuzzy { return Outcome(verdict: .almost, note: "almost right: the correct spelling is \(form)") }
        return Outcome(verdict: .right, note: "full name: \(form)")
    }

    /// Whether `short` is `long` with words left out, keeping its last word (the surname).
    /// Nil when it is not; else whether a word matched only within its typo budget.
    private func shorterForm(_ short: [String], of long: [String], allowTypos: Bool) -> Bool? {
        var j = 0
        var fuzzy = false
        var lastMatched = -1
        for word in short {
            var found = false
            while j < long.count {
                let candidate = long[j]
                j += 1
                if word == candidate {
                    found = true
                } else if allowTypos, isTypo(word, of: candidate) {
                    found = true
                    fuzzy = true
                }
                if found {
                    lastMatched = j - 1
                    break
                }
            }
            if !found { return nil }
        }
        return lastMatched == long.count - 1 ? fuzzy : nil
    }
}
