import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replacing a file so that a crash leaves either the old or the new one, never a mix: write a
/// temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to url: URL) throws(ProgressError) {
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ReviewLogWriter.openError(temp.path) }
        var failure = SystemCall.writeAll(fd, bytes)
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temp.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp.path)
            throw .writeFailed(path: url.path, reason: failure)
        }
        try syncFolder(of: url)
    }

    /// Makes a new or renamed entry in `url`'s folder durable.
    static func syncFolder(of url: URL) throws(ProgressError) {
        let folder = url.deletingLastPathComponent()
        let dfd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw .writeFailed(path: folder.path, reason: String(cString: strerror(errno))) }
        defer { close(dfd) }
        if fsync(dfd) != 0, errno != EINVAL {
            throw .writeFailed(path: folder.path, reason: String(cString: strerror(errno)))
        }
    }
}
