@preconcurrency import CReadline
import Foundation

// The only file that touches GNU readline (DESIGN.md decision 6). It uses readline's callback
// interface so Ctrl-C can cancel the line being typed without killing the process: a SIGINT
// handler (installed without SA_RESTART) sets a flag, poll() wakes with EINTR, and the line is dropped.

nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0
nonisolated(unsafe) private var completedLine: String?
nonisolated(unsafe) private var lineDone = false
nonisolated(unsafe) private var reachedEnd = false
nonisolated(unsafe) private var pendingMatches: [String] = []

private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    lineDone = true
    if let line {
        completedLine = String(cString: line)
        free(line)
    } else {
        reachedEnd = true
        completedLine = nil
    }
    rl_callback_handler_remove()
}

private func commandGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 {
        let prefix = text.map { String(cString: $0) } ?? ""
        pendingMatches = SessionCommand.completions(of: prefix)
    }
    guard !pendingMatches.isEmpty else { return nil }
    return strdup(pendingMatches.removeFirst())
}

private func completeCommands(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // never fall back to file names
    guard start == 0, let text, text.pointee == CChar(UInt8(ascii: ":")) else { return nil }
    return rl_completion_matches(text, commandGenerator)
}

/// Line editing with GNU readline on a terminal: editing keys, in-session history (up arrow),
/// Tab completion of session commands, Ctrl-C cancels the line, Ctrl-D ends. UTF-8 (Arabic too).
final class ReadlineEditor: LineEditor {
    let isInteractive = true
    private var lastLine: String?

    init() {
        // Multibyte input needs a UTF-8 locale; fall back to C.UTF-8 when the environment names none.
        if let current = setlocale(LC_CTYPE, ""), !String(cString: current).lowercased().contains("utf") {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        } else if setlocale(LC_CTYPE, nil) == nil {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        rl_readline_name = UnsafePointer(strdup("mnemo"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 1
        rl_attempted_completion_function = completeCommands
        using_history()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptFlag = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: poll() must wake up
        sigaction(SIGINT, &action, nil)
    }

    func readLine(prompt: String) -> LineInput {
        interruptFlag = 0
        lineDone = false
        reachedEnd = false
        completedLine = nil
        rl_callback_handler_install(prompt, lineHandler)
        while !lineDone {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if interruptFlag != 0 {
                interruptFlag = 0
                let typed = rl_line_buffer.map { String(cString: $0) } ?? ""
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_replace_line("", 0)
                rl_callback_handler_remove()
                FileHandle.standardOutput.write(Data("^C\n".utf8))
                return .interrupt(empty: typed.isEmpty)
            }
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .endOfInput
            }
            if descriptor.revents & Int16(POLLIN | POLLHUP) != 0 {
                rl_callback_read_char()
            }
        }
        if reachedEnd {
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .endOfInput
        }
        let line = completedLine ?? ""
        if !line.trimmingCharacters(in: .whitespaces).isEmpty && line != lastLine {
            add_history(line)
            lastLine = line
        }
        return .line(line)
    }
}
