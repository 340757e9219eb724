import Foundation
import Testing

@testable import MnemoCore

/// Replay depends on `SeededGenerator(seedString:)` giving the same stream for the same event id,
/// whichever way the string is stored.
@Suite("SeededGenerator seeds from strings")
struct SeededGeneratorSeedTests {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(text.utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    @Test(
        "the seed is FNV-1a of the UTF-8 bytes, for native, bridged and substring-made strings",
        arguments: [
            "", "a", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "event-42", "مراجعة-٣", String(repeating: "x", count: 200),
        ])
    func seed(text: String) {
        let expected = SeededGenerator(seed: Self.fnv1a(text))
        let forms = [text, NSString(string: text) as String, String(("<" + text + ">").dropFirst().dropLast())]
        for form in forms {
            var generator = SeededGenerator(seedString: form)
            var reference = expected
            #expect((0..<4).map { _ in generator.next() } == (0..<4).map { _ in reference.next() })
        }
    }
}
