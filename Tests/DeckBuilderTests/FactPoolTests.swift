import Foundation
import MnemoCore
import Testing

@testable import DeckBuilder

/// The fact pool's byte shortcuts, the candidate's copy-on-write box, and the normalizer's shared look-up.
@Suite struct FactPoolTests {
    @Test(arguments: [
        "v:declare", "e:yalta", "v:", "e:", "v", "e", "", "va:x", "ev:x", "V:declare", "v;x", "vé:x", "é:x",
        "يوم", "v:إعلان", ":v", "e::",
    ])
    func tagTestMatchesHasPrefix(_ word: String) {
        #expect(MatchView.tagged(word, 0x76) == word.hasPrefix("v:"))
        #expect(MatchView.tagged(word, 0x65) == word.hasPrefix("e:"))
    }

    @Test(arguments: [
        ["soviet", "v:declare", "e:yalta", "v:end", "japan"], [], ["v:", "e:", "ve:x", "ev:x"], ["e:a", "e:b"],
        ["v:take"],
    ])
    func verbsAndEventsAreTheTaggedWords(_ words: Set<String>) {
        let table = MatchWordTable.shared
        let view = MatchView(
            language: "en", value: Self.candidate().value, normalized: "1", matchWords: table.sortedIDs(words))
        let verbs = table.words(view.verbs)
        let events = table.words(view.events)
        #expect(Set(verbs) == words.filter { $0.hasPrefix("v:") } && verbs.count == Set(verbs).count)
        #expect(Set(events) == words.filter { $0.hasPrefix("e:") } && events.count == Set(events).count)
        #expect(Set(table.words(view.matchWords)) == words && view.matchWords == view.matchWords.sorted())
    }

    @Test(
        arguments: [
            ([], []), (["v:a"], []), (["v:a"], ["v:a"]), (["v:a", "v:b"], ["v:c", "v:b"]), (["v:a", "v:b"], ["v:c"]),
        ] as [([String], [String])])
    func shareOneIsNotDisjoint(_ a: [String], _ b: [String]) {
        #expect(FactPool.shareOne(a, b) == !Set(a).isDisjoint(with: b))
        #expect(FactPool.shareOne(b, a) == !Set(a).isDisjoint(with: b))
    }

    static func candidate() -> FactCandidate {
        FactCandidate(
            value: .figure(
                NumberValue(
                    value: 600_000, surface: "600,000", isPercent: false, counted: "prisoners", head: "prisoner",
                    qualifier: "", spelled: false)),
            answerType: .number, normalized: "600000", answer: "600,000", surfaceAnswer: "600,000", accepted: [],
            language: "en", levantine: false, clausePrefix: "The Soviets took ", clauseSuffix: " prisoners.",
            blankLabel: "[number]", question: nil, event: nil, keywords: ["soviet", "take"],
            matchWords: ["soviet", "v:take"],
            evidence: Provenance(source: "a.txt", line: 1, start: 0, end: 10, quote: "q"),
            tags: ["figure"], score: 2)
    }

    /// The template candidate with another figure, read from `source` at `line`.
    static func candidate(_ n: Int, _ source: String, line: Int) -> FactCandidate {
        var c = candidate()
        c.value = .figure(
            NumberValue(
                value: Double(n), surface: "\(n)", isPercent: false, counted: "prisoners", head: "prisoner",
                qualifier: "", spelled: false))
        c.normalized = "\(n)"
        c.evidence = Provenance(source: source, line: line, start: 0, end: 10, quote: "q")
        return c
    }

    /// Facts of one sentence never join each other's group, however alike they ask; the same fact
    /// from another sentence of the source, or from another source, does (as another reading).
    @Test func aFactNeverJoinsAGroupReadFromItsOwnSentence() {
        var pool = FactPool()
        pool.add(Self.candidate(600_000, "a.txt", line: 1))
        pool.add(Self.candidate(500_000, "a.txt", line: 1))
        #expect(pool.groups.map(\.readings.count) == [1, 1])
        pool.add(Self.candidate(400_000, "a.txt", line: 2))
        pool.add(Self.candidate(300_000, "b.txt", line: 1))
        #expect(pool.groups.map(\.readings.count) == [3, 1])
        // The first source's name again, after another source: still the same sentence as before.
        pool.add(Self.candidate(200_000, "a.txt", line: 1))
        #expect(pool.groups.map(\.readings.count) == [3, 1, 1])
        pool.add(Self.candidate(100_000, "c.txt", line: 1))
        #expect(pool.groups.map(\.readings.count) == [4, 1, 1])
    }

