import Foundation
import Testing

@testable import DeckBuilder

/// Figure questions written once read as the interpolated ones.
@Suite struct HowManyWriterTests {
    @Test(arguments: [
        "the Soviet Union captured more than 600,000 Japanese soldiers in Manchuria",
        "the army lost 5,000 men", "the siege lasted for 900 days", "", "Café owners",
    ])
    func howManyMatchesTheInterpolation(_ s: String) {
        let t = Tokenizer.tokens(s)
        for tail in ["", " in 1945"] {
            for rest in [t, [], Array(t.prefix(1))] {
                let restText = rest.isEmpty ? "" : " " + EnglishQuestions.join(rest)
                let expected = "How many troops did the Red Army capture\(restText)\(tail)?"
                #expect(
                    EnglishQuestions.howMany("How many ", "troops", "the Red Army", "capture", rest, tail) == expected)
            }
        }
        #expect(
            PromptText.written { w in
                w.put("How many "); w.put("x"); w.put(" "); w.put(t, t.indices); w.put("?")
            }
                == "How many x \(EnglishQuestions.join(t))?")
    }
}
