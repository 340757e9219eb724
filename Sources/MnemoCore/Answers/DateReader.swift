/// A calendar date at the precision it was given: a year, a month of a year, a day of a month…
struct DateValue: Hashable, Sendable {
    var year: Int?
    var month: Int?
    var day: Int?

    /// True when `other` gives every part this date has, with the same value.
    func isSatisfied(by other: DateValue) -> Bool {
        (year == nil || other.year == year) && (month == nil || other.month == month)
            && (day == nil || other.day == day)
    }

    /// True when `other` gives no part with a different value (it may lack some).
    func agrees(with other: DateValue) -> Bool {
        (year == nil || other.year == nil || other.year == year)
            && (month == nil || other.month == nil || other.month == month)
            && (day == nil || other.day == nil || other.day == day)
    }
}

/// Reads dates in any common order and spelling (after `AnswerText.normalize`): "August 8, 1945",
/// "8 Aug 1945", "the 8th of August", "1945-08-08", "8/8/1945", "8.8.1945", "1945",
/// "8 آب 1945", "٨ أغسطس ١٩٤٥", "8 تشرين الأول 1945". Gregorian only; no part is ever
/// filled in from today.
enum DateReader {
    /// The possible readings of a text as a date: one, two when a numeric form such as 8/9/1945
    /// can be read day-first or month-first, none when it is not a date.
    static func readings(_ normalized: String) -> [DateValue] {
        var months: [Int] = []
        var numbers: [(value: Int, digits: Int)] = []
        let words = AnswerText.words(normalized).flatMap(splitDigitsFromLetters)
        var i = 0
        while i < words.count {
            let word = words[i]
            if let first = word.unicodeScalars.first, ("0"..."9").contains(first) {
                guard word.count <= 4, let value = Int(word) else { return [] }
                numbers.append((value, word.count))
            } else if i + 1 < words.count, let month = monthBigrams["\(word) \(words[i + 1])"] {
                months.append(month)
                i += 1
            } else if let month = monthNames[word] {
                months.append(month)
            }
            i += 1
        }
        if months.count > 1 { return [] }
        if let month = months.first { return withMonthName(month, numbers) }
        return numericOnly(numbers)
    }

    /// True when every word of the text is part of a date (a number, a month name, "of", "the",
    /// an ordinal suffix…): "August 8, 1945" is, "March on Rome" is not.
    static func isPlainDate(_ normalized: String) -> Bool {
        let words = AnswerText.words(normalized).flatMap(splitDigitsFromLetters)
        var i = 0
        while i < words.count {
            let word = words[i]
            if i + 1 < words.count, monthBigrams["\(word) \(words[i + 1])"] != nil {
                i += 2
                continue
            }
            let isNumber = word.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false
            guard isNumber || monthNames[word] != nil || fillers.contains(word) else { return false }
            i += 1
        }
        return !words.isEmpty
    }

    static let fillers: Set<String> = Set(
        ["the", "of", "on", "in", "st", "nd", "rd", "th", "ad", "ce", "عام", "سنة", "في", "م", "يوم", "من", "شهر"]
            .map(AnswerText.normalize))

    private static func withMonthName(_ month: Int, _ numbers: [(value: Int, digits: Int)]) -> [DateValue] {
        let days = numbers.filter { $0.digits <= 2 && (1...31).contains($0.value) }
        let years = numbers.filter { $0.digits >= 3 }
        guard days.count <= 1, years.count <= 1, days.count + years.count == numbers.count else { return [] }
        return [DateValue(year: years.first?.value, month: month, day: days.first?.value)]
    }

    private static func numericOnly(_ numbers: [(value: Int, digits: Int)]) -> [DateValue] {
        let isYear = { (n: (value: Int, digits: Int)) in n.digits >= 3 }
        let isSmall = { (n: (value: Int, digits: Int)) in n.digits <= 2 && n.value >= 1 }
        switch numbers.count {
        case 1 where isYear(numbers[0]):
            return [DateValue(year: numbers[0].value)]
        case 2 where isYear(numbers[0]) && isSmall(numbers[1]) && numbers[1].value <= 12:
            return [DateValue(year: numbers[0].value, month: numbers[1].value)]
        case 2 where isSmall(numbers[0]) && numbers[0].value <= 12 && isYear(numbers[1]):
            return [DateValue(year: numbers[1].value, month: numbers[0].value)]
        case 2 where isSmall(numbers[0]) && isSmall(numbers[1]):
            return dayMonth(numbers[0].value, numbers[1].value, year: nil)
        case 3 where numbers[0].digits == 4 && isSmall(numbers[1]) && isSmall(numbers[2]):
            let value = DateValue(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value)
            return numbers[1].value <= 12 && numbers[2].value <= 31 ? [value] : []
        case 3 where isSmall(numbers[0]) && isSmall(numbers[1]) && isYear(numbers[2]):
            return dayMonth(numbers[0].value, numbers[1].value, year: numbers[2].value)
        default:
            return []
        }
    }

    /// "a/b": day-first and month-first readings that are valid dates.
    private static func dayMonth(_ a: Int, _ b: Int, year: Int?) -> [DateValue] {
        var readings: [DateValue] = []
        if b <= 12 && a <= 31 { readings.append(DateValue(year: year, month: b, day: a)) }
        if a <= 12 && b <= 31 && a != b { readings.append(DateValue(year: year, month: a, day: b)) }
        return readings
    }

    /// "8th" → "8", "th"; "1945م" → "1945", "م".
    private static func splitDigitsFromLetters(_ word: String) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var currentIsDigit = false
        for scalar in word.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            if !current.isEmpty && isDigit != currentIsDigit {
                parts.append(String(current))
                current = String.UnicodeScalarView()
            }
            currentIsDigit = isDigit
            current.append(scalar)
        }
        if !current.isEmpty { parts.append(String(current)) }
        return parts
    }

    // MARK: Month names (normalized keys)

    private static let monthTable: [(Int, [String])] = [
        (1, ["january", "jan", "يناير", "كانون الثاني", "كانون ثاني", "جانفي", "ينير"]),
        (2, ["february", "feb", "فبراير", "شباط", "فيفري", "فبراير"]),
        (3, ["march", "mar", "مارس", "آذار", "اذار"]),
        (4, ["april", "apr", "أبريل", "إبريل", "ابريل", "نيسان", "أفريل"]),
        (5, ["may", "مايو", "أيار", "ماي"]),
        (6, ["june", "jun", "يونيو", "يونيه", "حزيران", "جوان"]),
        (7, ["july", "jul", "يوليو", "يوليه", "تموز", "جويلية", "جويلية"]),
        (8, ["august", "aug", "أغسطس", "اغسطس", "آب", "أوت", "غشت"]),
        (9, ["september", "sep", "sept", "سبتمبر", "أيلول", "شتنبر"]),
        (10, ["october", "oct", "أكتوبر", "تشرين الأول", "تشرين أول", "اكتوبر"]),
        (11, ["november", "nov", "نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"]),
        (12, ["december", "dec", "ديسمبر", "كانون الأول", "كانون أول", "دجنبر"]),
    ]

    static let monthNames: [String: Int] = {
        var table: [String: Int] = [:]
        for (month, names) in monthTable {
            for name in names where !name.contains(" ") { table[AnswerText.normalize(name)] = month }
        }
        return table
    }()

    static let monthBigrams: [String: Int] = {
        var table: [String: Int] = [:]
        for (month, names) in monthTable {
            for name in names where name.contains(" ") { table[AnswerText.normalize(name)] = month }
        }
        return table
    }()

    /// English month names, for notes ("8 September 1945").
    static let englishNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
