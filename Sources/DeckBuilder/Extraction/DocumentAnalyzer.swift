import MnemoCore

/// Reads one cleaned document sentence by sentence and drafts a fact (with its card texts)
/// for every date, figure and name in a sentence fit to quote that `sink` admits.
enum DocumentAnalyzer {
    static func analyze<Sink: FactSink>(_ source: SourceText, into sink: inout Sink) -> DocumentAnalysis {
        var normalizer = WordNormalizer()
        return analyze(source, into: &sink, normalizer: &normalizer)
    }

    /// `analyze(_:into:)` with a word normalizer kept from document to document (its memories are
    /// of words, whatever the document: a build reads most of its words in its first sources).
    static func analyze<Sink: FactSink>(
        _ source: SourceText, into sink: inout Sink, normalizer: inout WordNormalizer
    ) -> DocumentAnalysis {
        let name = source.file.name
        let reasons = LineCleaner.classify(source.lines)
        var analysis = DocumentAnalysis(source: name, language: "und")
        var contextYear: Int?
        var sentenceIndex = 0
        var arabicLetters = 0
        var latinLetters = 0
        let total = max(1, source.lines.count)
        let sourceTag = tag(forSource: name)
        // One array's room for every sentence's tokens (`Tokenizer.tokens(_:into:)`).
        var tokenRoom: [Token] = []
        // A fact goes to the sink when it admits the fact's preview; drafted only then (`draft` is
        // given the preview's match-word numbers, which the drafted fact keeps).
        func offer(_ preview: FactPreview, _ evidence: Provenance, _ draft: ([Int32]) -> FactCandidate?) {
            guard let admission = sink.admit(preview, evidence: evidence) else {
                analysis.factsPassedOver += 1
                return
            }
            if let fact = draft(preview.view.matchWords) {
                analysis.factsDrafted += 1
                sink.add(fact, admission)
            }
        }
        for (i, line) in source.lines.enumerated() {
            if let reason = reasons[i] {
                analysis.dropped.append(.init(line: i + 1, reason: reason, text: characterPrefix(line, 80)))
                continue
            }
            if LineCleaner.isBlank(line) { continue }
            let ranges = SentenceSplitter.ranges(in: line)
            // Letters counted once per sentence; the line's are their sum (between its sentences
            // there is only white space).
            let sentenceLetters = letterCounts(of: ranges, in: line)
            var lineLetters = Script.LetterCounts()
            for counts in sentenceLetters { lineLetters += counts }
            let lineLanguage = lineLetters.language
            let measure = CharacterMeasure(of: line)
            if lineLanguage == "ar" {
                arabicLetters += measure.count(of: line)
            } else if lineLanguage == "en" {
                latinLetters += measure.count(of: line)
            }
            var anchor: (value: DateValue, evidence: Provenance)?
            for (r, range) in ranges.enumerated() {
                sentenceIndex += 1
                analysis.sentences += 1
                let language = sentenceLetters[r].language
                guard language == "en" || language == "ar" else { continue }
                // Cheap tests first: no date before to date it from context, no digit, no month name
                // and no name cue, nothing to extract. They read the line's bytes: the sentence's
                // string is made only for a sentence that passes.
                guard anchor != nil || mayHoldFactsOrNames(line, range) else { continue }
                let text = String(line[range])
                Tokenizer.tokens(text, into: &tokenRoom)
                let tokens = tokenRoom
                let dates = DateExtractor.dates(in: tokens, language: language)
                // What dates and figures took, as ranges (a set of their indices hashed each one).
                var taken = dates.map { $0.tokens }
                let figures = FigureExtractor.figures(in: tokens, language: language, taken: taken)
                if !figures.isEmpty {
                    // Room for all at once (appended one by one, the list grew a copy at a time).
                    taken.reserveCapacity(taken.count + 2 * figures.count)
                    for f in figures {
                        taken.append(f.tokens)
                        taken.append(f.countedTokens)
                    }
                }
                let names = NameExtractor.names(in: tokens, language: language, taken: taken)
                analysis.datesFound += dates.count
                analysis.figuresFound += figures.count
                analysis.namesFound += names.count
                var problem = SentenceQuality.problem(text, tokens: tokens, language: language)
                // The next sentence starting without a subject means this one was cut in the wrong place.
                if problem == nil, language == "en", r + 1 < ranges.count,
                    SentenceQuality.startsWithoutSubject(characterPrefix(line[ranges[r + 1]], 40))
                {
                    problem = .garbledText
                }
                if let problem {
                    if !dates.isEmpty || !figures.isEmpty || tokens.contains(where: { $0.kind == .number }) {
                        analysis.dropped.append(.init(line: i + 1, reason: problem, text: characterPrefix(text, 80)))
                    }
                    // A garbled sentence can still be another source's reading in a conflict; the rest is dropped.
                    if problem != .garbledText {
                        updateContext(&contextYear, dates)
                        continue
                    }
                }
                // Character offsets; in ASCII without CR (one byte a character) they are byte offsets,
                // in a line whose every scalar is a character of its own they are scalar offsets.
                let start = measure.offset(of: range.lowerBound, in: line)
                let length = measure.count(of: text)
                let evidence = Provenance(source: name, line: i + 1, start: start, end: start + length, quote: text)
                let position = 1.0 - Double(i) / Double(total)
                // What several facts of the sentence share, computed once when it has facts at all.
                let hasMentions = !(dates.isEmpty && figures.isEmpty && names.isEmpty)
                let english = language == "en"
                // A sentence after a dated one may become a fact dated from context: its words too.
                var words: [WordNormalizer.Numbered]?
                if hasMentions || (english && dates.isEmpty && anchor != nil) {
                    words = normalizer.numbered(tokens, language: language)
                }
                let context = DraftContext(
                    text: text, tokens: tokens, language: language, evidence: evidence, position: position,
                    sourceTag: sourceTag, quotable: problem == nil,
                    words: words, strings: normalizer.strings,
                    penalty: hasMentions || anchor != nil ? SentenceQuality.penalty(tokens, language: language) : nil,
                    splice: english && !(dates.isEmpty && figures.isEmpty)
                        ? .some(SentenceQuality.commaSplice(tokens)) : nil,
                    eventIDs: hasMentions ? words.map { CardDrafter.eventIDs(tokens, words: $0) } : nil)
                for date in dates {
                    var value = date.value
                    if value.year == nil, value.granularity == .day || value.granularity == .month, let contextYear {
                        value.year = contextYear
                        value.yearFromContext = true
                    }
                    offer(CardDrafter.datePreview(context, mention: date, value: value), evidence) {
                        CardDrafter.dateFact(
                            context, mention: date, value: value, matchWords: $0)
                    }
                }
                updateContext(&contextYear, dates)
                for figure in figures {
                    offer(CardDrafter.figurePreview(context, mention: figure), evidence) {
                        CardDrafter.figureFact(context, mention: figure, matchWords: $0)
                    }
                }
                for name in names {
                    offer(CardDrafter.namePreview(context, mention: name), evidence) {
                        CardDrafter.nameFact(context, mention: name, matchWords: $0)
                    }
                }
                if let first = dates.first, first.tokens.lowerBound <= 1, var value = Optional(first.value) {
                    if value.year == nil, let contextYear { value.year = contextYear; value.yearFromContext = true }
                    if value.year != nil { anchor = (value, evidence) }
                } else if dates.isEmpty, language == "en", let anchor,
                    let preview = CardDrafter.contextDatedPreview(context, value: anchor.value)
                {
                    offer(preview.preview, evidence) { _ in
                        CardDrafter.contextDatedFact(
                            context, value: anchor.value, anchorEvidence: anchor.evidence, preview: preview)
                    }
                }
            }
        }
        analysis.language = arabicLetters > latinLetters ? "ar" : latinLetters > 0 ? "en" : "und"
        _ = sentenceIndex
        return analysis
    }

