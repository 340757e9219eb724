import Testing

@testable import DeckBuilder

/// Sentence after sentence tokenized into one array's room gives each sentence the tokens it gets
/// on its own, whether the room is longer or shorter than the sentence and whether the previous
/// sentence's tokens are still held.
@Suite struct TokenRoomTests {
    static func same(_ a: [Token], _ b: [Token]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, y in
                x.kind == y.kind && x.text == y.text && x.range == y.range && x.lower == y.lower
                    && x.spaceBefore == y.spaceBefore && x.isCapitalized == y.isCapitalized
                    && x.hasHyphen == y.hasHyphen
            }
    }

    @Test func roomKeptFromSentenceToSentenceGivesEachItsTokens() {
        let texts = TokenFastPathTests.scalarTexts + ["", "a", TokenFastPathTests.scalarTexts.joined(separator: " ")]
        var room: [Token] = []
        var held: [[Token]] = []
        for (k, text) in (texts + texts.reversed()).enumerated() {
            Tokenizer.tokens(text, into: &room)
            #expect(Self.same(room, Tokenizer.tokens(text)), "\(text)")
            // Every third sentence's tokens are kept, as a sentence's context keeps them.
            if k % 3 == 0 { held.append(room) }
        }
        for (k, tokens) in held.enumerated() {
            #expect(Self.same(tokens, Tokenizer.tokens((texts + texts.reversed())[3 * k])))
        }
    }
}
