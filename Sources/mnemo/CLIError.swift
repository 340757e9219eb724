/// Errors of the command-line layer; each message reads well after "Error: ".
enum CLIError: Error, CustomStringConvertible, Equatable {
    case notYetAvailable(String)
    /// An option's value or a combination of options is refused (one line, no usage block).
    case badOption(String)

    var description: String {
        switch self {
        case .notYetAvailable(let command): "'mnemo \(command)' is not available yet"
        case .badOption(let why): why
        }
    }
}
