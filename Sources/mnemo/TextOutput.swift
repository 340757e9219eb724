import Foundation

/// Where the session screen goes: standard output, or a buffer in tests.
protocol TextOutput: AnyObject {
    func write(_ text: String)
}

final class StandardOutput: TextOutput {
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Collects everything written (tests).
final class BufferOutput: TextOutput {
    private(set) var text = ""
    func write(_ text: String) { self.text += text }
}
