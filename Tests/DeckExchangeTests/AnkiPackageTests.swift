import DeckExchange
import Foundation
import GRDB
import MnemoCore
import Testing
import ZIPFoundation

struct AnkiPackageTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func packageHoldsASchema11CollectionAndAnEmptyMediaManifest() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deck = try sampleDeck()
        let apkg = folder.appendingPathComponent("deck.apkg")
        try AnkiPackageWriter.write(deck, to: apkg, now: now)
        let archive = try Archive(url: apkg, accessMode: .read)
        #expect(Set(archive.map(\.path)) == ["collection.anki2", "media"])
        var media = Data()
        _ = try archive.extract(try #require(archive["media"])) { media.append($0) }
        #expect(String(decoding: media, as: UTF8.self) == "{}")
        let collection = folder.appendingPathComponent("c.anki2")
        _ = try archive.extract(try #require(archive["collection.anki2"]), to: collection)
        let db = try DatabaseQueue(path: collection.path)
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT ver FROM col") == 11)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM notes") == deck.cards.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM cards") == deck.cards.count)
            let guids = try String.fetchAll(db, sql: "SELECT guid FROM notes")
            #expect(Set(guids) == Set(deck.cards.map(\.id.rawValue)))
            for row in try Row.fetchAll(db, sql: "SELECT flds, csum FROM notes") {
                let first = (row["flds"] as String).components(separatedBy: "\u{1F}")[0]
                let sha = SHA1.hexDigest(of: Array(HTMLText.plainText(first).utf8))
                #expect(row["csum"] as Int64 == Int64(sha.prefix(8), radix: 16))
            }
            let models = try #require(try String.fetchOne(db, sql: "SELECT models FROM col"))
            #expect(models.contains("{{cloze:Text}}") && models.contains("\"type\":1"))
            let cloze = try #require(deck.cards.first { $0.kind == .cloze && $0.language == "en" })
            let fields = try #require(
                try String.fetchOne(db, sql: "SELECT flds FROM notes WHERE guid = ?", arguments: [cloze.id.rawValue]))
            #expect(fields.hasPrefix("The Yalta Conference took place at the {{c1::Livadia Palace::place}}"))
        }
    }

    @Test func samePackageForTheSameDeckAndTime() throws {
        let deck = try sampleDeck()
        #expect(try AnkiPackageWriter.package(for: deck, now: now) == AnkiPackageWriter.package(for: deck, now: now))
    }

    @Test func ourPackageReadsBackWithTheSameIdsAndAnswers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deck = try sampleDeck()
        let apkg = folder.appendingPathComponent("deck.apkg")
        try AnkiPackageWriter.write(deck, to: apkg, now: now)
        let result = try DeckImporter.read(apkg)
        #expect(result.problems.isEmpty)
        #expect(result.deck.title == deck.title)
        #expect(result.deck.id == deck.id)
        #expect(result.deck.sources == deck.sources)
        #expect(result.deck.languages == deck.languages)
        #expect(result.deck.cards.map(\.id) == deck.cards.map(\.id))
        #expect(result.deck.cards.map(\.kind) == deck.cards.map(\.kind))
        #expect(result.deck.cards.map(\.prompt) == deck.cards.map(\.prompt))
        #expect(result.deck.cards.map(\.answer) == deck.cards.map(\.answer))
        #expect(result.deck.cards.map(\.choices) == deck.cards.map(\.choices))
        #expect(result.deck.cards.map(\.tags) == deck.cards.map(\.tags))
        #expect(result.deck.cards.map { $0.evidence.map(\.quote) } == deck.cards.map { $0.evidence.map(\.quote) })
        #expect(result.deck == deck)
    }

    // MARK: Bad input

    @Test func aFileThatIsNotAZip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.apkg")
        try Data("front,back\n".utf8).write(to: file)
        #expect(throws: ExchangeError.notAZip(file.path)) { try DeckImporter.read(file) }
        #expect(
            ExchangeError.notAZip("x.apkg").description
                == "x.apkg: not an Anki package (an .apkg is a zip file, and this is not one)")
    }

    @Test func aZipWithNoCollection() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("empty.apkg")
        try zip(["media": Data("{}".utf8), "readme.txt": Data("hi".utf8)], to: file)
        #expect(throws: ExchangeError.noCollection(file.path, entries: ["media", "readme.txt"])) {
            try DeckImporter.read(file)
        }
        #expect(
            ExchangeError.noCollection("e.apkg", entries: ["media", "readme.txt"]).description
                == "e.apkg: no Anki collection inside (expected collection.anki2 or collection.anki21; found media, readme.txt)"
        )
    }

    @Test func theNewerPackageFormatIsRefusedByName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("new.apkg")
        try zip(
            ["collection.anki21b": Data([0x28, 0xB5, 0x2F, 0xFD]), "collection.anki2": Data(), "meta": Data()], to: file
        )
        #expect(throws: ExchangeError.newerAnkiPackage(file.path)) { try DeckImporter.read(file) }
        #expect(ExchangeError.newerAnkiPackage("n.apkg").description.contains("collection.anki21b"))
        #expect(ExchangeError.newerAnkiPackage("n.apkg").description.contains("schema 18"))
    }

    @Test func aSchemaVersionWeDoNotRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let apkg = folder.appendingPathComponent("deck.apkg")
        try AnkiPackageWriter.write(try sampleDeck(), to: apkg, now: now)
        // Rewrite the collection with ver = 18 and repackage it.
        let archive = try Archive(url: apkg, accessMode: .read)
        let collection = folder.appendingPathComponent("collection.anki2")
        _ = try archive.extract(try #require(archive["collection.anki2"]), to: collection)
        let db = try DatabaseQueue(path: collection.path)
        try db.write { try $0.execute(sql: "UPDATE col SET ver = 18") }
        try db.close()
        let newer = folder.appendingPathComponent("v18.apkg")
        try zip(["collection.anki2": try Data(contentsOf: collection), "media": Data("{}".utf8)], to: newer)
        #expect(throws: ExchangeError.unsupportedSchema(newer.path, version: 18)) { try DeckImporter.read(newer) }
        #expect(
            ExchangeError.unsupportedSchema("v.apkg", version: 18).description
                == "v.apkg: Anki collection schema version 18; Mnemo reads schema 11 (collection.anki2/anki21)")
    }

    @Test func aCollectionThatIsNotSQLite() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("junk.apkg")
        try zip(["collection.anki2": Data(repeating: 0x41, count: 4096)], to: file)
        #expect(throws: ExchangeError.notACollection(file.path, "the collection is not an SQLite database")) {
            try DeckImporter.read(file)
        }
    }

    func zip(_ entries: [String: Data], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data) in entries.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