    @Test func aCopyWrittenToLeavesTheOriginalAlone() {
        let original = Self.candidate()
        var copy = original
        copy.score = 5
        copy.matchWords.insert("japan")
        copy.quotable = false
        copy.context = original.evidence
        #expect(original.score == 2)
        #expect(original.matchWords == ["soviet", "v:take"])
        #expect(original.quotable)
        #expect(original.context == nil)
        #expect(copy.score == 5 && copy.matchWords.count == 3 && !copy.quotable && copy.context != nil)
        #expect(copy.cloze == "The Soviets took [number] prisoners.")
    }

    /// English words of the five sources (when the shared folder is there) and some made to trip it.
    static let englishTexts: [String] = {
        var texts = [
            "On August 9, 1945, the Soviet Union declared war and Declared it again; it came to an end.",
            "The troops marched, fought, were defeated and surrendered; Marshal Vasilevsky led them.",
            "He died, they died, It ended, it's over, B-29 bombers bombed Hiroshima, and 600,000 were taken.",
        ]
        if let dir = Fixtures.sharedSources, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for name in names.sorted() where name.hasSuffix(".txt") {
                if let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) {
                    texts.append(text)
                }
            }
        }
        return texts
    }()

    @Test func oneLookUpGivesTheWordAndTheVerbKeyOfTwo() {
        var both = WordNormalizer()
        var words = WordNormalizer()
        var checked = 0
        for text in Self.englishTexts {
            // Twice: the second time every answer comes from the cache.
            for _ in 0..<2 {
                for tok in Tokenizer.tokens(text) {
                    let pair = both.englishWordAndVerb(tok)
                    #expect(pair.word == words.word(tok, language: "en"), "\(tok.text)")
                    #expect(pair.verb == CardDrafter.verbKeys([tok][...]).first, "\(tok.text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    static func figure(_ n: Double, _ head: String, percent: Bool = false) -> FactCandidate.Value {
        .figure(
            NumberValue(
                value: n, surface: "\(n)", isPercent: percent, counted: head, head: head, qualifier: "",
                spelled: false))
    }

    static func day(_ d: Int) -> FactCandidate.Value {
        .date(DateValue(granularity: .day, year: 1945, month: 8, day: d))
    }

    static let decade = FactCandidate.Value.date(DateValue(granularity: .decade, year: 1940))

    static func name(_ value: String, _ head: String) -> FactCandidate.Value {
        .name(NameValue(value: value, kind: "person", head: head))
    }

    /// The template asking with four words, with `value` in `language`, read from `source`.
    static func asking(_ value: FactCandidate.Value, _ language: String, _ source: String) -> FactCandidate {
        var c = candidate()
        c.value = value
        c.normalized = "\(value)"
        c.language = language
        c.matchWords = ["soviet", "v:take", "japan", "war"]
        c.evidence = Provenance(source: source, line: 1, start: 0, end: 10, quote: "q")
        return c
    }

    /// Two facts asking alike are one group only when they are of one language and kind; for dates,
    /// neither too coarse to match; for figures, both or neither percentages, counting things of one
    /// class; for names, the same name. Matching looks only among the groups of the candidate's part
    /// (`PartKey`), so the part alone must keep the others apart.
    @Test(
        arguments: [
            (figure(600_000, "prisoner"), "en", figure(500_000, "prisoner"), "en", true),
            (figure(600_000, "prisoner"), "en", figure(600_000, "prisoner"), "en", true),
            (figure(600_000, "prisoner"), "en", figure(500_000, "tank"), "en", false),
            (figure(600_000, "troop"), "en", figure(500_000, "soldier"), "en", true),
            (figure(19, "troop", percent: true), "en", figure(19, "troop"), "en", false),
            (figure(19, "troop", percent: true), "en", figure(20, "troop", percent: true), "en", true),
            (figure(600_000, "prisoner"), "en", figure(600_000, "prisoner"), "ar", false),
            (day(9), "en", day(8), "en", true),
            (day(9), "en", day(9), "ar", false),
            (decade, "en", decade, "en", false),
            (day(9), "en", decade, "en", false),
            (name("Zhukov", "marshal"), "en", name("Zhukov", "marshal"), "en", true),
            (name("Zhukov", "marshal"), "en", name("Konev", "marshal"), "en", false),
            (name("Zhukov", "marshal"), "en", name("Zhukov", "general"), "en", false),
            (figure(9, "day"), "en", day(9), "en", false),
        ] as [(FactCandidate.Value, String, FactCandidate.Value, String, Bool)])
    func factsMergeOnlyWithinTheirPart(
        _ a: FactCandidate.Value, _ la: String, _ b: FactCandidate.Value, _ lb: String, _ merged: Bool
    ) {
        var pool = FactPool()
        pool.add(Self.asking(a, la, "a.txt"))
        pool.add(Self.asking(b, lb, "b.txt"))
        #expect(pool.groups.count == (merged ? 1 : 2))
    }

    /// A group's sources, counted without a set, are as many as its set of sources.
    @Test func sourceCountIsTheNumberOfSources() {
        var pool = FactPool()
        for (n, source) in [(1, "a.txt"), (2, "b.txt"), (1, "c.txt"), (3, "a.txt"), (1, "b.txt"), (4, "d.txt")] {
            var c = Self.asking(Self.figure(Double(n), "prisoner"), "en", source)
            c.evidence.line = n
            pool.add(c)
        }
        #expect(pool.groups.count == 1)
        for g in pool.groups { #expect(g.sourceCount == g.sources.count && g.sourceCount == 4) }
    }
}

/// Matching tells whether two facts tell the same happening from their verbs and events as word
/// numbers; it must decide as `FactPool.sameHappening` does on their words.
@Suite struct FactPoolHappeningTests {
    static let verbsAndEvents: [([String], [String], Bool)] = [
        (["v:take"], ["v:take"], true),
        (["v:take"], ["v:lose"], false),
        (["v:take", "v:hold"], ["v:lose", "v:hold"], true),
        ([], ["v:lose"], true),
        (["v:take"], [], true),
        (["v:take", "e:yalta"], ["v:lose", "e:yalta"], true),
        (["v:take", "e:yalta"], ["v:lose", "e:potsdam"], false),
        (["e:yalta"], ["v:lose"], true),
        (["v:a", "v:b", "v:c", "v:d", "v:e"], ["v:e"], true),
        (["v:a", "v:b", "v:c", "v:d", "v:e"], ["v:f"], false),
        (["v:f"], ["v:a", "v:b", "v:c", "v:d", "v:e"], false),
        (["v:e"], ["v:a", "v:b", "v:c", "v:d", "v:e"], true),
        (["e:a", "e:b", "e:c", "e:d", "e:e", "v:x"], ["e:e", "v:y"], true),
        (["e:a", "e:b", "e:c", "e:d", "v:x"], ["e:f", "v:y"], false),
    ]

    @Test(arguments: verbsAndEvents)
    func aPoolMergesAsSameHappeningSays(_ first: [String], _ second: [String], _ same: Bool) {
        let words: Set<String> = ["soviet", "japan", "war", "manchuria"]
        var a = FactPoolTests.asking(FactPoolTests.figure(600_000, "prisoner"), "en", "a.txt")
        a.matchWords = words.union(first)
        var b = FactPoolTests.asking(FactPoolTests.figure(500_000, "prisoner"), "en", "b.txt")
        b.matchWords = words.union(second)
        #expect(FactPool.sameHappening(MatchView(a), MatchView(b)) == same)
        var pool = FactPool()
        pool.add(a)
        pool.add(b)
        #expect(pool.groups.count == (same ? 1 : 2))
    }

    /// The same after the group's first reading was replaced by a better draft with other verbs
    /// (words the group is not listed under), and after a prune renumbered every word.
    @Test(arguments: verbsAndEvents)
    func theNumbersFollowAReplacedDraftAndAPrune(_ first: [String], _ second: [String], _ same: Bool) {
        let words: Set<String> = ["soviet", "japan", "war", "manchuria"]
        var pool = FactPool(capacity: 4)
        var weak = FactPoolTests.asking(FactPoolTests.figure(600_000, "prisoner"), "en", "a.txt")
        weak.matchWords = words
        weak.quotable = false
        pool.add(weak)
        var a = FactPoolTests.asking(FactPoolTests.figure(600_000, "prisoner"), "en", "c.txt")
        a.matchWords = words.union(first)
        pool.add(a)
        #expect(pool.groups.count == 1 && pool.groups[0].primary.matchWords == a.matchWords)
        // Four groups of another part, scored lower: the fourth makes five, and the prune keeps
        // two (the prisoners' group and the first of these).
        for n in 1...4 {
            var filler = FactPoolTests.asking(FactPoolTests.figure(Double(n), "tank"), "en", "f\(n).txt")
            filler.matchWords = ["filler\(n)", "v:other\(n)", "e:other\(n)"]
            filler.score = 0
            pool.add(filler)
        }
        #expect(pool.groups.count == 2)
        var b = FactPoolTests.asking(FactPoolTests.figure(500_000, "prisoner"), "en", "b.txt")
        b.matchWords = words.union(second)
        pool.add(b)
        #expect(pool.groups.count == (same ? 2 : 3))
    }
}
