import Foundation
import MnemoCore

extension ProgressLocation {
    /// The folder must exist (for commands that only read it).
    static func requireExisting(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw ProgressError.unreadable(path: folder.path, reason: "no such progress folder")
        }
        guard isDirectory.boolValue else { throw ProgressError.notAFolder(path: folder.path) }
    }
}
