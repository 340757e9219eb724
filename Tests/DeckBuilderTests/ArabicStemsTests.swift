import Foundation
import Testing

@testable import DeckBuilder

/// The byte readings of this round (Arabic stems, the figure and sentence-gate shortcuts) give what
/// the string readings they stand in for give.
@Suite struct ArabicStemsTests {
    static let words = [
        "مارس", "ومارس", "بمارس", "وبمارس", "ولمارس", "وفمارس", "وكمارس", "ومار", "و", "وب", "وبم", "آب", "واب", "فآب",
        "عملية", "وعملية", "لعملية", "ثلاثة", "وثلاثة", "بثلاثة", "وفثلاثة", "ﻻ", "مارِس", "ومارِس", "وَمارس", "مـارس",
        "كانون", "وكانون", "تشرين", "بتشرين", "كـانون", "تشرينن", "اكانون", "ألف", "آلاف", "والف", "x", "", "Mar",
        "و\r", "وx", "و١٩٤٥", "؀و",
        "و\u{0600}ب", "و\u{06DD}", "و\u{200D}ب", "ك", "كك", "ككك", "شهر", "الشهر", "بالشهر", "عام", "والعام", "في",
        "وفي", "منذ", "حتى", "ٱلعام", "ۀ", "وۀ", "إبريل", "وإبريل", "إ\u{0654}", "ا\u{0653}ب", "معركة", "ومعركة",
        "معركةٌ", "بمؤتمر", "ولمؤتمر", "عمليات", "اتفاقيه", "مليون", "وألف", "بعشرين", "وبخمسة", "من", "ومن", "التي",
        "إلى", "الى", "هو", "أيار", "وأيار", "فبراير", "يوليه", "وجويلية", "مؤتمر", "اتفاقية", "لاتفاقية",
        "ثلاثة\u{064C}", "خمس\u{0651}", "ثماني", "وثماني", "ستة", "ست", "بست", "ا\u{0653}لاف", "ء", "ثمانئ",
        "ثماني\u{0654}",
    ]

    /// `DateExtractor.firstStem` as it read every word before the byte path.
    static func slowForms(_ word: Substring) -> [String] {
        var forms: [String] = []
        _ = DateExtractor.slowFirstStem(word) { form -> Bool? in
            forms.append(form)
            return nil
        }
        return forms
    }

    @Test(arguments: words)
    func stemsAreTheCharacterReadings(_ word: String) {
        for w in [Substring(word), ("x" + word + "y").dropFirst().dropLast()] {
            #expect(DateExtractor.arabicStem(w) == Self.slowForms(w), "\(word)")
            let tables: [[String]] = [
                Array(MonthNames.arabicSingle.keys), Array(FigureExtractor.arabicNumberWords.keys),
                Array(NameExtractor.arabicHeads.words), Array(DateExtractor.arabicYearWords.words),
            ]
            let stems = ArabicStems(w)
            for table in tables {
                let filter = StemFilter(table)
                let hit = Self.slowForms(w).contains { table.contains($0) }
                // A form in the table is never filtered out.
                if hit { #expect(filter.mayContainStem(stems), "\(word)") }
            }
            #expect(ArabicStems.startsWithWaw(w) == w.hasPrefix("و"), "\(word)")
            #expect(
                NameExtractor.arabicHead(w) == Self.slowForms(w).first { NameExtractor.arabicHeads.words.contains($0) },
                "\(word)")
            if stems.simple {
                #expect(stems.count == w.count, "\(word)")
                #expect(stems.tatweel == FastSearch.foundationContains(w, "ـ"), "\(word)")
                #expect(stems.endsInPairHead == (w.hasSuffix("كانون") || w.hasSuffix("تشرين")), "\(word)")
            }
        }
    }

