import Foundation
import MnemoCore

/// Where progress lives and who is writing it, for the commands that touch a progress folder.
enum ProgressFolder {
    /// `--progress`, else `$MNEMO_HOME`, else `$XDG_DATA_HOME/mnemo`, else `~/.local/share/mnemo`.
    static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        return OptimizeCommand.defaultProgressFolder(environment: environment)
    }

    /// The lock owner written into the folder's lock while `command` writes.
    static func owner(_ command: String, now: Date = Date()) -> LockOwner {
        LockOwner(pid: getpid(), host: ProcessInfo.processInfo.hostName, command: command, since: now)
    }

    /// The folder must exist (for commands that only read it).
    static func requireExisting(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw ProgressError.unreadable(path: folder.path, reason: "no such progress folder")
        }
        guard isDirectory.boolValue else { throw ProgressError.notAFolder(path: folder.path) }
    }
}
