import Foundation
import Testing

@testable import mnemo

struct CLIErrorTests {
    @Test func messageNamesTheCommand() {
        #expect(CLIError.notYetAvailable("stats").description == "'mnemo stats' is not available yet")
    }
}

/// A refused option value is one "Error:" line naming the option, exit 1, no usage block.
@Suite struct BadOptionTests {
    @Test(arguments: [
        (["simulate", "--retention", "1.5"], "Error: --retention values must be numbers from 0.70 to 0.99, got '1.5'"),
        (["simulate", "--days", "-5"], "Error: --days must be from 1 to 3650, got -5"),
        (["study", "--new", "-3"], "Error: --new must be 0 or more (got -3)"),
        (["build", "x", "--max-cards", "0"], "Error: --max-cards must be at least 1"),
    ])
    func oneLineAndExitOne(_ arguments: [String], _ message: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-opt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runMnemoBinary(arguments, in: folder, environment: ["MNEMO_HOME": folder.path])
        #expect(run.status == 1)
        #expect(run.stderr == message + "\n", "\(run.stderr)")
    }
}
