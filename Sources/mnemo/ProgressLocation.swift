import Foundation
import MnemoCore

/// Where progress lives (DESIGN.md): `--progress DIR`, else `$MNEMO_HOME`, else
/// `$XDG_DATA_HOME/mnemo`, else `~/.local/share/mnemo`. The core never reads the environment;
/// the executable resolves the folder here and passes it in.
enum ProgressLocation {
    static func resolve(
        _ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        home: URL = FileManager.default.homeDirectoryForCurrentUser
    ) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let value = environment["MNEMO_HOME"], !value.isEmpty { return URL(fileURLWithPath: value) }
        if let value = environment["XDG_DATA_HOME"], !value.isEmpty {
            return URL(fileURLWithPath: value).appendingPathComponent("mnemo")
        }
        return home.appendingPathComponent(".local/share/mnemo")
    }

    /// This process, as the lock file names it to a second writer.
    static func owner(command: String, now: Date = Date()) -> LockOwner {
        LockOwner(pid: getpid(), host: ProcessInfo.processInfo.hostName, command: command, since: now)
    }

    /// Warnings from loading progress go to stderr, one line each.
    static func report(_ warnings: [ProgressWarning]) {
        for warning in warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }
}
