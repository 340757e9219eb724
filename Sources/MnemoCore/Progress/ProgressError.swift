import Foundation

/// Everything that can go wrong with a progress folder. Each message names the file and reads
/// well after "Error: ".
public enum ProgressError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Another process holds the folder's lock; `holder` describes it ("mnemo study (pid 1234) since …").
    case inUse(folder: String, holder: String)
    /// The folder (or a file in it) cannot be created or written; `reason` is the system's word for it.
    case notWritable(path: String, reason: String)
    /// A file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A file was written by a newer Mnemo.
    case newerFormat(path: String, found: Int, supported: Int)
    /// settings.json is not valid (it is hand-editable, so it is never silently replaced).
    case malformedSettings(path: String, problem: String)
    /// A file could not be written completely (disk full, I/O error); nothing was changed.
    case writeFailed(path: String, reason: String)
    /// The folder given is not a folder.
    case notAFolder(path: String)
    /// The settings' scheduler configuration was refused by the scheduler.
    case invalidScheduler(path: String, problem: String)
    /// An event passed to `append` cannot be stored (e.g. a review without a rating).
    case invalidEvent(id: String, problem: String)
    /// The store was opened read-only and a write was asked for.
    case readOnly(folder: String)

    public var description: String {
        switch self {
        case .inUse(let folder, let holder):
            "progress folder \(folder) is in use by \(holder); close that session first"
        case .notWritable(let path, let reason):
            "cannot write progress at \(path): \(reason)"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .newerFormat(let path, let found, let supported):
            "\(path) has progress format version \(found), but this mnemo reads only up to version \(supported); update mnemo"
        case .malformedSettings(let path, let problem):
            "\(path) is not valid settings: \(problem)"
        case .writeFailed(let path, let reason):
            "could not write \(path): \(reason); nothing was changed"
        case .notAFolder(let path):
            "progress folder \(path) is not a folder"
        case .invalidScheduler(let path, let problem):
            "\(path) has invalid scheduler settings: \(problem)"
        case .invalidEvent(let id, let problem):
            "review event \(id) cannot be stored: \(problem)"
        case .readOnly(let folder):
            "progress folder \(folder) was opened read-only"
        }
    }

    public var errorDescription: String? { description }
}

/// Something wrong in a progress file that did not stop loading: a torn last line, a line that is
/// not an event. Returned as values; the caller decides how to show them.
public struct ProgressWarning: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line number, when the problem is on a line.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, as compilers print it.
    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}
