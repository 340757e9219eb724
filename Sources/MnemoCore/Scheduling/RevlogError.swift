/// Problems reading a review-log CSV (`card_id,review_time,review_rating,review_state,review_duration`).
/// Line numbers count the header as line 1. Messages read well after "Error: ".
public enum RevlogError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case notUTF8(path: String)
    case empty(path: String)
    /// The header lacks a required column.
    case missingColumns(path: String, missing: [String], found: [String])
    case wrongFieldCount(path: String, line: Int, expected: Int, found: Int)
    case badNumber(path: String, line: Int, column: String, value: String)
    case ratingOutOfRange(path: String, line: Int, value: Int)
    case stateOutOfRange(path: String, line: Int, value: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read review log: \(reason)"
        case .notUTF8(let path): "\(path): review log is not UTF-8 text"
        case .empty(let path): "\(path): review log has no header line"
        case .missingColumns(let path, let missing, let found):
            "\(path): review log lacks column(s) \(missing.joined(separator: ", ")) (found: \(found.joined(separator: ", ")))"
        case .wrongFieldCount(let path, let line, let expected, let found):
            "\(path):\(line): expected \(expected) fields, found \(found)"
        case .badNumber(let path, let line, let column, let value):
            "\(path):\(line): \(column) is not a whole number: '\(value)'"
        case .ratingOutOfRange(let path, let line, let value):
            "\(path):\(line): review_rating must be 1 (Again) to 4 (Easy), got \(value)"
        case .stateOutOfRange(let path, let line, let value):
            "\(path):\(line): review_state must be 0 (New) to 3 (Relearning), got \(value)"
        }
    }
}
