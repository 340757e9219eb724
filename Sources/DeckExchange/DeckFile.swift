import Foundation
import MnemoCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Saving decks for the exchange commands, on top of the deck format's own atomic write
/// (`Deck.write(to:)`: temporary file, fsync, rename). Two writers are kept apart by an
/// advisory lock (`flock`) on a `.lock` file beside the deck: the second is refused at once
/// with a clear message rather than waiting or silently overwriting the first one's work.
/// Reading is `Deck.load(from:)`.
public enum DeckFile {
    /// Writes `deck` atomically under the deck's lock.
    public static func save(_ deck: Deck, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ExchangeError.writeFailed(url.relativePath, error.localizedDescription)
        }
        try withLock(on: url) { try deck.write(to: url) }
    }

    /// Runs `body` holding an exclusive advisory lock on `<file>.lock`; refuses at once
    /// with `.busy` when another process holds it.
    public static func withLock<T>(on url: URL, _ body: () throws -> T) throws -> T {
        let lockPath = url.path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ExchangeError.writeFailed(url.relativePath, "cannot create \(lockPath): \(errnoText())")
        }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK { throw ExchangeError.busy(url.relativePath) }
            throw ExchangeError.writeFailed(url.relativePath, "cannot lock \(lockPath): \(errnoText())")
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
