import Testing

@testable import DeckBuilder

/// The repeated-line key written run by run (bytes of other scripts kept in the words) is the
/// byte-by-byte one, at every start and length.
@Suite struct RepeatKeyRunTests {
    static let texts = [
        "The Soviet-Japanese War of 1945 began on 9 August, a few hours after midnight; it ended soon.",
        "a,b.c d!e?f g-h i'j k\"l m(n) o[p] q{r} s@t u`v w~x y|z A_B C^D E=F G+H I*J K&L M%N O$P Q#R",
        "    leading and trailing spaces, tabs\tand  doubled  spaces  between  short  words  here    ",
        "ALLCAPSWORDSWITHOUTANYSPACEATALLFORTYBYTESLONGANDMORE1234567890",
        "قال الرئيس في عام ١٩٤٥ إن الحرب انتهت - Site Name | Home » News › World",
        ",.;:!?()[]{}<>/\\|-_=+*&^%$#@~`'\" ,.;:!?()[]{}<>/\\|-_=+*&^%$#@~`'\"",
        // Other scripts next to ASCII letters, digits and marks inside one word of eight bytes.
        "ب,ت.ث جAحB١٢ «خ»—د…ذ\u{00A0}رZ9ز سٍّ ش؟ص،ض Déjà Vu ÉCOLE Straße 戦争1945 \u{1F600}x!y",
        "الحربُ انتهتْ في عامِ ١٩٤٥م (1945) بعد 6 سنوات، وقال: «انتهى». Ab-Cd ÀÉÎ õü",
    ]

    @Test(arguments: texts)
    func keyByRunsMatchesByteByByte(_ text: String) {
        let bytes = Array(text.utf8)
        for lo in 0..<min(bytes.count, 9) {
            for hi in lo...bytes.count {
                let sub = Substring(String(decoding: bytes[lo..<hi], as: UTF8.self))
                let expected = FrontEndFastPathTests.plainKey(sub)
                #expect(LineCleaner.fastKey(sub).utf8.elementsEqual(expected.utf8))
            }
        }
    }
}
