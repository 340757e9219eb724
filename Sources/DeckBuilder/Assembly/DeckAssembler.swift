import MnemoCore

/// Turns fact groups into cards: ranks them, drafts each kind, adds chronology cards,
/// removes cards that give another's answer away, and caps the deck.
struct DeckAssembler {
    var maxCards: Int?
    /// Facts scoring below this are not worth a card.
    var minimumScore = 2.6

    func cards(from groups: [FactGroup]) -> [Card] {
        let distractors = Distractors(groups: groups)
        let ranked = rank(groups, limit: maxCards ?? Int.max)
        var cards: [Card] = []
        var kept: [FactGroup] = []
        let cap = maxCards ?? Int.max
        let orderBudget = maxCards.map { max(0, $0 / 12) } ?? Int.max
        for g in ranked {
            let drafted = self.cards(for: g, distractors: distractors)
            if cards.count + drafted.count > cap - min(orderBudget, 6) && !cards.isEmpty { continue }
            cards += drafted
            kept.append(g)
        }
        var orders = ChronologyCards.make(from: kept, limit: min(orderBudget, 6))
        if cards.count + orders.count > cap { orders = Array(orders.prefix(max(0, cap - cards.count))) }
        cards += orders
        var seen = Set<CardID>()
        cards = cards.filter { seen.insert($0.id).inserted }
        return cards.sorted(by: Self.deckOrder)
    }

    /// Best first; weak facts dropped; at most two facts per sentence; no fact whose answer
    /// another kept card's prompt (from the same source) gives away. Stops once `limit` facts are kept.
    func rank(_ groups: [FactGroup], limit: Int = Int.max) -> [FactGroup] {
        // Score and key once per group: both are computed properties, too dear for a sort's comparator.
        let sorted = groups.compactMap { g -> (score: Double, key: String, group: FactGroup)? in
            let score = g.score
            return score >= minimumScore && g.primary.quotable ? (score, g.factKey, g) : nil
        }
        .sorted { a, b in a.score != b.score ? a.score > b.score : a.key < b.key }
        .map(\.group)
        var perSentence: [String: Int] = [:]
        var kept: [FactGroup] = []
        var keptBySource: [String: [KeptPrompt]] = [:]
        var clozes = Set<String>()
        var keptPrompts: [String] = []
        for g in sorted {
            if kept.count >= limit { break }
            let e = g.primary.evidence
            let key = "\(e.source)|\(e.line)|\(e.start)"
            if perSentence[key, default: 0] >= 2 { continue }
            let answer = g.primary.surfaceAnswer
            let neighbours = keptBySource[e.source] ?? []
            if answer.count >= 4, givenAway(g, by: neighbours) { continue }
            // A name shown in any kept prompt gives a name card away, whatever the topic.
            if g.primary.nameValue != nil, keptPrompts.contains(where: { FastSearch.contains($0, answer) }) { continue }
            let cloze = g.primary.cloze
            if !g.primary.blankLabel.isEmpty, clozes.contains(cloze) { continue }
            perSentence[key, default: 0] += 1
            kept.append(g)
            keptBySource[e.source, default: []].append(
                KeptPrompt(cloze: cloze, question: g.primary.question, matchWords: g.primary.matchWordIDs))
            clozes.insert(cloze)
            keptPrompts.append(cloze)
            if let q = g.primary.question { keptPrompts.append(q) }
        }
        // …and one kept later too.
        let keys = kept.map(\.factKey)
        // Each prompt built once (a cloze is put together from its parts at every read).
        let clozeTexts = kept.map(\.primary.cloze)
        let questions = kept.map(\.primary.question)
        return kept.indices.filter { i in
            let g = kept[i]
            guard g.primary.nameValue != nil else { return true }
            let answer = g.primary.surfaceAnswer
            return !kept.indices.contains { j in
                keys[j] != keys[i]
                    && (FastSearch.contains(clozeTexts[j], answer)
                        || (questions[j].map { FastSearch.contains($0, answer) } ?? false))
            }
        }.map { kept[$0] }
    }

    /// A kept card of the same source and topic shows this fact's answer in its prompt.
    private func givenAway(_ g: FactGroup, by kept: [KeptPrompt]) -> Bool {
        let answer = g.primary.surfaceAnswer
        return kept.contains { k in
            let shown =
                FastSearch.contains(k.cloze, answer)
                || (k.question.map { FastSearch.contains($0, answer) } ?? false)
            guard shown else { return false }
            let words = g.primary.matchWordIDs
            let shared = Self.sharedCount(k.matchWords, words)
            return shared * 2 >= min(k.matchWords.count, words.count)
        }
    }

    /// How many numbers two sorted lists of distinct numbers share: what the intersection of their
    /// words' sets counts (a number stands for one word, canonically equivalent spellings alike).
    static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// What `givenAway` reads of a kept fact, its prompts built once; its match words as sorted
    /// `MatchWordTable` numbers.
    private struct KeptPrompt {
        var cloze: String
        var question: String?
        var matchWords: [Int32]
    }

