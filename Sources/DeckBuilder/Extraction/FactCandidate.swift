import MnemoCore

/// One fact read from one sentence, with the card texts drafted while the sentence was at hand
/// (so the document's text can be dropped right after).
///
/// A value type whose fields live in one shared box, copied on write: a candidate is twenty
/// strings, sets and arrays, and the pool and the assembler copy candidates often (into groups,
/// out of arrays, while sorting readings). Stored inline, each copy retained every field; boxed, a
/// copy is one retain, and arrays of candidates move pointers instead of 400-byte structs.
public struct FactCandidate: Sendable {
    public enum Value: Sendable, Hashable {
        case date(DateValue)
        case figure(NumberValue)
        case name(NameValue)
    }

    /// The fields, as one plain struct (its memberwise init and copy are the compiler's).
    private struct Fields {
        var value: Value
        var answerType: AnswerType
        var normalized: String
        var answer: String
        var surfaceAnswer: String
        var accepted: [String]
        var language: String
        var levantine: Bool
        var clausePrefix: String
        var clauseSuffix: String
        var blankLabel: String
        var question: String?
        var event: String?
        var keywords: [String]
        /// The match words as strings when given so; else made from `matchIDs` when read (no step
        /// of a build reads them; tests and callers of the public API may).
        var matchWords: Set<String>?
        var matchIDs: [Int32]?
        var evidence: Provenance
        var tags: [String]
        var score: Double
        var quotable: Bool
        var context: Provenance?
    }

    /// The box; shared between copies until one of them writes (`unique()` copies it first).
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    public init(
        value: Value,
        answerType: AnswerType,
        normalized: String,
        answer: String,
        surfaceAnswer: String,
        accepted: [String],
        language: String,
        levantine: Bool,
        clausePrefix: String,
        clauseSuffix: String,
        blankLabel: String,
        question: String?,
        event: String?,
        keywords: [String],
        matchWords: Set<String>,
        evidence: Provenance,
        tags: [String],
        score: Double,
        quotable: Bool = true,
        context: Provenance? = nil
    ) {
        storage = Storage(
            Fields(
                value: value,
                answerType: answerType,
                normalized: normalized,
                answer: answer,
                surfaceAnswer: surfaceAnswer,
                accepted: accepted,
                language: language,
                levantine: levantine,
                clausePrefix: clausePrefix,
                clauseSuffix: clauseSuffix,
                blankLabel: blankLabel,
                question: question,
                event: event,
                keywords: keywords,
                matchWords: matchWords,
                matchIDs: nil,
                evidence: evidence,
                tags: tags,
                score: score,
                quotable: quotable,
                context: context))
    }

    /// A fact whose match words are given as `MatchWordTable` numbers, sorted (a drafted fact's:
    /// its preview's), their strings made only if read.
    init(
        value: Value, answerType: AnswerType, normalized: String, answer: String, surfaceAnswer: String,
        accepted: [String], language: String, levantine: Bool, clausePrefix: String, clauseSuffix: String,
        blankLabel: String, question: String?, event: String?, keywords: [String], matchWords ids: [Int32],
        evidence: Provenance, tags: [String], score: Double, quotable: Bool = true, context: Provenance? = nil
    ) {
        self.init(
            value: value, answerType: answerType, normalized: normalized, answer: answer, surfaceAnswer: surfaceAnswer,
            accepted: accepted, language: language, levantine: levantine, clausePrefix: clausePrefix,
            clauseSuffix: clauseSuffix, blankLabel: blankLabel, question: question, event: event, keywords: keywords,
            matchWords: Set<String>(), evidence: evidence, tags: tags, score: score, quotable: quotable,
            context: context)
        // Fresh, so not shared: the numbers stand for the words, whose set is made when read.
        storage.fields.matchWords = nil
        storage.fields.matchIDs = ids
    }