    private static func updateContext(_ year: inout Int?, _ dates: [DateMention]) {
        for d in dates {
            if let y = d.value.year, d.value.granularity != .century { year = d.value.endYear ?? y }
        }
    }

    /// "source:" and the file name without its last extension. Asked for every citation of every
    /// card: for an ASCII name read on its bytes (a character is a byte there, CR LF aside, and
    /// neither is "/" or "."), else by characters as `tagByCharacters`.
    static func tag(forSource name: String) -> String {
        let fast = name.utf8.withContiguousStorageIfAvailable { b -> String? in
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            // The last of the components between slashes (empty ones left out)…
            var end = b.count
            while end > 0, b[end - 1] == 0x2F { end -= 1 }
            var start = end
            while start > 0, b[start - 1] != 0x2F { start -= 1 }
            guard start < end else { return nil }
            // …and its components between dots but the last, joined by single dots.
            var stem: [UInt8] = []
            var part: [UInt8] = []
            var parts = 0
            for c in b[start..<end] {
                if c == 0x2E {
                    if !part.isEmpty {
                        if parts > 0 { stem.append(0x2E) }
                        stem += part
                        parts += 1
                        part.removeAll(keepingCapacity: true)
                    }
                } else {
                    part.append(c)
                }
            }
            // A last component after the last dot is the extension; without one, the last
            // component written is.
            if part.isEmpty, parts > 0 {
                if let dot = stem.lastIndex(of: 0x2E) { stem.removeSubrange(dot...) } else { stem = [] }
            }
            let base = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            return "source:" + (stem.isEmpty ? base : String(decoding: stem, as: UTF8.self))
        }
        if let fast, let fast { return fast }
        return tagByCharacters(name)
    }

