import DeckExchange
import Foundation
import MnemoCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

struct DeckFileTests {
    @Test func saveThenLoadGivesTheSameDeckAndLeavesNoTempFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deck = try sampleDeck()
        let url = folder.appendingPathComponent("Decks/sample.json")
        try DeckFile.save(deck, to: url)
        #expect(try Deck.load(from: url) == deck)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Decks").path)
        #expect(names.sorted() == ["sample.json", "sample.json.lock"])
    }

    @Test func aDeckAnotherProgramIsWritingIsNotTouched() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deck = try sampleDeck()
        let url = folder.appendingPathComponent("sample.json")
        try DeckFile.save(deck, to: url)
        let before = try Data(contentsOf: url)
        // Another process holds the deck's lock (flock locks are per open file, so a second
        // descriptor in this process stands in for it).
        let fd = open(url.path + ".lock", O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        var changed = deck
        changed.cards.removeAll()
        #expect(throws: ExchangeError.busy(url.path)) { try DeckFile.save(changed, to: url) }
        #expect(try Data(contentsOf: url) == before)
        #expect(
            ExchangeError.busy("d.json").description
                == "d.json: another program is writing this deck right now; try again when it is done")
        flock(fd, LOCK_UN)
        try DeckFile.save(changed, to: url)
        #expect(try Deck.load(from: url).cards.isEmpty)
    }

    @Test func aHalfWrittenDeckIsReportedNotRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("cut.json")
        let data = try (try sampleDeck()).encoded()
        try data.prefix(data.count / 2).write(to: url)
        #expect(throws: DeckError.truncated(path: url.path)) { try Deck.load(from: url) }
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The target is a folder with a file in it: the final rename must fail.
        let url = folder.appendingPathComponent("deck.json")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: url.appendingPathComponent("inside.txt"))
        #expect(throws: ExchangeError.self) { try DeckFile.writeAtomically(Data("new".utf8), to: url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["deck.json"])
        #expect(try String(contentsOf: url.appendingPathComponent("inside.txt"), encoding: .utf8) == "keep")
    }
}
