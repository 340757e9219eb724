import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The review log in the compact form statistics need: one small value per event, card and deck
/// ids interned, event ids kept as 64-bit hashes (enough to match an undo with the review it takes
/// back on the same card). Reading a million-event log this way avoids a million `ReviewEvent`s.
///
/// `read` accepts exactly the lines `ReviewLog.read` accepts: lines in the store's own layout take a
/// fast path; any other line goes through `EventLineCodec`, with the same warnings for bad lines and
/// a torn last line.
public struct StatsLog: Sendable {
    struct Entry: Sendable, Equatable {
        var time: Double
        var card: Int32
        var deck: Int32
        var kind: ReviewEvent.Kind
        /// 0 when absent.
        var rating: UInt8
        /// A cram practice review (lines with `cram` take the codec path, never the fast one).
        /// (Beside the other small fields: 40 bytes a value, not 48.)
        var cram = false
        /// -1 when absent.
        var durationMs: Int32
        var id: UInt64
        /// The event an undo takes back (hash), 0 otherwise.
        var target: UInt64
    }

    var entries: [Entry] = []
    /// Interned ids, by index.
    var cards: [CardID] = []
    var decks: [String] = []
    public internal(set) var warnings: [ProgressWarning] = []
    public internal(set) var tornWarning: ProgressWarning?

    private var cardTable = InternTable()
    private var deckTable = InternTable()
    /// The date part ("2026-11-22") of the last time read in the store's form, and its day number.
    private var lastDate: (ymd: UInt64, dd: UInt16, day: Int64) = (0, 0, 0)

    public init() {}

    /// The log of `events` (tests, the class roll-up of events already read).
    public init(events: [ReviewEvent]) {
        entries.reserveCapacity(events.count)
        for event in events { append(event) }
    }

    public var count: Int { entries.count }
    public var hasReviews: Bool { entries.contains { $0.kind == .review } }

