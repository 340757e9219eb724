import Testing

@testable import DeckBuilder

struct LineCleanerTests {
    @Test(arguments: [
        ("Current location - Home - News - What happened in 1945?", NoiseReason.breadcrumb),
        ("2021/09/0422:41:03 military 1147", .timestamp),
        ("We use cookies to improve your experience. By continuing you accept.", .cookieNotice),
        ("نحن نستخدم ملفات تعريف الارتباط (كوكيز) لفهم كيفية استخدامك لموقعنا.", .cookieNotice),
        ("military Category Latest News", .footer),
        ("اقرأ أيضا: أخبار ذات صلة", .footer),
        ("About us | Contact | Archive | Jobs", .navigation),
        ("الغزو السوفيتي لمنشوريا", .heading),
    ])
    func boilerplateLines(line: String, reason: NoiseReason) {
        #expect(
            LineCleaner.classify([line, "The Soviet Union declared war on Japan on August 8, 1945."]) == [reason, nil])
    }

    @Test func repeatedCaptionsAllGo() {
        let caption = "Japan surrendered and 600,000 soldiers were captured by the Soviet Union."
        let lines = [
            caption, "The war ended in 1945 in the east of Asia.", caption + " - DayDayNews",
            "More text about 1945 here.", caption + " - DayDayNews",
        ]
        let result = LineCleaner.classify(lines)
        #expect(result[0] == .repeatedLine(times: 3))
        #expect(result[2] == .repeatedLine(times: 3))
        #expect(result[1] == nil && result[3] == nil)
    }

    @Test func titleRepeatedInsideBreadcrumb() {
        let lines = [
            "Current location - Site - What did Stalin do with 600,000 prisoners?",
            "What did Stalin do with 600,000 prisoners?", "Stalin sent 600,000 prisoners to Siberia in 1945.",
        ]
        let result = LineCleaner.classify(lines)
        #expect(result[0] == .breadcrumb)
        #expect(result[1] == .repeatedLine(times: 1))
        #expect(result[2] == nil)
    }

    @Test(arguments: [
        ("In mid-May, Kim informed *** of his intentions to attack in 1950.", NoiseReason.redaction),
        ("However, ** argues that the time in 1950 is not yet ripe.", .redaction),
        ("Why did Japan surrender in 1945?", .question),
        ("In the early morning of August 9th, 1945, Dongning In the quiet night the battle began.", .garbledText),
    ])
    func sentenceGates(text: String, reason: NoiseReason) {
        #expect(SentenceQuality.problem(text, tokens: Fixtures.tokens(text), language: "en") == reason)
    }
}
