import Foundation

/// Writes and reads `snapshot.json` by hand: `JSONDecoder` needs about 0.2 s for 10,000 cards,
/// which is the whole start-up budget. The file is ordinary JSON with sorted keys, one card per line
/// (docs/progress-format.md); any JSON tool reads it. Keys it does not know are skipped.
///
/// When a field is added to `CardRecord` or `CardState`, add it here too
/// (`SnapshotCodecTests.coversEveryField` fails until then).
enum SnapshotCodec {
    struct Failure: Error { var message: String }

    static func encode(_ snapshot: ProgressSnapshot) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(snapshot.cards.count * 260 + 512)
        out.append(contentsOf: Array("{\"cards\":[\n".utf8))
        var firstCard = true
        for id in snapshot.cards.keys.sorted() {
            guard let record = snapshot.cards[id] else { continue }
            if !firstCard { out.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
            firstCard = false
            encodeRecord(record, id: id, to: &out)
        }
        out.append(contentsOf: Array("\n],\"configHash\":".utf8))
        EventLineCodec.appendString(snapshot.configHash, to: &out)
        out.append(
            contentsOf: Array(
                ",\"formatVersion\":\(snapshot.formatVersion),\"log\":{\"bytes\":\(snapshot.log.bytes),\"events\":\(snapshot.log.events)"
                    .utf8))
        if let last = snapshot.log.lastEventID {
            out.append(contentsOf: Array(",\"lastEventID\":".utf8))
            EventLineCodec.appendString(last, to: &out)
        }
        out.append(contentsOf: Array(",\"lines\":\(snapshot.log.lines)},\"undone\":[".utf8))
        for (k, u) in snapshot.undone.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array("{\"card\":".utf8))
            EventLineCodec.appendString(u.card.rawValue, to: &out)
            out.append(contentsOf: Array(",\"event\":".utf8))
            EventLineCodec.appendString(u.event, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: Array("],\"warnings\":[".utf8))
        for (k, w) in snapshot.warnings.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array("{\"line\":\(w.line),\"message\":".utf8))
            EventLineCodec.appendString(w.message, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: Array("]}\n".utf8))
        return out
    }

    private static func encodeRecord(_ r: CardRecord, id: String, to out: inout [UInt8]) {
        var first = true
        func key(_ name: String) {
            out.append(contentsOf: Array((first ? "{\"" : ",\"").utf8))
            first = false
            out.append(contentsOf: Array(name.utf8))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        func date(_ d: Date) {
            out.append(UInt8(ascii: "\""))
            LogTime.append(d, to: &out)
            out.append(UInt8(ascii: "\""))
        }
        let s = r.state
        if let b = r.buriedUntil { key("buriedUntil"); date(b) }
        key("card"); EventLineCodec.appendString(id, to: &out)
        key("deck"); EventLineCodec.appendString(r.deck, to: &out)
        if let d = s.difficulty { key("difficulty"); out.append(contentsOf: Array("\(d)".utf8)) }
        if let d = s.due { key("due"); date(d) }
        key("lapses"); out.append(contentsOf: Array(String(s.lapses).utf8))
        if let d = s.lastReview { key("lastReview"); date(d) }
        key("phase"); EventLineCodec.appendString(s.phase.rawValue, to: &out)
        key("reps"); out.append(contentsOf: Array(String(s.reps).utf8))
        if let st = s.stability { key("stability"); out.append(contentsOf: Array("\(st)".utf8)) }
        if let st = s.step { key("step"); out.append(contentsOf: Array(String(st).utf8)) }
        key("suspended"); out.append(contentsOf: Array((r.suspended ? "true" : "false").utf8))
        out.append(UInt8(ascii: "}"))
    }

    // MARK: Decoding

    static func decode(_ bytes: [UInt8]) throws(Failure) -> ProgressSnapshot {
        var result: Result<ProgressSnapshot, Failure> = .failure(Failure(message: "empty"))
        bytes.withUnsafeBytes { buf in
            result = Result { () throws(Failure) in try decode(buf) }
        }
        return try result.get()
    }

    private static func decode(_ buf: UnsafeRawBufferPointer) throws(Failure) -> ProgressSnapshot {
        var p = JSONLineScanner(buf)
        var snapshot = ProgressSnapshot(
            formatVersion: 0, configHash: "", log: .init(events: 0, lines: 0, bytes: 0, lastEventID: nil), undone: [],
            warnings: [], cards: [:])
        var sawVersion = false
        var sawLog = false
        try object(&p) { (p, key) throws(Failure) in
            switch key {
            case "formatVersion":
                snapshot.formatVersion = try int(&p, key)
                sawVersion = true
            case "configHash": snapshot.configHash = try string(&p, key)
            case "log":
                sawLog = true
                try object(&p) { (p, key) throws(Failure) in
                    switch key {
                    case "events": snapshot.log.events = try int(&p, "log.events")
                    case "lines": snapshot.log.lines = try int(&p, "log.lines")
                    case "bytes": snapshot.log.bytes = try int(&p, "log.bytes")
                    case "lastEventID":
                        snapshot.log.lastEventID = p.takeNull() ? nil : try string(&p, "log.lastEventID")
                    default: try skip(&p, key)
                    }
                }
            case "undone":
                try array(&p) { (p) throws(Failure) in
                    var event = ""
                    var card = ""
                    try object(&p) { (p, key) throws(Failure) in
                        switch key {
                        case "event": event = try string(&p, "undone.event")
                        case "card": card = try string(&p, "undone.card")
                        default: try skip(&p, key)
                        }
                    }
                    snapshot.undone.append(UndoneEvent(event: event, card: CardID(card)))
                }
            case "warnings":
                try array(&p) { (p) throws(Failure) in
                    var w = ProgressSnapshot.LineWarning(line: 0, message: "")
                    try object(&p) { (p, key) throws(Failure) in
                        switch key {
                        case "line": w.line = try int(&p, "warnings.line")
                        case "message": w.message = try string(&p, "warnings.message")
                        default: try skip(&p, key)
                        }
                    }
                    snapshot.warnings.append(w)
                }
            case "cards":
                snapshot.cards.reserveCapacity(buf.count / 250)
                try array(&p) { (p) throws(Failure) in
                    let (id, record) = try decodeRecord(&p)
                    snapshot.cards[id] = record
                }
            default: try skip(&p, key)
            }
        }
        p.skipSpace()
        guard p.atEnd else { throw Failure(message: "text after the JSON object") }
        guard sawVersion else { throw Failure(message: "missing 'formatVersion'") }
        guard sawLog else { throw Failure(message: "missing 'log'") }
        return snapshot
    }

    private static func decodeRecord(_ p: inout JSONLineScanner) throws(Failure) -> (String, CardRecord) {
        var id: String?
        var record = CardRecord(deck: "")
        var phase: CardPhase?
        try object(&p) { (p, key) throws(Failure) in
            switch key {
            case "card": id = try string(&p, "card")
            case "deck": record.deck = try string(&p, "deck")
            case "phase":
                let text = try lift { () throws(EventLineCodec.Failure) in
                    try p.requiredString("phase", known: phaseNames)
                }
                guard let value = CardPhase(rawValue: text) else { throw Failure(message: "unknown phase '\(text)'") }
                phase = value
            case "step": record.state.step = p.takeNull() ? nil : try int(&p, "step")
            case "stability": record.state.stability = p.takeNull() ? nil : try double(&p, "stability")
            case "difficulty": record.state.difficulty = p.takeNull() ? nil : try double(&p, "difficulty")
            case "due": record.state.due = try optionalDate(&p, "due")
            case "lastReview": record.state.lastReview = try optionalDate(&p, "lastReview")
            case "reps": record.state.reps = try int(&p, "reps")
            case "lapses": record.state.lapses = try int(&p, "lapses")
            case "suspended": record.suspended = try bool(&p, "suspended")
            case "buriedUntil": record.buriedUntil = try optionalDate(&p, "buriedUntil")
            default: try skip(&p, key)
            }
        }
        guard let id else { throw Failure(message: "a card without 'card'") }
        guard let phase else { throw Failure(message: "card \(id) has no phase") }
        record.state.phase = phase
        return (id, record)
    }

    static let phaseNames = CardPhase.allCases.map(\.rawValue)
    /// Keys are few and short; comparing them as Strings is cheap next to the values.
    private static func object(
        _ p: inout JSONLineScanner, _ body: (inout JSONLineScanner, String) throws(Failure) -> Void
    ) throws(Failure) {
        p.skipSpace()
        guard p.take(UInt8(ascii: "{")) else { throw Failure(message: "expected an object at byte \(p.i + 1)") }
        p.skipSpace()
        if p.take(UInt8(ascii: "}")) { return }
        while true {
            p.skipSpace()
            guard let key = p.string() else { throw Failure(message: "expected a key at byte \(p.i + 1)") }
            p.skipSpace()
            guard p.take(UInt8(ascii: ":")) else { throw Failure(message: "expected ':' at byte \(p.i + 1)") }
            p.skipSpace()
            try body(&p, key)
            p.skipSpace()
            if p.take(UInt8(ascii: ",")) { continue }
            if p.take(UInt8(ascii: "}")) { return }
            throw Failure(message: "expected ',' or '}' at byte \(p.i + 1)")
        }
    }

    private static func array(_ p: inout JSONLineScanner, _ body: (inout JSONLineScanner) throws(Failure) -> Void)
        throws(Failure)
    {
        p.skipSpace()
        guard p.take(UInt8(ascii: "[")) else { throw Failure(message: "expected an array at byte \(p.i + 1)") }
        p.skipSpace()
        if p.take(UInt8(ascii: "]")) { return }
        while true {
            try body(&p)
            p.skipSpace()
            if p.take(UInt8(ascii: ",")) { continue }
            if p.take(UInt8(ascii: "]")) { return }
            throw Failure(message: "expected ',' or ']' at byte \(p.i + 1)")
        }
    }

    private static func skip(_ p: inout JSONLineScanner, _ key: String) throws(Failure) {
        guard p.skipValue() else { throw Failure(message: "bad value for '\(key)' at byte \(p.i + 1)") }
    }

    private static func string(_ p: inout JSONLineScanner, _ key: String) throws(Failure) -> String {
        guard let s = p.string() else { throw Failure(message: "'\(key)' is not a string") }
        return s
    }

    private static func int(_ p: inout JSONLineScanner, _ key: String) throws(Failure) -> Int {
        guard let v = try lift({ () throws(EventLineCodec.Failure) in try p.optionalInt(key) }) else {
            throw Failure(message: "'\(key)' is null")
        }
        return v
    }

    private static func bool(_ p: inout JSONLineScanner, _ key: String) throws(Failure) -> Bool {
        if p.takeWord("true") { return true }
        if p.takeWord("false") { return false }
        throw Failure(message: "'\(key)' is not true or false")
    }

    private static func optionalDate(_ p: inout JSONLineScanner, _ key: String) throws(Failure) -> Date? {
        try lift { () throws(EventLineCodec.Failure) in try p.optionalDate(key) }
    }

    /// Runs a scanner call, turning its failure into this codec's.
    private static func lift<T>(_ body: () throws(EventLineCodec.Failure) -> T) throws(Failure) -> T {
        switch Result(catching: body) {
        case .success(let value): return value
        case .failure(.malformed(let message)): throw Failure(message: message)
        case .failure(.newer(let v)): throw Failure(message: "version \(v)")
        }
    }

    private static func double(_ p: inout JSONLineScanner, _ key: String) throws(Failure) -> Double {
        let start = p.i
        while p.i < p.s.count {
            let c = p.s[p.i]
            guard
                (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                    || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
            else { break }
            p.i += 1
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: p.s[start..<p.i]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Failure(message: "'\(key)' is not a number") }
        return value
    }
}
