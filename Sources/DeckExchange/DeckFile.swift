import Foundation
import MnemoCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing deck files.
///
/// Writes are atomic: the deck goes to a temporary file in the same folder, is flushed to
/// disk (fsync), then renamed over the old one, so a reader (or a crash) sees either the
/// old deck or the new one, never half of one. Two writers are kept apart by an advisory
/// lock (`flock`) on a `.lock` file beside the deck: the second one is refused at once with
/// a clear message rather than waiting or interleaving.
public enum DeckFile {
    public static func load(_ url: URL) throws(ExchangeError) -> Deck {
        let path = url.relativePath
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path, error.localizedDescription) }
        if data.isEmpty { throw .badDeck(path, "the file is empty") }
        struct Version: Decodable { var formatVersion: Int? }
        if let version = try? JSONDecoder().decode(Version.self, from: data).formatVersion,
            version > Deck.currentFormatVersion
        {
            throw .newerDeck(path, version: version)
        }
        do {
            return try JSONDecoder().decode(Deck.self, from: data)
        } catch let error as DecodingError {
            throw .badDeck(path, describe(error))
        } catch {
            throw .badDeck(path, error.localizedDescription)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON, or cut off" : "bad value" + at(context.codingPath)
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"" + at(context.codingPath)
        case .typeMismatch(_, let context): return "wrong type" + at(context.codingPath)
        case .valueNotFound(_, let context): return "missing value" + at(context.codingPath)
        @unknown default: return "cannot be decoded"
        }
    }

    /// Pretty-printed JSON with sorted keys (the deck format's layout).
    public static func encode(_ deck: Deck) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(deck)) ?? Data()
    }

    /// Writes `deck` atomically under the deck's lock.
    public static func save(_ deck: Deck, to url: URL) throws(ExchangeError) {
        var data = encode(deck)
        data.append(0x0A)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(url.relativePath, error.localizedDescription)
        }
        try withLock(on: url) { () throws(ExchangeError) in try writeAtomically(data, to: url) }
    }

    /// Runs `body` holding an exclusive advisory lock on `<file>.lock`; refuses at once
    /// with `.busy` when another process holds it.
    public static func withLock<T>(on url: URL, _ body: () throws(ExchangeError) -> T) throws(ExchangeError) -> T {
        let lockPath = url.path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(url.relativePath, "cannot create \(lockPath): \(errnoText())") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK { throw .busy(url.relativePath) }
            throw .writeFailed(url.relativePath, "cannot lock \(lockPath): \(errnoText())")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Temp file in the same folder, fsync, rename over `url`, fsync the folder.
    public static func writeAtomically(_ data: Data, to url: URL) throws(ExchangeError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(url.relativePath, error.localizedDescription)
        }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(url.relativePath, errnoText()) }
        var ok = false
        defer {
            if !ok { unlink(temp.path) }
        }
        let written = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue } else { return false } }
                offset += n
            }
            return true
        }
        let synced = written && fsync(fd) == 0
        let why = errnoText()
        close(fd)
        guard synced else { throw .writeFailed(url.relativePath, why) }
        guard rename(temp.path, url.path) == 0 else { throw .writeFailed(url.relativePath, errnoText()) }
        ok = true
        let dirfd = open(folder.path, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
