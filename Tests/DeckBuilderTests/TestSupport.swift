import Foundation
import MnemoCore

@testable import DeckBuilder

/// A temporary folder removed when the value is released.
final class TempDir {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-deck-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) -> URL {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> URL {
        let file = url.appendingPathComponent(name)
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        return file
    }
}

enum Fixtures {
    /// The project's five real sources, when the shared folder is there.
    static var sharedSources: String? {
        var dir = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            dir.deleteLastPathComponent()
            let candidate = dir.appendingPathComponent("shared/sources")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        }
        return nil
    }

    static func build(_ paths: [String], maxCards: Int? = nil) -> DeckBuilder.Result {
        DeckBuilder(options: .init(title: "Test", maxCards: maxCards)).build(paths: paths)
    }

    static func tokens(_ s: String) -> [Token] { Tokenizer.tokens(s) }

    /// Every token one of the tokenizer's readers gives for `text`.
    static func tokens(of text: String, by reader: (String, (Token) -> Bool) -> Void) -> [Token] {
        var out: [Token] = []
        reader(text) {
            out.append($0)
            return true
        }
        return out
    }
}