    /// Reads `reviews.jsonl` in `folder` (a missing file reads as empty).
    public static func read(folder: URL) throws(ProgressError) -> StatsLog {
        let url = folder.appendingPathComponent(ReviewLog.fileName)
        // Mapped rather than copied: a million-event log is 200 MB.
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
                let size = Int(info.st_size)
                if let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED {
                    defer { munmap(map, size) }
                    return try parse(
                        UnsafeRawBufferPointer(start: map, count: size), file: url.path,
                        parts: defaultParts(forBytes: size))
                }
            }
        }
        return try parse(try ReviewLog.readBytes(at: url), file: url.path)
    }

    /// Parses log bytes in `parts` pieces (nil: as many as `read` would use for this size).
    static func parse(_ bytes: [UInt8], file: String, parts: Int? = nil) throws(ProgressError) -> StatsLog {
        var result: Result<StatsLog, ProgressError> = .success(StatsLog())
        bytes.withUnsafeBytes { buf in
            result = Result { () throws(ProgressError) in
                try parse(buf, file: file, parts: parts ?? defaultParts(forBytes: buf.count))
            }
        }
        return try result.get()
    }

    /// Reads one stretch of the log on its own (the whole log, or a piece of it starting on a line):
    /// line numbers in its warnings and in `newer` count from 1 within it. Stops at a line of a newer
    /// format, as the store does.
    /// `reserve` is room for that many events (the first piece makes room for the whole log's, so
    /// that the others are appended to it without moving it).
    static func readPiece(_ buf: UnsafeRawBufferPointer, file: String, reserve: Int? = nil) -> Piece {
        var log = StatsLog()
        log.entries.reserveCapacity(reserve ?? buf.count / 160)
        var lineNumber = 1
        var newer: Piece.Newer?
        guard let base = buf.baseAddress else { return Piece(log: log, lines: 0) }
        var start = 0
        let count = buf.count
        lines: while start < count {
            let end: Int
            let terminated: Bool
            if let nl = memchr(base + start, 0x0A, count - start) {
                end = base.distance(to: UnsafeRawPointer(nl))
                terminated = true
            } else {
                end = count
                terminated = false
            }
            let line = UnsafeRawBufferPointer(rebasing: buf[start..<end])
            if !isBlank(line), !log.appendFast(line) {
                let decoded: Result<ReviewEvent, EventLineCodec.Failure> = Result {
                    () throws(EventLineCodec.Failure) in try EventLineCodec.decode(line)
                }
                switch decoded {
                case .success(let event): log.append(event)
                case .failure(.newer(let version)):
                    newer = Piece.Newer(line: lineNumber, version: version)
                    break lines
                case .failure(.malformed(let why)):
                    if terminated {
                        log.warnings.append(
                            ProgressWarning(
                                file: file, line: lineNumber,
                                message: "skipped a line that is not a review event: \(why)"))
                    } else {
                        log.tornWarning = ProgressWarning(
                            file: file, line: lineNumber,
                            message:
                                "the last line is incomplete (\(end - start) bytes, a write cut short); every whole event before it was read"
                        )
                    }
                }
            }
            lineNumber += 1
            start = end + 1
        }
        return Piece(log: log, lines: lineNumber - 1, newer: newer)
    }

    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        for c in line where c != 0x20 && c != 0x09 && c != 0x0D { return false }
        return true
    }

    mutating func append(_ event: ReviewEvent) {
        var card = event.card.rawValue
        var deck = event.deck
        var id = event.id
        let c = card.withUTF8 { internCard(UnsafeRawBufferPointer($0)) }
        let d = deck.withUTF8 { internDeck(UnsafeRawBufferPointer($0)) }
        var target: UInt64 = 0
        if var undoes = event.undoes { target = undoes.withUTF8 { StatsLog.hash(UnsafeRawBufferPointer($0)) } }
        entries.append(
            Entry(
                time: event.time.timeIntervalSince1970, card: c, deck: d, kind: event.kind,
                rating: UInt8(event.rating?.rawValue ?? 0), cram: event.kind == .review && !event.countsForSchedule,
                durationMs: Int32(clamping: event.durationMs ?? -1),
                id: id.withUTF8 { StatsLog.hash(UnsafeRawBufferPointer($0)) }, target: target))
    }

    mutating func internCard(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let (index, isNew) = cardTable.intern(bytes)
        if isNew { cards.append(CardID(String(decoding: bytes, as: UTF8.self))) }
        return index
    }

    mutating func internDeck(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let (index, isNew) = deckTable.intern(bytes)
        if isNew { decks.append(String(decoding: bytes, as: UTF8.self)) }
        return index
    }

    /// A 64-bit hash of `bytes`, eight bytes at a time (multiply-xorshift mixing). Stable across
    /// runs; only compared within one reading of the log.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        let n = bytes.count
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        while i + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        return h
    }

    // MARK: Fast path

    /// Decodes a line written in the store's own layout (`{"key":value,...}`, no spaces, no escapes in
    /// ids). Returns false, appending nothing, for anything else; the caller then uses the codec.
    private mutating func appendFast(_ s: UnsafeRawBufferPointer) -> Bool {
        let n = s.count
        guard n > 2, s[0] == UInt8(ascii: "{"), s[n - 1] == UInt8(ascii: "}") else { return false }
        var i = 1
        var id: Range<Int>?
        var card: Range<Int>?
        var deck: Range<Int>?
        var kind: ReviewEvent.Kind?
        var time: Double?
        var rating = 0
        var duration = -1
        var undoes: Range<Int>?
        var hasUntil = false
        var version = 1
        while true {
            guard i < n, s[i] == UInt8(ascii: "\"") else { return false }
            let keyStart = i + 1
            var k = Self.skipOrdinary(s, from: keyStart)
            while k < n, s[k] != UInt8(ascii: "\"") {
                if s[k] == UInt8(ascii: "\\") { return false }
                k += 1
            }
            guard k + 1 < n, s[k + 1] == UInt8(ascii: ":") else { return false }
            let key = UnsafeRawBufferPointer(rebasing: s[keyStart..<k])
            i = k + 2
            switch key.count {
            case 2 where Self.equals(key, "id"):
                guard let r = Self.plainString(s, &i) else { return false }
                id = r
            case 4 where Self.equals(key, "card"):
                guard let r = Self.plainString(s, &i) else { return false }
                card = r
            case 4 where Self.equals(key, "deck"):
                guard let r = Self.plainString(s, &i) else { return false }
                deck = r
            case 4 where Self.equals(key, "kind"):
                guard let r = Self.plainString(s, &i) else { return false }
                kind = Self.kind(UnsafeRawBufferPointer(rebasing: s[r]))
                if kind == nil { return false }
            case 4 where Self.equals(key, "time"):
                guard let r = Self.plainString(s, &i), let ms = milliseconds(UnsafeRawBufferPointer(rebasing: s[r]))
                else { return false }
                time = LogTime.date(milliseconds: ms).timeIntervalSince1970
            case 6 where Self.equals(key, "rating"):
                guard let v = Self.smallInt(s, &i), (1...4).contains(v) else { return false }
                rating = v
            case 6 where Self.equals(key, "answer"):
                guard Self.skipString(s, &i) else { return false }
            case 6 where Self.equals(key, "undoes"):
                guard let r = Self.plainString(s, &i) else { return false }
                undoes = r
            case 5 where Self.equals(key, "until"):
                guard let r = Self.plainString(s, &i), LogTime.parse(UnsafeRawBufferPointer(rebasing: s[r])) != nil
                else { return false }
                hasUntil = true
            case 1 where Self.equals(key, "v"):
                guard let v = Self.smallInt(s, &i) else { return false }
                version = v
            case 7 where Self.equals(key, "verdict"):
                guard let r = Self.plainString(s, &i), Self.isVerdict(UnsafeRawBufferPointer(rebasing: s[r])) else {
                    return false
                }
            case 10 where Self.equals(key, "durationMs"):
                guard let v = Self.smallInt(s, &i) else { return false }
                duration = v
            default:
                return false
            }
            guard i < n else { return false }
            if s[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard s[i] == UInt8(ascii: "}"), i == n - 1 else { return false }
            break
        }
        guard version <= EventLineCodec.version, let id, !id.isEmpty, let card, !card.isEmpty, let kind, let time else {
            return false
        }
        switch kind {
        case .review where rating == 0: return false
        case .undo where (undoes?.isEmpty ?? true): return false
        case .bury where !hasUntil: return false
        default: break
        }
        let c = internCard(UnsafeRawBufferPointer(rebasing: s[card]))
        let d = internDeck(
            deck.map { UnsafeRawBufferPointer(rebasing: s[$0]) } ?? UnsafeRawBufferPointer(start: nil, count: 0))
        entries.append(
            Entry(
                time: time, card: c, deck: d, kind: kind, rating: UInt8(rating), durationMs: Int32(clamping: duration),
                id: Self.hash(UnsafeRawBufferPointer(rebasing: s[id])),
                target: undoes.map { Self.hash(UnsafeRawBufferPointer(rebasing: s[$0])) } ?? 0))
        return true
    }

    /// Whether `key` (of `name`'s length) is `name`: byte by byte, as keys are short (a call to
    /// `memcmp` for each was a tenth of reading).
    @inline(__always)
    private static func equals(_ key: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for k in 0..<key.count where key[k] != p[k] { return false }
        return true
    }

    /// The first index from `k` where fewer than 8 bytes are left or whose byte is a quote, a
    /// backslash or a control character, eight bytes at a time; the callers' byte loops go on from
    /// there (so what they accept is unchanged).
    @inline(__always)
    static func skipOrdinary(_ s: UnsafeRawBufferPointer, from k: Int) -> Int {
        guard let base = s.baseAddress else { return k }
        var k = k
        while k + 8 <= s.count {
            let m = specialBytes(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self)))
            if m != 0 { return k + m.trailingZeroBitCount >> 3 }
            k += 8
        }
        return k
    }

    /// The high bit of each byte of `w` that is `"`, `\` or below 0x20 (exact for the lowest such
    /// byte; a borrow may also mark bytes above it, which callers never look at).
    @inline(__always)
    static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        let isControl = (w &- ones &* 0x20) & ~w
        return (isQuote | isBackslash | isControl) & (ones &* 0x80)
    }

    /// The range of a string value without escapes; moves `i` past its closing quote.
    @inline(__always)
    private static func plainString(_ s: UnsafeRawBufferPointer, _ i: inout Int) -> Range<Int>? {
        guard i < s.count, s[i] == UInt8(ascii: "\"") else { return nil }
        var k = skipOrdinary(s, from: i + 1)
        while k < s.count {
            let c = s[k]
            if c == UInt8(ascii: "\"") {
                let r = (i + 1)..<k
                i = k + 1
                return r
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
            k += 1
        }
        return nil
    }

    /// Skips a string value (escapes allowed, as the codec writes them).
    private static func skipString(_ s: UnsafeRawBufferPointer, _ i: inout Int) -> Bool {
        guard i < s.count, s[i] == UInt8(ascii: "\"") else { return false }
        var k = i + 1
        while k < s.count {
            k = skipOrdinary(s, from: k)
            guard k < s.count else { return false }
            let c = s[k]
            if c == UInt8(ascii: "\"") {
                i = k + 1
                return true
            }
            if c == UInt8(ascii: "\\") {
                guard k + 1 < s.count else { return false }
                let e = s[k + 1]
                // \uXXXX and the one-letter escapes; anything else is left to the codec.
                if e == UInt8(ascii: "u") {
                    k += 6
                    continue
                }
                guard
                    [
                        UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "n"), UInt8(ascii: "r"),
                        UInt8(ascii: "t"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    ].contains(e)
                else { return false }
                k += 2
                continue
            }
            if c < 0x20 { return false }
            k += 1
        }
        return false
    }

    /// A non-negative whole number of at most 9 digits.
    @inline(__always)
    private static func smallInt(_ s: UnsafeRawBufferPointer, _ i: inout Int) -> Int? {
        var value = 0
        var digits = 0
        while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
            value = value * 10 + Int(s[i] - 0x30)
            digits += 1
            i += 1
        }
        return digits > 0 && digits <= 9 ? value : nil
    }

    /// Whether `s` is a `Verdict`'s raw value.
    private static func isVerdict(_ s: UnsafeRawBufferPointer) -> Bool {
        switch s.count {
        case 5: equals(s, "right") || equals(s, "wrong")
        case 6: equals(s, "almost")
        case 9: equals(s, "unchecked")
        default: false
        }
    }

    /// `LogTime.milliseconds(parsing:)`, reading only the time of day when the date is that of the
    /// last time read (a log is in time order, so most lines fall on the day of the line before).
    @inline(__always)
    private mutating func milliseconds(_ s: UnsafeRawBufferPointer) -> Int64? {
        guard s.count == 24, let base = s.baseAddress, s[10] == UInt8(ascii: "T"), s[13] == UInt8(ascii: ":"),
            s[16] == UInt8(ascii: ":"), s[19] == UInt8(ascii: "."), s[23] == UInt8(ascii: "Z")
        else { return LogTime.milliseconds(parsing: s) }
        let ymd = base.loadUnaligned(as: UInt64.self)
        let dd = base.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        guard ymd == lastDate.ymd, dd == lastDate.dd else {
            guard let ms = LogTime.milliseconds(parsing: s) else { return nil }
            let day = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
            lastDate = (ymd, dd, day)
            return ms
        }
        guard let hour = Self.digits(s, 11, 2), let minute = Self.digits(s, 14, 2), let second = Self.digits(s, 17, 2),
            let millis = Self.digits(s, 20, 3), hour < 24, minute < 60, second < 60
        else { return nil }
        return lastDate.day * 86_400_000 + Int64(((hour * 60 + minute) * 60 + second) * 1000 + millis)
    }

    /// The number written with `count` decimal digits at `at`, or nil.
    @inline(__always)
    private static func digits(_ s: UnsafeRawBufferPointer, _ at: Int, _ count: Int) -> Int? {
        var value = 0
        for j in at..<(at + count) {
            let c = s[j]
            guard c >= 0x30, c <= 0x39 else { return nil }
            value = value * 10 + Int(c - 0x30)
        }
        return value
    }

    private static func kind(_ s: UnsafeRawBufferPointer) -> ReviewEvent.Kind? {
        switch s.count {
        case 6 where equals(s, "review"): .review
        case 4 where equals(s, "undo"): .undo
        case 7 where equals(s, "suspend"): .suspend
        case 9 where equals(s, "unsuspend"): .unsuspend
        case 4 where equals(s, "bury"): .bury
        default: nil
        }
    }
}

