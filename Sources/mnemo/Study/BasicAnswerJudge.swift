import Foundation
import MnemoCore

/// A strict fallback judge: right when the answer or an accepted alternative matches, ignoring case,
/// spacing, punctuation and diacritics; wrong otherwise. The full checker (numbers, dates, typos) replaces it.
struct BasicAnswerJudge: AnswerJudging {
    func judge(_ typed: String, card: StudyCard, shown: [String]?) -> Judgement {
        let card = card.card
        let key = Self.normalize(typed)
        let right = !key.isEmpty && ([card.answer] + card.accepted).contains { Self.normalize($0) == key }
        return Judgement(verdict: right ? .right : .wrong, expected: card.answer, note: nil)
    }

    static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
