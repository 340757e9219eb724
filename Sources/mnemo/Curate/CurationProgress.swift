import DeckExchange
import Foundation
import MnemoCore

/// Which cards of a deck a curator has been through: the sidecar `DECK.curation.json` beside the
/// deck (docs/curate.md). A sidecar, not card tags, so the deck's cards (and their exports to
/// Anki or quiz sheets) carry no bookkeeping, and starting over is deleting one file.
struct CurationProgress: Codable, Equatable {
    var formatVersion = 1
    /// The deck's id, so a sidecar is never applied to another deck.
    var deck: String
    /// Cards kept (possibly edited) or dropped.
    var reviewed: Set<CardID> = []
    /// Cards dropped from the deck, for the record (their review events stay in the log).
    var dropped: Set<CardID> = []

    enum CodingKeys: String, CodingKey { case formatVersion, deck, reviewed, dropped }

    init(deck: String) { self.deck = deck }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        deck = try c.decode(String.self, forKey: .deck)
        reviewed = Set(try c.decodeIfPresent([CardID].self, forKey: .reviewed) ?? [])
        dropped = Set(try c.decodeIfPresent([CardID].self, forKey: .dropped) ?? [])
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(deck, forKey: .deck)
        try c.encode(reviewed.sorted(), forKey: .reviewed)
        try c.encode(dropped.sorted(), forKey: .dropped)
    }

    /// `deck.json` → `deck.curation.json`, in the deck's folder.
    static func defaultURL(forDeck deck: URL) -> URL {
        let base = deck.pathExtension == "json" ? deck.deletingPathExtension() : deck
        return base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + ".curation.json")
    }

    /// The sidecar at `url`, or a fresh one when there is none.
    static func load(from url: URL, deckID: String) throws -> CurationProgress {
        guard let data = try? Data(contentsOf: url) else { return CurationProgress(deck: deckID) }
        let progress: CurationProgress
        do {
            progress = try JSONDecoder().decode(CurationProgress.self, from: data)
        } catch {
            throw CurateError.badProgressFile(path: url.relativePath, why: "not JSON, or cut off")
        }
        guard progress.formatVersion == 1 else {
            throw CurateError.badProgressFile(path: url.relativePath, why: "format version \(progress.formatVersion)")
        }
        guard progress.deck == deckID else {
            throw CurateError.wrongDeck(path: url.relativePath, expected: deckID, found: progress.deck)
        }
        return progress
    }

    func data() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

/// Where curation decisions go: the deck and its sidecar, rewritten atomically after every decision.
protocol CurationSink: AnyObject {
    /// Applies `change` to the deck as it is now and records `progress`; returns the deck written.
    func save(_ change: (inout Deck) throws -> Void, progress: CurationProgress) throws -> Deck
}

/// The deck file and sidecar on disk. Each save takes the deck's `DECK.lock` (refused at once if
/// another program is writing the deck), re-reads the deck so a change made meanwhile by another
/// program is not overwritten, applies the decision to the card by id, and writes the deck and then
/// the sidecar, each atomically (temp file, fsync, rename).
final class CurationFiles: CurationSink {
    let deckURL: URL
    let progressURL: URL

    init(deck: URL, progress: URL) {
        deckURL = deck
        progressURL = progress
    }

    func save(_ change: (inout Deck) throws -> Void, progress: CurationProgress) throws -> Deck {
        try DeckFile.withLock(on: deckURL) {
            var deck = try Deck.load(from: deckURL)
            let before = deck
            try change(&deck)
            if deck != before { try deck.write(to: deckURL) }
            try DeckFile.writeAtomically(try progress.data(), to: progressURL)
            return deck
        }
    }
}
