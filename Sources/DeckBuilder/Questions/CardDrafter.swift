import Foundation
import MnemoCore

/// Drafts a fact's card texts from its sentence: the clause that matters, the cloze with a typed
/// blank, a wh-question when the clause parses, the event for timelines, keywords and a score.
enum CardDrafter {
    /// What matching reads of the fact `dateFact` drafts, before its card texts are drafted.
    static func datePreview(_ c: DraftContext, mention: DateMention, value: DateValue) -> FactPreview {
        preview(
            c, .date(value), normalized: value.normalized, answer: dateDisplay(c, mention, value),
            anchor: mention.tokens, score: dateScore(value), asks: true)
    }

    /// A date fact's score before the sentence's and the card texts' share.
    static func dateScore(_ value: DateValue) -> Double {
        var score = 0.0
        switch value.granularity {
        case .day: score = 3
        case .month: score = 2.5
        case .year: score = 2
        case .yearRange: score = 1.5
        case .decade, .century: score = 1
        }
        if value.yearFromContext { score -= 0.3 }
        if value.year == nil && value.granularity != .century { score -= 1.5 }
        return score
    }

    static func dateDisplay(_ c: DraftContext, _ mention: DateMention, _ value: DateValue) -> String {
        c.language == "ar" ? value.arabic(levantine: mention.levantine) : value.english()
    }

    /// The fact of a date, its card texts drafted; `matchWords` from its preview.
    static func dateFact(
        _ c: DraftContext, mention: DateMention, value: DateValue, matchWords: [Int32]
    ) -> FactCandidate? {
        let t = c.tokens
        if c.language == "en", let splice = c.sentenceSplice, splice < mention.tokens.lowerBound {
            return nil
        }
        let clause = Clause.select(t, around: mention.tokens, language: c.language)
        let ar = c.language == "ar"
        let label: String
        switch value.granularity {
        case .day: label = ar ? "[التاريخ]" : "[date]"
        case .month:
            label =
                ar
                ? (value.yearFromContext ? "[الشهر]" : "[الشهر والسنة]")
                : (value.yearFromContext ? "[month]" : "[month and year]")
        case .year: label = ar ? "[السنة]" : "[year]"
        case .decade: label = ar ? "[العقد]" : "[decade]"
        case .century: label = ar ? "[القرن]" : "[century]"
        case .yearRange: label = ar ? "[السنوات]" : "[years]"
        }
        guard let framed = Clause.framed(c.text, t, clause: clause, answer: mention.tokens, language: c.language)
        else { return nil }
        let (prefix, suffix) = (framed.prefix, framed.suffix)
        let surface = FigureExtractor.westernDigits(
            c.text[t[mention.tokens.lowerBound].range.lowerBound..<t[mention.tokens.upperBound - 1].range.upperBound])
        let display = dateDisplay(c, mention, value)
        let surfaceDisplay =
            ar
            ? value.arabic(levantine: mention.levantine, includeYear: !value.yearFromContext)
            : value.english(includeYear: !value.yearFromContext)
        // The answer must not stand elsewhere in the clause.
        if FastSearch.contains(prefix, suffix, surface) { return nil }
        var question: String?
        var event: String?
        let sub = clauseTokens(t, clause)
        let local = (mention.tokens.lowerBound - clause.lowerBound)..<(mention.tokens.upperBound - clause.lowerBound)
        if ar {
            question = ArabicQuestions.dateQuestion(sub, date: local, value: value)
        } else if let q = EnglishQuestions.dateQuestion(sub, date: local, value: value) {
            question = q.question
            event = q.event
        }
        let normalized = value.normalized
        var accepted = Accepted(surface)
        accepted.insert(normalized)
        if value.yearFromContext { accepted.insert(display) }
        accepted.remove(surfaceDisplay)
        let score = dateScore(value)
        var tags = [c.sourceTag, "date"]
        if value.yearFromContext { tags.append("year-from-context") }
        return finish(
            c, value: .date(value), type: value.granularity == .year ? .year : .date, normalized: normalized,
            answer: display, surface: surfaceDisplay, accepted: accepted, framed: framed, label: label,
            question: question, event: event, keywordTokens: [],
            score: score, tags: tags, levantine: mention.levantine,
            keywordIndices: indices(clause, excluding: mention.tokens), matchWords: matchWords)
    }

    /// What matching reads of the fact `figureFact` drafts, before its card texts are drafted.
    static func figurePreview(_ c: DraftContext, mention: FigureMention) -> FactPreview {
        preview(
            c, .figure(mention.value), normalized: mention.value.normalized, answer: figureAnswer(mention.value),
            anchor: figureAnchor(mention), score: figureScore(mention.value), asks: c.language != "ar")
    }