    /// `tag(forSource:)` by characters, as first written.
    static func tagByCharacters(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let stem = base.split(separator: ".").dropLast().joined(separator: ".")
        return "source:" + (stem.isEmpty ? base : stem)
    }

    /// `String(text.prefix(count))`: the first `count` bytes when the first `count + 1` are ASCII
    /// without CR (ASCII followed by ASCII is two characters, CR LF aside), else by characters.
    static func characterPrefix<S: StringProtocol>(_ text: S, _ count: Int) -> String {
        let fast = text.utf8.withContiguousStorageIfAvailable { b -> String? in
            for c in b.prefix(count + 1) where c >= 0x80 || c == 0x0D { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b.prefix(count)), as: UTF8.self)
        }
        if let fast, let fast { return fast }
        return String(text.prefix(count))
    }

    /// `Script.letterCounts` of each sentence of the line, read on the line's bytes.
    static func letterCounts(of ranges: [Range<String.Index>], in line: String) -> [Script.LetterCounts] {
        var text = line
        let u = line.utf8
        return text.withUTF8 { b in
            ranges.map { r in
                let lo = u.distance(from: u.startIndex, to: r.lowerBound)
                let hi = u.distance(from: u.startIndex, to: r.upperBound)
                return Script.letterCounts(utf8: UnsafeBufferPointer(rebasing: b[lo..<hi]))
            }
        }
    }

    /// `mayHoldFacts(s) || mayHoldNames(s)` of the sentence `s = String(line[range])`, on the
    /// line's bytes.
    static func mayHoldFactsOrNames(_ line: String, _ range: Range<String.Index>) -> Bool {
        var text = line
        let u = line.utf8
        let lo = u.distance(from: u.startIndex, to: range.lowerBound)
        let hi = u.distance(from: u.startIndex, to: range.upperBound)
        return text.withUTF8 { all in
            let b = UnsafeBufferPointer(rebasing: all[lo..<hi])
            return mayHoldFacts(utf8: b) || nameCueSet.containsAny(utf8: b)
        }
    }

    /// True when the text holds a digit, a month name or a number word (a fast scan on bytes).
    static func mayHoldFacts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayHoldFacts(utf8: $0) }
    }

    /// `mayHoldFacts` of the string whose UTF-8 bytes are `b`.
    static func mayHoldFacts(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        do {
            var ascii = true
            var i = 0
            let n = b.count
            let base = UnsafeRawPointer(b.baseAddress)
            while i < n {
                // Eight bytes at a time: adding 0x50 sets a byte's top bit from 0x30 up, 0x46 from
                // 0x3A up, read on the word with its top bits cleared (no byte carries into the
                // next) and kept for the bytes below 0x80 only (text of other scripts too).
                if i + 8 <= n, let base {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let high = w & 0x8080_8080_8080_8080
                    let a = w & 0x7F7F_7F7F_7F7F_7F7F
                    let digits = (a &+ 0x5050_5050_5050_5050) & ~(a &+ 0x4646_4646_4646_4646) & 0x8080_8080_8080_8080
                    if digits & ~high != 0 { return true }
                    if high != 0 { ascii = false }
                    i += 8
                    continue
                }
                let c = b[i]
                if c &- 0x30 < 10 { return true }
                if c >= 0x80 { ascii = false }
                i += 1
            }
            // `Tokenizer.isDigit` beyond ASCII: U+0660…0669 are D9 A0…A9, U+06F0…06F9 are DB B0…B9.
            if !ascii {
                var i = 0
                while i + 1 < b.count {
                    let c = b[i]
                    if (c == 0xD9 && b[i + 1] &- 0xA0 < 10) || (c == 0xDB && b[i + 1] &- 0xB0 < 10) { return true }
                    i += 1
                }
            }
            // Lower-cased on the fly when lower-casing is A–Z to a–z; otherwise the lower-cased copy.
            if ascii || NeedleSet.onlyASCIICased(b) { return quickWordSet.containsAnyIgnoringASCIICase(b) }
            return quickWordSet.containsAny(FastCase.lower(String(decoding: b, as: UTF8.self)))
        }
    }

    /// `mayHoldFacts` the way it was first written (Unicode scalars and a lower-cased copy), for tests.
    static func mayHoldFactsSlowly(_ text: String) -> Bool {
        for b in text.utf8 where b >= 0x30 && b <= 0x39 { return true }
        for s in text.unicodeScalars where Tokenizer.isDigit(s) { return true }
        return FastSearch.containsAny(FastCase.lower(text), quickWords)
    }

    static func mayHoldNames(_ text: String) -> Bool {
        nameCueSet.containsAny(text)
    }

    static let nameCueSet = NeedleSet(nameCues)
    static let quickWordSet = NeedleSet(quickWords)

    static let nameCues = [
        "Marshal", "General", "Emperor", "Admiral", "President", "Premier", "Chairman", "Commander", "King", "Prince",
        "Tsar", "Colonel", "Captain", "Minister", "Palace", "Fortress", "Peninsula", "River", "Conference", "Treaty",
        "Pact", "Agreement", "Convention", "Campaign", "Offensive", "Declaration", "Bay", "Island", "Strait",
        "عملية", "معركة", "اتفاقية", "مؤتمر",
    ]

    static let quickWords =
        [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november",
            "december", "century", "two ", "three", "four", "five", "six", "seven", "eight", "nine", "ten ", "twelve",
            "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "شهر", "عام", "سنة", "ثلاث", "أربع",
            "خمس", "ست", "سبع", "ثمان", "تسع", "عشر",
        ] + MonthNames.arabicStandard + MonthNames.arabicLevantine
}

