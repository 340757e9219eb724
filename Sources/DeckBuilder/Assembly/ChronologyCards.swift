import MnemoCore

/// "Put these events in order": three to five events of the deck with distinct, undisputed dates.
enum ChronologyCards {
    static let letters = ["a", "b", "c", "d", "e"]

    static func make(from groups: [FactGroup], limit: Int) -> [Card] {
        guard limit > 0 else { return [] }
        // One event per date; undisputed, dated to the year at least, English with a parsed event.
        var byDate: [Int: FactGroup] = [:]
        for g in groups where !g.isConflict {
            let c = g.primary
            guard let event = c.event, let d = c.dateValue, let key = d.sortKey, d.year != nil,
                event.split(separator: " ").count <= 16
            else { continue }
            let sortKey = d.granularity == .year ? key * 1 : key
            if let existing = byDate[sortKey], existing.score >= g.score { continue }
            byDate[sortKey] = g
        }
        let events = byDate.keys.sorted().compactMap { byDate[$0] }
        guard events.count >= 3 else { return [] }
        let limit = min(limit, max(1, events.count / 3))
        var cards: [Card] = []
        var rng = SeededGenerator(seedString: "chronology|" + events.map(\.factKey).joined(separator: ";"))
        var used = Set<Int>()
        var attempts = 0
        while cards.count < limit, attempts < 50 {
            attempts += 1
            let size = min(events.count, 4)
            var picks = Array(events.indices).filter { !used.contains($0) }
            if picks.count < size { picks = Array(events.indices) }
            picks.shuffle(using: &rng)
            var chosen = Array(picks.prefix(size)).sorted()
            // Years must differ or the dates be day/month precise, so the order is derivable.
            let values = chosen.compactMap { events[$0].primary.dateValue }
            if Set(values.compactMap(\.sortKey)).count != chosen.count { continue }
            used.formUnion(chosen)
            var shown = chosen
            repeat { shown.shuffle(using: &rng) } while shown == chosen
            let choices = shown.map { events[$0].primary.event ?? "" }
            let answer = chosen.map { idx in letters[shown.firstIndex(of: idx) ?? 0] }.joined(separator: ", ")
            let key = "order|" + chosen.map { events[$0].factKey }.joined(separator: ";")
            let evidence = chosen.map { events[$0].readings[0].support[0] }
            let tags = Set(
                chosen.flatMap { events[$0].primary.tags.filter { $0.hasPrefix("source:") } } + [
                    "chronology", "lang:en",
                ])
            cards.append(
                Card(
                    id: CardID(kind: .order, factKey: key), kind: .order,
                    prompt: "Put these events in chronological order, earliest first.", answer: answer,
                    choices: choices,
                    answerType: .text, language: "en", evidence: evidence, tags: tags.sorted(), fact: nil))
            chosen.removeAll()
        }
        return cards
    }
}
