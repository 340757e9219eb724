import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What reading (part of) `reviews.jsonl` found.
public struct ReviewLogContents: Sendable {
    /// Every whole event, in log order.
    public var events: [ReviewEvent]
    /// Lines that are not events, with their numbers.
    public var warnings: [ProgressWarning]
    /// The incomplete last line, if there is one.
    public var tornWarning: ProgressWarning?
    /// Lines read, counting blank and bad ones; the torn fragment is not counted.
    public var lineCount: Int
    /// Byte offset just after the last complete line: where the next append belongs.
    public var wholeLength: Int
    /// Bytes after `wholeLength` that are not a complete event (a write cut short by a crash).
    public var tornBytes: Int
    /// The last line parsed as a whole event but had no newline (a crash between the event's bytes
    /// and its newline is impossible with one `write`, but a hand edit may do it): the next append
    /// writes the newline first.
    public var lastLineUnterminated: Bool

    public init() {
        events = []
        warnings = []
        tornWarning = nil
        lineCount = 0
        wholeLength = 0
        tornBytes = 0
        lastLineUnterminated = false
    }
}

/// Reading the append-only review log. Writing is `ReviewLogWriter`.
public enum ReviewLog {
    public static let fileName = "reviews.jsonl"

    /// Reads the log at `url` from byte `offset` (a line start), numbering lines from `firstLine`.
    /// A missing file reads as empty. Throws `ProgressError.newerFormat` for a line of a newer format
    /// and `.unreadable` when the file cannot be read.
    public static func read(at url: URL, fromOffset offset: Int = 0, firstLine: Int = 1) throws(ProgressError)
        -> ReviewLogContents
    {
        let bytes = try readBytes(at: url, fromOffset: offset)
        var contents = try parse(bytes, file: url.path, firstLine: firstLine)
        contents.wholeLength += offset
        return contents
    }

