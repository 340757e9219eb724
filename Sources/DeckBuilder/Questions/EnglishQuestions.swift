/// Wh-questions from an English clause, by rules in the manner of Heilman and Smith:
/// move the date adverbial or the figure out, move a leading phrase to the end, find the
/// subject and its past-tense verb, then invert with do-support ("declared" → "did … declare").
enum EnglishQuestions {
    static let durationUnits: WordSet = ["days", "months", "years", "weeks", "hours", "minutes", "decades"]

    static let connectives: WordSet = [
        "however", "therefore", "then", "finally", "eventually", "thus", "so", "and", "but", "meanwhile", "later",
        "soon", "subsequently", "consequently", "moreover", "also", "afterwards",
    ]
    static let subjectPrepositions: WordSet = [
        "in", "on", "at", "by", "for", "from", "with", "after", "before", "during", "since", "until", "to", "of",
        "as", "under", "over", "through", "into", "against", "despite", "without", "within", "among", "between",
        "upon", "towards", "toward",
    ]

    static let leadWords: WordSet = [
        "after", "despite", "when", "although", "before", "during", "following", "with", "under", "as", "at", "in",
        "on", "since", "upon", "by", "from", "towards", "toward", "within",
    ]
    static let timeWords: WordSet = [
        "the", "early", "late", "mid", "morning", "afternoon", "evening", "night", "end", "beginning", "middle", "of",
        "start", "dawn",
    ]

    /// Finite verbs other than a past form: a clause led by one does not invert the simple way.
    static let otherFiniteVerbs = ASCIIWordSet([
        "is", "are", "has", "have", "will", "would", "can", "could", "should", "had", "did", "does", "do",
    ])

    struct Parsed {
        var subject: [Token]
        var verb: Token
        /// "was"/"were" + participle: the participle.
        var participle: Token?
        var rest: [Token]
        var lead: [Token]
    }

    // MARK: Dates

    static func dateQuestion(_ t: [Token], date: Range<Int>, value: DateValue) -> (question: String, event: String)? {
        let wh: String
        switch value.granularity {
        case .day, .month: wh = "When"
        case .year: wh = "In what year"
        default: return nil
        }
        // The adverbial: [on|in] [the early morning of] DATE [,]
        var a = date.lowerBound
        while a > 0, timeWords.contains(t[a - 1].lower), date.lowerBound - a < 5 { a -= 1 }
        if a > 0, t[a - 1].lowerIs("on") || t[a - 1].lowerIs("in") {
            a -= 1
        } else if a != date.lowerBound || !(a == 0 || connectives.contains(t[a - 1].lower) || t[a - 1].isMark(",")) {
            return nil
        }
        if date.lowerBound < t.count, t[date.lowerBound].lower == "mid" {
            return nil
        }
        var b = date.upperBound
        if b < t.count, t[b].isMark(",") { b += 1 }
        // The tokens before the adverbial, kept as a range until the rest is made (one array, no
        // array of them and then a joined copy).
        var beforeEnd = a
        if beforeEnd > 0, t[beforeEnd - 1].isMark(",") { beforeEnd -= 1 }
        // "On the second day, August 16, …": the lead phrase and the date are one adverbial.
        if a == date.lowerBound,
            let f = (0..<beforeEnd).first(where: { !connectives.contains(t[$0].lower) && t[$0].isMark(",") == false }),
            leadWords.contains(t[f].lower)
        {
            beforeEnd = 0
        }
        var rest: [Token] = []
        rest.reserveCapacity(beforeEnd + t.count - min(b, t.count))
        rest.append(contentsOf: t[0..<beforeEnd])
        rest.append(contentsOf: t[b...])
        if let last = rest.last, last.kind == .punct, last.isMark(".") || last.isMark("!") { rest.removeLast() }
        guard var p = parse(rest) else { return nil }
        if p.rest.contains(where: { $0.kind == .number }) && p.rest.count > 12 { return nil }
        p.lead = []
        return (compose(wh: wh, p), event(p))
    }

    // MARK: Figures

