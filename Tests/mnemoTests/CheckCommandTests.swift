import Foundation
import Testing

@testable import MnemoCore

/// End-to-end: runs the built `mnemo check` on deck files, as a user would.
struct CheckCommandTests {
    static let good = #"""
        {"formatVersion":1,"id":"d","title":"T","languages":["en"],
         "sources":[{"file":"s.txt","title":"S","sha256":"SHA","language":"en"}],
         "cards":[{"id":"cloze-1","kind":"cloze","prompt":"In [...] it ended.","answer":"1945",
           "evidence":[{"source":"s.txt","line":1,"start":3,"end":7,"quote":"1945"}]}]}
        """#
    static let sourceText = "In 1945 it ended.\n"

    @Test(
        arguments: [
            (
                "truncated.json", #"{"formatVersion":1,"id":"d","title":"T","cards":[{"id":"c"#,
                "truncated.json: the deck is truncated (the JSON ends before it is complete)"
            ),
            (
                "malformed.json", "{\"formatVersion\":1,\n\"id\":\"d\",,}",
                "malformed.json: line 2, column 10: not valid JSON"
            ),
            (
                "newer.json", #"{"formatVersion":3,"id":"d","title":"T","cards":[]}"#,
                "newer.json: deck format version 3 is newer than this mnemo reads (1); update mnemo"
            ),
            ("missing.json", nil, "missing.json: no such deck file"),
            ("empty.json", "", "empty.json: is empty, not a deck"),
            (
                "field.json",
                #"{"formatVersion":1,"id":"d","title":"T","cards":[{"id":"cloze-ab12","kind":"cloze","prompt":"p"}]}"#,
                "field.json: card 1 (cloze-ab12): missing field 'answer'"
            ),
        ] as [(String, String?, String)])
    func unreadableDeckGivesOneLineNamingTheFile(name: String, content: String?, message: String) throws {
        let folder = try CheckFolder()
        if let content { try folder.write(name, content) }
        let result = try runMnemo(["check", name], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderr == "Error: \(message)\n")
        #expect(result.stdout == "")
    }

    @Test func validDeckPassesWithSummary() throws {
        let folder = try CheckFolder()
        try folder.write("s.txt", Self.sourceText)
        let sha = SHA256.hexDigest(of: Array(Self.sourceText.utf8))
        try folder.write("good.json", Self.good.replacingOccurrences(of: "SHA", with: sha))
        let result = try runMnemo(["check", "good.json", "--sources", "."], in: folder.url)
        #expect(result.status == 0)
        // With --sources the summary says what was proved against the folder.
        #expect(result.stdout == "good.json: 1 card, ok; checked 1 source and 1 quote against .\n")
        #expect(result.stderr == "")
        let plain = try runMnemo(["check", "good.json"], in: folder.url)
        #expect(plain.stdout == "good.json: 1 card, ok\n")
    }

    @Test func problemsAreListedAndFailTheRun() throws {
        let folder = try CheckFolder()
        try folder.write("s.txt", Self.sourceText)
        let bad = Self.good.replacingOccurrences(of: "SHA", with: SHA256.hexDigest(of: Array(Self.sourceText.utf8)))
            .replacingOccurrences(of: "In [...] it ended.", with: "It ended.")
            .replacingOccurrences(of: #""quote":"1945""#, with: #""quote":"1946""#)
        try folder.write("bad.json", bad)
        let plain = try runMnemo(["check", "bad.json"], in: folder.url)
        #expect(plain.status != 0)
        #expect(
            plain.stdout == """
                bad.json: card cloze-1: prompt: a cloze prompt needs a blank such as '[…]', '[date]' or '____'
                bad.json: 1 card, 1 error

                """)
        let proved = try runMnemo(["check", "bad.json", "--sources", "."], in: folder.url)
        #expect(
            proved.stdout.contains(
                "bad.json: card cloze-1: evidence[0].quote: does not match s.txt line 1, characters 3..<7, which read '1945'\n"
            ))
        #expect(proved.stdout.hasSuffix("bad.json: 1 card, 2 errors; checked 1 source and 1 quote against .\n"))
    }

    @Test func everyDeckIsCheckedAndJSONListsThem() throws {
        let folder = try CheckFolder()
        try folder.write(
            "good.json", Self.good.replacingOccurrences(of: "SHA", with: String(repeating: "a", count: 64)))
        let result = try runMnemo(["check", "good.json", "gone.json", "--json"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderr == "Error: gone.json: no such deck file\n")
        let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(list?.map { $0["file"] as? String } == ["good.json", "gone.json"])
        #expect(list?.map { $0["ok"] as? Bool } == [true, false])
        #expect(list?.first?["cards"] as? Int == 1)
    }
}

/// A temporary working folder for one test.
final class CheckFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs the `mnemo` binary built beside the test bundle, in `folder`.
private func runMnemo(_ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = mnemoBinary()
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

private func mnemoBinary() -> URL {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        Bundle.main.bundleURL.deletingLastPathComponent(),
        Bundle.main.bundleURL,
    ]
    for folder in candidates {
        let url = folder.appendingPathComponent("mnemo")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return URL(fileURLWithPath: ".build/debug/mnemo")
}