    /// The bytes of `url` from `offset`; empty if the file does not exist.
    static func readBytes(at url: URL, fromOffset offset: Int = 0) throws(ProgressError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return [] }  // nothing there (a path below a file)
            throw .unreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: url.path, reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: url.path, reason: "it is a folder") }
        let size = Int(info.st_size)
        guard size > offset else { return [] }
        var bytes = [UInt8](repeating: 0, count: size - offset)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                pread(fd, buf.baseAddress! + done, buf.count - done, off_t(offset + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: url.path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            done += n
        }
        if done < bytes.count { bytes.removeLast(bytes.count - done) }
        return bytes
    }

    /// Parses log bytes. `file` names the file in warnings.
    public static func parse(_ bytes: [UInt8], file: String, firstLine: Int = 1) throws(ProgressError)
        -> ReviewLogContents
    {
        var contents = ReviewLogContents()
        contents.events.reserveCapacity(bytes.count / 150)
        var failure: ProgressError?
        bytes.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var start = 0
            var lineNumber = firstLine
            let count = buf.count
            while start < count {
                let end: Int
                let terminated: Bool
                if let nl = memchr(buf.baseAddress! + start, 0x0A, count - start) {
                    end = buf.baseAddress!.distance(to: UnsafeRawPointer(nl))
                    terminated = true
                } else {
                    end = count
                    terminated = false
                }
                let line = UnsafeRawBufferPointer(rebasing: buf[start..<end])
                if isBlank(line) {
                    if terminated {
                        contents.lineCount += 1
                        contents.wholeLength = end + 1
                    } else {
                        contents.tornBytes = end - start
                    }
                } else {
                    let decoded: Result<ReviewEvent, EventLineCodec.Failure> = Result {
                        () throws(EventLineCodec.Failure) in
                        try EventLineCodec.decode(line)
                    }
                    switch decoded {
                    case .success(let event):
                        contents.events.append(event)
                        contents.lineCount += 1
                        contents.wholeLength = terminated ? end + 1 : end
                        contents.lastLineUnterminated = !terminated
                    case .failure(.newer(let version)):
                        failure = .newerFormat(
                            path: "\(file):\(lineNumber)", found: version, supported: EventLineCodec.version)
                        return
                    case .failure(.malformed(let why)):
                        if terminated {
                            contents.lineCount += 1
                            contents.wholeLength = end + 1
                            contents.warnings.append(
                                ProgressWarning(
                                    file: file, line: lineNumber,
                                    message: "skipped a line that is not a review event: \(why)"))
                        } else {
                            contents.tornBytes = end - start
                            contents.tornWarning =
                                (ProgressWarning(
                                    file: file, line: lineNumber,
                                    message:
                                        "the last line is incomplete (\(end - start) bytes, a write cut short); every whole event before it was read"
                                ))
                        }
                    }
                }
                lineNumber += 1
                start = end + 1
            }
        }
        if let failure { throw failure }
        return contents
    }

    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        for c in line where c != 0x20 && c != 0x09 && c != 0x0D { return false }
        return true
    }

    /// The events at the end of the log whose time is at or after `since`, in log order, read
    /// backwards in growing chunks so a day's events come back in milliseconds however long the
    /// log is (for daily limits). Relies on the log being in time order, as appends and merges
    /// keep it. Bad lines are skipped without warnings (a full load reports them).
    public static func recentEvents(inFolder folder: URL, since: Date) throws(ProgressError) -> [ReviewEvent] {
        let url = folder.appendingPathComponent(fileName)
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw .unreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        let statOK = fstat(fd, &info) == 0
        SystemCall.closeFile(fd)
        guard statOK else { throw .unreadable(path: url.path, reason: SystemCall.lastError) }
        let size = Int(info.st_size)
        var chunk = 256 * 1024
        while true {
            let offset = max(0, size - chunk)
            var bytes = try readBytes(at: url, fromOffset: offset)
            if offset > 0, let firstNewline = bytes.firstIndex(of: 0x0A) {
                bytes.removeSubrange(0...firstNewline)  // a partial first line
            }
            let contents = try parse(bytes, file: url.path)
            if offset == 0 || (contents.events.first.map { $0.time < since } ?? false) {
                return contents.events.filter { $0.time >= since }
            }
            chunk *= 4
        }
    }

    /// The line `event` is stored as (without the newline).
    public static func line(for event: ReviewEvent) -> String {
        String(decoding: EventLineCodec.encode(event), as: UTF8.self)
    }

    /// Every event of the log, for statistics and merging (no snapshot involved).
    public static func events(inFolder folder: URL) throws(ProgressError) -> ReviewLogContents {
        try read(at: folder.appendingPathComponent(fileName))
    }

    /// The events of one card (for recomputing it after an undo), found by a byte search for the
    /// card id before decoding.
    static func events(of card: CardID, at url: URL, upTo length: Int) throws(ProgressError) -> [ReviewEvent] {
        var bytes = try readBytes(at: url)
        if bytes.count > length { bytes.removeLast(bytes.count - length) }
        let needle = Array(card.rawValue.utf8)
        var result: [ReviewEvent] = []
        bytes.withUnsafeBytes { buf in
            var start = 0
            while start < buf.count {
                let end: Int
                if let nl = memchr(buf.baseAddress! + start, 0x0A, buf.count - start) {
                    end = buf.baseAddress!.distance(to: UnsafeRawPointer(nl))
                } else {
                    end = buf.count
                }
                let line = UnsafeRawBufferPointer(rebasing: buf[start..<end])
                if contains(line, needle), let event = try? EventLineCodec.decode(line), event.card == card {
                    result.append(event)
                }
                start = end + 1
            }
        }
        return result
    }

    private static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = Int32(needle[0])
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            guard let hit = memchr(haystack.baseAddress! + i, first, last - i + 1) else { return false }
            i = haystack.baseAddress!.distance(to: UnsafeRawPointer(hit))
            let same = needle.withUnsafeBytes { n in memcmp(haystack.baseAddress! + i, n.baseAddress!, n.count) == 0 }
            if same { return true }
            i += 1
        }
        return false
    }
}