    public var value: Value {
        _read { yield storage.fields.value }
        _modify { yield &unique().fields.value }
    }
    public var answerType: AnswerType {
        _read { yield storage.fields.answerType }
        _modify { yield &unique().fields.answerType }
    }
    /// Normalized answer ("1945-08-06", "600000").
    public var normalized: String {
        _read { yield storage.fields.normalized }
        _modify { yield &unique().fields.normalized }
    }
    /// The answer as a question card gives it ("August 6, 1945", "more than 600,000").
    public var answer: String {
        _read { yield storage.fields.answer }
        _modify { yield &unique().fields.answer }
    }
    /// The answer as the sentence wrote it, for the cloze ("August 8").
    public var surfaceAnswer: String {
        _read { yield storage.fields.surfaceAnswer }
        _modify { yield &unique().fields.surfaceAnswer }
    }
    public var accepted: [String] {
        _read { yield storage.fields.accepted }
        _modify { yield &unique().fields.accepted }
    }
    public var language: String {
        _read { yield storage.fields.language }
        _modify { yield &unique().fields.language }
    }
    /// Arabic months of the Levantine system.
    public var levantine: Bool {
        _read { yield storage.fields.levantine }
        _modify { yield &unique().fields.levantine }
    }
    /// The clause the cards use, with the answer's place marked by `blank`.
    public var clausePrefix: String {
        _read { yield storage.fields.clausePrefix }
        _modify { yield &unique().fields.clausePrefix }
    }
    public var clauseSuffix: String {
        _read { yield storage.fields.clauseSuffix }
        _modify { yield &unique().fields.clauseSuffix }
    }
    /// The label of the blank: "[date]", "[year]", "[number]", "[السنة]".
    public var blankLabel: String {
        _read { yield storage.fields.blankLabel }
        _modify { yield &unique().fields.blankLabel }
    }
    /// A grammatical wh-question, when the clause parses.
    public var question: String? {
        _read { yield storage.fields.question }
        _modify { yield &unique().fields.question }
    }
    /// "The United States dropped an atomic bomb on Hiroshima": the event, for chronology cards.
    public var event: String? {
        _read { yield storage.fields.event }
        _modify { yield &unique().fields.event }
    }
    /// Normalized content words of the clause, without the answer: what is asked.
    public var keywords: [String] {
        _read { yield storage.fields.keywords }
        _modify { yield &unique().fields.keywords }
    }
    /// Words that name the subject matter for matching across sources (verbs lemmatized).
    public var matchWords: Set<String> {
        _read { yield storage.fields.matchWords ?? MatchWordTable.shared.wordSet(storage.fields.matchIDs ?? []) }
        _modify {
            let box = unique()
            if box.fields.matchWords == nil {
                box.fields.matchWords = MatchWordTable.shared.wordSet(box.fields.matchIDs ?? [])
            }
            box.fields.matchIDs = nil
            yield &box.fields.matchWords!
        }
    }
    /// `matchWords` as `MatchWordTable` numbers, sorted: what matching reads. Given by the drafter
    /// (its preview's), else numbered when read; setting either form clears the other, which is
    /// then made from it when read.
    var matchWordIDs: [Int32] {
        get { storage.fields.matchIDs ?? MatchWordTable.shared.sortedIDs(storage.fields.matchWords ?? []) }
        set {
            let box = unique()
            box.fields.matchIDs = newValue
            box.fields.matchWords = nil
        }
    }
    public var evidence: Provenance {
        _read { yield storage.fields.evidence }
        _modify { yield &unique().fields.evidence }
    }
    public var tags: [String] {
        _read { yield storage.fields.tags }
        _modify { yield &unique().fields.tags }
    }
    /// Higher is better; see DeckAssembler.rank.
    public var score: Double {
        _read { yield storage.fields.score }
        _modify { yield &unique().fields.score }
    }
    /// False for facts read from a sentence too garbled to quote on a card: such a fact can only
    /// be another source's reading in a conflict, never a card's own text.
    public var quotable: Bool {
        _read { yield storage.fields.quotable }
        _modify { yield &unique().fields.quotable }
    }
    /// The date was read in an earlier sentence of the paragraph ("In February 1945, …"), not in
    /// the fact's own sentence: only a question can be asked, and both sentences are cited.
    public var context: Provenance? {
        _read { yield storage.fields.context }
        _modify { yield &unique().fields.context }
    }

    /// The clause with `text` in the answer's place.
    public func clause(with text: String) -> String { clausePrefix + text + clauseSuffix }
    public var cloze: String { clause(with: blankLabel) }

    var dateValue: DateValue? { if case .date(let d) = value { d } else { nil } }
    var numberValue: NumberValue? { if case .figure(let n) = value { n } else { nil } }
    var nameValue: NameValue? { if case .name(let n) = value { n } else { nil } }
}

/// A name as a fact's answer: who or what, and its class ("marshal", "palace", "conference", "معركة").
public struct NameValue: Hashable, Sendable {
    public var value: String
    public var kind: String
    public var head: String
}