    /// A figure fact's score before the sentence's and the card texts' share.
    static func figureScore(_ v: NumberValue) -> Double {
        var score = v.isPercent ? 1.5 : 2.0
        // Looked up on bytes, the time heads once.
        let time = timeHeadWords.contains(v.head)
        if significantHeadWords.contains(v.head) { score += 1 }
        if time { score += 0.5 }
        if v.value < 10 && !time { score -= 1 }
        return score
    }

    static func figureAnswer(_ v: NumberValue) -> String {
        v.qualifier.isEmpty ? v.display : "\(v.qualifier) \(v.display)"
    }

    /// The figure with its qualifier and what it counts.
    static func figureAnchor(_ m: FigureMention) -> Range<Int> {
        (m.qualifierTokens?.lowerBound ?? m.tokens.lowerBound)..<m.countedTokens.upperBound
    }

    /// The fact of a figure, its card texts drafted; `matchWords` from its preview.
    static func figureFact(
        _ c: DraftContext, mention: FigureMention, matchWords: [Int32]
    ) -> FactCandidate? {
        let t = c.tokens
        let ar = c.language == "ar"
        let v = mention.value
        var quotable = c.quotable
        if c.language == "en", let splice = c.sentenceSplice, splice < mention.tokens.lowerBound {
            quotable = false
        }
        let clause = Clause.select(t, around: mention.tokens, language: c.language)
        guard let framed = Clause.framed(c.text, t, clause: clause, answer: mention.tokens, language: c.language)
        else { return nil }
        let (prefix, suffix) = (framed.prefix, framed.suffix)
        if !ar {
            let lo = mention.qualifierTokens?.lowerBound ?? mention.tokens.lowerBound
            let before = lo > 0 ? t[lo - 1].lower : ""
            // "these 600,000 prisoners" points back to a number told before: vague on a card.
            if pointingBack.contains(before) { return nil }
            // "the army died 55,000 people": an intransitive verb with a count for object is broken text.
            if intransitives.contains(before) { return nil }
            // "More than 500,000 elite troops marched …": whose troops? A figure leading the sentence
            // must say who it counts with a name ("Soviet troops", "B-29 bombers").
            // Read by index: iterating the tokens would copy (retain and release) each one.
            var countedHasName = false
            for k in mention.countedTokens where t[k].isCapitalized {
                countedHasName = true
                break
            }
            var leads = true
            for k in 0..<lo where t[k].kind != .punct && !EnglishQuestions.connectives.contains(t[k].lower) {
                leads = false
                break
            }
            if leads && !countedHasName { return nil }
        }
        if !ar, !v.isPercent {
            // What is counted must be a plural noun or a unit ("troops", "days"), not a name ("Kwantung Army").
            let counted = mention.countedTokens
            var head = counted.isEmpty ? nil : counted.upperBound - 1
            for k in counted where t[k].lower == "of" {
                head = k - 1
                break
            }
            let plural =
                head.map {
                    !t[$0].isCapitalized
                        && (t[$0].lower.hasSuffix("s") || ["people", "men", "personnel"].contains(t[$0].lower))
                } ?? false
            // A name counted ("500,000 Japanese Kwantung Army") reads badly on a card but still tells
            // what a source claims: keep it as a reading for conflicts only.
            if !plural { quotable = false }
        }
        let label = v.isPercent ? (ar ? "[النسبة]" : "[percentage]") : (ar ? "[العدد]" : "[number]")
        let display = v.display
        if FastSearch.contains(prefix, suffix, display) { return nil }
        var question: String?
        if !ar {
            var local = mention
            local.tokens =
                (mention.tokens.lowerBound - clause.lowerBound)..<(mention.tokens.upperBound - clause.lowerBound)
            let countedStart = mention.countedTokens.lowerBound - clause.lowerBound
            local.countedTokens = countedStart..<(mention.countedTokens.upperBound - clause.lowerBound)
            if let q = mention.qualifierTokens {
                local.qualifierTokens = (q.lowerBound - clause.lowerBound)..<(q.upperBound - clause.lowerBound)
            }
            if local.qualifierTokens.map({ $0.lowerBound >= 0 }) ?? true {
                question = EnglishQuestions.figureQuestion(clauseTokens(t, clause), figure: local)
            }
        }
        let answer = figureAnswer(v)
        let normalized = v.normalized
        var accepted = Accepted(display)
        accepted.insert(normalized)
        if v.spelled, let word = v.surface.split(separator: " ").first { accepted.insert(String(word)) }
        accepted.remove(answer)
        let score = figureScore(v)
        var tags = [c.sourceTag, "figure"]
        if !v.qualifier.isEmpty { tags.append("approximate") }
        let keywordIdx = indices(clause, excluding: mention.tokens, mention.qualifierTokens ?? 0..<0)
        return finish(
            c, quotable: quotable, value: .figure(v), type: .number, normalized: normalized, answer: answer,
            surface: display,
            accepted: accepted, framed: framed, label: label, question: question, event: nil,
            keywordTokens: [], score: score, tags: tags, levantine: false,
            keywordIndices: keywordIdx, matchWords: matchWords)
    }

