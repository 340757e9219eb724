/// A name found in a sentence.
struct NameMention: Sendable {
    enum Kind: String, Sendable { case person, place, name }
    /// Tokens the card blanks.
    var tokens: Range<Int>
    var kind: Kind
    /// The name as written ("Zhukov", "Livadia Palace", "Yalta").
    var value: String
    /// What class of name it is ("marshal", "palace", "conference"): distractors come from the same class.
    var head: String
}

/// Names by rules: people after a title ("Marshal Zhukov"), places and named events by their head word
/// ("Livadia Palace", "the Yalta Conference", "the Battle of Normanham"), and in Arabic the name after
/// عملية، معركة، اتفاقية، مؤتمر.
enum NameExtractor {
    static let titles: WordSet = [
        "marshal", "general", "emperor", "admiral", "president", "premier", "chairman", "commander", "king", "prince",
        "tsar", "colonel", "captain", "lieutenant", "minister", "chancellor", "generalissimo",
    ]
    /// Head words: the whole name is blanked for places, the words before the head for events.
    static let placeHeads: WordSet = [
        "palace", "fortress", "peninsula", "river", "bay", "island", "islands", "strait", "mountains",
    ]
    static let eventHeads: WordSet = [
        "conference", "treaty", "pact", "agreement", "convention", "campaign", "offensive", "declaration",
    ]
    static let arabicHeads: WordSet = ["عملية", "معركة", "اتفاقية", "مؤتمر"]

    /// The names of the sentence, none of them on a token in `taken` (dates' and figures').
    static func names(in t: [Token], language: String, taken: [Range<Int>]) -> [NameMention] {
        FigureExtractor.withTakenMask(taken, count: t.count) {
            language == "ar" ? arabic(t, isTaken: $0) : english(t, isTaken: $0)
        }
    }

    static func isNameWord(_ tok: Token) -> Bool {
        tok.kind == .word && tok.isCapitalized && !English.stopwordWords.contains(tok.lower)
            && !titles.contains(tok.lower)
            && MonthNames.englishMonth(tok.lower) == nil
    }

    /// `isNameWord(t[i])` read in place (the token not copied), with the word's roles: the title
    /// test from `roles` on bytes, where `titles` hashed the word.
    private static func nameWord(_ t: [Token], _ i: Int) -> (isName: Bool, role: UInt8) {
        guard t[i].kind == .word, t[i].isCapitalized, !English.stopwordWords.contains(t[i].lower) else {
            return (false, 0)
        }
        let role = roleWords.index(t[i].lower).map { roleBits[$0] } ?? 0
        return (role & Role.title == 0 && MonthNames.englishMonth(t[i].lower) == nil, role)
    }

    /// What a word is among the titles and heads, in one look-up: the bits of `Role`.
    private static let roles: WordTable<UInt8> = {
        var d: [String: UInt8] = [:]
        for w in titles.words { d[w, default: 0] |= Role.title }
        for w in placeHeads.words { d[w, default: 0] |= Role.place }
        for w in eventHeads.words { d[w, default: 0] |= Role.event }
        return WordTable(d)
    }()
    /// `roles`' words, looked up on bytes, and their bits in the same order.
    private static let roleWords = ASCIIWordSet(roles.keys.sorted())
    private static let roleBits: [UInt8] = roleWords.words.map { roles.entries[$0]! }

    private enum Role {
        static let title: UInt8 = 1
        static let place: UInt8 = 2
        static let event: UInt8 = 4
    }

    private static func english(_ t: [Token], isTaken taken: UnsafeBufferPointer<Bool>) -> [NameMention] {
        english(t, isTaken: taken, roleWords: roleWords, roleBits: roleBits)
    }

