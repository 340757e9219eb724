import Foundation

/// Folding of typed and expected answers for comparison only (never for display):
/// lower case; Latin diacritics dropped; Arabic harakat, tatweel and hamza dropped, alef forms
/// to bare alef, ta marbuta to ha, alef maqsura to ya; Arabic-Indic and Eastern Arabic-Indic
/// digits to ASCII (with the Arabic decimal and thousands separators to "." and ",").
/// Punctuation is kept here, because numbers and dates need it; `words` drops it.
enum AnswerText {
    static func normalize(_ text: String) -> String {
        let lower = text.lowercased()
        // Only Latin letters with diacritics need canonical decomposition (Arabic hamza forms are
        // mapped below), and Foundation's NFD is the slow part: skip it for plain ASCII or Arabic.
        let needsDecomposition = lower.unicodeScalars.contains {
            (0x00C0...0x052F).contains($0.value) || (0x1E00...0x1FFF).contains($0.value)
        }
        let source = needsDecomposition ? lower.decomposedStringWithCanonicalMapping : lower
        var out = String.UnicodeScalarView()
        for scalar in source.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0660...0x0669: out.append(Unicode.Scalar(UInt8(v - 0x0660 + 0x30)))
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(UInt8(v - 0x06F0 + 0x30)))
            case 0x066B: out.append(".")  // Arabic decimal separator
            case 0x066C, 0x060C: out.append(",")  // Arabic thousands separator, Arabic comma
            case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
                continue  // Latin combining marks
            case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED:
                continue  // harakat, hamza above/below, superscript alef, Quranic marks
            case 0x0640, 0x0621:
                continue  // tatweel, standalone hamza
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: out.append("\u{0627}")  // alef forms → ا
            case 0x0629: out.append("\u{0647}")  // ة → ه
            case 0x0649, 0x06CC: out.append("\u{064A}")  // ى, Farsi ya → ي
            case 0x06A9: out.append("\u{0643}")  // Farsi kaf → ك
            case 0x0624: out.append("\u{0648}")  // ؤ → و
            case 0x0626: out.append("\u{064A}")  // ئ → ي
            case 0x0027, 0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4: continue  // apostrophes: o'brien = obrien
            case 0x00DF: out.append(contentsOf: "ss".unicodeScalars)
            case 0x00E6: out.append(contentsOf: "ae".unicodeScalars)
            case 0x0153: out.append(contentsOf: "oe".unicodeScalars)
            case 0x00F8: out.append("o")
            case 0x0142: out.append("l")
            case 0x0111: out.append("d")
            case 0x0131: out.append("i")
            case 0x00A0, 0x202F, 0x2009, 0x2007: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Words of a normalized text: runs of letters and digits; everything else separates.
    static func words(_ normalized: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) }
        if (0x0621...0x064A).contains(v) { return true }  // Arabic letters, the common case after ASCII
        return scalar.properties.isAlphabetic
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool { (0x0620...0x06FF).contains(scalar.value) }

    private static let englishArticles: Set<String> = ["the", "a", "an"]

    /// Words for comparing names and phrases: a leading English article dropped, the Arabic
    /// article "ال" dropped from each word of five letters or more (so "الاتحاد" = "اتحاد").
    static func comparableWords(_ text: String) -> [String] { comparableWords(normalized: normalize(text)) }

    static func comparableWords(normalized: String) -> [String] {
        var list = words(normalized)
        if list.count > 1, let first = list.first, englishArticles.contains(first) { list.removeFirst() }
        return list.map { smallNumbers[$0] ?? withoutArabicArticle($0) }
    }

    /// Small numbers written as words or Roman numerals read as digits inside names and phrases:
    /// "World War Two" = "World War II" = "World War 2". Single letters (i, v, x) stay letters.
    static let smallNumbers: [String: String] = {
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
        let roman = [
            "", "", "ii", "iii", "iv", "", "vi", "vii", "viii", "ix", "", "xi", "xii", "xiii", "xiv", "xv", "xvi",
            "xvii", "xviii", "xix", "xx",
        ]
        var table: [String: String] = [:]
        for (value, word) in words.enumerated() { table[word] = String(value) }
        for (value, numeral) in roman.enumerated() where !numeral.isEmpty { table[numeral] = String(value) }
        return table
    }()

    /// Titles before a person's name, left out when comparing people ("President Truman" = "Truman").
    static let titles: Set<String> = Set(
        [
            "president", "general", "gen", "marshal", "admiral", "emperor", "king", "queen", "prince", "princess",
            "sir", "lord", "dr", "mr", "mrs", "ms", "premier", "chairman", "prime", "minister", "field", "colonel",
            "captain", "lieutenant", "commander", "secretary", "senator", "pope", "tsar", "czar", "shah", "sultan",
            "الرئيس", "رئيس", "الملك", "الجنرال", "المارشال", "الأميرال", "الإمبراطور", "الامبراطور", "الأمير",
            "الشيخ", "السلطان", "الزعيم", "القائد", "المشير", "الفريق", "اللواء", "العقيد", "الوزير", "وزير",
        ].map { withoutArabicArticle(normalize($0)) })

    static func withoutArabicArticle(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        if scalars.count >= 5, scalars[0] == "\u{0627}", scalars[1] == "\u{0644}" {
            return String(String.UnicodeScalarView(scalars.dropFirst(2)))
        }
        return word
    }

    /// The comparison key of a text: its comparable words joined without spaces
    /// (case, spacing and punctuation ignored).
    static func key(_ text: String) -> String { comparableWords(text).joined() }

}

/// A text with its folded forms computed once: typed answers are compared with several forms.
struct PreparedText {
    let text: String
    let normalized: String
    let words: [String]
    let key: String

    init(_ text: String) {
        self.text = text
        normalized = AnswerText.normalize(text)
        words = AnswerText.comparableWords(normalized: normalized)
        key = words.joined()
    }
}
