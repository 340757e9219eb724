import Testing

@testable import DeckBuilder

struct DateExtractorTests {
    @Test(arguments: [
        ("On August 6, 1945, the bomb fell.", "1945-08-06"),
        ("It broke out on August 9th, 1945 at dawn.", "1945-08-09"),
        ("The offensive began on 25 June 1950.", "1950-06-25"),
        ("In May 1939, the army moved.", "1939-05"),
        ("It was founded in 1908 by decree.", "1908"),
        ("Cities grew in the 1930s quickly.", "1930s"),
        ("It dates from the 10th century here.", "10c"),
        ("The war lasted 1868–1869 in all.", "1868/1869"),
        ("On Aug. 8, 1945, war came.", "1945-08-08"),
    ])
    func englishDates(text: String, expected: String) {
        let dates = DateExtractor.dates(in: Fixtures.tokens(text), language: "en")
        #expect(dates.map(\.value.normalized) == [expected])
    }

    @Test(arguments: [
        "You may go now.", "They marched for days.", "There were 1,945 soldiers.", "Call 1945 people now.",
    ])
    func englishNonDates(text: String) {
        #expect(DateExtractor.dates(in: Fixtures.tokens(text), language: "en").isEmpty)
    }

    @Test func yearlessDateHasNoInventedYear() {
        let dates = DateExtractor.dates(in: Fixtures.tokens("The Soviets declared war on August 8."), language: "en")
        #expect(dates.count == 1)
        #expect(dates[0].value.year == nil)
        #expect(dates[0].value.month == 8 && dates[0].value.day == 8)
    }

    /// Every month of both systems, as a day, month and year, and as a month and year after "شهر".
    @Test(arguments: Array(zip(MonthNames.arabicStandard + MonthNames.arabicLevantine, 0..<24)))
    func everyArabicMonth(name: String, index: Int) {
        let month = index % 12 + 1
        let day = DateExtractor.dates(in: Fixtures.tokens("في 5 \(name) 1950 وصل الجيش"), language: "ar")
        #expect(day.map(\.value.normalized) == [String(format: "1950-%02d-05", month)], "\(name)")
        #expect(day.first?.levantine == (index >= 12))
        let shahr = DateExtractor.dates(in: Fixtures.tokens("في شهر \(name) من عام 1950 وصل الجيش"), language: "ar")
        #expect(shahr.map(\.value.normalized) == [String(format: "1950-%02d", month)], "\(name)")
    }

    @Test(arguments: [
        ("في عام 1945 ميلادي قام الاتحاد السوفيتي بغزو منشوريا", "1945", false),
        ("مع بداية شهر آب من عام 1945 أعلن الاتحاد السوفيتي الحرب", "1945-08", true),
        ("في 8 أغسطس 1945 أعلن الاتحاد السوفيتي الحرب", "1945-08-08", false),
        ("في ٨ آب ١٩٤٥ أعلن الاتحاد السوفيتي الحرب", "1945-08-08", true),
        ("في 9 تشرين الثاني 1989 سقط الجدار", "1989-11-09", true),
        ("في نيسان 1945 تقدم الجيش", "1945-04", true),
        ("في 4 كانون الثاني 1972 هاجم الاتحاد السوفيتي كوريا", "1972-01-04", true),
        ("في ٤ كانون الأول ١٩٧٢ هاجم الجيش", "1972-12-04", true),
        ("في كانون الثاني 1945 تقدم الجيش", "1945-01", true),
    ])
    func arabicDates(text: String, expected: String, levantine: Bool) {
        let dates = DateExtractor.dates(in: Fixtures.tokens(text), language: "ar")
        #expect(dates.map(\.value.normalized) == [expected])
        #expect(dates.first?.levantine == levantine)
    }
}

struct FigureExtractorTests {
    @Test(arguments: [
        ("The Soviet Union captured more than 600,000 Japanese prisoners.", 600_000.0, "more than", "prisoner"),
        ("Then 1.5 million Soviet troops attacked.", 1_500_000.0, "", "troop"),
        ("The Soviets fought for 24 days in the northeast.", 24.0, "", "day"),
        ("The Union spent eight months in the northeast.", 8.0, "", "month"),
        ("Growth reached 19% a year.", 19.0, "", ""),
        ("After 6,000 tons of incendiary bombs, Tokyo burned.", 6_000.0, "", "ton"),
        ("Nearly 100,000 Japanese prisoners died there.", 100_000.0, "nearly", "prisoner"),
    ])
    func englishFigures(text: String, value: Double, qualifier: String, head: String) {
        let figures = FigureExtractor.figures(in: Fixtures.tokens(text), language: "en", taken: [])
        #expect(figures.count == 1)
        #expect(figures.first?.value.value == value)
        #expect(figures.first?.value.qualifier == qualifier)
        #expect(figures.first?.value.head == head)
    }

    @Test(arguments: [
        "Output rose by 128 in 1957 compared to 19526%, a record.",
        "It commanded three front armies, 1 1 a synthetic army and more.",
    ])
    func garbledFiguresAreNotFacts(text: String) {
        let t = Fixtures.tokens(text)
        #expect(SentenceQuality.problem(text, tokens: t, language: "en") == .garbledFigure)
    }

