import Foundation
import MnemoCore

/// The outcome of checking one typed answer, as the screen shows it.
struct Judgement: Equatable, Sendable {
    var verdict: Verdict
    /// The answer as it should be written.
    var expected: String
    /// Extra words for the learner, e.g. the correct spelling of an almost-right answer.
    var note: String?
}

/// Checks typed answers; the session only sees this.
protocol AnswerJudging: Sendable {
    func judge(_ typed: String, card: Card) -> Judgement
}