/// The sentence a fact is drafted from.
struct DraftContext {
    var text: String
    var tokens: [Token]
    var language: String
    var evidence: Provenance
    var position: Double
    var sourceTag: String
    var quotable = true
    /// Each token's normalized word and verb key as the word normalizer numbered them (their
    /// `MatchWordTable` numbers, and their slot in `strings`), when computed for the sentence.
    var words: [WordNormalizer.Numbered]?
    /// The strings of `words`' slots.
    var strings: WordStrings?
    /// `SentenceQuality.penalty` of the sentence, computed once for all its facts.
    var penalty: Double?

    var sentencePenalty: Double { penalty ?? SentenceQuality.penalty(tokens, language: language) }

    /// `SentenceQuality.commaSplice` of the sentence (English), computed once for all its facts.
    var splice: Int??

    var sentenceSplice: Int? { splice ?? SentenceQuality.commaSplice(tokens) }
    /// `CardDrafter.eventIDs` of the sentence, when computed for it.
    var eventIDs: [Int32]?

    var sentenceEventIDs: [Int32] { eventIDs ?? CardDrafter.eventIDs(tokens) }
}

/// How a line's characters are counted cheaply: in ASCII without CR a character is a byte; where
/// every scalar is one of a set that never joins a neighbour in a grapheme cluster (Latin-1 and Latin
/// Extended letters, Arabic letters, digits and punctuation, general punctuation; no CR), a character
/// is a scalar; anywhere else the characters are walked.
enum CharacterMeasure {
    case bytes
    case scalars
    /// Scalars as in `scalars`, and Arabic marks (U+064B–U+065F, U+0670) each right after an Arabic
    /// letter (U+0620–U+064A) or such a mark: a mark extends the Character before it, so a
    /// character is a scalar other than a mark. No sentence of such a line starts with a mark (a
    /// sentence starts after white space, a terminator or a closer), so its sentences count so too.
    case marks
    case characters

    init(of line: String) {
        self =
            line.utf8.withContiguousStorageIfAvailable { CharacterMeasure(utf8: $0) }
            ?? (line.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? .bytes : .characters)
    }