    /// Words before a figure that make its card vague ("these 600,000 prisoners") or broken ("died
    /// 55,000 people"), looked up on bytes.
    static let pointingBack = ASCIIWordSet(["these", "those", "this", "that", "the"])
    static let intransitives = ASCIIWordSet(["died", "perished", "fell", "arrived", "happened", "occurred"])

    /// Subjects that leave a card without its actor, looked up on bytes.
    static let vaguePronouns = ASCIIWordSet(["it", "they", "he", "she", "them", "him"])

    static let eventNounSet = WordSet(Set(eventNouns))
    static let eventNeedles = NeedleSet(eventNouns)
    /// The event nouns looked up on bytes (lower-case ASCII letters: bytes decide as `==` does).
    static let eventNounBytes = ASCIIWordSet(eventNouns)

    static let eventNouns = [
        "meeting", "conference", "summit", "treaty", "pact", "agreement", "battle", "offensive", "invasion",
    ]

    /// "e:yalta" for "the Yalta meeting", "a meeting in Yalta", "Yalta Conference": a named event.
    /// As strings, the way it was first written: the reference `eventIDs` is tested against.
    static func eventNames(_ t: [Token]) -> [String] {
        var out: [String] = []
        for k in t.indices where t[k].kind == .word && isEventNoun(t[k].lower) {
            if k > 0, t[k - 1].isCapitalized, !English.stopwords.contains(t[k - 1].lower) {
                out.append("e:" + t[k - 1].lower)
            }
            if k + 2 < t.count, ["in", "at", "of"].contains(t[k + 1].lower), t[k + 2].isCapitalized {
                out.append("e:" + t[k + 2].lower)
            }
        }
        return out
    }

    /// `eventNames(t)` as `MatchWordTable` numbers (what matching reads of them), read on the
    /// tokens in place: a sentence's every word is tested, and a copy of each token retained and
    /// released its strings; the table is asked only when a sentence names an event.
    static func eventIDs(_ t: [Token]) -> [Int32] {
        let nouns = eventNounBytes
        return t.withUnsafeBufferPointer { b in
            eventIDs(b) { k in
                let n = b[k].lower.utf8.count
                guard n >= 4, n <= 10 else { return false }
                // Asked on the bytes where they lie (handing the string over retained it).
                let noun = b[k].lower.utf8.withContiguousStorageIfAvailable { nouns.index(bytes: $0) != nil }
                return noun ?? nouns.contains(b[k].lower)
            }
        }
    }

    /// `eventIDs(t)` for a sentence whose words the normalizer has numbered: whether a word is an
    /// event noun is kept with its number, and no word is looked up again.
    static func eventIDs(_ t: [Token], words: [WordNormalizer.Numbered]) -> [Int32] {
        // The marks are read through a buffer, by the tokens' indices.
        precondition(words.count == t.count, "one numbered word per token")
        return t.withUnsafeBufferPointer { b in
            words.withUnsafeBufferPointer { w in eventIDs(b) { w[$0].isEventNoun } }
        }
    }

    /// The event names of the words `isNoun` picks out, as `MatchWordTable` numbers.
    @inline(__always)
    private static func eventIDs(_ b: UnsafeBufferPointer<Token>, isNoun: (Int) -> Bool) -> [Int32] {
        var names: [String] = []
        for k in b.indices where b[k].kind == .word && isNoun(k) {
            if k > 0, b[k - 1].isCapitalized, !English.stopwords.contains(b[k - 1].lower) {
                names.append("e:" + b[k - 1].lower)
            }
            if k + 2 < b.count, b[k + 2].isCapitalized,
                b[k + 1].lowerIs("in") || b[k + 1].lowerIs("at") || b[k + 1].lowerIs("of")
            {
                names.append("e:" + b[k + 2].lower)
            }
        }
        return names.isEmpty ? [] : MatchWordTable.shared.ids(names)
    }

    /// `eventNounSet.contains(lower)`, a word of under 4 or over 10 bytes (half the words of a
    /// sentence: "the", "of", "in") told from its length alone. The nouns are 4 to 10 lower-case
    /// ASCII letters; a string canonically equal to one but in other bytes would need scalars that
    /// stand for an ASCII letter alone, and the only such (U+212A for "K") is not lower case.
    static func isEventNoun(_ lower: String) -> Bool {
        let n = lower.utf8.count
        return n >= 4 && n <= 10 && eventNounSet.contains(lower)
    }

    /// "v:declare" for each past-tense verb (synonyms folded); "came to an end" counts as "ended".
    static func verbKeys(_ t: ArraySlice<Token>) -> [String] {
        var out: [String] = []
        let a = Array(t)
        for (k, tok) in a.enumerated() where tok.kind == .word && !tok.isCapitalized && English.isPast(tok.lower) {
            if k + 3 < a.count, tok.lower == "came", a[k + 1].lower == "to", a[k + 3].lower == "end" {
                out.append("v:end")
                continue
            }
            let base = English.base(ofPast: tok.lower)
            out.append("v:" + (Normalizer.synonyms[base] ?? base))
        }
        return out
    }

