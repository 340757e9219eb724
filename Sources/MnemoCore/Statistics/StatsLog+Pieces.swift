import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a large log on every core: the bytes are cut into pieces at line ends, each piece is read
/// on its own (`readPiece`, its own intern tables, lines numbered from 1), and the pieces are joined
/// in order. Joining re-interns each piece's ids in the order the piece met them, so ids get the
/// numbers a single pass gives, and shifts line numbers by the lines before the piece: the result
/// equals a single pass exactly (tested), warnings, torn last line and refusals included.
extension StatsLog {
    /// What `readPiece` found in one stretch of the log.
    struct Piece: Sendable {
        /// A line of a newer format (reading stopped there).
        struct Newer: Sendable {
            var line: Int
            var version: Int
        }

        var log: StatsLog
        /// Lines read (the piece's last line included, terminated or not).
        var lines: Int
        var newer: Newer?
    }

    /// Below this a log is read in one pass (threads would cost more than they save).
    static let bytesPerPiece = 4 << 20

    /// How many pieces to read `count` bytes in: one per core, each at least `bytesPerPiece`.
    static func defaultParts(forBytes count: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / bytesPerPiece, 16))
    }

    /// Parses log bytes in up to `parts` pieces read at the same time.
    static func parse(_ buf: UnsafeRawBufferPointer, file: String, parts: Int) throws(ProgressError) -> StatsLog {
        let ranges = pieceRanges(buf, parts: parts)
        guard ranges.count > 1, let base = buf.baseAddress else { return try join([readPiece(buf, file: file)], file) }
        let work = PieceWork(base: base, ranges: ranges, file: file)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { work.read($0) }
        return try join(work.results(), file)
    }

    /// Up to `parts` ranges covering `buf`, each but the last ending just after a newline.
    static func pieceRanges(_ buf: UnsafeRawBufferPointer, parts: Int) -> [Range<Int>] {
        let count = buf.count
        guard parts > 1, let base = buf.baseAddress else { return [0..<count] }
        var ranges: [Range<Int>] = []
        var start = 0
        for k in 1..<parts {
            let target = max(start, count / parts * k)
            guard target < count, let nl = memchr(base + target, 0x0A, count - target) else { break }
            let end = base.distance(to: UnsafeRawPointer(nl)) + 1
            if end > start, end < count {
                ranges.append(start..<end)
                start = end
            }
        }
        ranges.append(start..<count)
        return ranges
    }

    /// The pieces, in log order, as one log.
    static func join(_ pieces: [Piece], _ file: String) throws(ProgressError) -> StatsLog {
        var pieces = pieces
        var log = StatsLog()
        var linesBefore = 0
        for k in pieces.indices {
            // Taken out of the array, so that the joined log owns its arrays alone (no copies).
            var piece = Piece(log: StatsLog(), lines: 0)
            swap(&piece, &pieces[k])
            if let newer = piece.newer {
                throw .newerFormat(
                    path: "\(file):\(linesBefore + newer.line)", found: newer.version, supported: EventLineCodec.version
                )
            }
            if k == 0 {
                log = piece.log
                piece.log = StatsLog()
                let total = pieces.reduce(log.entries.count) { $0 + $1.log.entries.count }
                if total > log.entries.capacity { log.entries.reserveCapacity(total) }
            } else {
                log.appendPiece(piece.log, linesBefore: linesBefore)
            }
            linesBefore += piece.lines
        }
        return log
    }

    /// Appends a later piece: its ids re-interned here, its line numbers shifted.
    private mutating func appendPiece(_ piece: StatsLog, linesBefore: Int) {
        let cardMap = piece.cards.map { id in
            var raw = id.rawValue
            return raw.withUTF8 { internCard(UnsafeRawBufferPointer($0)) }
        }
        let deckMap = piece.decks.map { id in
            var raw = id
            return raw.withUTF8 { internDeck(UnsafeRawBufferPointer($0)) }
        }
        cardMap.withUnsafeBufferPointer { cards in
            deckMap.withUnsafeBufferPointer { decks in
                for var e in piece.entries {
                    e.card = cards[Int(e.card)]
                    e.deck = decks[Int(e.deck)]
                    entries.append(e)
                }
            }
        }
        let shift = { (w: ProgressWarning) -> ProgressWarning in
            var w = w
            w.line = w.line.map { $0 + linesBefore }
            return w
        }
        warnings += piece.warnings.map(shift)
        if let torn = piece.tornWarning { tornWarning = shift(torn) }
    }
}

/// The pieces being read at the same time: each iteration reads its own range and stores its own
/// slot (under the lock; there is one store per piece).
private final class PieceWork: @unchecked Sendable {
    private let base: UnsafeRawPointer
    private let ranges: [Range<Int>]
    private let file: String
    private let lock = NSLock()
    private var pieces: [StatsLog.Piece?]

    init(base: UnsafeRawPointer, ranges: [Range<Int>], file: String) {
        self.base = base
        self.ranges = ranges
        self.file = file
        pieces = Array(repeating: nil, count: ranges.count)
    }

    func read(_ k: Int) {
        let range = ranges[k]
        // Room for the whole log in the first piece: pages never written cost nothing.
        let reserve = k == 0 ? (ranges.last?.upperBound ?? 0) / 128 : nil
        let piece = StatsLog.readPiece(
            UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count), file: file, reserve: reserve)
        lock.lock()
        pieces[k] = piece
        lock.unlock()
    }

    func results() -> [StatsLog.Piece] {
        lock.lock()
        defer { lock.unlock() }
        return pieces.map { $0 ?? StatsLog.Piece(log: StatsLog(), lines: 0) }
    }
}
