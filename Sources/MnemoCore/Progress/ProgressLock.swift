import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who holds a progress folder's lock, as written into its `lock` file for the next one to read.
/// The caller supplies it (the core reads neither the clock nor the process table).
public struct LockOwner: Codable, Hashable, Sendable {
    public var pid: Int32
    public var host: String
    /// What runs, e.g. "mnemo study".
    public var command: String
    public var since: Date

    public init(pid: Int32, host: String, command: String, since: Date) {
        self.pid = pid
        self.host = host
        self.command = command
        self.since = since
    }

    /// "mnemo study (pid 1234 on laptop) since 2026-11-22T09:05:00.250Z".
    public var description: String {
        "\(command) (pid \(pid)\(host.isEmpty ? "" : " on \(host)")) since \(LogTime.format(since))"
    }
}

/// An exclusive `flock` on the folder's `lock` file, held while a writer has the folder open. The
/// kernel drops it when the process dies, so a crash never leaves the folder locked.
final class ProgressLock {
    static let fileName = "lock"
    private var fd: Int32

    /// Takes the lock or throws `.inUse` naming the holder (nothing is written then).
    init(folder: URL, owner: LockOwner) throws(ProgressError) {
        let url = folder.appendingPathComponent(ProgressLock.fileName)
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ReviewLogWriter.openError(url.path) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = ProgressLock.holder(fd: fd)
            SystemCall.closeFile(fd)
            fd = -1
            if code == EWOULDBLOCK {
                throw .inUse(folder: folder.path, holder: holder ?? "another mnemo process")
            }
            throw .notWritable(path: url.path, reason: String(cString: strerror(code)))
        }
        var line = (try? ProgressLock.encoder.encode(owner)).map { [UInt8]($0) } ?? []
        line.append(0x0A)
        if ftruncate(fd, 0) != 0 || pwriteAll(line) != nil {
            let reason = SystemCall.lastError
            SystemCall.closeFile(fd)
            fd = -1
            throw .writeFailed(path: url.path, reason: reason)
        }
    }

    deinit { release() }

    /// Empties the lock file and drops the lock. Safe to call twice.
    func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        _ = flock(fd, LOCK_UN)
        SystemCall.closeFile(fd)
        fd = -1
    }

    private func pwriteAll(_ bytes: [UInt8]) -> String? {
        guard lseek(fd, 0, SEEK_SET) == 0 else { return SystemCall.lastError }
        return SystemCall.writeAll(fd, bytes)
    }

    /// Who holds the lock on the file `fd` refers to, if the file says.
    private static func holder(fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        guard n > 0 else { return nil }
        let data = Data(buffer[0..<n])
        guard let owner = try? decoder.decode(LockOwner.self, from: data) else { return nil }
        return owner.description
    }

    /// The holder of `folder`'s lock, or nil when it is free (does not take it).
    static func currentHolder(of folder: URL) -> String? {
        let url = folder.appendingPathComponent(fileName)
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { SystemCall.closeFile(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return nil
        }
        return holder(fd: fd) ?? "another mnemo process"
    }

    private static var encoder: JSONEncoder { ProgressJSON.encoder() }
    private static var decoder: JSONDecoder { ProgressJSON.decoder() }
}
