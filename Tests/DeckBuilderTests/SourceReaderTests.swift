import Foundation
import MnemoCore
import Testing

@testable import DeckBuilder

struct SourceReaderTests {
    static let good = "On August 6, 1945, the United States dropped an atomic bomb on Hiroshima.\n"

    @Test func readsBOMsAndHTML() throws {
        let dir = TempDir()
        dir.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.good.utf8))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.good.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        dir.write("wide.txt", bytes: utf16)
        dir.write(
            "page.html",
            "<html><head><script>var x = 'August 9, 1999';</script><style>p{}</style></head><body><p>On August 6, 1945, the United States dropped an atomic bomb on Hiroshima.</p></body></html>"
        )
        for name in ["bom.txt", "wide.txt", "page.html"] {
            let file = SourceFile(
                url: dir.url.appendingPathComponent(name), name: name,
                format: SourceFile.format(ofExtension: (name as NSString).pathExtension) ?? .text)
            let text = try SourceReader.read(file)
            #expect(text.lines.contains { $0.hasPrefix("On August 6, 1945") }, "\(name)")
            #expect(!text.lines.joined().contains("1999"))
        }
    }

    @Test func badFilesGetOneMessageEachAndTheBuildGoesOn() {
        let dir = TempDir()
        dir.write("good.txt", Self.good)
        dir.write("empty.txt", "")
        dir.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3])
        dir.write("latin1.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" in 1945 was open.\n".utf8))
        dir.write("long.txt", String(repeating: "a", count: SourceReader.maxLineBytes + 10))
        let emptyFolder = dir.url.appendingPathComponent("nothing")
        try? FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)
        let result = Fixtures.build([dir.url.path, emptyFolder.path, dir.url.appendingPathComponent("gone.txt").path])
        #expect(result.deck.cards.count > 0)
        let messages = result.report.problems.map(\.description)
        #expect(messages.contains { $0.hasSuffix("empty.txt: the file is empty") })
        #expect(messages.contains { $0.hasSuffix("binary.txt: looks like a binary file, not text") })
        #expect(messages.contains { $0.hasSuffix("latin1.txt: not valid UTF-8 (bad byte at offset 3)") })
        #expect(messages.contains { $0.contains("long.txt:1: line longer than 1 MiB") })
        #expect(messages.contains { $0.hasSuffix("nothing: folder holds no .txt, .md or .html files") })
        #expect(messages.contains { $0.hasSuffix("gone.txt: no such file or folder") })
        #expect(messages.allSatisfy { !$0.contains("\n") })
    }

    @Test(arguments: [
        (DeckBuildError.nothingBuilt(problems: 2), "no cards could be built (2 source problems reported above)"),
        (
            .nothingBuilt(problems: 0),
            "no cards could be built: the sources hold no date, figure or name fit to ask about"
        ),
        (
            .nothingBuiltFrom("notes: folder holds no .txt, .md or .html files"),
            "notes: folder holds no .txt, .md or .html files; no cards could be built"
        ),
        (.strictFailure(problems: 1), "--strict: 1 source problem reported above"),
    ])
    func buildErrorMessages(_ error: DeckBuildError, _ message: String) {
        #expect(error.description == message)
    }

    @Test func fileRemovedBeforeReading() {
        let dir = TempDir()
        let file = dir.write("soon-gone.txt", Self.good)
        let source = SourceFile(url: file, name: "soon-gone.txt", format: .text)
        try? FileManager.default.removeItem(at: file)
        let result = DeckBuilder(options: .init(title: "T")).build(files: [source])
        #expect(
            result.report.problems.map(\.description).contains { $0.hasSuffix("soon-gone.txt: no such file or folder") }
        )
    }
}

struct SharedSourcesTests {
    @Test func bundledSourcesGiveACleanDeckCoveringKeyFacts() throws {
        guard let path = Fixtures.sharedSources else { return }
        let result = Fixtures.build([path])
        let cards = result.deck.cards
        #expect(result.report.problems.isEmpty)
        // No card from boilerplate.
        for card in cards {
            for e in card.evidence {
                #expect(
                    !e.quote.contains("DayDayNews") && !e.quote.contains("Current location") && !e.quote.contains("*"))
                #expect(!e.quote.contains("كوكيز") && !e.quote.contains("19526") && !e.quote.contains("22:41"))
            }
        }
        func has(_ answer: String, _ words: String) -> Bool {
            cards.contains {
                $0.answer.contains(answer) && ($0.prompt + ($0.evidence.first?.quote ?? "")).contains(words)
            }
        }
        #expect(has("August 6, 1945", "Hiroshima"))
        #expect(has("August 8", "declared war"))
        #expect(has("September 2, 1945", "surrender"))
        #expect(has("600,000", "Japanese soldiers"))
        #expect(has("1.5 million", "troops"))
        #expect(has("May 1939", "Haraha River"))
        #expect(has("June 25, 1950", "Korean"))
        #expect(has("April 10, 1950", "Kim Il Sung"))
        #expect(cards.contains { $0.language == "ar" && $0.kind == .question })
        // Conflicts: Hiroshima date across sources, prisoner numbers within source 002.
        let conflicts = result.report.conflicts.map(\.line)
        #expect(conflicts.contains { $0.contains("August 6, 1945 (000_") && $0.contains("August 15, 1945 (003_") })
        #expect(conflicts.contains { $0.contains("600,000") && $0.contains("500,000") })
        #expect(
            conflicts.contains {
                $0.contains("Yalta") && $0.contains("February 1945 (000_") && $0.contains("July 13, 1945 (003_")
            })
        // Ids unique, every card has a non-empty prompt and answer.
        #expect(Set(cards.map(\.id)).count == cards.count)
        #expect(cards.allSatisfy { !$0.prompt.isEmpty && !$0.answer.isEmpty && !$0.evidence.isEmpty })
    }

    @Test func bundledDeckIsReproduced() throws {
        guard let path = Fixtures.sharedSources else { return }
        var dir = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { dir.deleteLastPathComponent() }
        let deckURL = dir.appendingPathComponent("Decks/soviet-japanese-war-1945.json")
        let committed = try JSONDecoder().decode(Deck.self, from: Data(contentsOf: deckURL))
        let rebuilt = DeckBuilder(options: .init(title: committed.title, deckID: committed.id)).build(paths: [path])
            .deck
        let same = rebuilt == committed
        #expect(same, "rebuilding the bundled deck from ../shared/sources changed it; rebuild and commit Decks/")
    }
}
