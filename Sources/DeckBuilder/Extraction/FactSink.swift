import MnemoCore

/// Where `DocumentAnalyzer` hands the facts it finds. Before drafting a fact's card texts (most of
/// a fact's cost) it asks, from what matching reads of the fact, whether the fact could change
/// anything; a fact the sink turns down is passed over undrafted.
protocol FactSink {
    associatedtype Admission
    /// What the sink will do with the fact when drafted; nil to pass it over.
    mutating func admit(_ preview: FactPreview, evidence: Provenance) -> Admission?
    /// A drafted fact, with the admission its preview was given (the sink unchanged since).
    mutating func add(_ fact: FactCandidate, _ admission: Admission)
}

extension FactPool: FactSink {}

/// What is known of a fact before its card texts are drafted: what matching reads of it, and
/// bounds on what drafting can give it (its score at most `bestScore`; quotable only if
/// `mayBeQuotable`).
struct FactPreview {
    var view: MatchView
    var bestScore: Double
    var mayBeQuotable: Bool
}
