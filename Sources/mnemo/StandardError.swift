import Foundation

/// Lines to stderr (Swift 6 mode has no `fputs(…, stderr)`).
struct StandardError: Sendable {
    func line(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