    /// `english` with the role tables passed in, borrowed: a static read in the loop was a call to
    /// `swift_once` a capitalized word.
    private static func english(
        _ t: [Token], isTaken taken: UnsafeBufferPointer<Bool>, roleWords: ASCIIWordSet, roleBits: [UInt8]
    ) -> [NameMention] {
        var out: [NameMention] = []
        var k = 0
        while k < t.count {
            defer { k += 1 }
            // Only a capitalized title or head starts a name.
            if taken[k] || !t[k].isCapitalized { continue }
            let role = roleWords.index(t[k].lower).map { roleBits[$0] } ?? 0
            if role == 0 { continue }
            let w = t[k].lower
            // Title + capitalized words: a person.
            if role & Role.title != 0, k + 1 < t.count, nameWord(t, k + 1).isName {
                var e = k + 1
                while e < t.count, e - k <= 3 {
                    let (isName, role) = nameWord(t, e)
                    guard isName, role & (Role.place | Role.event) == 0 else { break }
                    e += 1
                }
                out.append(NameMention(tokens: (k + 1)..<e, kind: .person, value: join(t, (k + 1)..<e), head: w))
                k = e - 1
                continue
            }
            // Capitalized words + a place or event head.
            if role & (Role.place | Role.event) != 0, k > 0 {
                var s = k
                while s > 0, nameWord(t, s - 1).isName, k - s < 3 { s -= 1 }
                guard s < k, !(s..<k).contains(where: { taken[$0] }) else { continue }
                if role & Role.place != 0 {
                    out.append(NameMention(tokens: s..<(k + 1), kind: .place, value: join(t, s..<(k + 1)), head: w))
                } else {
                    out.append(NameMention(tokens: s..<k, kind: .name, value: join(t, s..<k), head: w))
                }
            }
        }
        return out
    }

    static let arabicStops: WordSet = [
        "في", "من", "على", "إلى", "مع", "عن", "التي", "الذي", "بين", "هي", "هو", "عام", "العام", "سنة", "عند",
        "بعد", "قبل",
    ]

    private static func arabic(_ t: [Token], isTaken taken: UnsafeBufferPointer<Bool>) -> [NameMention] {
        var out: [NameMention] = []
        for k in t.indices where t[k].kind == .word && !taken[k] {
            guard let head = arabicHead(t[k].text) else { continue }
            var e = k + 1
            while e < t.count, e - k <= 3, t[e].kind == .word,
                !(arabicStopTable.holds(t[e].text) ?? arabicStops.contains(String(t[e].text))),
                !(e > k + 1 && ArabicStems.startsWithWaw(t[e].text))
            {
                e += 1
            }
            guard e > k + 1 else { continue }
            // A list of operations ("عملية … وعملية …") makes the blank ambiguous.
            let inList =
                (e < t.count && arabicHead(t[e].text) != nil) || (k > 0 && ArabicStems.startsWithWaw(t[k].text))
            if inList { continue }
            out.append(NameMention(tokens: (k + 1)..<e, kind: .name, value: join(t, (k + 1)..<e), head: head))
        }
        return out
    }

    /// `arabicStops`, looked up exactly on a simple word's bytes.
    static let arabicStopTable = StemTable(words: arabicStops.words)
    /// `arabicHeads`, looked up exactly on a simple word's bytes: each head's value is its NFC
    /// form, the string of the bytes a form equal to it has.
    static let arabicHeadTable = StemTable(
        Dictionary(uniqueKeysWithValues: arabicHeads.words.map { ($0, $0.precomposedStringWithCanonicalMapping) }))

    /// The head word among the forms of `DateExtractor.arabicStem(word)`, if any, read on the word's
    /// bytes in place.
    static func arabicHead(_ word: Substring) -> String? {
        var w = word
        let settled = w.withUTF8 { u -> String?? in
            // Every head, and so every form equal to one, ends in the scalar ة or ر (D8 A9, D8 B1):
            // neither is the last of any other scalar's decomposition, and a final mark would stay last.
            let n = u.count
            guard n >= 2, u[n - 1] == 0xA9 || u[n - 1] == 0xB1, u[n - 2] == 0xD8 else { return .some(nil) }
            let stems = ArabicStems.read(u)
            return stems.simple ? .some(arabicHeadTable.firstStem(stems, u)) : nil
        }
        if let settled { return settled }
        guard arabicHeads.mayContainStem(word) else { return nil }
        return DateExtractor.slowFirstStem(word, { arabicHeads.contains($0) ? $0 : nil })
    }

    /// The tokens' texts, a space where one stood (`FigureExtractor.phrase`).
    static func join(_ t: [Token], _ r: Range<Int>) -> String { FigureExtractor.phrase(t, r) }
}
