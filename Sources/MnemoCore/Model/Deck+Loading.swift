import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Deck {
    /// Reads and decodes a deck file. Errors name the file as `url.relativePath` (the path as the
    /// user gave it when the URL was built from a relative path).
    public static func load(from url: URL) throws(DeckError) -> Deck {
        let path = url.relativePath
        let data = try DeckFileIO.readFile(url, displayPath: path)
        return try decode(data, path: path)
    }

    /// Decodes deck JSON; `path` only names the file in error messages.
    public static func decode(_ data: Data, path: String) throws(DeckError) -> Deck {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a UTF-8 byte-order mark
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty(path: path)
        }
        if bytes.withUnsafeBytes({ raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }) {
            throw .binary(path: path)
        }
        if let offset = DeckFileIO.firstInvalidUTF8Offset(bytes) {
            throw .notUTF8(path: path, offset: offset + (data.count - bytes.count))
        }
        let deck: Deck
        do {
            // The fast reader gives the same deck; it gives up on anything unusual, which this
            // decoder then reads (or explains).
            deck = try DeckFastDecoder.decode(bytes) ?? JSONDecoder().decode(Deck.self, from: bytes)
        } catch let tooNew as DeckVersionTooNew {
            throw .newerVersion(path: path, version: tooNew.version, supported: Deck.currentFormatVersion)
        } catch let error as DecodingError {
            throw DeckDecodingDiagnosis.explain(error, data: bytes, path: path)
        } catch {
            throw .malformedJSON(path: path, line: nil, column: nil)
        }
        if deck.formatVersion < 1 {
            throw .unsupportedVersion(path: path, version: deck.formatVersion)
        }
        return deck
    }

    /// The deck as written to disk: pretty-printed, keys sorted, ending in a newline.
    /// The same deck always gives the same bytes.
    /// (What `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
    /// written directly by `DeckJSONWriter`.) Never fails; `throws` is kept for callers.
    public func encoded() throws(DeckError) -> Data {
        var bytes = DeckJSONWriter.bytes(of: self)
        bytes.append(0x0A)
        return Data(bytes)
    }

    /// Writes the deck atomically: a temporary file in the same folder, fsync, rename, fsync of
    /// the folder. A crash leaves either the old file or the new one, never half of one.
    public func write(to url: URL) throws(DeckError) {
        let data: Data
        do {
            data = try encoded()
        } catch {
            throw .writeFailed(path: url.relativePath, reason: "cannot encode the deck")
        }
        try DeckFileIO.writeAtomically(data, to: url, displayPath: url.relativePath)
    }
}

/// File reading and atomic writing for decks, with errno turned into readable reasons.
enum DeckFileIO {
    static func readFile(_ url: URL, displayPath path: String) throws(DeckError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .fileMissing(path: path)
        }
        if isDirectory.boolValue { throw .notAFile(path: path) }
        let fd = open(url.path, O_RDONLY)
        if fd < 0 { throw .unreadable(path: path, reason: errnoText()) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: errnoText())
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }

    static func writeAtomically(_ data: Data, to url: URL, displayPath path: String) throws(DeckError) {
        let folder = url.deletingLastPathComponent().path
        let temp = "\(folder)/.\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 { throw .writeFailed(path: path, reason: errnoText()) }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if failure == nil, rename(temp, url.path) != 0 { failure = errnoText() }
        if let failure {
            unlink(temp)
            throw .writeFailed(path: path, reason: failure)
        }
        let dirFD = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8Offset(_ bytes: Data) -> Int? {
        // Over the raw bytes: `Data`'s own iterator costs a call per byte (a third of start-up
        // on a 10,000-card deck).
        bytes.withUnsafeBytes { firstInvalidUTF8Offset(in: $0) }
    }

    static func firstInvalidUTF8Offset(in bytes: UnsafeRawBufferPointer) -> Int? {
        // ASCII runs are skipped eight bytes at a time; each other scalar goes through the decoder.
        let n = bytes.count
        var i = 0
        while i < n {
            while i + 8 <= n, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            while i < n, bytes[i] < 0x80 { i += 1 }
            if i >= n { return nil }
            var decoder = UTF8()
            var iterator = UnsafeRawBufferPointer(rebasing: bytes[i...]).makeIterator()
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): i += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return i
            }
        }
        return nil
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