    static func namesEvent(_ text: String) -> Bool {
        eventNeedles.containsAny(FastCase.lower(text))
    }

    /// What matching reads of the fact `contextDatedFact` drafts, and its keywords; nil when it has
    /// too few keywords to be a fact. Its score is known before its question: it is the fact's own.
    static func contextDatedPreview(_ c: DraftContext, value: DateValue) -> (preview: FactPreview, keywords: [String])?
    {
        // The sentence's words and verb keys when computed for it (the same words as read here).
        let keywords: [String]
        if let words = c.words, let strings = c.strings {
            var found: [String] = []
            found.reserveCapacity(words.count)
            for w in words { if let s = strings.word(w.slot) { found.append(s) } }
            keywords = sortedUnique(found)
        } else {
            keywords = Normalizer.keywords(c.tokens[...], language: "en")
        }
        guard keywords.count >= 3 else { return nil }
        let table = MatchWordTable.shared
        var verbs: [Int32] = []
        if let words = c.words {
            appendVerbKeys(c.tokens, at: Array(c.tokens.indices), words: words, to: &verbs)
        } else {
            verbs = table.ids(verbKeys(c.tokens[...]))
        }
        // The keywords are the sentence's words, so their numbers are the words' when known.
        var match = c.words.map { $0.compactMap { $0.wordID >= 0 ? $0.wordID : nil } } ?? table.ids(keywords)
        match += c.sentenceEventIDs
        match += verbs
        match.sortAndRemoveRepeats()
        let view = MatchView(language: "en", value: .date(value), normalized: value.normalized, matchWords: match)
        let score = 2.5 + c.position * 0.5 - c.sentencePenalty
        return (FactPreview(view: view, bestScore: score, mayBeQuotable: c.quotable && namesEvent(c.text)), keywords)
    }

    /// A sentence naming an event without a date, in a paragraph whose time an earlier sentence set
    /// ("In February 1945, … Britain, the United States and the Soviet Union held a meeting in Yalta");
    /// `preview` from `contextDatedPreview`.
    static func contextDatedFact(
        _ c: DraftContext, value: DateValue, anchorEvidence: Provenance,
        preview given: (preview: FactPreview, keywords: [String])
    ) -> FactCandidate? {
        let (preview, keywords) = given
        var question: String?
        if preview.mayBeQuotable {
            // The tokens copied (each one retained) only for a sentence that may give a question.
            var t = c.tokens
            if let last = t.last, last.kind == .punct { t.removeLast() }
            if let p = EnglishQuestions.parse(t), p.lead.isEmpty, p.participle == nil {
                // The event noun must be in the question itself.
                let q = EnglishQuestions.compose(wh: value.granularity == .year ? "In what year" : "When", p)
                if FastSearch.containsAny(q.lowercased(), eventNouns), q.split(separator: " ").count <= 22 {
                    question = q
                }
            }
        }
        let display = value.english()
        var tags = [c.sourceTag, "date", "date-from-context", "lang:en"]
        sortSmall(&tags)
        var fact = FactCandidate(
            value: .date(value), answerType: value.granularity == .year ? .year : .date, normalized: value.normalized,
            answer: display, surfaceAnswer: display, accepted: [value.normalized], language: "en", levantine: false,
            clausePrefix: "", clauseSuffix: "", blankLabel: "", question: question.map(PromptText.clean), event: nil,
            keywords: keywords, matchWords: preview.view.matchWords,
            evidence: c.evidence,
            tags: tags,
            score: preview.bestScore, quotable: question != nil
        )
        fact.context = anchorEvidence
        return fact
    }

    /// "On [date], it launched …": a pronoun for a subject leaves the card without its actor.
    static func vagueSubject(_ clause: String) -> Bool {
        // The subject is the first word, or after a leading phrase ("On [date], …") the first word
        // after its comma. Tokens are read only until that word is reached.
        var t: [Token] = []
        var leads = false
        var comma: Int?
        // No more than 160 bytes is no more than 160 characters: the clause itself, without counting them.
        Tokenizer.forEachToken(clause.utf8.count <= 160 ? clause : String(clause.prefix(160))) { tok in
            if t.isEmpty {
                leads =
                    EnglishQuestions.leadWords.contains(tok.lower) || EnglishQuestions.connectives.contains(tok.lower)
            }
            if leads, comma == nil, tok.isMark(",") { comma = t.count }
            t.append(tok)
            // Known once a word stands where the subject is looked for (a leading word without a comma
            // after it is looked past only at the end).
            let from = leads ? comma.map { $0 + 1 } : 0
            return !(tok.kind != .punct && from.map { t.count - 1 >= $0 } == true)
        }
        var k = leads ? (comma.map { $0 + 1 } ?? 0) : 0
        while k < t.count, t[k].kind == .punct { k += 1 }
        guard k < t.count else { return false }
        return vaguePronouns.contains(t[k].lower)
    }

