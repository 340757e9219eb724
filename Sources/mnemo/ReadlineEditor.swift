@preconcurrency import CReadline
import Foundation

// The only file that touches GNU readline (DESIGN.md decision 6). It uses readline's callback
// interface so Ctrl-C can cancel the line being typed without killing the process: the SIGINT
// handler writes a byte to a pipe (the self-pipe trick: any thread may take the signal), poll()
// wakes on it, and the line is dropped.

nonisolated(unsafe) private var interruptPipe: [Int32] = [-1, -1]
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
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            interruptPipe = fds
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(interruptPipe[1], &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
    }

    private func drainInterrupts() -> Bool {
        var byte: UInt8 = 0
        var any = false
        while read(interruptPipe[0], &byte, 1) == 1 { any = true }
        return any
    }

    func readLine(prompt: String) -> LineInput { readLine(prompt: prompt, prefill: "") }

    /// With the callback interface the line buffer exists once the handler is installed, so the
    /// pre-filled text is inserted right then and redisplayed (no startup hook, no C callback).
    func readLine(prompt: String, prefill: String) -> LineInput {
        _ = drainInterrupts()
        lineDone = false
        reachedEnd = false
        completedLine = nil
        rl_callback_handler_install(prompt, lineHandler)
        if !prefill.isEmpty {
            _ = rl_insert_text(prefill)
            rl_redisplay()
        }
        while !lineDone {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: interruptPipe[0], events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, -1)
            if descriptors[1].revents & Int16(POLLIN) != 0, drainInterrupts() {
                let typed = rl_line_buffer.map { String(cString: $0) } ?? ""
                FileHandle.standardOutput.write(Data("^C".utf8))  // at the end of the line, before readline's \r
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_replace_line("", 0)
                rl_callback_handler_remove()
                FileHandle.standardOutput.write(Data("\n".utf8))
                return .interrupt(empty: typed.isEmpty)
            }
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .endOfInput
            }
            if descriptors[0].revents & Int16(POLLIN | POLLHUP) != 0 {
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
