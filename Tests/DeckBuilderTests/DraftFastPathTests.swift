import Foundation
import Testing

@testable import DeckBuilder

/// The drafting fast paths give what the general paths they stand in for give.
@Suite struct DraftFastPathTests {
    static let texts = [
        "On August 9, 1945, it launched an invasion of Manchuria.",
        "On August 9, 1945, the Red Army launched an invasion of Manchuria.",
        "However, in 1945 they crossed the river and it ended.",
        "In 1945 ,000 it fell, and 5 .5 them ran.",
        "After the war , \" they \" said it was over ; he agreed.",
        "Finally, on 8 August the Soviet Union declared war, and it attacked the Kwantung Army.",
        "ﬁnally, in 1945 it ended.",
        "éton, in 1945 it ended, then he left.",
        "e\u{301}ton, in 1945 it ended, then he left.",
        "In the early morning of August 9, 1945, after a long and careful preparation that lasted for many months "
            + "across the whole of the Far East and Siberia and Mongolia, it launched 1,500,000 troops at once.",
        "In the early morning of August 9, 1945, after a long and careful preparation that lasted for many months "
            + "across the whole of the Far East and Mongolia, its troops it launched at once.",
        "During the long preparation that lasted for many months across the whole of the Far East and Siberia, "
            + "and Mongolia and Korea, 600,000 it said it captured in 1945.",
        "On the second day, August 16, it took the city; the Japanese surrendered.",
        "They declared war on Japan on August 8, 1945.",
        "\"They\" said so on August 8, 1945, and he left.",
        "Japan’s army — “it” said — fell on 9 August 1945, and him too.",
        "في 9 آب 1945 ، أعلن الاتحاد السوفيتي الحرب على اليابان .",
        "With 5 ,000 men, it crossed; with 1945 , it was over.",
    ]

    /// Sentences of the shared sources (when the folder is there), besides the texts above.
    static var sentences: [String] {
        var out = texts
        if let dir = Fixtures.sharedSources, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for name in names.sorted() where name.hasSuffix(".txt") {
                let text = (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? ""
                for line in text.split(separator: "\n") {
                    let line = String(line)
                    out += SentenceSplitter.ranges(in: line).map { String(line[$0]) }
                }
            }
        }
        return out
    }

    @Test func vagueSubjectFromTokensMatchesTheText() {
        var fromTokens = 0
        var pronouns = 0
        for text in Self.sentences {
            let t = Tokenizer.tokens(text)
            for lo in t.indices {
                for hi in (lo + 1)...min(t.count, lo + 3) {
                    let answer = lo..<hi
                    let clause = Clause.select(t, around: answer, language: "en")
                    guard let f = Clause.framed(text, t, clause: clause, answer: answer, language: "en") else {
                        continue
                    }
                    for label in ["[date]", "[month and year]", "[number]"] {
                        let byText = CardDrafter.vagueSubject(f.prefix + label + f.suffix)
                        guard let byTokens = CardDrafter.vagueSubject(t, f, label: label) else { continue }
                        #expect(byTokens == byText, "\(text) \(answer) \(label)")
                        fromTokens += 1
                        if byText { pronouns += 1 }
                    }
                }
            }
        }
        #expect(fromTokens > 100)
        #expect(pronouns > 10)
    }