    /// `vagueSubject(prefix + label + suffix)` of a framed clause, read from the sentence's tokens
    /// instead of tokenizing the text again; nil when those may not be the text's own tokens.
    ///
    /// The framed text's tokens are the clause's, the label's in the answer's place (it starts and
    /// ends with a bracket, which joins no neighbour), and a full stop perhaps added at the end.
    /// Cleaning drops spaces only before glue marks and inside quotation marks, which changes a
    /// token only where a number meets ",5" or ".5" after a space; an upper-cased first letter in
    /// ASCII keeps its lower case. A text over 160 bytes is cut at 160 characters: the tokens
    /// read are the same when the subject ends 8 bytes (all a token looks ahead) before byte 160.
    static func vagueSubject(_ t: [Token], _ f: Clause.Framed, label: String) -> Bool? {
        let answer = f.answer
        if f.first > 0, f.first < answer.lowerBound {
            // `Clause.capitalizeFirst` read the first byte alone only when it and the next are ASCII.
            var bytes = t[f.first].text.base.utf8[t[f.first].text.startIndex...].makeIterator()
            if (bytes.next() ?? 0) >= 0x80 || (bytes.next() ?? 0) >= 0x80 { return nil }
        }
        var read = 0
        var leads = false
        var comma: Int?
        // Reads the next token of the framed text (its kind and lower case, the token not copied;
        // a mark's lower case is its text); true when it stands where the subject is looked for.
        func reaches(_ kind: Token.Kind, _ lower: String) -> Bool {
            if read == 0 {
                leads = EnglishQuestions.leadWords.contains(lower) || EnglishQuestions.connectives.contains(lower)
            }
            if leads, comma == nil, kind == .punct, SentenceQuality.markByte(lower: lower) == 0x2C { comma = read }
            read += 1
            let from = leads ? comma.map { $0 + 1 } : 0
            return kind != .punct && from.map { read - 1 >= $0 } == true
        }
        // "5 ,000" is cleaned into one number.
        func joinsWhenCleaned(_ k: Int, end: Int) -> Bool {
            t[k].kind == .number && k + 2 < end && (t[k + 1].isMark(",") || t[k + 1].isMark("."))
                && t[k + 1].spaceBefore && !t[k + 2].spaceBefore && t[k + 2].kind == .number
        }
        func offset(_ tok: Token, from start: String.Index) -> Int {
            tok.text.base.utf8.distance(from: start, to: tok.text.endIndex)
        }
        var subject: Token?
        var subjectEnd = 0
        for k in f.first..<answer.lowerBound {
            if joinsWhenCleaned(k, end: answer.lowerBound) { return nil }
            if reaches(t[k].kind, t[k].lower) {
                subject = t[k]
                subjectEnd = offset(t[k], from: t[f.first].text.startIndex)
                break
            }
        }
        if subject == nil {
            for tok in Tokenizer.tokens(label) where reaches(tok.kind, tok.lower) {
                subject = tok
                subjectEnd = f.prefix.utf8.count + offset(tok, from: tok.text.base.startIndex)
                break
            }
        }
        if subject == nil, answer.upperBound <= f.last {
            let start = t[answer.upperBound - 1].text.endIndex
            for k in answer.upperBound...f.last {
                if joinsWhenCleaned(k, end: f.last + 1) { return nil }
                if reaches(t[k].kind, t[k].lower) {
                    subject = t[k]
                    subjectEnd = f.prefix.utf8.count + label.utf8.count + offset(t[k], from: start)
                    break
                }
            }
        }
        guard let subject else { return false }
        if f.prefix.utf8.count + label.utf8.count + f.suffix.utf8.count > 160,
            subject.kind == .number || subjectEnd + 8 > 160
        {
            return nil
        }
        return vaguePronouns.contains(subject.lower)
    }

