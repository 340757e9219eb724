import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends events to `reviews.jsonl`: one `write` of whole lines on an `O_APPEND` descriptor, then
/// `fsync`, before returning. Only used while the folder's lock is held.
final class ReviewLogWriter {
    let url: URL
    private var fd: Int32
    /// The log's length in bytes: everything written is whole lines.
    private(set) var length: Int

    /// Opens the log for appending and repairs its tail as `contents` (a read of the same file) found it:
    /// an incomplete last line is moved to `reviews.jsonl.torn` and cut off; a last event without
    /// its newline gets one. Creates the file (and makes its name durable) if missing.
    init(url: URL, tail contents: ReviewLogContents) throws(ProgressError) {
        self.url = url
        let existed = FileManager.default.fileExists(atPath: url.path)
        fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ReviewLogWriter.openError(url.path) }
        length = contents.wholeLength
        do {
            if !existed { try AtomicFile.syncFolder(of: url) }
            if contents.tornBytes > 0 { try cutTornTail(size: contents.wholeLength + contents.tornBytes) }
            if contents.lastLineUnterminated { try writeAndSync([0x0A]) }
        } catch {
            SystemCall.closeFile(fd)
            fd = -1
            throw error
        }
    }

    deinit { if fd >= 0 { SystemCall.closeFile(fd) } }

    /// Closes the descriptor; later appends fail.
    func finish() {
        if fd >= 0 { SystemCall.closeFile(fd) }
        fd = -1
    }

    /// Writes `events` as lines and fsyncs. On any failure the file is cut back to its previous
    /// length, so no half line stays behind, and the error is thrown.
    func append(_ events: [ReviewEvent]) throws(ProgressError) {
        var bytes: [UInt8] = []
        for event in events {
            bytes.append(contentsOf: EventLineCodec.encode(event))
            bytes.append(0x0A)
        }
        try writeAndSync(bytes)
    }

    private func writeAndSync(_ bytes: [UInt8]) throws(ProgressError) {
        guard fd >= 0 else { throw .writeFailed(path: url.path, reason: "the log is closed") }
        var failure = SystemCall.writeAll(fd, bytes)
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            _ = ftruncate(fd, off_t(length))
            _ = fsync(fd)
            throw .writeFailed(path: url.path, reason: failure)
        }
        length += bytes.count
    }

    /// Saves the torn fragment beside the log (for a human to look at), then cuts it off.
    private func cutTornTail(size: Int) throws(ProgressError) {
        let whole = length
        let fragment = try ReviewLog.readBytes(at: url, fromOffset: whole)
        if !fragment.isEmpty {
            let side = url.deletingLastPathComponent().appendingPathComponent(ReviewLog.fileName + ".torn")
            let sfd = open(side.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            if sfd >= 0 {
                var record = fragment
                record.append(0x0A)
                _ = SystemCall.writeAll(sfd, record)
                _ = fsync(sfd)
                SystemCall.closeFile(sfd)
            }
        }
        guard ftruncate(fd, off_t(whole)) == 0, fsync(fd) == 0 else {
            throw .writeFailed(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    static func openError(_ path: String) -> ProgressError {
        let code = errno
        let reason = String(cString: strerror(code))
        switch code {
        case EACCES, EPERM, EROFS, ENOTDIR, ENOENT: return .notWritable(path: path, reason: reason)
        default: return .writeFailed(path: path, reason: reason)
        }
    }
}
