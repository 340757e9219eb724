import Testing

@testable import DeckBuilder

/// Lines validated one by one answer as the whole file checked first: the same lines for valid
/// UTF-8, a refusal exactly when the file holds a bad byte.
@Suite struct LineValidationTests {
    static let pieces: [[UInt8]] = [
        Array("plain ascii text long enough for the eight-byte path".utf8), Array("الحرب انتهت في عام ١٩٤٥".utf8),
        [0x0A], [0x0D, 0x0A], [0x0D], [0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xC3, 0xA9], Array("“quoted” — ok…".utf8), [0x80],
    ]

    static let files: [[UInt8]] = {
        var out: [[UInt8]] = [[], [0x0A], [0x0A, 0x0A], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x41, 0x0A]]
        for a in pieces {
            for b in pieces { out.append(a + b) }
            for b in pieces { out.append(a + [0x0A] + b + [0x0D, 0x0A] + a) }
        }
        return out
    }()

    @Test func linesValidatedOneByOneMatchTheFileChecked() {
        for file in Self.files {
            for skip in [0, 3] where skip <= file.count {
                let lines = SourceReader.splitLines(file, from: skip, validating: true)
                let bad = SourceReader.firstInvalidUTF8(file[skip...])
                #expect((lines == nil) == (bad != nil), "\(file)")
                if let lines {
                    var expected = file[skip...].split(separator: 0x0A, omittingEmptySubsequences: false).map {
                        String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self)
                    }
                    if file[skip...].last == 0x0A || file.count == skip { expected.removeLast() }
                    #expect(lines == expected, "\(file)")
                    #expect(lines.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
                }
            }
        }
    }
}
