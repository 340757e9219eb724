import Foundation
import MnemoCore

/// Reads one source file: detects binary data and the encoding (UTF-8 with or without BOM,
/// UTF-16 with BOM), refuses lines too long to be prose, and splits the text into lines.
public enum SourceReader {
    /// Longest line accepted (a 200 MB file on one line is not prose).
    public static let maxLineBytes = 1 << 20
    /// Largest file accepted.
    public static let maxFileBytes = 1 << 30

    public static func read(_ file: SourceFile) throws(SourceProblem) -> SourceText {
        let path = file.shownPath
        let bytes = try readBytes(file)
        if bytes.isEmpty { throw .empty(path: path) }
        var lines: [String]
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            lines = try decodeUTF16(bytes, path: path)
        } else {
            lines = try decodeUTF8(bytes, path: path)
        }
        switch file.format {
        case .html: lines = HTMLText.lines(fromHTML: lines)
        case .text, .markdown: break
        }
        if lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { throw .empty(path: path) }
        return SourceText(file: file, lines: lines, sha256: SHA256.hexDigest(of: bytes), byteCount: bytes.count)
    }

    /// Reads in chunks so that a file that is one enormous line is refused early.
    private static func readBytes(_ file: SourceFile) throws(SourceProblem) -> [UInt8] {
        let path = file.shownPath
        guard FileManager.default.fileExists(atPath: file.url.path) else { throw .missing(path: path) }
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: file.url) } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        var lineStart = 0
        var checkedBinary = false
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw .unreadable(path: path, reason: Self.reason(error))
            }
            guard let chunk, !chunk.isEmpty else { break }
            let scanFrom = bytes.count
            bytes.append(contentsOf: chunk)
            if bytes.count > maxFileBytes { throw .unreadable(path: path, reason: "larger than 1 GiB") }
            if !checkedBinary, bytes.count >= 4096 || chunk.count < 1 << 20 {
                checkedBinary = true
                if looksBinary(bytes.prefix(8192)) { throw .binary(path: path) }
            }
            // Only the last line break matters while reading; the lines before it are counted
            // when a line is refused.
            if let last = lastLineBreak(in: bytes, from: scanFrom) { lineStart = last + 1 }
            if bytes.count - lineStart > maxLineBytes {
                let lineNumber = 1 + bytes[..<lineStart].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                throw .lineTooLong(path: path, line: lineNumber, limit: maxLineBytes)
            }
        }
        if !checkedBinary, looksBinary(bytes.prefix(8192)) { throw .binary(path: path) }
        return bytes
    }

    static func looksBinary(_ head: ArraySlice<UInt8>) -> Bool {
        if head.count >= 2,
            (head.first == 0xFF && head.dropFirst().first == 0xFE)
                || (head.first == 0xFE && head.dropFirst().first == 0xFF)
        {
            return false  // UTF-16 with BOM holds NUL bytes by design
        }
        var control = 0
        for b in head {
            if b == 0 { return true }
            if b < 0x09 || (b > 0x0D && b < 0x20) { control += 1 }
        }
        return head.count > 0 && control * 10 > head.count
    }

    /// Offset of the last 0x0A at or after `from`, read from the end.
    private static func lastLineBreak(in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = b.count
            while i > from {
                i -= 1
                if b[i] == 0x0A { return i }
            }
            return nil
        }
    }

    private static func decodeUTF8(_ bytes: [UInt8], path: String) throws(SourceProblem) -> [String] {
        let skip = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Each line is validated as it is made (one pass over the bytes, not a check of the whole
        // file first): a file is valid UTF-8 exactly when its lines are, for a line break or a CR
        // can neither belong to a sequence nor complete one. Only a file with a bad line is
        // searched for its first bad byte.
        if let lines = splitLines(bytes, from: skip, validating: true) { return lines }
        if let bad = firstInvalidUTF8(bytes[skip...]) { throw .notUTF8(path: path, byteOffset: bad) }
        return splitLines(bytes, from: skip, validating: false) ?? []
    }

    /// The lines of the bytes after `skip`, without their line breaks and a CR before one; nil
    /// when `validating` and a line is not valid UTF-8 (else such a line is repaired).
    static func splitLines(_ bytes: [UInt8], from skip: Int, validating: Bool) -> [String]? {
        bytes.withUnsafeBufferPointer { all -> [String]? in
            let body = UnsafeBufferPointer(rebasing: all[skip...])
            var lines: [String] = []
            guard let base = body.baseAddress else { return lines }
            let n = body.count
            var start = 0
            // memchr finds each line break; a line is decoded straight from the file's bytes.
            while start < n {
                let at: Int
                if let hit = memchr(base + start, 0x0A, n - start) {
                    at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                } else {
                    at = n
                }
                guard let line = makeLine(UnsafeBufferPointer(rebasing: body[start..<at]), validating: validating)
                else { return nil }
                lines.append(line)
                start = at + 1
            }
            return lines
        }
    }

    /// The line of `bytes` (a CR at its end dropped), nil when `validating` and the bytes are not
    /// valid UTF-8: the decoded string's bytes are the line's exactly when decoding repaired
    /// nothing (a repair writes U+FFFD where the line holds a bad byte), told by one memcmp.
    private static func makeLine(_ bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> String? {
        var s = bytes
        if s.last == 0x0D { s = UnsafeBufferPointer(rebasing: s.dropLast()) }
        let line = String(decoding: s, as: UTF8.self)
        guard validating, let from = s.baseAddress else { return line }
        var copy = line
        let same = copy.withUTF8 { u in
            guard u.count == s.count, let to = u.baseAddress else { return u.count == s.count }
            return memcmp(to, from, s.count) == 0
        }
        return same ? line : nil
    }

    private static func decodeUTF16(_ bytes: [UInt8], path: String) throws(SourceProblem) -> [String] {
        guard bytes.count % 2 == 0 else { throw .unsupported(path: path, encoding: "UTF-16 with an odd byte count") }
        let little = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            units.append(
                little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        var text = ""
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let v): text.unicodeScalars.append(v)
            case .emptyInput: break loop
            case .error: throw .unsupported(path: path, encoding: "UTF-16 with invalid surrogates")
            }
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
    }

    /// Offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0) }
    }

    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
        var i = 0
        let end = bytes.count
        while i < end {
            // Eight ASCII bytes at a time.
            while i + 8 <= end, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < end else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            let minScalar: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000
            default: return i
            }
            if i + need >= end { return i }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return i
            }
            i += need + 1
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
