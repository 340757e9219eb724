/// Why a line (or a sentence) was left out of the deck.
public enum NoiseReason: Hashable, Sendable, CustomStringConvertible {
    /// The same line appears several times in the document (captions, repeated headlines),
    /// or is contained in another line (a title repeated inside a breadcrumb).
    case repeatedLine(times: Int)
    case breadcrumb
    case timestamp
    case cookieNotice
    case footer
    case navigation
    /// A short line without sentence punctuation: a heading, not a statement.
    case heading
    /// Sentence-level: a redaction mark ("***") stands where a name should be.
    case redaction
    /// Sentence-level: a figure glued to another ("19526%") or split ("1 1").
    case garbledFigure
    /// Sentence-level: broken grammar, stray capitals or punctuation (machine-translated or scraped text).
    case garbledText
    /// Sentence-level: a question, not a statement.
    case question

    public var description: String {
        switch self {
        case .repeatedLine(let n): n > 1 ? "repeated line (\(n) times)" : "repeated inside another line"
        case .breadcrumb: "site breadcrumb"
        case .timestamp: "timestamp or metadata"
        case .cookieNotice: "cookie or consent notice"
        case .footer: "related/latest news footer"
        case .navigation: "navigation"
        case .heading: "heading"
        case .redaction: "redaction mark"
        case .garbledFigure: "garbled figure"
        case .garbledText: "garbled text"
        case .question: "question, not a statement"
        }
    }

    /// Short machine-readable name for reports.
    public var key: String {
        switch self {
        case .repeatedLine: "repeated"
        case .breadcrumb: "breadcrumb"
        case .timestamp: "timestamp"
        case .cookieNotice: "cookie"
        case .footer: "footer"
        case .navigation: "navigation"
        case .heading: "heading"
        case .redaction: "redaction"
        case .garbledFigure: "garbled-figure"
        case .garbledText: "garbled-text"
        case .question: "question"
        }
    }
}