    static func figureQuestion(_ t: [Token], figure: FigureMention) -> String? {
        let counted = Array(t[figure.countedTokens])
        guard let headTok = counted.last(where: { $0.lower != "of" && $0.lower != "war" }) ?? counted.last else {
            return nil
        }
        let head = headTok.lower
        guard head.hasSuffix("s") || head == "people" || head == "men" || head == "personnel", !headTok.isCapitalized,
            !figure.value.isPercent
        else { return nil }
        let start = figure.qualifierTokens?.lowerBound ?? figure.tokens.lowerBound
        var after = Array(t[figure.countedTokens.upperBound...])
        if let last = after.last, last.kind == .punct, last.isMark(".") || last.isMark("!") { after.removeLast() }
        let countedText = join(counted)
        // The figure is the subject: "1.5 million Soviet troops fought …" → "How many Soviet troops fought …?"
        var s = 0
        while s < start, connectives.contains(t[s].lower) || t[s].isMark(",") { s += 1 }
        if s == start, let verb = after.first, verb.kind == .word, !verb.isCapitalized,
            English.isPast(verb.lower) || verb.lower == "were" || verb.lower == "was"
        {
            guard after.count >= 2, after.count <= 16 else { return nil }
            // Written once from its pieces, as the questions below.
            return PromptText.written { w in
                w.put("How many ")
                w.put(countedText)
                w.put(" ")
                w.put(after, after.indices)
                w.put("?")
            }
        }
        // The figure is the object: "the Soviet Union captured more than 600,000 Japanese soldiers".
        guard let p = parse(Array(t[0..<start]), allowEmptyRest: true) else { return nil }
        guard p.participle == nil, p.verb.lower != "was", p.verb.lower != "were", p.verb.lower != "had" else {
            return nil
        }
        let base = English.base(ofPast: p.verb.lower)
        var restTokens = after
        let keepLead =
            p.lead.count <= 6
            && (p.lead.first.map {
                ($0.lowerIs("when") || $0.lowerIs("after") || $0.lowerIs("before") || $0.lowerIs("during")
                    || $0.lowerIs("in") || $0.lowerIs("at") || $0.lowerIs("by"))
            } ?? false)
        let tail = p.lead.isEmpty || !keepLead ? "" : " " + leadText(p.lead)
        let subject = subjectText(p.subject)
        if p.rest.isEmpty {
            guard trimRest(&restTokens) else { return nil }
            return howMany("How many ", countedText, subject, base, restTokens, tail)
        }
        if p.rest.count == 1, p.rest[0].lower == "for", durationUnits.contains(head), counted.count == 1 {
            guard trimRest(&restTokens) else { return nil }
            return howMany("For how many ", head, subject, base, restTokens, tail)
        }
        return nil
    }

    /// "\(lead)\(counted) did \(subject) \(base) \(rest)\(tail)?", written once (no space before an
    /// empty rest).
    static func howMany(
        _ lead: String, _ counted: String, _ subject: String, _ base: String, _ rest: [Token], _ tail: String
    ) -> String {
        PromptText.written { w in
            w.put(lead)
            w.put(counted)
            w.put(" did ")
            w.put(subject)
            w.put(" ")
            w.put(base)
            if !rest.isEmpty {
                w.put(" ")
                w.put(rest, rest.indices)
            }
            w.put(tail)
            w.put("?")
        }
    }

    // MARK: Parsing