    func cards(for g: FactGroup, distractors: Distractors) -> [Card] {
        let c = g.primary
        let key = g.factKey
        let fact = g.factID
        var evidence = g.readings[0].support
        if let context = c.context, !evidence.contains(context) { evidence.append(context) }
        var tags = Set(c.tags)
        for e in evidence { tags.insert(DocumentAnalyzer.tag(forSource: e.source)) }
        var conflict: Conflict?
        if g.isConflict {
            tags.insert("conflict")
            conflict = Conflict(
                readings: g.readings.dropFirst().flatMap { r in
                    r.support.prefix(3).map {
                        ConflictReading(value: distractors.display(r.candidate, in: c), evidence: $0)
                    }
                })
        }
        let tagList = tags.sorted()
        let ar = c.language == "ar"
        var out: [Card] = []
        if c.context != nil {
            return contextCards(
                g, c: c, key: key, fact: fact, evidence: evidence, tags: tagList, conflict: conflict,
                distractors: distractors)
        }
        let clozeAccepted = Array(Set(c.accepted + [c.answer]).subtracting([c.surfaceAnswer])).sorted()
        out.append(
            Card(
                id: CardID(kind: .cloze, factKey: key), kind: .cloze, prompt: c.cloze, answer: c.surfaceAnswer,
                accepted: clozeAccepted, answerType: c.answerType, language: c.language, evidence: evidence,
                tags: tagList,
                conflict: conflict, fact: fact))
        if let q = c.question {
            let accepted = Array(Set(c.accepted + [c.surfaceAnswer]).subtracting([c.answer])).sorted()
            out.append(
                Card(
                    id: CardID(kind: .question, factKey: key), kind: .question, prompt: q, answer: c.answer,
                    accepted: accepted, answerType: c.answerType, language: c.language, evidence: evidence,
                    tags: tagList,
                    conflict: conflict, fact: fact))
        }
        let wrong = distractors.options(for: g, count: 3)
        let answer = distractors.display(c, in: c)
        if wrong.count == 3 {
            var rng = SeededGenerator(seedString: "choice|" + key)
            var options = wrong + [answer]
            options.shuffle(using: &rng)
            out.append(
                Card(
                    id: CardID(kind: .choice, factKey: key), kind: .choice, prompt: c.cloze, answer: answer,
                    choices: options, answerType: c.answerType, language: c.language, evidence: evidence, tags: tagList,
                    conflict: conflict, fact: fact))
        }
        // True/false only when the sources agree: a disputed fact has no settled truth value.
        if !g.isConflict, let falseValue = wrong.first {
            var rng = SeededGenerator(seedString: "truefalse|" + key)
            let isTrue = rng.next() % 2 == 0
            let statement = c.clause(with: isTrue ? answer : falseValue)
            let lead = ar ? "صواب أم خطأ؟ " : "True or false: "
            out.append(
                Card(
                    id: CardID(kind: .truefalse, factKey: key), kind: .truefalse, prompt: lead + statement,
                    answer: isTrue ? "true" : "false", answerType: .text, language: c.language, evidence: evidence,
                    tags: tagList, conflict: nil, fact: fact))
        }
        return out
    }

    /// A fact dated from its paragraph: a question, and a choice on the same question.
    private func contextCards(
        _ g: FactGroup, c: FactCandidate, key: String, fact: String, evidence: [Provenance], tags: [String],
        conflict: Conflict?, distractors: Distractors
    ) -> [Card] {
        guard let q = c.question else { return [] }
        var out = [
            Card(
                id: CardID(kind: .question, factKey: key), kind: .question, prompt: q, answer: c.answer,
                accepted: c.accepted,
                answerType: c.answerType, language: c.language, evidence: evidence, tags: tags, conflict: conflict,
                fact: fact)
        ]
        let wrong = distractors.options(for: g, count: 3)
        if wrong.count == 3 {
            var rng = SeededGenerator(seedString: "choice|" + key)
            var options = wrong + [c.answer]
            options.shuffle(using: &rng)
            out.append(
                Card(
                    id: CardID(kind: .choice, factKey: key), kind: .choice, prompt: q, answer: c.answer,
                    choices: options,
                    answerType: c.answerType, language: c.language, evidence: evidence, tags: tags, conflict: conflict,
                    fact: fact))
        }
        return out
    }

    static func deckOrder(_ a: Card, _ b: Card) -> Bool {
        let ea = a.evidence.first
        let eb = b.evidence.first
        let ka = (ea?.source ?? "", ea?.line ?? 0, ea?.start ?? 0)
        let kb = (eb?.source ?? "", eb?.line ?? 0, eb?.start ?? 0)
        if ka != kb { return ka < kb }
        if a.fact != b.fact { return (a.fact ?? "") < (b.fact ?? "") }
        return kindRank(a.kind) != kindRank(b.kind) ? kindRank(a.kind) < kindRank(b.kind) : a.id < b.id
    }

    static func kindRank(_ k: CardKind) -> Int {
        switch k {
        case .cloze: 0
        case .question: 1
        case .choice: 2
        case .truefalse: 3
        case .order: 4
        }
    }
}
