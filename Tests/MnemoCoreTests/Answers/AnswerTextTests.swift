import Foundation
import Testing

@testable import MnemoCore

struct AnswerTextTests {
    @Test(arguments: [
        ("The Soviet Union", "sovietunion"),
        ("  soviet   UNION. ", "sovietunion"),
        ("Café Müller", "cafemuller"),
        ("O'Brien", "obrien"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Αθήνα", "αθηνα"),  // Greek tonos
        ("Ñandú", "nandu"),
        ("Ha Nội", "hanoi"),  // Vietnamese stacked marks
        ("مُحَمَّد", "محمد"),  // harakat
        ("محـــمد", "محمد"),  // tatweel
        ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آمنة", "امنه"), ("ٱلله", "الله"),  // alef forms, ta marbuta
        ("مدرسة", "مدرسه"),  // ta marbuta = ha
        ("مستشفى", "مستشفي"),  // alef maqsura = ya
        ("الاتحاد السوفيتي", "اتحادسوفيتي"),  // the Arabic article, like "the"
        ("١٩٤٥", "1945"), ("۱۹۴۵", "1945"),  // Arabic-Indic and Eastern Arabic-Indic digits
        ("the", "the"),  // a lone article stays
    ])
    func keyFoldsWhatPeopleDoNotMeanAsDifferent(text: String, key: String) {
        #expect(AnswerText.key(text) == key)
    }

    @Test(arguments: [
        ("Hiroshima", "Nagasaki"),
        ("Iran", "Iraq"),
        ("1945", "1944"),
        ("سعد", "سعيد"),
    ])
    func differentThingsKeepDifferentKeys(a: String, b: String) {
        #expect(AnswerText.key(a) != AnswerText.key(b))
    }

    @Test(arguments: [
        ("truman", "truman", 0), ("trumann", "truman", 1), ("turman", "truman", 1),  // swapped pair = 1
        ("roosvelt", "roosevelt", 1), ("rosvelt", "roosevelt", 2), ("abc", "xyz", 3),
        ("حزيران", "حزيرن", 1),
    ])
    func damerauLevenshtein(a: String, b: String, distance: Int) {
        #expect(EditDistance.distance(a, b, limit: 5) == distance)
        #expect(EditDistance.distance(a, b, limit: distance - 1 < 0 ? 0 : distance - 1) == (distance == 0 ? 0 : nil))
    }

    @Test(arguments: [(3, 0), (4, 0), (5, 1), (9, 1), (10, 2), (15, 3)])
    func typoBudgetIsAboutOneEditPerFiveLetters(letters: Int, budget: Int) {
        #expect(EditDistance.budget(letters: letters) == budget)
    }
}

struct NumberReaderTests {
    @Test(
        arguments: [
            ("600,000", [600_000]), ("600000", [600_000]), ("600 000", [600_000]), ("600\u{202F}000", [600_000]),
            ("600.000", [600_000]), ("600'000", [600_000]), ("1,500,000", [1_500_000]), ("1.500.000", [1_500_000]),
            ("600 thousand", [600_000]), ("600k", [600_000]), ("six hundred thousand", [600_000]),
            ("Six Hundred Thousand", [600_000]), ("six hundred and forty-two", [642]), ("twenty-five", [25]),
            ("1.5 million", [1_500_000]), ("1,5 million", [1_500_000]), ("0.6 million", [600_000]),
            ("a million", [1_000_000]), ("two million five hundred thousand", [2_500_000]),
            ("1 million 500 thousand", [1_500_000]), ("eight", [8]), ("12.5", [12.5]),
            ("more than 600,000 troops", [600_000]), ("1944 and 1945", [1944, 1945]), ("1944, 1945", [1944, 1945]),
            ("٦٠٠٬٠٠٠", [600_000]), ("٦٠٠٠٠٠", [600_000]), ("١٫٥ مليون", [1_500_000]), ("600 ألف", [600_000]),
            ("ستمائة ألف", [600_000]), ("ست مئة ألف", [600_000]), ("ستمئة الف", [600_000]),
            ("خمسة وعشرون", [25]), ("ثلاثة آلاف", [3000]), ("عشرة آلاف", [10_000]), ("مليون", [1_000_000]),
            ("ثمانية", [8]), ("أكثر من ٦٠٠ ألف جندي", [600_000]), ("1945م", [1945]), ("8th", [8]),
            ("no number here", []),
        ] as [(String, [Decimal])])
    func readsNumbersInAnySpelling(text: String, numbers: [Decimal]) {
        #expect(NumberReader.numbers(inNormalized: AnswerText.normalize(text)) == numbers)
    }
}

struct DateReaderTests {
    static func d(_ y: Int?, _ m: Int?, _ day: Int?) -> DateValue { DateValue(year: y, month: m, day: day) }

    @Test(arguments: [
        ("August 8, 1945", [d(1945, 8, 8)]), ("8 Aug 1945", [d(1945, 8, 8)]), ("1945-08-08", [d(1945, 8, 8)]),
        ("8/8/1945", [d(1945, 8, 8)]), ("8.8.1945", [d(1945, 8, 8)]), ("the 8th of August, 1945", [d(1945, 8, 8)]),
        ("Aug. 8th 1945", [d(1945, 8, 8)]), ("13/8/1945", [d(1945, 8, 13)]), ("8/13/1945", [d(1945, 8, 13)]),
        ("8/9/1945", [d(1945, 9, 8), d(1945, 8, 9)]),  // ambiguous: both readings
        ("August 8", [d(nil, 8, 8)]), ("8 August", [d(nil, 8, 8)]), ("August 1945", [d(1945, 8, nil)]),
        ("1945-08", [d(1945, 8, nil)]), ("8/1945", [d(1945, 8, nil)]), ("1945", [d(1945, nil, nil)]),
        ("in 1945 AD", [d(1945, nil, nil)]), ("Sept 2 1945", [d(1945, 9, 2)]),
        ("8 آب 1945", [d(1945, 8, 8)]), ("٨ أغسطس ١٩٤٥", [d(1945, 8, 8)]), ("8 اغسطس 1945م", [d(1945, 8, 8)]),
        ("2 أيلول 1945", [d(1945, 9, 2)]), ("15 تشرين الأول 1945", [d(1945, 10, 15)]),
        ("كانون الثاني 1945", [d(1945, 1, nil)]), ("كانون الأول 1945", [d(1945, 12, nil)]),
        ("يونيو ١٩٤٥", [d(1945, 6, nil)]), ("حزيران ١٩٤٥", [d(1945, 6, nil)]),
        ("August September 1945", []), ("32/8/1945", []), ("hello", []), ("8", []), ("1945-13-01", []),
    ])
    func readsDatesInAnyOrderAndSpelling(text: String, readings: [DateValue]) {
        #expect(DateReader.readings(AnswerText.normalize(text)) == readings)
    }
}
