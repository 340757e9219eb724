import Foundation
import GRDB
import MnemoCore
import ZIPFoundation

/// Writes a deck as an Anki package (`.apkg`): a zip holding `collection.anki2` (SQLite,
/// schema 11) and a `media` manifest (`{}`: Mnemo cards have no media).
public enum AnkiPackageWriter {
    /// The package's bytes. `now` stamps modification times and seeds the note and card ids
    /// (Anki's ids are millisecond times), so the same deck and time give the same file.
    public static func package(for deck: Deck, now: Date) throws(ExchangeError) -> Data {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("mnemo-apkg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let collection = folder.appendingPathComponent("collection.anki2")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try writeCollection(deck, to: collection, now: now)
            let archive = try Archive(data: Data(), accessMode: .create)
            let collectionData = try Data(contentsOf: collection)
            try add(collectionData, as: "collection.anki2", to: archive, now: now)
            try add(Data("{}".utf8), as: "media", to: archive, now: now)
            guard let data = archive.data else { throw ExchangeError.writeFailed("package", "zip not built") }
            return data
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw .writeFailed("package", String(describing: error))
        }
    }

    /// Writes the package to `url` atomically.
    public static func write(_ deck: Deck, to url: URL, now: Date) throws(ExchangeError) {
        let data: Data
        do { data = try package(for: deck, now: now) } catch {
            if case .writeFailed(_, let why) = error { throw .writeFailed(url.relativePath, why) }
            throw error
        }
        try DeckFile.writeAtomically(data, to: url)
    }

    static func add(_ data: Data, as name: String, to archive: Archive, now: Date) throws {
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: now,
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// The deck without its cards, as a JSON object.
    static func header(of deck: Deck) -> Any? {
        var header = deck
        header.cards = []
        guard let data = try? JSONEncoder().encode(header) else { return nil }
        return try? JSONSerialization.jsonObject(with: data)
    }

    static func writeCollection(_ deck: Deck, to url: URL, now: Date) throws {
        let nowMs = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let nowSec = nowMs / 1000
        let deckID = AnkiSchema.deckID(for: deck.id)
        let notes = deck.cards.map(AnkiNote.init(card:))
        let models = Dictionary(
            uniqueKeysWithValues: AnkiNoteType.allCases.map {
                (String(AnkiSchema.modelID($0)), AnkiSchema.model($0, deckID: deckID, now: nowSec))
            })
        let decks: [String: Any] = [
            "1": AnkiSchema.deck(id: 1, name: "Default", now: nowSec),
            String(deckID): AnkiSchema.deck(
                id: deckID, name: deck.title.isEmpty ? deck.id : deck.title, now: nowSec,
                description: AnkiSchema.description(deckID: deck.id)),
        ]
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: AnkiSchema.tables)
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [
                    nowSec - nowSec % 86400, nowMs, nowMs, AnkiSchema.version,
                    AnkiSchema.json(AnkiSchema.conf(deckID: deckID, mnemoDeck: header(of: deck))),
                    AnkiSchema.json(models),
                    AnkiSchema.json(decks), AnkiSchema.json(AnkiSchema.deckConfig),
                ])
            let insertNote = try db.makeStatement(sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)")
            let insertCard = try db.makeStatement(
                sql: "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')")
            // Each card as JSON in its note's `data` column (unused by Anki), so importing the
            // package back into Mnemo gives exactly the exported card.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for (index, note) in notes.enumerated() {
                let fields = note.fields.map(HTMLText.field)
                let first = HTMLText.plainText(fields[0])
                let checksum = Int64(SHA1.hexDigest(of: Array(first.utf8)).prefix(8), radix: 16) ?? 0
                let tags = note.tags.isEmpty ? "" : " " + note.tags.joined(separator: " ") + " "
                let id = nowMs + Int64(index)
                let card = (try? encoder.encode(deck.cards[index])).map { String(decoding: $0, as: UTF8.self) } ?? ""
                try insertNote.execute(arguments: [
                    id, note.guid, AnkiSchema.modelID(note.type), nowSec, tags,
                    fields.joined(separator: "\u{1F}"), first, checksum, card,
                ])
                try insertCard.execute(arguments: [id, id, deckID, nowSec, index + 1])
            }
        }
        try queue.close()
    }
}
