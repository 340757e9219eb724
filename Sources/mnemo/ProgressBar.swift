import Foundation

/// A progress bar on stderr, shown only on a terminal and only once the work has run a second.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let enabled = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_PROGRESS"] == nil
    private var shown = false

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        StandardError().write("\r[\(bar)] \(done)/\(total) sources")
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { StandardError().write("\r\u{1B}[K") }
    }
}
