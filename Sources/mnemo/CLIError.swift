/// Errors of the command-line layer; each message reads well after "Error: ".
enum CLIError: Error, CustomStringConvertible, Equatable {
    case notYetAvailable(String)

    var description: String {
        switch self {
        case .notYetAvailable(let command): "'mnemo \(command)' is not available yet"
        }
    }
}
