import Foundation
import MnemoCore

/// Builds a deck from source files: read, clean, split, extract, draft, merge across sources,
/// rank and write cards. Sources are processed one at a time; only the drafted facts are kept.
public struct DeckBuilder: Sendable {
    public struct Options: Sendable {
        public var title: String
        public var deckID: String
        public var maxCards: Int?
        /// Whether the report keeps every dropped line (for `--report` and `--verbose`). Off, the
        /// per-source lists stay empty, so memory does not grow with the corpus's noise.
        public var keepDroppedLines: Bool

        public init(title: String, deckID: String? = nil, maxCards: Int? = nil, keepDroppedLines: Bool = true) {
            self.title = title
            self.deckID = deckID ?? Self.slug(title)
            self.maxCards = maxCards
            self.keepDroppedLines = keepDroppedLines
        }

        public static func slug(_ s: String) -> String {
            var out = ""
            for c in s.lowercased() {
                if c.isLetter || c.isNumber { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
            }
            let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            return trimmed.isEmpty ? "deck" : trimmed
        }
    }

    public struct Result: Sendable {
        public var deck: Deck
        public var report: BuildReport
    }

    public var options: Options

    public init(options: Options) { self.options = options }

    /// Builds from files and folders. `progress` is told (done, total) after each source.
    public func build(paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result {
        let (files, problems) = SourceCollector.collect(paths)
        return build(files: files, problems: problems, progress: progress)
    }

    public func build(
        files: [SourceFile], problems initial: [SourceProblem] = [], progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Result {
        var report = BuildReport()
        report.problems = initial
        var pool = FactPool()
        var normalizer = WordNormalizer()
        var sources: [SourceInfo] = []
        for (n, file) in files.enumerated() {
            defer { progress?(n + 1, files.count) }
            let text: SourceText
            do { text = try SourceReader.read(file) } catch {
                report.problems.append(error)
                continue
            }
            // Each fact goes to the pool as it is found; one the pool cannot use is not drafted.
            let analysis = DocumentAnalyzer.analyze(text, into: &pool, normalizer: &normalizer)
            normalizer.forgetIfLarge()
            sources.append(
                SourceInfo(
                    file: file.name, title: Self.title(of: text, dropped: analysis.dropped), sha256: text.sha256,
                    language: analysis.language))
            report.sources.append(
                .init(
                    source: file.name, language: analysis.language, sentences: analysis.sentences,
                    dropped: options.keepDroppedLines ? analysis.dropped : [],
                    datesFound: analysis.datesFound, figuresFound: analysis.figuresFound,
                    namesFound: analysis.namesFound, factsDrafted: analysis.factsDrafted,
                    factsPassedOver: analysis.factsPassedOver))
        }
        var groups = pool.groups
        for i in groups.indices { groups[i].settle() }
        report.facts = groups.map { g in
            BuildReport.FactSummary(
                source: g.primary.evidence.source, line: g.primary.evidence.line, score: g.score,
                quotable: g.primary.quotable, text: g.primary.cloze, answer: g.primary.answer,
                readings: g.readings.count)
        }
        let assembler = DeckAssembler(maxCards: options.maxCards)
        let cards = assembler.cards(from: groups)
        for card in cards {
            report.cardsByKind[card.kind.rawValue, default: 0] += 1
            for source in Set(card.evidence.map(\.source)) {
                if let i = report.sources.firstIndex(where: { $0.source == source }) {
                    report.sources[i].cardsByKind[card.kind.rawValue, default: 0] += 1
                }
            }
        }
        report.conflicts = Self.conflicts(in: cards)
        let usedSources = Set(
            cards.flatMap { $0.evidence.map(\.source) }
                + cards.flatMap { $0.conflict?.readings.map(\.evidence.source) ?? [] })
        let languages = Set(cards.map(\.language)).sorted()
        let deck = Deck(
            id: options.deckID, title: options.title, languages: languages,
            sources: sources.filter { usedSources.contains($0.file) || true }.sorted { $0.file < $1.file }, cards: cards
        )
        return Result(deck: deck, report: report)
    }

    static func conflicts(in cards: [Card]) -> [BuildReport.ConflictSummary] {
        var out: [BuildReport.ConflictSummary] = []
        var seen = Set<String>()
        let withConflict = cards.filter { $0.conflict != nil }.sorted { a, b in
            a.kind == b.kind ? a.id < b.id : DeckAssembler.kindRank(a.kind) < DeckAssembler.kindRank(b.kind)
        }
        for card in withConflict {
            guard let conflict = card.conflict, seen.insert(card.fact ?? card.id.rawValue).inserted else { continue }
            var firstPlaces: [String] = []
            for e in card.evidence where !firstPlaces.contains("\(e.source):\(e.line)") {
                firstPlaces.append("\(e.source):\(e.line)")
            }
            var readings: [(String, [String])] = [(card.answer, firstPlaces)]
            var others: [String: [String]] = [:]
            var order: [String] = []
            for r in conflict.readings {
                if others[r.value] == nil { order.append(r.value) }
                others[r.value, default: []].append("\(r.evidence.source):\(r.evidence.line)")
            }
            for v in order { readings.append((v, others[v] ?? [])) }
            out.append(.init(prompt: card.prompt, readings: readings))
        }
        return out
    }

    /// The source's title: its first kept line's first sentence, or its file name.
    static func title(of text: SourceText, dropped: [DocumentAnalysis.Dropped]) -> String {
        let droppedLines = Set(dropped.filter { $0.reason != .heading }.map(\.line))
        for (i, line) in text.lines.enumerated() where !droppedLines.contains(i + 1) && !LineCleaner.isBlank(line) {
            let first = SentenceSplitter.ranges(in: line).first.map { String(line[$0]) } ?? line
            return first.count > 100 ? String(first.prefix(99)) + "…" : first
        }
        return text.file.name
    }
}
