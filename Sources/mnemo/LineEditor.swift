import Foundation

/// What reading one line of input gave.
enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line being typed was cancelled. `empty` when nothing had been typed.
    case interrupt(empty: Bool)
    /// Ctrl-D at an empty prompt, or the end of piped input.
    case endOfInput
}

/// Reads the learner's lines. `ReadlineEditor` on a terminal, `PlainLineEditor` for piped input,
/// `ScriptedLineEditor` in tests; the session logic only sees this protocol.
protocol LineEditor: AnyObject {
    /// Show `prompt` and read one line.
    func readLine(prompt: String) -> LineInput
    /// Show `prompt` and read one line that starts out holding `prefill`, for editing a text in
    /// place (`mnemo curate`). Editors that cannot pre-fill (piped input, scripts) ignore it: the
    /// caller shows the current text and treats an empty line as "keep it".
    func readLine(prompt: String, prefill: String) -> LineInput
    /// Whether this editor draws on a terminal (so the screen may use colors).
    var isInteractive: Bool { get }
}

extension LineEditor {
    func readLine(prompt: String, prefill: String) -> LineInput { readLine(prompt: prompt) }
}

/// The session commands, for `:help` and Tab completion.
enum SessionCommand: String, CaseIterable, Sendable {
    case hint, skip, bury, suspend, undo, source, stats, help, quit

    var word: String { ":" + rawValue }

    var help: String {
        switch self {
        case .hint: "first letters of the answer (or remove two wrong options)"
        case .skip: "show this card later in the session"
        case .bury: "not today: show it again tomorrow"
        case .suspend: "stop showing this card"
        case .undo: "take back the last rating; that card comes back"
        case .source: "the whole passage the answer comes from"
        case .stats: "this session so far"
        case .help: "this list"
        case .quit: "end the session (Ctrl-D does too)"
        }
    }

    /// The command a line names (":h" and ":q" as short forms), or nil if it is not a command.
    static func parse(_ line: String) -> SessionCommand?? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(":"), trimmed.count > 1 else { return nil }
        let word = trimmed.dropFirst().lowercased()
        if let exact = SessionCommand(rawValue: word) { return .some(exact) }
        let matches = allCases.filter { $0.rawValue.hasPrefix(word) }
        return .some(matches.count == 1 ? matches[0] : nil)
    }

    /// Commands starting with `prefix` (which includes the colon), for completion.
    static func completions(of prefix: String) -> [String] {
        allCases.map(\.word).filter { $0.hasPrefix(prefix) }
    }
}
