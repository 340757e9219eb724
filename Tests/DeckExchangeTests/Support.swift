import Foundation
import MnemoCore

/// A fresh temporary folder, removed by the caller's `defer`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-exchange-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The example deck shipped in docs/examples (every card kind, Arabic, a conflict).
func sampleDeck() throws -> Deck {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let data = try Data(contentsOf: root.appendingPathComponent("docs/examples/sample-deck.json"))
    return try JSONDecoder().decode(Deck.self, from: data)
}