    init(utf8 b: UnsafeBufferPointer<UInt8>) {
        var ascii = true
        var marks = false
        // Whether the scalar before `i` is an Arabic letter or a mark after one.
        var afterLetter = false
        var i = 0
        let n = b.count
        let base = UnsafeRawPointer(b.baseAddress)
        // Sixteen ASCII bytes without CR at a time on vector compares first, as the eight below
        // (the scalar before each next byte is then ASCII: no letter that a mark extends).
        if let base {
            let cr: SIMD16<UInt8> = SIMD16(repeating: 0x0D)
            let top: SIMD16<UInt8> = SIMD16(repeating: 0x80)
            while i + 16 <= n {
                let v = base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                if SentenceSplitter.anyLane((v .== cr) .| ((v & top) .== top)) { break }
                i += 16
            }
        }
        while i < n {
            // Eight ASCII bytes without CR at a time (a zero byte of w ^ 0D0D… is a CR).
            if i + 8 <= n, let base {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let cr = w ^ 0x0D0D_0D0D_0D0D_0D0D
                let crFound = (cr &- 0x0101_0101_0101_0101) & ~cr & 0x8080_8080_8080_8080
                if (w & 0x8080_8080_8080_8080) | crFound == 0 {
                    i += 8
                    afterLetter = false
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                if c == 0x0D { self = .characters; return }
                i += 1
                afterLetter = false
                continue
            }
            ascii = false
            if CharacterMeasure.standsAlone(b, at: i) {
                // Letters U+0620–U+063F are D8 A0…BF, U+0640–U+064A D9 80…8A.
                afterLetter = (c == 0xD8 && b[i + 1] >= 0xA0) || (c == 0xD9 && b[i + 1] <= 0x8A)
            } else if afterLetter, CharacterMeasure.isArabicMark(b, at: i) {
                marks = true
            } else {
                self = .characters
                return
            }
            i += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
        }
        self = ascii ? .bytes : marks ? .marks : .scalars
    }

    /// True when the scalar at `i` is an Arabic mark U+064B–U+065F (D9 8B…9F) or U+0670 (D9 B0).
    @inline(__always)
    static func isArabicMark(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard b[i] == 0xD9 else { return false }
        let d = b[i + 1]
        return (d >= 0x8B && d <= 0x9F) || d == 0xB0
    }

    /// Arabic marks (`isArabicMark`) in UTF-8.
    static func arabicMarkCount<C: Collection<UInt8>>(_ bytes: C) -> Int {
        func count(_ b: UnsafeBufferPointer<UInt8>) -> Int {
            var n = 0
            var i = 0
            while i + 1 < b.count {
                if isArabicMark(b, at: i) { n += 1 }
                i += 1
            }
            return n
        }
        return bytes.withContiguousStorageIfAvailable(count) ?? Array(bytes).withUnsafeBufferPointer(count)
    }

    /// True when the scalar at `i` (a lead byte of 0x80 or more) is of the set.
    static func standsAlone(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let c = b[i]
        switch c {
        case 0xC2...0xCB: return true  // U+0080…U+02FF
        case 0xD8:  // U+060C ، U+061B ؛ U+061F ؟ U+0620…U+063F
            let d = b[i + 1]
            return d >= 0xA0 || d == 0x8C || d == 0x9B || d == 0x9F
        case 0xD9:  // U+0640…U+064A, U+0660…U+066D
            let d = b[i + 1]
            return d <= 0x8A || (d >= 0xA0 && d <= 0xAD)
        case 0xE2:  // U+2010…U+2027, U+2030…U+203E
            guard b[i + 1] == 0x80 else { return false }
            let d = b[i + 2]
            return (d >= 0x90 && d <= 0xA7) || (d >= 0xB0 && d <= 0xBE)
        default: return false
        }
    }

    /// Number of characters of `text` (a line or a sentence of a line measured so).
    func count<S: StringProtocol>(of text: S) -> Int {
        switch self {
        case .bytes: text.utf8.count
        case .scalars: CharacterMeasure.scalarCount(text.utf8)
        case .marks: CharacterMeasure.scalarCount(text.utf8) - CharacterMeasure.arabicMarkCount(text.utf8)
        case .characters: text.count
        }
    }

    /// Characters before `index` in `line`.
    func offset(of index: String.Index, in line: String) -> Int {
        switch self {
        case .bytes: line.utf8.distance(from: line.startIndex, to: index)
        case .scalars: CharacterMeasure.scalarCount(line.utf8[..<index])
        case .marks:
            CharacterMeasure.scalarCount(line.utf8[..<index]) - CharacterMeasure.arabicMarkCount(line.utf8[..<index])
        case .characters: line.distance(from: line.startIndex, to: index)
        }
    }

    /// Scalars in UTF-8: the bytes that are not continuation bytes.
    static func scalarCount<C: Collection<UInt8>>(_ bytes: C) -> Int {
        func count(_ b: UnsafeBufferPointer<UInt8>) -> Int {
            // A continuation byte (10xxxxxx) has its top bit set and the next clear: eight bytes
            // at a time, its top bit kept where the bit below, shifted up, is clear.
            var continuations = 0
            var i = 0
            if let base = UnsafeRawPointer(b.baseAddress) {
                while i + 8 <= b.count {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    continuations &+= Script.highBitCount(w & ~(w << 1) & 0x8080_8080_8080_8080)
                    i += 8
                }
            }
            while i < b.count {
                continuations &+= b[i] & 0xC0 == 0x80 ? 1 : 0
                i += 1
            }
            return b.count - continuations
        }
        return bytes.withContiguousStorageIfAvailable(count) ?? bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