    @Test func vagueSubjectFallsBackWhereTheTokensMayDiffer() {
        let text = "In 1945 ,000 it fell on the day."
        let t = Tokenizer.tokens(text)
        let answer = (t.count - 3)..<(t.count - 1)
        let f = Clause.framed(text, t, clause: 0..<t.count, answer: answer, language: "en")
        #expect(f != nil)
        if let f { #expect(CardDrafter.vagueSubject(t, f, label: "[date]") == nil) }
    }

    static let pairParts = [
        "", " ", "On ", "On the", "a ,", " lead", "\"", "\" x", "x \"", "\u{1}", "a\u{1}b", "\u{301}x", ", \u{301}",
        "في ", " ، أعلن .", "\u{600} ", "CR\r\n", "e\u{301} .", "tail .", "Japan’s “army” — ", " ; too !",
        "a  b", "x ?", "end ", " \u{301}", "clean text, all of it", "نص ، نظيف",
    ]

    @Test(arguments: pairParts)
    func cleanPairCutsTheCleanedJoin(_ prefix: String) {
        for suffix in Self.pairParts {
            let cleaned = PromptText.clean(prefix + "\u{1}" + suffix)
            let u = cleaned.utf8
            var expected = (prefix, suffix)
            if let mark = u.firstIndex(of: 0x01), u.lastIndex(of: 0x01) == mark {
                expected = (String(cleaned[..<mark]), String(cleaned[u.index(after: mark)...]))
            }
            let pair = PromptText.cleanPair(prefix, suffix)
            #expect(pair.0 == expected.0 && pair.1 == expected.1, "\(prefix)|\(suffix)")
            #expect(Array(pair.0.utf8) == Array(expected.0.utf8) && Array(pair.1.utf8) == Array(expected.1.utf8))
        }
    }

    @Test(arguments: [
        "On [date] , the Soviet Union declared war .", " lead space , here", "\"", "", " ", "  \" a", "x \" y \" z ",
        "في [التاريخ] ، أعلن الاتحاد السوفيتي الحرب .",
    ])
    func cleanBytesMatchesCharacters(_ s: String) {
        #expect(PromptText.cleanBytes(s) == PromptText.cleanCharacters(s))
    }

    static let haystackParts = [
        "", "a", "ab", "abc", "xab", "aab", "abab", "1945", "19", "45 ", "الحرب", "ال", "حرب", "ﻻ", "é", "bca",
    ]

    @Test(arguments: haystackParts)
    func joinedSearchIsSearchOfTheJoin(_ a: String) {
        for b in Self.haystackParts {
            for needle in Self.haystackParts + ["abcx", "b1", "c19", "1945a", "لحر", "bc1"] {
                #expect(FastSearch.contains(a, b, needle) == FastSearch.contains(a + b, needle), "\(a)|\(b)|\(needle)")
            }
        }
    }

    @Test(arguments: [
        "", " ", "Soviet Union", "  two  spaces ", "August 9, 1945", "more than 600,000", "الاتحاد السوفيتي",
        "a \u{301}b", "CR\r\n x", "x ", "\u{600} x", "الاتحاد  السوفيتي ", " 9 آب 1945", "x \u{200D}y",
        "é ﬁ ", "a\u{301} b", "\u{600}", "x \u{903}", "ت \u{64B}ب",
    ])
    func wordsAreTheSplitAtSpaces(_ s: String) {
        var words: [String] = []
        CardDrafter.forEachWord(s) { words.append(String($0)) }
        #expect(words == s.split(separator: " ").map(String.init))
    }

    @Test(arguments: [
        "", "a", "abc", "Abc", "1a", "éa", "e\u{301}x", "ßa", "ﬁnally", "'quote", "\r\n", "a\u{301}", "z", "{x",
    ])
    func capitalizeFirstIsTheCharacterRule(_ s: String) {
        var fast = s
        Clause.capitalizeFirst(&fast)
        var slow = s
        if let c = slow.first, c.isLowercase { slow = c.uppercased() + slow.dropFirst() }
        #expect(Array(fast.utf8) == Array(slow.utf8))
    }

    @Test(arguments: [
        "", "a", "abc", "the Soviet Union", "1945", "éa", "e\u{301}x", "ßa", "ﬁnally", "\r\n", "a\u{301}", "{x",
        "الاتحاد",
    ])
    func upperFirstIsTheCharacterRule(_ s: String) {
        #expect(Array(EnglishQuestions.upperFirst(s).utf8) == Array((s.prefix(1).uppercased() + s.dropFirst()).utf8))
    }

    @Test(arguments: texts)
    func joinIsTheTokensWithTheirSpaces(_ text: String) {
        let t = Tokenizer.tokens(text)
        var expected = ""
        for (k, tok) in t.enumerated() {
            if k > 0, tok.spaceBefore { expected += " " }
            expected += tok.text
        }
        #expect(EnglishQuestions.join(t) == expected)
        #expect(EnglishQuestions.join(Array(t.prefix(2))) == (t.count >= 2 ? EnglishQuestions.join([t[0], t[1]]) : ""))
    }

    @Test(arguments: [
        "", "a", "abcdefgh", "abcdefghi", "abcdefg\r", "abcdefghijklmno\r", "\r", "abcdefgé", "éabcdefgh",
        "abcdefghijklmnopqrstuvwxyz012345", "tab\tand\nnewline only", "x\u{7F}",
    ])
    func asciiWithoutCRIsTheByteTest(_ s: String) {
        let bytes = Array(s.utf8)
        let expected = bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        #expect(bytes.withUnsafeBufferPointer { PromptText.isASCIIWithoutCR($0) } == expected)
    }

    @Test(arguments: [
        "في [التاريخ] ، أعلن .", "ا \u{64B}، ب", "ي ,\u{64A} .", "\u{600} , ب", "\u{6DD} ,", "\u{605}, x",
        "\u{606} , x", "ء ,ي .", "ٱ , x", "a ,\u{670} b", "\u{64A}\u{64B} , \u{621}",
    ])
    func arabicNeighboursOfMarksAreToldAsBefore(_ s: String) {
        #expect(PromptText.clean(s) == PromptText.cleanCharacters(s))
        #expect(!PromptText.bytesAreCharacters(s) || PromptText.cleanBytes(s) == PromptText.cleanCharacters(s))
    }

    @Test func sortedUniqueIsSetThenSortedForShortAndLongLists() {
        let words = Tokenizer.tokens(Self.texts.joined(separator: " ")).map(\.lower)
        for n in [0, 1, 2, 5, 31, 32, 33, 60, words.count] {
            let list = Array(words.prefix(n))
            #expect(CardDrafter.sortedUnique(list) == Array(Set(list)).sorted())
            #expect(CardDrafter.sortedUnique(list.reversed()) == Array(Set(list)).sorted())
        }
    }

    @Test func indicesLeaveOutTheAnswer() {
        #expect(CardDrafter.indices(0..<6, excluding: 2..<4) == [0, 1, 4, 5])
        #expect(CardDrafter.indices(3..<9, excluding: 4..<5, 7..<8) == [3, 5, 6, 8])
        #expect(CardDrafter.indices(2..<2, excluding: 0..<1).isEmpty)
    }

    @Test(arguments: [
        ",", ";", "،", "؛", ":", "\u{037E}", ".", "!", "?", "-", "(", ",,", ";;", ",\u{301}", "a", "1945", "و", "»",
        "\u{FE50}", "\u{FF0C}",
    ])
    func clauseEndFromScalarsMatchesTheSet(_ text: String) {
        for tok in Tokenizer.tokens(text) + Tokenizer.tokens("a " + text + " b") {
            #expect(Clause.isClauseEnd(tok) == Clause.clauseEnds.contains(tok.text))
        }
    }

    @Test(arguments: texts)
    func clauseTokensAreTheClauseSlice(_ text: String) {
        let t = Tokenizer.tokens(text)
        for clause in [0..<t.count, 0..<(t.count / 2), (t.count / 3)..<t.count, 1..<max(1, t.count - 1)] {
            let a = CardDrafter.clauseTokens(t, clause)
            #expect(a.map(\.text) == t[clause].map(\.text))
            #expect(a.map(\.lower) == t[clause].map(\.lower))
        }
    }

    /// Words and marks that are, or nearly are, what the byte tests look for.
    static let trickyTokens = [
        "meeting", "Meeting", "meetings", "conference", "summit", "treaty", "pact", "agreement", "battle",
        "offensive", "invasion", "pacts", "meetinG", "mee", "treat", "tready", "invasions", "conferencee",
        "ｔreaty", "trea\u{301}ty", "معركة", "مؤتمر", ",", ";", ":", "،", "؛", "\u{037E}", ",,", ".", "؟", "—",
    ]

    @Test func eventNounByBytesIsTheSetsAnswer() {
        var checked = 0
        for text in Self.sentences + Self.trickyTokens {
            for tok in Tokenizer.tokens(text) + Self.trickyTokens.map(Self.word) {
                #expect(
                    CardDrafter.isEventNoun(tok.lower) == CardDrafter.eventNounSet.contains(tok.lower), "\(tok.lower)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func clauseEndByBytesIsTheMarksAnswer() {
        for text in Self.sentences + Self.trickyTokens {
            for tok in Tokenizer.tokens(text) + Self.trickyTokens.map(Self.word) {
                #expect(Clause.isClauseEnd(tok) == Clause.isClauseEndByMarks(tok), "\(tok.text)")
            }
        }
    }

    /// A token of the whole text, its lower case as the tokenizer makes it.
    static func word(_ text: String) -> Token {
        var tok = Tokenizer.tokens("x " + text)[1]
        tok.text = text[...]
        tok.lower = FastCase.lower(text)
        return tok
    }

    @Test func normalizerMemoryGivesTheNormalizersWords() {
        var memory = WordNormalizer()
        var checked = 0
        for language in ["en", "ar"] {
            // Twice: the second time every answer comes from the memory (which grows past its first size).
            for _ in 0..<2 {
                for text in Self.sentences + Self.trickyTokens + Self.arabicWords {
                    for tok in Tokenizer.tokens(text) {
                        let word = Normalizer.word(tok, language: language)
                        #expect(memory.word(tok, language: language) == word, "\(tok.text)")
                        // The numbered memory's word, verb key and numbers are the same word's.
                        let n = memory.numbered(tok, language: language)
                        #expect(memory.strings.word(n.slot) == word, "\(tok.text)")
                        #expect(n.wordID == (word.map { MatchWordTable.shared.id($0) } ?? -1), "\(tok.text)")
                        if language == "en" {
                            let verb = CardDrafter.verbKeys([tok][...]).first
                            #expect(memory.strings.verb(n.slot) == verb, "\(tok.text)")
                            #expect(n.verbID == (verb.map { MatchWordTable.shared.id($0) } ?? -1), "\(tok.text)")
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    /// A sentence's words numbered at once (hits read on the tokens in place) are the words
    /// numbered one at a time, first sight and memory alike.
    @Test(arguments: ["en", "ar"])
    func sentenceNumberedAtOnceIsTokenByToken(_ language: String) {
        var batch = WordNormalizer()
        var single = WordNormalizer()
        for _ in 0..<2 {
            for text in Self.sentences + Self.trickyTokens + Self.arabicWords {
                let tokens = Tokenizer.tokens(text)
                let all = batch.numbered(tokens, language: language)
                let each = tokens.map { single.numbered($0, language: language) }
                #expect(all.map(\.wordID) == each.map(\.wordID), "\(text)")
                #expect(all.map(\.verbID) == each.map(\.verbID), "\(text)")
                #expect(all.map { batch.strings.word($0.slot) } == each.map { single.strings.word($0.slot) })
            }
        }
    }

    /// Arabic words in several spellings (harakat, tatweel, a leading و or ال, a canonically equivalent
    /// form in other bytes), some English ones, and 600 made-up words to make the memory grow.
    static let arabicWords: [String] =
        [
            "الحرب", "والحرب", "حَرْب", "حــرب", "أعلن", "إعلان", "آب", "مدرسة", "على", "في", "ال", "و",
            "\u{0627}\u{0653}", "\u{0622}", "B-29", "B-29s", "Hiroshima's", "it’s",
        ] + (0..<600).map { "كلمة" + String(UnicodeScalar(0x0628 + $0 % 20)!) + String($0) + "ب" }

    @Test func acceptedKeepsEachOnceInOrder() {
        var a = CardDrafter.Accepted("b")
        a.insert("a")
        a.insert("b")
        a.insert("c")
        a.remove("a")
        a.remove("x")
        #expect(a.words == ["b", "c"])
        #expect(Set(a.words) == ["b", "c"])
    }
}
