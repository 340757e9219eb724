import Foundation

/// Reads the numbers in an answer, exactly, in any common spelling: "600,000", "600 000",
/// "600.000", "600000", "600k", "600 thousand", "six hundred thousand", "1.5 million",
/// "ستمائة ألف", "ست مئة ألف", "٦٠٠٬٠٠٠" (after `AnswerText.normalize`).
enum NumberReader {
    enum Token: Equatable {
        case numeral(Decimal)
        case word(String)
        /// Punctuation that ends a number (a comma between numbers, a slash, a bracket).
        case stop
    }

    /// Every number in a normalized text, in order.
    static func numbers(inNormalized text: String) -> [Decimal] {
        numbers(in: tokens(text))
    }

    /// True when the text starts (after qualifiers such as "more than", "about", "نحو") with a number:
    /// "more than 600,000 troops", "about 8", "eight". Such an answer is checked as a number.
    static func leadsWithNumber(_ normalized: String) -> Bool {
        for token in tokens(normalized) {
            switch token {
            case .numeral: return true
            case .word(let word):
                if qualifiers.contains(word) { continue }
                return isNumberWord(word)
            case .stop: return false
            }
        }
        return false
    }

    // MARK: Tokens

    static func tokens(_ text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if isDigit(c) {
                let (value, next) = numeral(s, from: i)
                i = next
                var suffix = String.UnicodeScalarView()
                while i < s.count, AnswerText.isWordScalar(s[i]), !isDigit(s[i]) {
                    suffix.append(s[i])
                    i += 1
                }
                let word = String(suffix)
                if let factor = suffixFactors[word] {
                    tokens.append(.numeral(value * factor))
                } else {
                    tokens.append(.numeral(value))
                    if !word.isEmpty && !ignoredSuffixes.contains(word) { tokens.append(.word(word)) }
                }
            } else if AnswerText.isWordScalar(c) {
                var word = String.UnicodeScalarView()
                while i < s.count, AnswerText.isWordScalar(s[i]), !isDigit(s[i]) {
                    word.append(s[i])
                    i += 1
                }
                tokens.append(.word(String(word)))
            } else {
                if stops.contains(c), tokens.last != .stop { tokens.append(.stop) }
                i += 1
            }
        }
        return tokens
    }

    /// A numeral at `start`: digits, thousands grouped by one consistent separator
    /// ("," " " "'" or "." followed by exactly three digits), then an optional fraction
    /// ("." or, when "." grouped or a comma is followed by one or two digits, ",").
    static func numeral(_ s: [Unicode.Scalar], from start: Int) -> (Decimal, Int) {
        var i = start
        var integer = ""
        while i < s.count, isDigit(s[i]) {
            integer.unicodeScalars.append(s[i])
            i += 1
        }
        var groupSeparator: Unicode.Scalar?
        if integer.count <= 3 {
            while true {
                guard i + 3 < s.count, [",", " ", "'", "."].contains(s[i]),
                    groupSeparator == nil || groupSeparator == s[i],
                    isDigit(s[i + 1]), isDigit(s[i + 2]), isDigit(s[i + 3]),
                    i + 4 >= s.count || !isDigit(s[i + 4])
                else { break }
                groupSeparator = s[i]
                integer.unicodeScalars.append(contentsOf: s[(i + 1)...(i + 3)])
                i += 4
            }
        }
        var fraction = ""
        if i + 1 < s.count, isDigit(s[i + 1]) {
            let separator = s[i]
            var j = i + 1
            var digits = ""
            while j < s.count, isDigit(s[j]) {
                digits.unicodeScalars.append(s[j])
                j += 1
            }
            let decimalPoint = separator == "." && groupSeparator != "."
            let decimalComma = separator == "," && groupSeparator != "," && (groupSeparator == "." || digits.count <= 2)
            if decimalPoint || decimalComma {
                fraction = digits
                i = j
            }
        }
        let text = fraction.isEmpty ? integer : "\(integer).\(fraction)"
        return (Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0, i)
    }

    // MARK: Words to numbers

    static func numbers(in tokens: [Token]) -> [Decimal] {
        var result: [Decimal] = []
        var total: Decimal = 0
        var current: Decimal = 0
        var inNumber = false
        var afterScale = false
        func flush() {
            if inNumber { result.append(total + current) }
            total = 0
            current = 0
            inNumber = false
            afterScale = false
        }
        for (index, token) in tokens.enumerated() {
            switch token {
            case .numeral(let value):
                if inNumber && !afterScale { flush() }
                current = value
                inNumber = true
                afterScale = false
            case .stop:
                flush()
            case .word(let raw):
                let next: String? = {
                    guard index + 1 < tokens.count, case .word(let w) = tokens[index + 1] else { return nil }
                    return w
                }()
                var word = raw
                if inNumber, !isNumberWord(word), word.unicodeScalars.first == "\u{0648}" {  // و-prefix: وعشرون
                    let rest = String(String.UnicodeScalarView(word.unicodeScalars.dropFirst()))
                    if isNumberWord(rest) { word = rest }
                }
                if let unit = units[word] {
                    if inNumber && !afterScale && isWholeNumeralJustRead(tokens, before: index) { flush() }
                    current += unit
                    inNumber = true
                    afterScale = false
                } else if hundredWords.contains(word) {
                    current = (current == 0 ? 1 : current) * 100
                    inNumber = true
                    afterScale = false
                } else if let scale = scales[word] {
                    total += (current == 0 ? 1 : current) * scale
                    current = 0
                    inNumber = true
                    afterScale = true
                } else if (word == "and" || word == "\u{0648}") && inNumber, let next, isNumberWord(next) {
                    continue
                } else if word == "a", !inNumber, let next, hundredWords.contains(next) || scales[next] != nil {
                    continue
                } else {
                    flush()
                }
            }
        }
        flush()
        return result
    }

    private static func isWholeNumeralJustRead(_ tokens: [Token], before index: Int) -> Bool {
        guard index > 0, case .numeral = tokens[index - 1] else { return false }
        return true
    }

    static func isNumberWord(_ word: String) -> Bool {
        units[word] != nil || hundredWords.contains(word) || scales[word] != nil
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    // MARK: Tables (keys are normalized with AnswerText.normalize)

    private static func folded(_ table: [String: Decimal]) -> [String: Decimal] {
        var out: [String: Decimal] = [:]
        for (key, value) in table { out[AnswerText.normalize(key)] = value }
        return out
    }

    static let units: [String: Decimal] = folded([
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "صفر": 0, "واحد": 1, "واحدة": 1, "إحدى": 1, "أحد": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
        "اثنا": 2, "اثني": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6,
        "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
        "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50,
        "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
        "تسعون": 90, "تسعين": 90,
        "مائتان": 200, "مئتان": 200, "مائتين": 200, "مئتين": 200, "ثلاثمائة": 300, "ثلاثمئة": 300,
        "أربعمائة": 400, "أربعمئة": 400, "خمسمائة": 500, "خمسمئة": 500, "ستمائة": 600, "ستمئة": 600,
        "سبعمائة": 700, "سبعمئة": 700, "ثمانمائة": 800, "ثمانمئة": 800, "تسعمائة": 900, "تسعمئة": 900,
        "ألفان": 2000, "ألفين": 2000, "مليونان": 2_000_000, "مليونين": 2_000_000,
    ])

    static let hundredWords: Set<String> = Set(["hundred", "مائة", "مئة"].map(AnswerText.normalize))

    static let scales: [String: Decimal] = folded([
        "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
        "k": 1000, "mn": 1_000_000, "bn": 1_000_000_000,
        "ألف": 1000, "آلاف": 1000, "ألفا": 1000, "مليون": 1_000_000, "ملايين": 1_000_000, "مليونا": 1_000_000,
        "مليار": 1_000_000_000, "مليارات": 1_000_000_000, "بليون": 1_000_000_000,
    ])

    /// Letters written straight after digits that scale the number ("600k", "1.5m").
    static let suffixFactors: [String: Decimal] = ["k": 1000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000]

    /// Letters after digits that change nothing: ordinals, plurals of decades, the Arabic "م" (AD).
    static let ignoredSuffixes: Set<String> = ["st", "nd", "rd", "th", "s", "\u{0645}", "ad", "ce"]

    static let stops: Set<Unicode.Scalar> = [",", ";", "/", "(", ")", "[", "]", "|", ":"]

    /// Words that may precede the number of an expected answer ("more than 600,000").
    static let qualifiers: Set<String> = Set(
        [
            "more", "than", "about", "around", "approximately", "nearly", "almost", "over", "some", "roughly",
            "at", "least", "up", "to", "under", "less", "fewer", "circa", "ca", "c", "only", "just", "exactly",
            "estimated", "an", "a", "the",
            "أكثر", "من", "نحو", "حوالي", "قرابة", "زهاء", "ما", "يقرب", "يزيد", "عن", "أقل", "حول", "تقريبا",
            "قرابه", "ما يقارب", "يقارب",
        ].map(AnswerText.normalize))
}
