import Foundation
import MnemoCore
import Testing

@testable import DeckBuilder

/// Match words as numbers: a fact's numbers stand for exactly the set of strings matching used to
/// read, whichever way they were made.
@Suite struct MatchWordTableTests {
    @Test(arguments: [
        ["soviet", "v:declare", "e:yalta"], ["v:", "e:", "ve:x", "ev:x", ""], ["يوم", "الحرب", "v:إعلان"],
        // One word in two spellings (é as one scalar, and e with a combining accent): one number, as
        // a set of strings holds them once.
        ["caf\u{E9}", "cafe\u{301}"],
    ])
    func numbersStandForTheWordsAndTheirTags(_ words: [String]) {
        let table = MatchWordTable.shared
        let ids = table.ids(words)
        #expect(Set(ids).count == Set(words).count)
        #expect(Set(table.words(ids)) == Set(words) && table.wordSet(ids) == Set(words))
        for (w, id) in zip(words, ids) {
            #expect(MatchWordTable.isVerb(id) == w.hasPrefix("v:"), "\(w)")
            #expect(MatchWordTable.isEvent(id) == w.hasPrefix("e:"), "\(w)")
            #expect(table.id(w) == id && table.existingIDs([w]) == [id])
        }
        #expect(table.existingIDs(["never-numbered-\(words.count)-x"]).isEmpty)
    }

    /// The assembler counts the words two facts share on their numbers: what their sets of strings'
    /// intersection counts, canonically equivalent spellings alike.
    @Test(
        arguments: [
            ([], []), (["a"], []), (["soviet", "v:declare"], ["v:declare", "soviet", "japan"]),
            (["x", "y", "z"], ["u", "v"]), (["caf\u{E9}", "war"], ["cafe\u{301}", "war", "peace"]),
        ] as [([String], [String])])
    func sharedNumbersCountTheSharedWords(_ a: [String], _ b: [String]) {
        let table = MatchWordTable.shared
        let shared = DeckAssembler.sharedCount(table.sortedIDs(Set(a)), table.sortedIDs(Set(b)))
        #expect(shared == Set(a).intersection(Set(b)).count)
        #expect(DeckAssembler.sharedCount(table.sortedIDs(Set(b)), table.sortedIDs(Set(a))) == shared)
    }

    /// A fact given its match words as numbers gives them as strings when read, and setting either
    /// form gives the other.
    @Test func aFactsMatchWordsReadAsStringsOrNumbers() {
        let table = MatchWordTable.shared
        let ids = table.sortedIDs(["soviet", "v:declare", "e:yalta"])
        var fact = FactPoolTests.candidate()
        fact.matchWordIDs = ids
        #expect(fact.matchWords == ["soviet", "v:declare", "e:yalta"])
        fact.matchWords.insert("japan")
        #expect(fact.matchWordIDs == table.sortedIDs(["soviet", "v:declare", "e:yalta", "japan"]))
    }

    @Test(arguments: [[], [5], [3, 1, 3, 2, 1], [9, 8, 7, 7, 7, 1]] as [[Int32]])
    func sortingKeepsEachNumberOnce(_ ids: [Int32]) {
        var sorted = ids
        sorted.sortAndRemoveRepeats()
        #expect(sorted == Array(Set(ids)).sorted())
        for id in Set(ids) {
            var removed = sorted
            removed.removeSorted(id)
            #expect(removed == sorted.filter { $0 != id })
        }
        var unchanged = sorted
        unchanged.removeSorted(100)
        #expect(unchanged == sorted)
    }

    /// `CardDrafter.matchWords` as strings, the way it was made before numbers: the sentence's words
    /// near the anchor, its events and verb keys, as a set, the answer's words taken out.
    static func referenceMatchWords(_ c: DraftContext, anchor: Range<Int>, answer: String) -> Set<String> {
        let lo = max(0, anchor.lowerBound - 8)
        let hi = min(c.tokens.count, anchor.upperBound + 10)
        let windowIdx = CardDrafter.indices(lo..<max(lo, hi), excluding: anchor)
        var window: [String] = windowIdx.compactMap { c.norms![$0] }
        window += CardDrafter.eventNames(c.tokens)
        if c.language == "en" {
            let keys = c.verbs!
            for (k, i) in windowIdx.enumerated() {
                guard let key = keys[i] else { continue }
                let t = c.tokens
                if k + 3 < windowIdx.count, t[i].lower == "came", t[windowIdx[k + 1]].lower == "to",
                    t[windowIdx[k + 3]].lower == "end"
                {
                    window.append("v:end")
                    continue
                }
                window.append(key)
            }
        }
        var words = Set(window)
        for w in answer.split(separator: " ") { words.remove(String(w)) }
        return words
    }

