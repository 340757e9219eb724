/// Why one source could not be used. The build reports it (one line naming the file) and goes on.
public enum SourceProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case notUTF8(path: String, byteOffset: Int)
    case lineTooLong(path: String, line: Int, limit: Int)
    case noText(path: String)
    case unsupported(path: String, encoding: String)

    public var path: String {
        switch self {
        case .missing(let p), .unreadable(let p, _), .empty(let p), .binary(let p), .notUTF8(let p, _),
            .lineTooLong(let p, _, _), .noText(let p), .unsupported(let p, _):
            p
        }
    }

    public var description: String {
        switch self {
        case .missing(let p): "\(p): no such file or folder"
        case .unreadable(let p, let reason): "\(p): cannot be read (\(reason))"
        case .empty(let p): "\(p): the file is empty"
        case .binary(let p): "\(p): looks like a binary file, not text"
        case .notUTF8(let p, let offset): "\(p): not valid UTF-8 (bad byte at offset \(offset))"
        case .lineTooLong(let p, let line, let limit):
            "\(p):\(line): line longer than \(limit / 1_048_576) MiB; not prose, file skipped"
        case .noText(let p): "\(p): folder holds no .txt, .md or .html files"
        case .unsupported(let p, let encoding): "\(p): unsupported encoding (\(encoding))"
        }
    }
}

/// Errors that stop a whole build.
public enum DeckBuildError: Error, Hashable, Sendable, CustomStringConvertible {
    case nothingBuilt(problems: Int)
    /// Nothing built, and the one source problem says why.
    case nothingBuiltFrom(String)
    case strictFailure(problems: Int)

    public var description: String {
        switch self {
        case .nothingBuilt(0): "no cards could be built: the sources hold no date, figure or name fit to ask about"
        case .nothingBuilt(let n):
            "no cards could be built (\(n) source problem\(n == 1 ? "" : "s") reported above)"
        case .nothingBuiltFrom(let problem): "\(problem); no cards could be built"
        case .strictFailure(let n):
            "--strict: \(n) source problem\(n == 1 ? "" : "s") reported above"
        }
    }
}
