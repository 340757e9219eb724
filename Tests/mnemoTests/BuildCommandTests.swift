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

    static func run(_ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
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
        #expect(r.stderr.contains("folder holds no .txt, .md or .html files"))
        #expect(r.stderr.contains("no cards could be built"))
    }
}