    /// Subject, verb and the rest of a declarative clause; nil when it does not parse cleanly.
    static func parse(_ tokens: [Token], allowEmptyRest: Bool = false) -> Parsed? {
        // The tokens are read in place through buffers: a copy of a token retains and releases its
        // strings. The marks are read on their texts (`isMark(",")` is `markByte == 2C`).
        let (from, leadEnd) = tokens.withUnsafeBufferPointer { t -> (Int, Int?) in
            var s = 0
            while s < t.count, connectives.contains(t[s].lower) || SentenceQuality.markByte(t[s].text) == 0x2C {
                s += 1
            }
            guard s < t.count, leadWords.contains(t[s].lower) || (t[s].lower.hasSuffix("ing") && t[s].isCapitalized)
            else { return (s, nil) }
            var comma = s
            while comma < t.count, SentenceQuality.markByte(t[comma].text) != 0x2C { comma += 1 }
            guard comma < t.count, comma - s <= 12 else { return (s, nil) }
            return (s, comma)
        }
        var lead: [Token] = []
        var r = tokens[from...]
        if let leadEnd {
            lead = Array(tokens[from..<leadEnd])
            r = tokens[(leadEnd + 1)...]
        }
        // The clause's own array when nothing was dropped (no copy of each token).
        let words = r.count == tokens.count ? tokens : Array(r)
        guard words.count >= 2 else { return nil }
        let found = words.withUnsafeBufferPointer { w -> Int? in
            for k in 1..<min(w.count, 14) {
                guard w[k].kind == .word, !w[k].isCapitalized else { continue }
                if w[k - 1].lowerIs("the") || w[k - 1].lowerIs("a") || w[k - 1].lowerIs("an")
                    || w[k - 1].lowerIs("its") || w[k - 1].lowerIs("their") || w[k - 1].lowerIs("his")
                {
                    continue
                }
                let lower = w[k].lower
                if lower == "was" || lower == "were" || English.isPast(lower) { return k }
                if otherFiniteVerbs.contains(lower) { return nil }
            }
            return nil
        }
        guard let v = found else { return nil }
        // The subject's tests before its array is made.
        let subjectFits = words.withUnsafeBufferPointer { w -> Bool in
            guard v > 0, !English.pronouns.contains(w[0].lower) else { return false }
            // "In order to fulfill the promise … made at Yalta": a phrase led by a preposition is no subject.
            if subjectPrepositions.contains(w[0].lower) { return false }
            var named = false
            var comma = false
            var and = false
            for k in 0..<v {
                let mark = SentenceQuality.markByte(w[k].text)
                // ( "
                if w[k].kind == .number || mark == 0x28 || mark == 0x22 { return false }
                if !named, w[k].kind == .word, w[k].isCapitalized, !English.stopwordWords.contains(w[k].lower) {
                    named = true
                }
                if mark == 0x2C { comma = true }
                if w[k].lowerIs("and") { and = true }
            }
            return named && (!comma || and)
        }
        guard subjectFits else { return nil }
        let subject = Array(words[0..<v])
        var verb = words[v]
        var participle: Token?
        var restStart = v + 1
        if verb.lower == "was" || verb.lower == "were" {
            guard restStart < words.count else { return nil }
            let next = words[restStart]
            guard English.isPast(next.lower) || English.irregularParticipleWords.contains(next.lower) else {
                return nil
            }
            participle = next
            restStart += 1
        } else if verb.lower == "had" {
            return nil
        }
        if restStart < words.count, words[restStart].lower == "not" { return nil }
        var rest = Array(words[restStart...])
        guard trimRest(&rest) else { return nil }
        if rest.isEmpty && !allowEmptyRest && participle == nil { return nil }
        verb = words[v]
        guard subject.count <= 12, rest.count <= 18 else { return nil }
        return Parsed(subject: subject, verb: verb, participle: participle, rest: rest, lead: lead)
    }

    /// Cut a long rest at its first clause boundary.
    /// Cut a rest at its first clause boundary; false when what is left is not a complete phrase.
    @discardableResult
    static func trimRest(_ rest: inout [Token]) -> Bool {
        if let last = rest.last, last.kind == .punct, last.isMark(".") || last.isMark("!") { rest.removeLast() }
        // The cut found on tokens read in place (a copy of each would retain and release its strings).
        let cut = rest.withUnsafeBufferPointer { r -> Cut in
            let n = r.count
            for k in 0..<n {
                let mark = SentenceQuality.markByte(r[k].text)
                if mark == 0x3A { return .broken }  // :
                if mark == 0x3B { return .at(k) }  // ;
                if mark == 0x2C,
                    k == 0 || n > 10
                        || (k + 1 < n
                            && (r[k + 1].lowerIs("and") || r[k + 1].lowerIs("which") || r[k + 1].lowerIs("who")
                                || r[k + 1].lowerIs("but") || r[k + 1].lowerIs("while") || r[k + 1].lowerIs("where")
                                || r[k + 1].lowerIs("when") || r[k + 1].lowerIs("although")
                                || English.isPast(r[k + 1].lower) || r[k + 1].lower.hasSuffix("ing")))
                {
                    return .at(k)
                }
                // A purpose clause ("to discuss the handling of …") after a complete phrase.
                if k >= 3, n > 8, r[k].lowerIs("to"), r[k - 1].isCapitalized, k + 1 < n, r[k + 1].kind == .word,
                    !r[k + 1].isCapitalized, !English.stopwordWords.contains(r[k + 1].lower),
                    !r[k + 1].lower.hasSuffix("s") || r[k + 1].lower.hasSuffix("ss")
                {
                    return .at(k)
                }
                if k >= 2, r[k].lowerIs("and"), k + 1 < n, !r[k + 1].isCapitalized, English.isPast(r[k + 1].lower) {
                    return .at(k)
                }
            }
            return .none
        }
        switch cut {
        case .broken: return false
        case .at(let k): rest.removeLast(rest.count - k)
        case .none: break
        }
        while let last = rest.last,
            last.kind == .punct
                || (last.lowerIs("and") || last.lowerIs("but") || last.lowerIs("which") || last.lowerIs("who"))
        {
            rest.removeLast()
        }
        return true
    }

