import Foundation
import MnemoCore

/// The outcome of checking one typed answer, as the screen shows it.
struct Judgement: Equatable, Sendable {
    var verdict: Verdict
    /// The answer as it should be written.
    var expected: String
    /// Extra words for the learner, e.g. the correct spelling of an almost-right answer.
    var note: String?
    /// Set when the answer is another source's reading of a disputed fact: accepted as recall, but not
    /// the reading this card teaches (the screen says so instead of a plain "Right.").
    var otherReading: ConflictReading? = nil
}

/// Checks typed answers; the session only sees this.
protocol AnswerJudging: Sendable {
    /// `shown`: a choice card's options in the order shown (labelled a, b, c …); nil when none were shown.
    func judge(_ typed: String, card: StudyCard, shown: [String]?) -> Judgement
}
