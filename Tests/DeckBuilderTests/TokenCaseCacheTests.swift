import Testing

@testable import DeckBuilder

/// Tokens read with a case cache are the tokens read without one (the uncached reader is the
/// reference): on first sight, on second sight (the cache's answers), and when slots are shared.
@Suite struct TokenCaseCacheTests {
    static let texts =
        TokenFastPathTests.scalarTexts + [
            "Short and LONGER words: internationalization Internationalization INTERNATIONALIZATION a15 b15c",
            "fifteenletters! Fifteenletters fifteenletterss 123456789012345 1234567890123456 x-ray X-Ray",
            "الجيش السوفيتي والجيش الياباني الكوانتونغ وانتهت بالاستسلام الاستسلامات ب بـ ـب",
            "Ünïcödé CAFÉ café Straße STRASSE ǅemal İstanbul ΣΊΣΥΦΟΣ σίσυφος \u{212A}elvin",
            "", " ", "a", "ab", "abc", "A.B.C. e.g. i.e. 1st 2nd 3rd 4th 1930s",
        ]

    static func same(_ a: [Token], _ b: [Token]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.kind == y.kind, x.text.utf8.elementsEqual(y.text.utf8), x.range == y.range,
                x.spaceBefore == y.spaceBefore, x.lower.utf8.elementsEqual(y.lower.utf8), x.lower == y.lower,
                x.isCapitalized == y.isCapitalized, x.hasHyphen == y.hasHyphen
            else { return false }
        }
        return true
    }

    @Test(arguments: texts)
    func cachedTokensMatchUncached(_ text: String) {
        var cache = TokenCaseCache()
        let reference = Tokenizer.tokens(text)
        #expect(Self.same(Tokenizer.tokens(text, cache: &cache), reference))
        #expect(Self.same(Tokenizer.tokens(text, cache: &cache), reference))
    }

    /// One cache for all texts, read twice, and for many distinct words that share slots (each
    /// word with its case changed, so a slot's bytes differ from the word looked up).
    @Test func sharedCacheMatchesUncached() {
        var cache = TokenCaseCache()
        for _ in 0..<2 {
            for text in Self.texts {
                #expect(Self.same(Tokenizer.tokens(text, cache: &cache), Tokenizer.tokens(text)), "\(text)")
            }
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        var state: UInt64 = 0x1234_5678
        var words: [String] = []
        for _ in 0..<12000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = 1 + Int(state >> 60)
            var w: [UInt8] = []
            for k in 0..<length { w.append(letters[Int((state >> UInt64(4 * k % 56)) % 52)]) }
            words.append(String(decoding: w, as: UTF8.self))
        }
        for start in stride(from: 0, to: words.count, by: 40) {
            let text = words[start..<min(start + 40, words.count)].joined(separator: " ") + " ب" + words[start]
            #expect(Self.same(Tokenizer.tokens(text, cache: &cache), Tokenizer.tokens(text)))
        }
        let all = words.joined(separator: " ")
        #expect(Self.same(Tokenizer.tokens(all, cache: &cache), Tokenizer.tokens(all)))
    }

    /// The key holds a token's bytes and count whether or not 16 bytes follow it.
    @Test func keyIsTheSameNearTheEnd() {
        let text = Array("Internationalization and Japan".utf8)
        text.withUnsafeBufferPointer { b in
            for start in 0..<b.count {
                for end in start...b.count {
                    let key = TokenCaseCache.key(b, start, end)
                    if end - start == 0 || end - start > 15 {
                        #expect(key == nil)
                        continue
                    }
                    var copy = Array(b[start..<end])
                    copy.withUnsafeBufferPointer { c in
                        let alone = TokenCaseCache.key(c, 0, c.count)
                        #expect(alone?.low == key?.low && alone?.high == key?.high)
                    }
                    copy.append(contentsOf: [UInt8](repeating: 0x41, count: 20))
                    copy.withUnsafeBufferPointer { c in
                        let padded = TokenCaseCache.key(c, 0, end - start)
                        #expect(padded?.low == key?.low && padded?.high == key?.high)
                    }
                }
            }
        }
    }
}