    /// Every sentence of the test texts and the five sources, every one- and two-token anchor, with
    /// the anchor's own text as the answer (and a capitalised and a lower-cased copy of it): the
    /// numbers from the sentence's per-token numbers, and from its words alone (no numbers kept),
    /// are the reference's strings.
    @Test func aFactsNumbersAreTheWordsAStringSetHeld() {
        var normalizer = WordNormalizer()
        var checked = 0
        for text in FactPoolTests.englishTexts {
            for part in text.split(separator: "\n") {
                let line = String(part)
                for range in SentenceSplitter.ranges(in: line) {
                    let sentence = String(line[range])
                    let tokens = Tokenizer.tokens(sentence)
                    guard !tokens.isEmpty else { continue }
                    var bytes = sentence
                    let language = bytes.withUTF8 { Script.letterCounts(utf8: $0).language }
                    guard language == "en" || language == "ar" else { continue }
                    let words = tokens.map { normalizer.numbered($0, language: language) }
                    let events = CardDrafter.eventNames(tokens)
                    // The events' numbers read on the tokens in place are the names' numbers.
                    #expect(CardDrafter.eventIDs(tokens) == MatchWordTable.shared.ids(events), "\(sentence)")
                    // …and so are those told from the words' event-noun marks, as the build reads them.
                    let batch = normalizer.numbered(tokens, language: language)
                    #expect(batch == words, "\(sentence)")
                    #expect(
                        CardDrafter.eventIDs(tokens, words: batch) == MatchWordTable.shared.ids(events), "\(sentence)")
                    let evidence = Provenance(source: "t.txt", line: 1, start: 0, end: 1, quote: sentence)
                    let numbered = DraftContext(
                        text: sentence, tokens: tokens, language: language, evidence: evidence, position: 0,
                        sourceTag: "t", words: words, strings: normalizer.strings,
                        eventIDs: MatchWordTable.shared.ids(events))
                    // No match word holds an ASCII capital (the answer's capitalised words are
                    // skipped for it), and no word starts with an ASCII digit (its digit-led words
                    // are not looked up).
                    let norms = numbered.norms!.compactMap { $0 }
                    for w in norms + (numbered.verbs ?? []).compactMap({ $0 }) + events {
                        #expect(!w.utf8.contains { $0 >= 0x41 && $0 <= 0x5A }, "\(w)")
                    }
                    for w in norms { #expect(w.utf8.first.map { $0 &- 0x30 >= 10 } ?? false, "\(w)") }
                    var plain = numbered
                    plain.words = nil
                    plain.eventIDs = nil
                    for length in 1...2 {
                        for start in 0..<max(0, tokens.count - length + 1) {
                            let anchor = start..<start + length
                            let own = tokens[anchor].map { String($0.text) }.joined(separator: " ")
                            for answer in [own, own.lowercased(), own.capitalized] {
                                let reference = Self.referenceMatchWords(numbered, anchor: anchor, answer: answer)
                                for c in [numbered, plain] {
                                    let ids = CardDrafter.matchWords(c, anchor: anchor, answer: answer)
                                    #expect(ids == ids.sorted() && Set(ids).count == ids.count)
                                    #expect(Set(MatchWordTable.shared.words(ids)) == reference, "\(sentence) \(anchor)")
                                }
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(checked > 1000)
    }
}

/// The word normalizer kept through a build stays bounded: past its limit it forgets, between
/// documents, and answers as before.
@Suite struct WordNormalizerLimitTests {
    @Test func pastItsLimitItForgetsAndAnswersAlike() {
        let tokens = Tokenizer.tokens(
            "On August 9, 1945, the Soviet Union declared war on Japan and crossed the border into Manchuria.")
        var kept = WordNormalizer(limit: 5)
        var fresh = WordNormalizer()
        let before = tokens.map { kept.numberedEnglishWordAndVerb($0) }
        #expect(kept.remembered > 5)
        kept.forgetIfLarge()
        #expect(kept.remembered == 0 && kept.limit == 5)
        let after = tokens.map { kept.numberedEnglishWordAndVerb($0) }
        let plain = tokens.map { fresh.numberedEnglishWordAndVerb($0) }
        for (a, (b, c)) in zip(before, zip(after, plain)) {
            #expect(a.word == b.word && a.verb == b.verb && a.wordID == b.wordID && a.verbID == b.verbID)
            #expect(a.word == c.word && a.wordID == c.wordID)
        }
        var small = WordNormalizer(limit: 1000)
        _ = tokens.map { small.numberedEnglishWordAndVerb($0) }
        small.forgetIfLarge()
        #expect(small.remembered > 0)
    }
}

/// The word normalizer's byte-keyed memory answers as a dictionary keyed by bytes and flag would:
/// keys of every length from 0 to 40 bytes (the short and overlapping compares), each flag apart,
/// and a key differing from a kept one in any single byte is not found.
@Suite struct ByteKeyedCacheTests {
    @Test func itAnswersAsADictionaryOfBytes() {
        var cache = ByteKeyedCache<Int>()
        var reference: [[UInt8]: Int] = [:]
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz-حرب".utf8)
        for length in 0...40 {
            for variant in 0..<5 {
                let bytes = (0..<length).map { alphabet[($0 * 7 + variant * 3 + length) % alphabet.count] }
                // Not every byte sequence here is UTF-8; keys are made as strings, as the cache is given them.
                let key = String(decoding: bytes, as: UTF8.self)
                let utf8 = Array(key.utf8)
                for flag: UInt8 in [0, 1] where reference[utf8 + [flag]] == nil {
                    let value = reference.count
                    cache.insert(key, flag: flag, value)
                    reference[utf8 + [flag]] = value
                }
            }
        }
        for (stored, value) in reference {
            let flag = stored.last!
            let key = String(decoding: stored.dropLast(), as: UTF8.self)
            #expect(cache.value(key, flag: flag) == value, "\(key) \(flag)")
            #expect(cache.value(key[...], flag: flag) == value)
            // Every single-byte change of an ASCII byte to another letter misses unless kept itself.
            let bytes = Array(stored.dropLast())
            for i in bytes.indices where bytes[i] < 0x80 {
                var changed = bytes
                changed[i] = bytes[i] == 0x7A ? 0x79 : 0x7A
                let other = String(decoding: changed, as: UTF8.self)
                #expect(cache.value(other, flag: flag) == reference[Array(other.utf8) + [flag]], "\(other)")
            }
        }
        #expect(cache.count == reference.count)
    }

    /// The compare behind a hit (a hash agreeing is not enough): true exactly when the bytes are
    /// equal, for every length and a difference at every place.
    @Test func bytesCompareAsBytes() {
        for length in 0...40 {
            let key = (0..<length).map { UInt8(0x61 + $0 % 26) }
            for place in -1..<length {
                var kept = key
                if place >= 0 { kept[place] ^= 0x01 }
                kept += [0x00]  // the flag byte after the key, as the cache keeps it
                let equal = kept.withUnsafeBytes { p in
                    key.withUnsafeBufferPointer { ByteKeyedCache<Int>.equal(p.baseAddress!, $0) }
                }
                #expect(equal == (place < 0), "length \(length), place \(place)")
            }
        }
    }
}

/// A card's source tag read on the name's bytes is the tag made by characters.
@Suite struct SourceTagTests {
    @Test(arguments: [
        "a.txt", "/abs/dir/file.md", "dir/sub/", "noext", "name.", "a.b.", ".hidden", "a..b.txt", "dir//x.tar.gz",
        "", "/", "//", "x/.y", "./a.txt", "sources/005-ar.html", "a\r\nb.txt", "مصدر.txt", "dir/é.md",
        "dir/e\u{301}.md",
        "/\u{301}x.txt",
    ])
    func tagOnBytesIsTagByCharacters(_ name: String) {
        #expect(DocumentAnalyzer.tag(forSource: name) == DocumentAnalyzer.tagByCharacters(name), "\(name)")
    }
}

/// A sentence context's words as strings, for the string-set references above (the build reads
/// them by slot, only for the facts it drafts).
extension DraftContext {
    var norms: [String?]? {
        guard let words, let strings else { return nil }
        return words.map { strings.word($0.slot) }
    }

    var verbs: [String?]? {
        guard language == "en", let words, let strings else { return nil }
        return words.map { strings.verb($0.slot) }
    }
}

/// The events told from the normalizer's event-noun marks are those read from the tokens, in both
/// languages, with event nouns in either case and after a cached word of the same spelling.
@Suite struct EventMarkTests {
    @Test(arguments: [
        ("The Yalta Conference of 1945 and the Battle of Berlin ended the war.", "en"),
        ("The conference at Potsdam followed the Treaty of Portsmouth; the CONFERENCE ended.", "en"),
        ("Operation August Storm began; the operation in Manchuria took 24 days.", "en"),
        ("عقد مؤتمر يالطا في شباط 1945 بعد the Yalta Conference and the Battle of Berlin.", "ar"),
        ("وقعت معركة خالخين غول عام 1939.", "ar"),
    ])
    func marksGiveTheEventsTheTokensGive(_ sentence: String, _ language: String) {
        var normalizer = WordNormalizer()
        let tokens = Tokenizer.tokens(sentence)
        // Twice: the second time every word comes from the normalizer's memory.
        for _ in 0..<2 {
            let words = normalizer.numbered(tokens, language: language)
            #expect(CardDrafter.eventIDs(tokens, words: words) == CardDrafter.eventIDs(tokens))
        }
        // (The sentences name events, so the compare is not of two empty lists.)
        if sentence.contains("Conference") { #expect(!CardDrafter.eventIDs(tokens).isEmpty) }
    }
}