/// Byte strings to small integers, by open addressing on their hash (exact: bytes compared).
/// Keys live in one contiguous buffer; each slot holds its key's hash, number, start and length, so
/// a lookup touches the slot and the key's bytes only (each a cache miss on a 10,000-card log); the
/// last key found is remembered (a log names the same deck on every line).
struct InternTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var start = 0
        /// -1 for an empty slot.
        var index: Int32 = -1
        /// The key's length (an id of 2 GB or more would never match: no log line is that long).
        var count: Int32 = 0
    }

    private var slots = Array(repeating: Slot(), count: 1024)
    private var keys = 0
    private var storage: [UInt8] = []
    private var last = Slot()

    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (Int32, Bool) {
        let h = StatsLog.hash(bytes)
        if last.index >= 0, last.hash == h, same(last, bytes) { return (last.index, false) }
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots.withUnsafeBufferPointer { $0[position] }
            if slot.index < 0 { break }
            if slot.hash == h, same(slot, bytes) {
                last = slot
                return (slot.index, false)
            }
            position = (position + 1) & mask
        }
        let slot = Slot(
            hash: h, start: storage.count, index: Int32(clamping: keys), count: Int32(clamping: bytes.count))
        storage.append(contentsOf: bytes)
        slots[position] = slot
        keys += 1
        if keys * 4 > slots.count * 3 { grow() }
        last = slot
        return (slot.index, true)
    }

    @inline(__always)
    private func same(_ slot: Slot, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard Int(slot.count) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return storage.withUnsafeBytes {
            InternTable.equal($0.baseAddress! + slot.start, bytes.baseAddress!, bytes.count)
        }
    }

    /// Whether `count` bytes at `a` and `b` are equal, eight at a time (ids are short: a call to
    /// `memcmp` for each cost more than the comparison).
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var k = 0
        while k + 8 <= count {
            if a.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            {
                return false
            }
            k += 8
        }
        while k < count {
            if a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) { return false }
            k += 1
        }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.index >= 0 {
            var position = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[position].index >= 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }
}
