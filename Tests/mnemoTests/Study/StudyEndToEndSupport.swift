import Foundation
import MnemoCore

/// The built `mnemo` binary, beside the test bundle (.build/<triple>/debug/mnemo).
enum StudyBinary {
    static var url: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("mnemo")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
            ".build/debug/mnemo")
    }
}

/// A temporary folder holding a small World War II deck, its source text, and a progress folder.
final class StudyFixture {
    let root: URL
    var deck: URL { root.appendingPathComponent("ww2.json") }
    var progress: URL { root.appendingPathComponent("progress") }
    var log: URL { progress.appendingPathComponent("reviews.jsonl") }

    static let source = """
        The Second World War

        Germany invaded Poland on 1 September 1939.
        Winston Churchill became prime minister of Britain in May 1940.
        About 600,000 soldiers took part in the landings.
        The war in Europe ended in 1945.

        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-study-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(Self.source.utf8).write(to: root.appendingPathComponent("ww2.txt"))
        func evidence(_ line: Int) -> [Provenance] {
            let text = Self.source.components(separatedBy: "\n")[line - 1]
            return [Provenance(source: "ww2.txt", line: line, start: 0, end: text.count, quote: text)]
        }
        let deck = Deck(
            id: "ww2", title: "World War II", languages: ["en"],
            sources: [
                SourceInfo(
                    file: "ww2.txt", title: "The Second World War",
                    sha256: SHA256.hexDigest(of: Array(Self.source.utf8)), language: "en")
            ],
            cards: [
                Card(
                    id: CardID("question-0000000000000001"), kind: .question,
                    prompt: "In which year did the war in Europe end?",
                    answer: "1945", answerType: .year, evidence: evidence(6)),
                Card(
                    id: CardID("question-0000000000000002"), kind: .question,
                    prompt: "Who became prime minister of Britain in May 1940?",
                    answer: "Winston Churchill", answerType: .person, evidence: evidence(4)),
                Card(
                    id: CardID("question-0000000000000003"), kind: .question,
                    prompt: "About how many soldiers took part in the landings?",
                    answer: "600,000", answerType: .number, evidence: evidence(5)),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(deck).write(to: self.deck)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The log's events, in order.
    func events() throws -> [ReviewEvent] {
        try ReviewLog.read(at: log).events
    }
}

struct StudyRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum StudyProcess {
    /// Runs `mnemo ARGS` in `folder` with `input` on a pipe as standard input, and waits.
    static func run(_ arguments: [String], input: String = "", in folder: URL, environment: [String: String] = [:])
        throws -> StudyRun
    {
        let process = Process()
        process.executableURL = StudyBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return StudyRun(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}

/// A running `mnemo study` with piped input, read as it goes (for the kill and lock tests).
final class LiveStudy {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let collected = Collected()

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }

    init(_ arguments: [String], in folder: URL) throws {
        process.executableURL = StudyBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let collected = self.collected
        output.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        try process.run()
    }

    var text: String { collected.text }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until the output contains `needle` `count` times (up to `timeout` seconds).
    @discardableResult
    func wait(for needle: String, count: Int = 1, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if text.components(separatedBy: needle).count - 1 >= count { return true }
            usleep(20_000)
        }
        return false
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
    }

    deinit {
        if process.isRunning { kill() }
    }
}