    /// Calls `body` with each word of `s` split at spaces (what `s.split(separator: " ")` gives), as
    /// a string: read on the bytes when the text is ASCII without CR, where each character is one
    /// byte (a word of up to 15 bytes is a string without an allocation), or when no space joins a
    /// neighbour in one character (`PromptText.bytesAreCharacters`: an Arabic answer).
    static func forEachWord(_ s: String, _ body: (String) -> Void) {
        var text = s
        let done = text.withUTF8 { b -> Bool in
            if !PromptText.isASCIIWithoutCR(b), !PromptText.bytesAreCharacters(s) { return false }
            var i = 0
            while i < b.count {
                while i < b.count, b[i] == 0x20 { i += 1 }
                guard i < b.count else { break }
                var j = i
                while j < b.count, b[j] != 0x20 { j += 1 }
                body(String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self))
                i = j
            }
            return true
        }
        if !done {
            for word in s.split(separator: " ") { body(String(word)) }
        }
    }

    /// The spaces (bytes 20) of `s`, counted on its buffer (the view's iterator costs more a byte).
    static func spaces(_ s: String) -> Int {
        s.utf8.withContiguousStorageIfAvailable { b in
            var n = 0
            for c in b where c == 0x20 { n += 1 }
            return n
        } ?? s.utf8.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) }
    }

    /// ASCII without CR (CR LF is one character of two bytes).
    static func isPlainASCII<S: StringProtocol>(_ s: S) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// Accepted answers, each once (as a `Set` keeps them), in the order first given.
    struct Accepted {
        private(set) var words: [String] = []

        init() {}
        init(_ first: String) { words = [first] }

        mutating func insert(_ word: String) { if !words.contains(word) { words.append(word) } }
        mutating func remove(_ word: String) { words.removeAll { $0 == word } }
    }

    /// What matching reads of the fact `nameFact` drafts, before its card texts are drafted.
    static func namePreview(_ c: DraftContext, mention: NameMention) -> FactPreview {
        preview(
            c, .name(nameValue(mention)), normalized: nameNormalized(mention.value), answer: mention.value,
            anchor: mention.tokens, score: nameScore(mention), asks: false)
    }

    /// A name fact's score before the sentence's and the card texts' share.
    static func nameScore(_ mention: NameMention) -> Double {
        var score = mention.kind == .person ? 2.4 : mention.kind == .name ? 2.2 : 2.0
        if mention.tokens.count > 3 { score -= 0.5 }
        return score
    }

    static func nameValue(_ m: NameMention) -> NameValue {
        NameValue(value: m.value, kind: m.kind.rawValue, head: m.head)
    }

    static func nameNormalized(_ value: String) -> String {
        let lower = FastCase.lower(value)
        // `arabicFold` keeps every scalar below 80 as it is: an ASCII name is its own fold.
        return lower.isASCIIText ? lower : Normalizer.arabicFold(lower)
    }

    /// The fact of a name, its card texts drafted; `matchWords` from its preview.
    static func nameFact(
        _ c: DraftContext, mention: NameMention, matchWords: [Int32]
    ) -> FactCandidate? {
        let t = c.tokens
        let ar = c.language == "ar"
        let clause = Clause.select(t, around: mention.tokens, language: c.language)
        guard let framed = Clause.framed(c.text, t, clause: clause, answer: mention.tokens, language: c.language)
        else { return nil }
        let (prefix, suffix) = (framed.prefix, framed.suffix)
        let value = mention.value
        if FastSearch.contains(prefix, suffix, value) { return nil }
        // One word of a multi-word name left in the clause gives it away too.
        var givenAway = false
        forEachWord(value) { word in
            if !givenAway, word.utf8.count > 3, isPlainASCII(word) || word.count > 3,
                FastSearch.contains(prefix, suffix, String(word))
            {
                givenAway = true
            }
        }
        if givenAway { return nil }
        let label: String
        let type: AnswerType
        switch mention.kind {
        case .person: label = ar ? "[الشخص]" : "[person]"; type = .person
        case .place: label = ar ? "[المكان]" : "[place]"; type = .place
        case .name: label = ar ? "[الاسم]" : "[name]"; type = .name
        }
        let score = nameScore(mention)
        let keywordIdx = indices(clause, excluding: mention.tokens)
        return finish(
            c, value: .name(nameValue(mention)), type: type, normalized: nameNormalized(value), answer: value,
            surface: value, accepted: Accepted(), framed: framed, label: label, question: nil, event: nil,
            keywordTokens: [], score: score, tags: [c.sourceTag, "name", mention.kind.rawValue], levantine: false,
            keywordIndices: keywordIdx, matchWords: matchWords)
    }

    static let significantHeads: WordSet = [
        "troop", "soldier", "prisoner", "person", "man", "army", "casualty", "bomber", "tank", "aircraft", "plane",
        "ship", "fortress", "fortification", "airfield", "division", "project", "factory", "worker", "civilian",
        "ton", "elite", "brigade", "front", "bomb", "expert",
    ]
    static let timeHeads: WordSet = ["day", "month", "year", "week", "hour", "decade"]
    /// `significantHeads` and `timeHeads`, looked up on bytes.
    static let significantHeadWords = ASCIIWordSet(significantHeads.words.sorted())
    static let timeHeadWords = ASCIIWordSet(timeHeads.words.sorted())

    private static func keywordTokens(_ t: [Token], clause: Range<Int>, excluding: Range<Int>) -> [Token] {
        t[clause].indices.filter { !excluding.contains($0) }.map { t[$0] }
    }

    /// `quotable` stands for the context's own when a fact has its own (a copy of the context to
    /// change it would retain and release each of its fields).
    private static func finish(
        _ c: DraftContext, quotable: Bool? = nil, value: FactCandidate.Value, type: AnswerType, normalized: String,
        answer: String,
        surface: String, accepted: Accepted, framed: Clause.Framed, label: String, question: String?,
        event: String?, keywordTokens: [Token], score: Double, tags: [String], levantine: Bool,
        keywordIndices: [Int]? = nil, matchWords: [Int32]
    ) -> FactCandidate? {
        // Arrays are given their room at once: grown one word at a time they are copied several times.
        var keywords: [String]
        if let idx = keywordIndices {
            keywords = []
            keywords.reserveCapacity(idx.count)
            // The sentence's words by their slots (not an array of all of its words' strings).
            if let words = c.words, let strings = c.strings {
                for i in idx { if let w = strings.word(words[i].slot) { keywords.append(w) } }
            } else {
                for i in idx { if let w = Normalizer.word(c.tokens[i], language: c.language) { keywords.append(w) } }
            }
            Self.sortUnique(&keywords)
        } else {
            keywords = Normalizer.keywords(keywordTokens[...], language: c.language)
        }
        guard keywords.count >= 2 else { return nil }
        let (prefix, suffix) = (framed.prefix, framed.suffix)
        var s = score + c.position * 0.5 - c.sentencePenalty
        if c.language == "en",
            vagueSubject(c.tokens, framed, label: label) ?? vagueSubject(prefix + label + suffix)
        {
            s -= 3
        }
        if question != nil { s += 1.5 }
        let words = 1 + spaces(prefix) + spaces(suffix)
        if words > 32 { s -= 1 }
        if words < 6 { s -= 1 }
        // Sorted in place (`sorted()` copies the array first, and sets up a merge sort for a few words).
        var acceptedWords = accepted.words.filter { !$0.isEmpty && $0 != answer }
        sortSmall(&acceptedWords)
        var allTags = tags
        allTags.append("lang:" + c.language)
        sortSmall(&allTags)
        return FactCandidate(
            value: value, answerType: type, normalized: normalized, answer: answer, surfaceAnswer: surface,
            accepted: acceptedWords, language: c.language,
            levantine: levantine, clausePrefix: prefix, clauseSuffix: suffix, blankLabel: label, question: question,
            event: event, keywords: keywords, matchWords: matchWords, evidence: c.evidence,
            tags: allTags, score: s, quotable: quotable ?? c.quotable)
    }

    /// What matching reads of a fact, from its value, answer and anchor alone (no card text needed),
    /// and the best score its card texts could give it: `finish`'s score with a question (when the
    /// kind `asks` one) and none of the text's penalties.
    static func preview(
        _ c: DraftContext, _ value: FactCandidate.Value, normalized: String, answer: String, anchor: Range<Int>,
        score: Double, asks: Bool
    ) -> FactPreview {
        let view = MatchView(
            language: c.language, value: value, normalized: normalized,
            matchWords: matchWords(c, anchor: anchor, answer: answer))
        var best = score + c.position * 0.5 - c.sentencePenalty
        if asks { best += 1.5 }
        return FactPreview(view: view, bestScore: best, mayBeQuotable: c.quotable)
    }

    /// The words a fact is matched across sources by: the sentence's normalized words near its
    /// anchor (eight tokens before, ten after), the events the sentence names and, in English, the
    /// verb keys of that window; the answer's own words left out.
    /// As `MatchWordTable` numbers, sorted, each once.
    static func matchWords(_ c: DraftContext, anchor: Range<Int>, answer: String) -> [Int32] {
        let lo = max(0, anchor.lowerBound - 8)
        let hi = max(lo, min(c.tokens.count, anchor.upperBound + 10))
        let table = MatchWordTable.shared
        let events = c.sentenceEventIDs
        var window: [Int32] = []
        if let words = c.words {
            // The window's indices on the stack (an array of them was an allocation per preview).
            withUnsafeTemporaryAllocation(of: Int.self, capacity: hi - lo) { buffer in
                var n = 0
                for i in lo..<hi where !anchor.contains(i) {
                    buffer[n] = i
                    n += 1
                }
                let windowIdx = UnsafeBufferPointer(rebasing: buffer[..<n])
                window.reserveCapacity(2 * n + events.count)
                words.withUnsafeBufferPointer { w in
                    for i in windowIdx where w[i].wordID >= 0 { window.append(w[i].wordID) }
                    window += events
                    if c.language == "en" {
                        appendVerbKeys(c.tokens, at: windowIdx, keys: { w[$0].verbID }, to: &window)
                    }
                }
            }
        } else {
            let windowIdx = indices(lo..<hi, excluding: anchor)
            window = table.ids(Normalizer.keywords(windowIdx.map { c.tokens[$0] }[...], language: c.language))
            window += events
            if c.language == "en" { window += table.ids(verbKeys(windowIdx.map { c.tokens[$0] }[...])) }
        }
        window.sortAndRemoveRepeats()
        let answerWords = windowableWords(answer)
        if !answerWords.isEmpty {
            for id in table.existingIDs(answerWords) { window.removeSorted(id) }
        }
        return window
    }

    /// The words of `answer` that could be among a window's match words, in order: those without
    /// an ASCII capital that do not start with an ASCII digit.
    /// A window's words are a sentence's normalized words and its verb and event keys ("v:…",
    /// "e:…"). Words are read lower-cased, and the keys are made from lower case, so none holds an
    /// ASCII capital. A normalized word starts with its token's first letter lower-cased (a word
    /// token starts with a letter, and normalizing drops suffixes, an Arabic و or ال, harakat and
    /// tatweel, never a first letter for a digit), so none starts with an ASCII digit: "1945" or
    /// "600,000" of an answer can never be taken out of a window, and is not looked up.
    static func windowableWords(_ answer: String) -> [String] {
        var words: [String] = []
        // Most answers hold no such word at all ("9 August 1945", "600,000", "Marshal Zhukov"):
        // told from the bytes before any word is made.
        func mayHold<C: Collection<UInt8>>(_ bytes: C) -> Bool {
            var wordStart = true
            for b in bytes {
                if b == 0x20 { wordStart = true; continue }
                if wordStart, b &- 0x30 >= 10, b &- 0x41 >= 26 { return true }
                wordStart = false
            }
            return false
        }
        guard answer.utf8.withContiguousStorageIfAvailable(mayHold) ?? mayHold(answer.utf8) else { return words }
        forEachWord(answer) { word in
            guard let first = word.utf8.first, first &- 0x30 >= 10 else { return }
            if !word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { words.append(word) }
        }
        return words
    }

    /// `verbKeys` of the tokens at `indices`, from the sentence's per-token keys as `MatchWordTable`
    /// numbers (-1 for none).
    static func verbKeys(_ t: [Token], at indices: [Int], keys: [Int32]) -> [Int32] {
        var out: [Int32] = []
        indices.withUnsafeBufferPointer { appendVerbKeys(t, at: $0, keys: { keys[$0] }, to: &out) }
        return out
    }

    /// `verbKeys` from the verb numbers of the word normalizer's per-token words, appended to `out`.
    static func appendVerbKeys(
        _ t: [Token], at indices: [Int], words: [WordNormalizer.Numbered], to out: inout [Int32]
    ) {
        indices.withUnsafeBufferPointer { appendVerbKeys(t, at: $0, keys: { words[$0].verbID }, to: &out) }
    }

    @inline(__always)
    private static func appendVerbKeys(
        _ t: [Token], at indices: UnsafeBufferPointer<Int>, keys: (Int) -> Int32, to out: inout [Int32]
    ) {
        for (k, i) in indices.enumerated() {
            let key = keys(i)
            guard key >= 0 else { continue }
            if k + 3 < indices.count, t[i].lower == "came", t[indices[k + 1]].lower == "to",
                t[indices[k + 3]].lower == "end"
            {
                out.append(endVerbID)
                continue
            }
            out.append(key)
        }
    }

    static let endVerbID = MatchWordTable.shared.id("v:end")

    /// The clause's tokens; the sentence's own array (no copy of each token) when the clause is all of it.
    static func clauseTokens(_ t: [Token], _ clause: Range<Int>) -> [Token] {
        clause == t.indices ? t : Array(t[clause])
    }

    /// The indices of `range` outside `a` and `b`, in order.
    static func indices(_ range: Range<Int>, excluding a: Range<Int>, _ b: Range<Int> = 0..<0) -> [Int] {
        // Written in place: appending checks the room for each index.
        [Int](unsafeUninitializedCapacity: range.count) { buffer, count in
            var n = 0
            for i in range where !a.contains(i) && !b.contains(i) {
                buffer[n] = i
                n += 1
            }
            count = n
        }
    }

    /// The words sorted, each once (what `Array(Set(words)).sorted()` gives, without hashing).
    static func sortedUnique(_ words: [String]) -> [String] {
        var sorted = words
        sortUnique(&sorted)
        return sorted
    }

    /// `words = sortedUnique(words)` in place: no copy of an array held once.
    static func sortUnique(_ words: inout [String]) {
        sortSmall(&words)
        var kept = 0
        for i in words.indices where kept == 0 || words[i] != words[kept - 1] {
            words.swapAt(kept, i)
            kept += 1
        }
        words.removeLast(words.count - kept)
    }

    /// `words.sort()`: a few words (the most a fact has) by insertion, which like the standard
    /// library's sort is stable (strings equal but for their bytes keep their order), moved in the
    /// buffer without retains; more by `sort()`.
    static func sortSmall(_ words: inout [String]) {
        guard words.count > 1 else { return }
        guard words.count <= 16 else {
            words.sort()
            return
        }
        words.withUnsafeMutableBufferPointer { b in
            for i in 1..<b.count {
                var j = i
                while j > 0, b[j] < b[j - 1] {
                    b.swapAt(j, j - 1)
                    j -= 1
                }
            }
        }
    }
}
