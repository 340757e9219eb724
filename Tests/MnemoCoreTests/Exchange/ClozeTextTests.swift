import MnemoCore
import Testing

struct ClozeTextTests {
    @Test(arguments: [
        ("The war ended in [year].", "1945", "The war ended in {{c1::1945::year}}."),
        ("The war ended in ____.", "1945", "The war ended in {{c1::1945}}."),
        ("[person] met Roosevelt.", "Stalin", "{{c1::Stalin::person}} met Roosevelt."),
        ("في عام [year] غزا", "1945", "في عام {{c1::1945::year}} غزا"),
        ("Odd answer [x]", "a::b}}", "Odd answer {{c1::a:\u{200B}:b}\u{200B}}::x}}"),
    ])
    func mnemoPromptsBecomeAnkiClozes(prompt: String, answer: String, expected: String) {
        #expect(ClozeText.ankiCloze(prompt: prompt, answer: answer) == expected)
    }

    @Test func promptWithoutABlankHasNoCloze() {
        #expect(ClozeText.ankiCloze(prompt: "No blank here.", answer: "x") == nil)
    }

    @Test func escapingLeavesTheClozeMarkupIntact() {
        let text = ClozeText.ankiCloze(prompt: "<b> & [year]", answer: "1<2", escape: HTMLText.escape)
        #expect(text == "&lt;b&gt; &amp; {{c1::1&lt;2::year}}")
    }

    @Test func eachClozeNumberIsOneCardWithTheOthersShown() {
        let deletions = ClozeText.deletions(in: "{{c1::Stalin}} met {{c2::Roosevelt}} at {{c3::Yalta::place}}.")
        #expect(deletions.map(\.ordinal) == [1, 2, 3])
        #expect(
            deletions.map(\.prompt) == [
                "[…] met Roosevelt at Yalta.", "Stalin met […] at Yalta.", "Stalin met Roosevelt at [place].",
            ])
        #expect(deletions.map(\.answer) == ["Stalin", "Roosevelt", "Yalta"])
    }

    @Test func deletionsSharingANumberAreBlankedTogether() {
        let deletions = ClozeText.deletions(in: "{{c1::Stalin}} and {{c1::Churchill}} met.")
        #expect(deletions.count == 1)
        #expect(deletions[0].prompt == "[…] and […] met.")
        #expect(deletions[0].answer == "Stalin, Churchill")
    }

    @Test func roundTripThroughAnkiSyntax() {
        let prompt = "The Yalta Conference met at the [place] in Crimea."
        let text = ClozeText.ankiCloze(prompt: prompt, answer: "Livadia Palace") ?? ""
        let back = ClozeText.deletions(in: text)
        #expect(back.map(\.prompt) == [prompt])
        #expect(back.map(\.answer) == ["Livadia Palace"])
    }
}
