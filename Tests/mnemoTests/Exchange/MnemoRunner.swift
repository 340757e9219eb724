import Foundation

/// Runs the built `mnemo` binary (it sits beside the test bundle) in a folder.
struct MnemoRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            repositoryRoot.appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            var url = folder
            // Inside an .xctest bundle: walk up to the build folder.
            while url.pathExtension == "xctest" || url.lastPathComponent == "Contents"
                || url.lastPathComponent == "MacOS"
            {
                url = url.deletingLastPathComponent()
            }
            let binary = url.appendingPathComponent("mnemo")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/mnemo")
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: url(name))
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Output {
        try Self.run(Self.binary, arguments, in: folder, environment: environment)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        try Self.run(Self.binary, arguments, in: folder, environment: environment)
    }

    static func run(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:])
        throws -> Output
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
