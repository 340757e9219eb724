import Foundation
import MnemoCore

/// Errors of `mnemo curate`: a refused edit (the card is left as it was) or a bad option or sidecar.
enum CurateError: Error, Equatable, CustomStringConvertible {
    case emptyText(field: String)
    case answerNotTrueFalse(String)
    case settleOutOfRange(Int, count: Int)
    case noConflict
    case badOnly(String)
    case badProgressFile(path: String, why: String)
    case wrongDeck(path: String, expected: String, found: String)

    var description: String {
        switch self {
        case .emptyText(let field): "the \(field) cannot be empty; kept the current text"
        case .answerNotTrueFalse(let text):
            "a true/false card's answer is 'true' or 'false' (got '\(text)'); kept the current answer"
        case .settleOutOfRange(let n, let count): "no reading \(n): choose 1 to \(count)"
        case .noConflict: "this card's sources agree: there is no conflict to settle"
        case .badOnly(let text): "--only takes new, conflicts or kind:K (K one of \(CardKindList.text)); got '\(text)'"
        case .badProgressFile(let path, let why):
            "\(path): not a curation progress file (\(why)); remove it to start over"
        case .wrongDeck(let path, let expected, let found):
            "\(path): records the curation of deck '\(found)', not '\(expected)'; pass --progress-file to use another file"
        }
    }
}

enum CardKindList {
    static var text: String { CardKind.allCases.map(\.rawValue).joined(separator: ", ") }
}