    /// Where `trimRest` cuts: nowhere, before a token, or the rest is no complete phrase.
    private enum Cut {
        case none
        case at(Int)
        case broken
    }

    static func compose(wh: String, _ p: Parsed) -> String {
        let subject = subjectText(p.subject)
        let lead = p.lead.isEmpty ? "" : leadText(p.lead)
        let base = p.participle == nil ? English.base(ofPast: p.verb.lower) : ""
        // Written once (interpolating appends each piece, growing the string).
        return PromptText.written { w in
            w.put(wh)
            if let part = p.participle {
                w.put(" ")
                w.put(p.verb.lower)
                w.put(" ")
                w.put(subject)
                w.put(" ")
                w.put(part.text)
            } else {
                w.put(" did ")
                w.put(subject)
                w.put(" ")
                w.put(base)
            }
            if !p.rest.isEmpty {
                w.put(" ")
                w.put(p.rest, p.rest.indices)
            }
            if !p.lead.isEmpty {
                w.put(" ")
                w.put(lead)
            }
            w.put("?")
        }
    }

    static func event(_ p: Parsed) -> String {
        // The parts joined by spaces, written once.
        let text = PromptText.written { w in
            w.put(p.subject, p.subject.indices)
            w.put(" ")
            w.put(p.verb.text)
            if let part = p.participle {
                w.put(" ")
                w.put(part.text)
            }
            if !p.rest.isEmpty {
                w.put(" ")
                w.put(p.rest, p.rest.indices)
            }
        }
        return upperFirst(text)
    }

    /// `compose` as first written, by interpolation (tests compare the two).
    static func composeByInterpolation(wh: String, _ p: Parsed) -> String {
        let subject = subjectText(p.subject)
        let tail = p.lead.isEmpty ? "" : " " + leadText(p.lead)
        let rest = p.rest.isEmpty ? "" : " " + join(p.rest)
        if let part = p.participle {
            return "\(wh) \(p.verb.lower) \(subject) \(part.text)\(rest)\(tail)?"
        }
        return "\(wh) did \(subject) \(English.base(ofPast: p.verb.lower))\(rest)\(tail)?"
    }

    /// `event` as first written, by joining an array (tests compare the two).
    static func eventByJoining(_ p: Parsed) -> String {
        var parts = [join(p.subject), String(p.verb.text)]
        if let part = p.participle { parts.append(String(part.text)) }
        if !p.rest.isEmpty { parts.append(join(p.rest)) }
        return upperFirst(parts.joined(separator: " "))
    }

    /// `s.prefix(1).uppercased() + s.dropFirst()`; a first byte in ASCII followed by another is a
    /// character of its own, upper-cased on the byte.
    static func upperFirst(_ s: String) -> String {
        let u = s.utf8
        if let b = u.first, b < 0x80, u.count == 1 || u[u.index(after: u.startIndex)] < 0x80 {
            guard b >= 0x61 && b <= 0x7A else { return s }
            var bytes = Array(u)
            bytes[0] = b - 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        return s.prefix(1).uppercased() + s.dropFirst()
    }

    static func subjectText(_ subject: [Token]) -> String {
        var s = join(subject)
        if let first = subject.first, first.isCapitalized, English.stopwordWords.contains(first.lower) {
            s = first.lower + s.dropFirst(first.text.count)
        }
        return s
    }

    static func leadText(_ lead: [Token]) -> String {
        var s = join(lead)
        if let first = lead.first, first.isCapitalized,
            English.stopwordWords.contains(first.lower) || leadWords.contains(first.lower)
        {
            s = first.lower + s.dropFirst(first.text.count)
        }
        return s
    }

    static func join(_ tokens: [Token]) -> String {
        // The bytes counted first, then written once (appending grows and checks the string each time).
        FigureExtractor.phrase(tokens, tokens.indices)
    }
}
