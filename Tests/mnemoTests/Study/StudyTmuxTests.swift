import Foundation
import MnemoCore
import Testing

/// Drives `mnemo study` in a real pseudo-terminal through tmux (CI installs tmux): readline,
/// Tab completion and Ctrl-C as a learner meets them. Uses its own tmux server socket.
final class TmuxSession {
    let socket = "mnemo-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "study"

    static var tmux: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(command: String, width: Int = 100, height: Int = 30) throws {
        try run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, command])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Runs tmux and waits for it with posix_spawn + waitpid (Foundation's Process does not notice the
    /// exit of a tmux client whose server it forked). Output goes to a temporary file when captured.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = false) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, capture ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let tool = Self.tmux ?? "/usr/bin/tmux"
        let argv = ([tool, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, tool, &actions, nil, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        return capture ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
    }

    func screen() -> String { (try? run(["capture-pane", "-p", "-t", name], capture: true)) ?? "" }

    /// Types `text` literally.
    func type(_ text: String) throws { try run(["send-keys", "-t", name, "-l", text]) }
    /// Presses keys by tmux name: "Enter", "Tab", "C-c", "C-d", "Up".
    func press(_ keys: String...) throws { try run(["send-keys", "-t", name] + keys) }

    /// Waits until the screen shows `needle` `count` times.
    @discardableResult
    func wait(for needle: String, count: Int = 1, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().components(separatedBy: needle).count - 1 >= count { return true }
            usleep(50_000)
        }
        return false
    }
}

@Suite("mnemo study in a terminal (tmux)", .serialized)
struct StudyTmuxTests {
    @Test("answer three cards (right, typo, wrong), :undo via Tab, :quit: the log holds exactly those events")
    func threeCardsUndoQuit() throws {
        try #require(TmuxSession.tmux != nil, "tmux is needed (apt-get install tmux; .ci/run installs it)")
        let fixture = try StudyFixture()
        let command =
            "cd '\(fixture.root.path)' && env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 '\(StudyBinary.url.path)' study --progress '\(fixture.progress.path)' --seed 1 ww2.json; echo EXITED=$?; sleep 5"
        let tmux = try TmuxSession(command: command)

        #expect(tmux.wait(for: "card 1 · 3 left"), "screen:\n\(tmux.screen())")
        // Ctrl-C drops a half-typed line and the session goes on.
        try tmux.type("wrong thing")
        try tmux.press("C-c")
        #expect(tmux.wait(for: "^C"))
        try tmux.type("1945")
        try tmux.press("Enter")
        #expect(tmux.wait(for: "Enter = 3 Good"), "screen:\n\(tmux.screen())")
        try tmux.press("Enter")

        #expect(tmux.wait(for: "card 2 ·"), "screen:\n\(tmux.screen())")
        try tmux.type("Winston Churchil")
        try tmux.press("Enter")
        #expect(tmux.wait(for: "Almost right"), "screen:\n\(tmux.screen())")
        try tmux.press("Enter")

        #expect(tmux.wait(for: "card 3 ·"), "screen:\n\(tmux.screen())")
        try tmux.type("60000")
        try tmux.press("Enter")
        #expect(tmux.wait(for: "Enter = 1 Again"), "screen:\n\(tmux.screen())")
        try tmux.press("Enter")
        #expect(tmux.wait(for: "Again: next in"), "screen:\n\(tmux.screen())")

        // Tab completes ":und" to ":undo".
        try tmux.type(":und")
        try tmux.press("Tab")
        #expect(tmux.wait(for: ":undo"), "screen:\n\(tmux.screen())")
        try tmux.press("Enter")
        #expect(tmux.wait(for: "Undone"), "screen:\n\(tmux.screen())")
        try tmux.type(":quit")
        try tmux.press("Enter")
        #expect(tmux.wait(for: "EXITED=0"), "screen:\n\(tmux.screen())")
        let screen = tmux.screen()
        #expect(screen.contains("Session over."))
        #expect(screen.contains("Reviewed: 2   passed: 2 (100%)   again: 0"))

        let events = try fixture.events()
        #expect(events.map(\.kind) == [.review, .review, .review, .undo])
        #expect(events.map(\.rating) == [.good, .good, .again, nil])
        #expect(events.map(\.verdict) == [.right, .almost, .wrong, nil])
        #expect(events[3].undoes == events[2].id)

        // `mnemo cards --json` shows the states those events imply: two cards in learning
        // (rated Good once, due at the second learning step), the undone one new again.
        let cards = try StudyProcess.run(
            ["cards", "ww2.json", "--progress", fixture.progress.path, "--json"], in: fixture.root)
        #expect(cards.status == 0, "stderr: \(cards.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cards.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["cards"] as? [[String: Any]])
        #expect(rows.map { $0["state"] as? String } == ["learning", "learning", "new"])
        #expect(rows.map { $0["reps"] as? Int } == [1, 1, 0])
        #expect(rows.map { $0["lapses"] as? Int } == [0, 0, 0])
        #expect(rows[2]["due"] is NSNull)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for (row, event) in zip(rows.prefix(2), events.prefix(2)) {
            let due = try #require((row["due"] as? String).flatMap(formatter.date(from:)))
            #expect(
                abs(due.timeIntervalSince(event.time) - 600) < 0.01, "Good on a new card: due after the 10-minute step")
        }
    }
}