    @Test func arabicFigure() {
        let figures = FigureExtractor.figures(
            in: Fixtures.tokens("وخلال ثلاثة أشهر مع نهاية الحرب"), language: "ar", taken: [])
        #expect(figures.first?.value.value == 3)
        #expect(figures.first?.value.counted == "أشهر")
    }
}

struct SentenceSplitterTests {
    @Test(arguments: [
        ("John F. Kennedy met Gen. Smith in the U.S. on Monday. Then he left.", 2),
        ("About 1.5 million troops and 600,000 prisoners. Another sentence.", 2),
        ("He said \"we won.\" Then they left.", 2),
        ("الحرب انتهت. ثم بدأت المفاوضات؟ نعم، بدأت.", 3),
        ("Siberia is cold.The temperature is low.", 2),
        ("It ended… Then peace came. 戦争は終わった。平和が来た。", 3),
        ("انتهت الحرب۔ ثم جاء السلام", 2),
        ("Japan’s army — “beaten”. It surrendered!  Tabs\tand spaces.\u{00A0}Next one.", 4),
        ("No terminator here at all", 1),
    ])
    func splits(text: String, count: Int) {
        #expect(SentenceSplitter.ranges(in: text).count == count)
    }

    @Test(arguments: [("The war ended.", "en"), ("انتهت الحرب العالمية الثانية.", "ar"), ("12345", "und")])
    func languageByScript(text: String, language: String) {
        #expect(Script.language(of: text) == language)
    }
}

struct EnglishGrammarTests {
    @Test(arguments: [
        ("declared", "declare"), ("dropped", "drop"), ("fought", "fight"), ("captured", "capture"),
        ("launched", "launch"), ("surrendered", "surrender"), ("occupied", "occupy"), ("died", "die"),
        ("met", "meet"), ("invaded", "invade"), ("abolished", "abolish"), ("appeared", "appear"),
        ("liberated", "liberate"), ("signed", "sign"), ("attacked", "attack"), ("decided", "decide"),
    ])
    func pastToBase(past: String, base: String) {
        #expect(English.base(ofPast: past) == base)
    }
}

struct FastSearchTests {
    @Test(arguments: [
        ("the Yalta meeting", "meeting", true), ("abc", "abcd", false), ("ملفات تعريف الارتباط", "تعريف", true),
        ("aaab", "aab", true), ("Latest News", "news", false), ("", "a", false),
    ])
    func contains(haystack: String, needle: String, expected: Bool) {
        #expect(FastSearch.contains(haystack, needle) == expected)
    }

    @Test func countsAndLastOffset() {
        #expect(FastSearch.count("a - b - c", " - ") == 2)
        #expect(FastSearch.lastOffset("a - b - c", " - ") == 5)
    }
}

struct NameExtractorTests {
    @Test(arguments: [
        ("The Soviet Union sent Marshal Zhukov to Mongolia.", "Zhukov", "person"),
        ("Kwantung Army Commander Yamada Otsuzo surrendered.", "Yamada Otsuzo", "person"),
        ("The Yalta Conference took place at the Livadia Palace in February.", "Yalta", "name"),
        ("Japan signed the Portsmouth Peace Treaty with Russia.", "Portsmouth Peace", "name"),
        ("The army crossed the Hubutu River at night.", "Hubutu River", "place"),
    ])
    func englishNames(text: String, value: String, kind: String) {
        let names = NameExtractor.names(in: Fixtures.tokens(text), language: "en", taken: [])
        #expect(names.contains { $0.value == value && $0.kind.rawValue == kind })
    }

    @Test(arguments: [
        ("إلا أنه تم تسميتها باسم معركة منشوريا الكبرى.", "منشوريا الكبرى"),
        ("وقع الطرفان اتفاقية يالطا عام 1945.", "يالطا"),
    ])
    func arabicNames(text: String, value: String) {
        let names = NameExtractor.names(in: Fixtures.tokens(text), language: "ar", taken: [])
        #expect(names.map(\.value) == [value])
    }

    @Test func arabicListOfOperationsIsNotABlank() {
        let text = "وكانت العمليات هي عملية هاربين كيرين وعملية كنعان موكدن."
        #expect(NameExtractor.names(in: Fixtures.tokens(text), language: "ar", taken: []).isEmpty)
    }

    @Test func nameCardWhenNothingGivesItAway() throws {
        let dir = TempDir()
        dir.write(
            "n.txt",
            "The Soviet Union sent Marshal Zhukov to command the troops on the Mongolian border.\nIn the east, Marshal Vasilevsky led the Soviet offensive in Manchuria.\nAt Moscow, Marshal Timoshenko defended the capital against the German attack.\nIn Poland, Marshal Konev crossed the Vistula with his front.\n"
        )
        let cards = Fixtures.build([dir.url.path]).deck.cards
        let cloze = try #require(cards.first { $0.kind == .cloze && $0.answer == "Zhukov" })
        #expect(cloze.answerType == .person)
        #expect(cloze.prompt.contains("Marshal [person]"))
        let choice = cards.first { $0.kind == .choice && $0.answer == "Zhukov" }
        #expect(choice.map { Set($0.choices) == ["Zhukov", "Vasilevsky", "Timoshenko", "Konev"] } ?? true)
    }
}
