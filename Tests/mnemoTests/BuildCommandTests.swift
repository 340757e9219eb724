import Foundation
import Testing

/// End-to-end: runs the built `mnemo` binary (it sits beside the test bundle).
struct BuildCommandTests {
    static var binary: URL {
        let bundle = Bundle.main.bundleURL
        var dir = bundle.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("mnemo")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/mnemo")
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], in folder: URL? = nil) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let folder { p.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-build-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func buildsDeckAndReportsBadFilesButGoesOn() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { return }
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "On August 6, 1945, the United States dropped an atomic bomb on Hiroshima.\n".write(
            to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: dir.appendingPathComponent("empty.txt").path, contents: Data())
        let out = dir.appendingPathComponent("deck.json").path
        let r = try Self.run(["build", dir.path, "-o", out, "--title", "T"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("empty.txt: the file is empty"))
        #expect(r.stderr.contains("wrote \(out)"))
        #expect(r.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out))
        // Same input, same bytes.
        let first = try Data(contentsOf: URL(fileURLWithPath: out))
        _ = try Self.run(["build", dir.path, "-o", out, "--title", "T"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == first)
        // --strict fails on the empty file and writes nothing new.
        let strictOut = dir.appendingPathComponent("strict.json").path
        let s = try Self.run(["build", dir.path, "-o", strictOut, "--strict"])
        #expect(s.status != 0)
        #expect(!FileManager.default.fileExists(atPath: strictOut))
    }

    @Test func nothingBuiltIsAnError() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { return }
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["build", dir.path, "-o", dir.appendingPathComponent("d.json").path])
        #expect(r.status != 0)
        // One line: the folder, its problem, and that nothing was built.
        #expect(r.stderr == "Error: \(dir.path): folder holds no .txt, .md or .html files; no cards could be built\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("d.json").path))
    }

    @Test func problemsNameFilesAsTheUserWroteThem() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { return }
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("notes"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir.appendingPathComponent("notes/empty.txt").path, contents: Data())
        try "On August 9, 1945, the Soviet Union declared war on Japan and invaded Manchuria.\n".write(
            to: dir.appendingPathComponent("notes/war.txt"), atomically: true, encoding: .utf8)
        let folder = try Self.run(["build", "notes", "-o", "d.json"], in: dir)
        #expect(folder.stderr.hasPrefix("warning: notes/empty.txt: the file is empty\n"), "\(folder.stderr)")
        let here = try Self.run(["build", ".", "-o", "d.json"], in: dir.appendingPathComponent("notes"))
        #expect(here.stderr.hasPrefix("warning: empty.txt: the file is empty\n"), "\(here.stderr)")
        let file = try Self.run(["build", "notes/empty.txt", "-o", "e.json"], in: dir)
        #expect(file.stderr == "Error: notes/empty.txt: the file is empty; no cards could be built\n")
    }

    @Test func reportListsTheConflictsOnce() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { return }
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "On August 9, 1945, the Soviet Union declared war on Japan and invaded Manchuria.\n".write(
            to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "On August 8, 1945, the Soviet Union declared war on Japan and invaded Manchuria.\n".write(
            to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("deck.json").path
        let plain = try Self.run(["build", dir.path, "-o", out])
        #expect(plain.stderr.contains("conflict: On [date], the Soviet Union declared war"))
        let report = try Self.run(["build", dir.path, "-o", out, "--report"])
        #expect(report.stdout.contains("On [date], the Soviet Union declared war"))
        #expect(!report.stderr.contains("conflict:"))
    }

    /// `--json`: the report as a document a script can read, sorted keys, on stdout only.
    @Test func reportAsJSON() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { return }
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cookie = "We use cookies to improve your experience. By continuing you consent to our cookie policy.\n"
        try (cookie + "On August 9, 1945, the Soviet Union declared war on Japan and invaded Manchuria.\n").write(
            to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "On August 8, 1945, the Soviet Union declared war on Japan and invaded Manchuria.\n".write(
            to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: dir.appendingPathComponent("empty.txt").path, contents: Data())
        let out = dir.appendingPathComponent("deck.json").path
        let r = try Self.run(["build", dir.path, "-o", out, "--json"])
        #expect(r.status == 0)
        let doc = try JSONDecoder().decode(JSONReport.self, from: Data(r.stdout.utf8))
        #expect(doc.deck == out)
        #expect(doc.cards > 0 && doc.cards == doc.cardsByKind.values.reduce(0, +))
        #expect(doc.sources.map(\.source) == ["a.txt", "b.txt"])
        #expect(doc.sources[0].dropped["cookie"] == [1])
        #expect(doc.sources[0].datesFound == 1 && doc.sources[0].language == "en")
        #expect(doc.problems.map(\.path) == [dir.appendingPathComponent("empty.txt").path])
        #expect(doc.problems.first?.message.hasSuffix("the file is empty") == true)
        let conflict = try #require(doc.conflicts.first)
        #expect(conflict.prompt.hasPrefix("On [date], the Soviet Union declared war"))
        #expect(Set(conflict.readings.map(\.value)) == ["August 9, 1945", "August 8, 1945"])
        #expect(Set(conflict.readings.flatMap(\.places)) == ["a.txt:2", "b.txt:1"])
        // Stable: keys sorted, so the same build prints the same bytes.
        let again = try Self.run(["build", dir.path, "-o", out, "--json"])
        #expect(again.stdout == r.stdout)
        #expect(
            r.stdout.range(of: "\"cards\"")?.lowerBound ?? r.stdout.endIndex
                < r.stdout.range(of: "\"sources\"")?.lowerBound ?? r.stdout.startIndex)
    }

    /// The documented shape of `mnemo build --json` (docs/deck-builder.md).
    struct JSONReport: Decodable {
        struct Source: Decodable {
            var source: String
            var language: String
            var sentences: Int
            var datesFound: Int
            var figuresFound: Int
            var namesFound: Int
            var factsDrafted: Int
            var cardsByKind: [String: Int]
            var dropped: [String: [Int]]
        }
        struct Problem: Decodable { var path: String; var message: String }
        struct Reading: Decodable { var value: String; var places: [String] }
        struct Conflict: Decodable { var prompt: String; var readings: [Reading] }
        var deck: String?
        var cards: Int
        var cardsByKind: [String: Int]
        var sources: [Source]
        var problems: [Problem]
        var conflicts: [Conflict]
    }
}
