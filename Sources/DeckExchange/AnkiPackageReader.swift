import Foundation
import GRDB
import MnemoCore
import ZIPFoundation

/// Reads the notes of an Anki package (`.apkg`, or a `.colpkg` collection package) made
/// with the legacy schema 11: `collection.anki21` when present, else `collection.anki2`.
/// Packages holding only the newer `collection.anki21b` (zstd, schema 18) are refused by
/// name: reading them would need zstd and Anki's protobuf-encoded tables.
public enum AnkiPackageReader {
    public struct Contents: Sendable {
        public var notes: [ForeignNote]
        /// The deck most of the cards are in.
        public var deckName: String?
        /// The Mnemo deck id, when Mnemo made the package.
        public var mnemoDeckID: String?
        /// The Mnemo deck header (id, title, languages, sources; no cards), when Mnemo made it.
        public var mnemoDeck: Deck?
    }

    public static func read(_ url: URL) throws(ExchangeError) -> Contents {
        let path = url.relativePath
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, "permission denied") }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        try? handle.close()
        guard magic.count == 4, magic[0] == 0x50, magic[1] == 0x4B, [0x03, 0x05].contains(magic[2]) else {
            throw .notAZip(path)
        }
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw .notAZip(path) }
        let entries = archive.map(\.path)
        let name: String
        if entries.contains("collection.anki21b") {
            throw .newerAnkiPackage(path)
        } else if entries.contains("collection.anki21") {
            name = "collection.anki21"
        } else if entries.contains("collection.anki2") {
            name = "collection.anki2"
        } else {
            throw .noCollection(path, entries: entries)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let collection = folder.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard let entry = archive[name] else { throw ExchangeError.noCollection(path, entries: entries) }
            _ = try archive.extract(entry, to: collection)
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw .unreadable(path, "cannot unzip \(name): \(error)")
        }
        return try readCollection(collection, packagePath: path)
    }

    struct Model {
        var name: String
        var isCloze: Bool
        var fields: [String]
    }

    static func readCollection(_ url: URL, packagePath path: String) throws(ExchangeError) -> Contents {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db throws -> Contents in
                guard try db.tableExists("col"), try db.tableExists("notes") else {
                    throw ExchangeError.notACollection(path, "no col or notes table")
                }
                guard let row = try Row.fetchOne(db, sql: "SELECT ver, conf, models, decks FROM col") else {
                    throw ExchangeError.notACollection(path, "the col table is empty")
                }
                let version: Int = row["ver"]
                guard version == AnkiSchema.version else {
                    throw ExchangeError.unsupportedSchema(path, version: version)
                }
                let models = parseModels(row["models"] as String? ?? "{}")
                let decks = parseDecks(row["decks"] as String? ?? "{}")
                var notes: [ForeignNote] = []
                let rows = try Row.fetchAll(db, sql: "SELECT id, guid, mid, tags, flds, data FROM notes ORDER BY id")
                for (index, note) in rows.enumerated() {
                    let mid: Int64 = note["mid"]
                    let fields = (note["flds"] as String? ?? "").components(separatedBy: "\u{1F}").map(
                        HTMLText.plainText)
                    let tags = (note["tags"] as String? ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
                    var foreign = foreignNote(
                        fields: fields, model: models[mid], tags: tags, guid: note["guid"], row: index + 1)
                    if let data = note["data"] as String?, data.hasPrefix("{") { foreign.mnemoCard = data }
                    notes.append(foreign)
                }
                let topDeck = try Int64.fetchOne(
                    db, sql: "SELECT did FROM cards GROUP BY did ORDER BY count(*) DESC, did LIMIT 1")
                let top = topDeck.flatMap { decks[$0] }
                return Contents(
                    notes: notes, deckName: top?.name,
                    mnemoDeckID: top.flatMap { AnkiSchema.mnemoDeckID(fromDescription: $0.description) },
                    mnemoDeck: mnemoDeck(fromConf: row["conf"] as String? ?? "{}"))
            }
        } catch let error as ExchangeError {
            throw error
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            throw .notACollection(path, "the collection is not an SQLite database")
        } catch {
            throw .notACollection(path, String(describing: error))
        }
    }

    static func foreignNote(fields: [String], model: Model?, tags: [String], guid: String?, row: Int) -> ForeignNote {
        let names = model?.fields ?? []
        func field(_ name: String) -> String? {
            names.firstIndex(of: name).flatMap { $0 < fields.count ? fields[$0] : nil }
        }
        let source = field("Source") ?? ""
        if model?.isCloze == true {
            return ForeignNote(
                shape: .cloze, front: fields.first ?? "", back: "", source: source, tags: tags, guid: guid, row: row,
                line: row)
        }
        if let question = field("Question"), let options = field("Options"), let answer = field("Answer") {
            let list = options.split(separator: "\n").map { line -> String in
                // "B. Paris" -> "Paris"
                let text = String(line)
                if let dot = text.range(of: ". "), text[..<dot.lowerBound].count <= 2 {
                    return String(text[dot.upperBound...])
                }
                return text
            }
            return ForeignNote(
                shape: .choice, front: question, back: answer, options: list, source: source, tags: tags, guid: guid,
                row: row, line: row)
        }
        let regular = fields.enumerated().filter { names.count <= $0.offset || names[$0.offset] != "Source" }.map(
            \.element)
        return ForeignNote(
            shape: .basic, front: regular.first ?? "", back: regular.dropFirst().first ?? "", source: source,
            tags: tags,
            guid: guid, row: row, line: row)
    }

    static func mnemoDeck(fromConf json: String) -> Deck? {
        guard let conf = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let header = conf["mnemoDeck"], JSONSerialization.isValidJSONObject(header),
            let data = try? JSONSerialization.data(withJSONObject: header)
        else { return nil }
        return try? JSONDecoder().decode(Deck.self, from: data)
    }

    static func parseModels(_ json: String) -> [Int64: Model] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [:]
        }
        var models: [Int64: Model] = [:]
        for (key, value) in object {
            guard let id = Int64(key), let model = value as? [String: Any] else { continue }
            let fields = (model["flds"] as? [[String: Any]] ?? [])
                .sorted { ($0["ord"] as? Int ?? 0) < ($1["ord"] as? Int ?? 0) }
                .compactMap { $0["name"] as? String }
            models[id] = Model(
                name: model["name"] as? String ?? "", isCloze: (model["type"] as? Int) == 1, fields: fields)
        }
        return models
    }

    static func parseDecks(_ json: String) -> [Int64: (name: String, description: String)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [:]
        }
        var decks: [Int64: (name: String, description: String)] = [:]
        for (key, value) in object {
            guard let id = Int64(key), let deck = value as? [String: Any], let name = deck["name"] as? String else {
                continue
            }
            decks[id] = (name, deck["desc"] as? String ?? "")
        }
        return decks
    }
}