    /// The exact byte tables answer as the string tables they stand in for, for every simple word.
    @Test(arguments: words)
    func stemTablesAsStringTables(_ word: String) {
        for w in [Substring(word), ("x" + word + "y").dropFirst().dropLast()] {
            var text = w
            let stems = ArabicStems(w)
            let forms = Self.slowForms(w)
            // The last-letter filter never refuses a word with a form in the table, simple or not.
            if forms.contains(where: { FigureExtractor.arabicNumberWords.entries[$0] != nil }) {
                #expect(text.withUTF8 { FigureExtractor.arabicNumberTable.mayEndAsKey($0) }, "\(word)")
            }
            guard stems.simple else { continue }
            text.withUTF8 { u in
                let month = MonthNames.arabicSingleTable.firstStem(stems, u)
                let slowMonth = forms.lazy.compactMap { MonthNames.arabicSingle.entries[$0] }.first
                #expect(month?.month == slowMonth?.month && month?.levantine == slowMonth?.levantine, "\(word)")
                #expect(
                    FigureExtractor.arabicNumberTable.firstStem(stems, u)
                        == forms.lazy.compactMap { FigureExtractor.arabicNumberWords.entries[$0] }.first, "\(word)")
                #expect(
                    NameExtractor.arabicHeadTable.firstStem(stems, u)
                        == forms.first { NameExtractor.arabicHeads.words.contains($0) }, "\(word)")
            }
            #expect(NameExtractor.arabicStopTable.holds(w) == NameExtractor.arabicStops.words.contains(String(w)))
            #expect(
                FigureExtractor.arabicCountedStopTable.holds(w)
                    == FigureExtractor.arabicCountedStops.words.contains(String(w)))
        }
    }

    /// `arabicMonthAt` as it read every word before the byte filter.
    static func slowMonthAt(_ t: [Token], _ i: Int) -> (month: Int, levantine: Bool, next: Int)? {
        guard i < t.count, t[i].kind == .word, let b = t[i].text.utf8.first,
            b == 0xD8 || b == 0xD9 || b == 0xDA || b == 0xDB
        else { return nil }
        let raw = t[i].text
        let bare = raw.count > 2 && "وفبلك".contains(raw.first ?? " ") ? raw.dropFirst() : raw[...]
        if MonthNames.arabicSingle.entries[String(raw)] == nil, MonthNames.arabicSingle.entries[String(bare)] == nil,
            !(raw.hasSuffix("كانون") || raw.hasSuffix("تشرين")), !FastSearch.foundationContains(raw, "ـ")
        {
            return nil
        }
        for form in slowForms(raw) {
            if i + 1 < t.count, t[i + 1].kind == .word, let m = MonthNames.arabicPair(form, String(t[i + 1].text)) {
                return (m, true, i + 2)
            }
            if let hit = MonthNames.arabicSingle.entries[form] {
                let nearNumber = (i + 1 < t.count && t[i + 1].kind == .number) || (i > 0 && t[i - 1].kind == .number)
                let afterShahr = i > 0 && slowForms(t[i - 1].text).contains { $0 == "شهر" || $0 == "الشهر" }
                let beforeYear =
                    i + 2 < t.count
                    && (t[i + 1].text == "من" || DateExtractor.arabicYearWords.words.contains(String(t[i + 1].text)))
                if nearNumber || afterShahr || beforeYear { return (hit.month, hit.levantine, i + 1) }
            }
        }
        return nil
    }

    @Test(arguments: [
        "في 9 أغسطس 1945 أعلن الاتحاد السوفيتي الحرب", "وفي شهر آب من عام 1945", "بآب 1945", "ولمارس ١٩٤٥ م",
        "في كانون الثاني 1946", "بتشرين الأول عام 1945", "كـانون الثاني", "وفي مارِس 1945", "في مـارس 1945",
        "الشهر مارس من السنة", "وبأيار 1945", "فأيلول ١٩٤٥", "وكانون الأول", "The May 1945 offensive", "عملية أوت 1945",
        "ومارس 1945", "لمارس من عام", "مارس وحده", "آب الماضي", "في آب", "شهر اب", "بالشهر وآب", "ومايو عام 1945",
        "في 12 يونيو", "وأكتوبر ١٩٤٥", "في كانونـ الثاني 1946", "تشرينـ الأول", "في مارسـ 1945", "ومارِس ١٩٤٥",
        "في ا\u{0653}ب 1945", "في أيار\u{0651} 1945", "كانون\u{0651} الثاني", "في ك", "ب 1945", "و ١٩٤٥", "فبراير",
        "وفبراير من", "ماي 1945", "جويلية 1962", "في أوت", "تشرين",
        "تموز ١٩٤٥",
    ])
    func arabicMonthsAsByCharacters(_ text: String) {
        let t = Tokenizer.tokens(text)
        for i in t.indices {
            let fast = DateExtractor.arabicMonthAt(t, i)
            let slow = Self.slowMonthAt(t, i)
            #expect(fast?.month == slow?.month && fast?.levantine == slow?.levantine && fast?.next == slow?.next)
        }
    }

    @Test(arguments: [
        "1945", "600,000", "1,5", "007", "0", "1.5", "12,345.75", "999999999999999", "1234567890123456",
        "12345678901234567890", ",", "", "1,2,3",
    ])
    func numberValuesAsParsed(_ digits: String) {
        #expect(
            FigureExtractor.numberValue(digits)
                == Double(String(decoding: digits.utf8.filter { $0 != 0x2C }, as: UTF8.self)))
    }

    @Test func hedgeFilterKeepsEveryHedge() {
        for w in SentenceQuality.hedges.words { #expect(SentenceQuality.mayBeHedge(w), "\(w)") }
        for w in ["the", "war", "", "mayor", "probablyy", "allegedly"] {
            if SentenceQuality.hedges.contains(w) { #expect(SentenceQuality.mayBeHedge(w)) }
        }
    }

    @Test(arguments: ["only", "ly", "y", "", "italy", "lY", "fly", "l\u{0301}y", "ly\u{0301}", "supply", "ľy"])
    func lyByBytesAsBySuffix(_ w: String) {
        // The byte test may pass words `hasSuffix` refuses, never the reverse.
        if w.hasSuffix("ly") { #expect(SentenceQuality.endsInLY(w)) }
        if !SentenceQuality.endsInLY(w) { #expect(!w.hasSuffix("ly")) }
    }

    @Test(arguments: [
        "more than 500 men", "at least 20 ships", "nearly 300 tanks", "an estimated 40 guns", "no fewer than 9 men",
        "just over 12 days", "some 5 units", "500 men", "the 40 guns", "close to 70 aircraft", "up to 30 planes",
    ])
    func qualifiersAsByTheTable(_ text: String) {
        let t = Tokenizer.tokens(text)
        for i in t.indices {
            #expect(
                FigureExtractor.englishQualifierBefore(t, i)
                    == FigureExtractor.qualifierBefore(t, i, table: FigureExtractor.qualifiers))
        }
    }

    @Test(arguments: [
        "Marshal Zhukov and  the\tLivadia Palace", "600,000 Japanese soldiers", "", "a (b) c", "عملية  أوت",
    ])
    func phrasesAsByConcatenation(_ text: String) {
        let t = Tokenizer.tokens(text)
        for lo in 0...t.count {
            for hi in lo...t.count {
                var expected = ""
                for k in lo..<hi {
                    if k > lo, t[k].spaceBefore { expected += " " }
                    expected += t[k].text
                }
                #expect(FigureExtractor.phrase(t, lo..<hi) == expected)
                #expect(NameExtractor.join(t, lo..<hi) == expected)
            }
        }
    }
}

/// The figure extractor's byte readings of numbers and nouns.
@Suite struct FigureBytesTests {
    /// `singular` as it read every word before the byte path.
    static func slowSingular(_ w: String) -> String {
        if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("ss") || w.hasSuffix("us") { return w }
        if w == "people" || w == "men" { return w == "men" ? "man" : "person" }
        if w.hasSuffix("s"), w.count > 3 { return String(w.dropLast()) }
        return w
    }

    @Test(arguments: [
        "soldiers", "ties", "armies", "ies", "pies", "class", "bus", "people", "men", "gas", "tanks", "s", "", "it",
        "divisions-long-word-over-fifteen", "cafés", "ﬁles", "naïves", "men\r", "übers", "x\u{0301}s", "ships",
    ])
    func singularAsByCharacters(_ w: String) {
        #expect(FigureExtractor.singular(w) == Self.slowSingular(w))
    }

    @Test(arguments: ["1945", "600,000", "١٩٤٥", "12٫5", "9", "19526", "1,000,000,000,000"])
    func westernDigitsAsScript(_ text: String) {
        #expect(FigureExtractor.westernDigits(Substring(text)) == Script.westernDigits(Substring(text)))
    }

    @Test(arguments: [
        "300-man unit", "40° north", "12º", "19% of men", "20 percent of", "5 per cent of", "500 men", "7 -",
        "more than 20 ships", "nearly 1.5 million people", "twenty-four tanks", "3 %", "8 ° C",
    ])
    func figuresAsBefore(_ text: String) {
        let t = Tokenizer.tokens(text)
        let got = FigureExtractor.figures(in: t, language: "en", taken: [])
        // Each figure's value and spans are what its words say (a regression net for the byte reads).
        for f in got {
            #expect(!f.tokens.isEmpty)
            #expect(f.value.surface.isEmpty == false)
        }
        if text.hasPrefix("300-") || text.hasPrefix("40°") || text.hasPrefix("12º") || text.hasPrefix("7 -") {
            #expect(got.isEmpty)
        }
        if text.contains("%") || text.contains("percent") || text.contains("per cent") {
            #expect(got.first?.value.isPercent == true)
        }
    }
}
