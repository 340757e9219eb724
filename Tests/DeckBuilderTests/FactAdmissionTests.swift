import Foundation
import MnemoCore
import Testing

@testable import DeckBuilder

/// Every fact drafted, in order: what the pool would be handed without admissions (a sink that
/// admits every fact).
struct FactList: FactSink {
    var facts: [FactCandidate] = []

    func admit(_ preview: FactPreview, evidence: Provenance) -> Void? { () }
    mutating func add(_ fact: FactCandidate, _ admission: Void) { facts.append(fact) }
}

/// The pool's admission before drafting: a fact it turns down is one it would have dropped, so the
/// pool (and the deck) come out the same as when every fact is drafted and added.
@Suite struct FactAdmissionTests {
    /// Sentences told by document after document with other values: each fact gets four readings,
    /// and from the fifth document on its readings are full.
    static func retold(_ copies: Int) -> [String] {
        (0..<copies).map { k in
            [
                "On March \(k + 3), \(1901 + k), the Soviet Union declared war on Japan after long talks in Moscow.",
                "The Soviet Union sent \(100 + k),000 troops to Manchuria to fight the Kwantung Army in the north.",
                "In \(1930 + 2 * k), Marshal Zhukov defeated the Japanese army near the Khalkhin Gol river.",
                "Stalin met Roosevelt and Churchill at the Yalta Conference in February \(1940 + k) to plan the peace.",
                "About \(20 + k)% of the prisoners of war died in the camps of Siberia before they were sent home.",
            ].joined(separator: " ") + "\n"
        }
    }

    /// The pool built with admissions, the pool built from every drafted fact, and how many facts
    /// the first passed over.
    static func pools(_ paths: [String], capacity: Int) -> (admitted: [String], plain: [String], passedOver: Int) {
        let (files, _) = SourceCollector.collect(paths)
        var admitted = FactPool(capacity: capacity)
        var plain = FactPool(capacity: capacity)
        var passedOver = 0
        for file in files {
            guard let text = try? SourceReader.read(file) else { continue }
            passedOver += DocumentAnalyzer.analyze(text, into: &admitted).factsPassedOver
            var list = FactList()
            let all = DocumentAnalyzer.analyze(text, into: &list)
            #expect(all.factsPassedOver == 0)
            for fact in list.facts {
                // `FactGroup.sameValue` reads a date fact's normalized answer for its value's.
                if case .date(let d) = fact.value { #expect(fact.normalized == d.normalized) }
                plain.add(fact)
            }
        }
        return (summary(admitted), summary(plain), passedOver)
    }

    static func summary(_ pool: FactPool) -> [String] {
        pool.groups.map { g in
            g.readings.map { r in
                let c = r.candidate
                let places = r.support.map { "\($0.source):\($0.line):\($0.start)" }.joined(separator: ",")
                return "\(c.normalized)|\(c.cloze)|\(c.question ?? "-")|\(c.score)|\(c.quotable)|\(places)"
            }.joined(separator: " / ")
        }
    }

    @Test(arguments: [(copies: 3, capacity: 12_000), (copies: 9, capacity: 12_000), (copies: 9, capacity: 12)])
    func admittedPoolIsThePoolOfEveryDraftedFact(copies: Int, capacity: Int) {
        let dir = TempDir()
        for (k, text) in Self.retold(copies).enumerated() { dir.write("doc-\(k).txt", text) }
        let (admitted, plain, passedOver) = Self.pools([dir.url.path], capacity: capacity)
        #expect(admitted == plain)
        #expect(!admitted.isEmpty)
        // Three copies never fill a fact's four readings; nine do, from the fifth copy on.
        #expect((passedOver > 0) == (copies > 4))
    }

    /// A reading whose support is full still takes a better-worded draft: nine documents tell the
    /// same fact, the last one on its first line (a fact read early in its source scores higher).
    @Test func aBetterDraftOfAFullySupportedReadingIsStillDrafted() throws {
        let dir = TempDir()
        let fact = "In 1939, Marshal Zhukov defeated the Japanese army near the Khalkhin Gol river."
        let filler = "The weather was cold and the roads were bad for the long march."
        for k in 0..<9 {
            let lines = k < 8 ? [filler, filler + " Again.", filler + " Still.", fact] : [fact, filler]
            dir.write("doc-\(k).txt", lines.joined(separator: "\n") + "\n")
        }
        let (admitted, plain, _) = Self.pools([dir.url.path], capacity: 12_000)
        #expect(admitted == plain)
        let zhukov = try #require(plain.first { $0.hasPrefix("zhukov|") })
        // Its support stops at eight sources; its draft is the ninth's (2.9, where the others score 2.525).
        #expect(!zhukov.contains("doc-8.txt") && zhukov.hasSuffix("doc-7.txt:4:0"))
        #expect(zhukov.components(separatedBy: "|")[3] == "2.9")
    }

    @Test func theFiveSourcesGiveTheSamePoolWithAdmissions() throws {
        let dir = try #require(Fixtures.sharedSources)
        let (admitted, plain, _) = Self.pools([dir], capacity: 12_000)
        #expect(admitted == plain)
        #expect(admitted.count > 50)
    }

    @Test func theReportCountsFactsPassedOver() throws {
        let dir = TempDir()
        for (k, text) in Self.retold(9).enumerated() { dir.write("doc-\(k).txt", text) }
        let result = Fixtures.build([dir.url.path])
        let first = try #require(result.report.sources.first)
        let last = try #require(result.report.sources.last)
        #expect(first.factsPassedOver == 0 && first.factsDrafted > 0)
        #expect(last.factsPassedOver > 0)
        #expect(result.report.render().contains("passed over (adding nothing to facts already read)"))
        #expect(!result.report.render().components(separatedBy: "\n")[0].contains("passed over"))
        // A fact read nine ways keeps four readings: the deck's answer and three others.
        #expect(result.deck.cards.contains { ($0.conflict?.readings.count ?? 0) == 3 })
    }
}
