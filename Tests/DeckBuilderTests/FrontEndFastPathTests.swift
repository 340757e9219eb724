import Foundation
import Testing

@testable import DeckBuilder

/// The byte-level paths of reading, line cleaning, sentence splitting and script detection give
/// what the scalar and Character code they replaced gives (kept here as the reference).
@Suite struct FrontEndFastPathTests {
    /// The repeated-line key as a byte-by-byte switch: digits, lower-case letters and every byte
    /// beyond ASCII kept, capitals lower-cased, the rest left out.
    static func plainKey(_ sub: Substring) -> String {
        String(
            decoding: sub.utf8.compactMap { b -> UInt8? in
                switch b {
                case 0x30...0x39, 0x61...0x7A, 0x80...: b
                case 0x41...0x5A: b | 0x20
                default: nil
                }
            }, as: UTF8.self)
    }

    static let texts = [
        "On August 9, 1945, the Soviet Union declared war on Japan.",
        "John F. Kennedy met Gen. Smith in the U.S. on Monday. Then he left.",
        "About 1.5 million troops and 600,000 prisoners. Another sentence.",
        "He said \"we won.\" Then they left. (It was over.) [Yes.] 'Quoted.' Next",
        "الحرب انتهت. ثم بدأت المفاوضات؟ نعم، بدأت.",
        "Siberia is cold.The temperature is low. cold.the end.",
        "It ended… Then peace came. 戦争は終わった。平和が来た。",
        "انتهت الحرب۔ ثم جاء السلام",
        "Japan’s army — “beaten”. It surrendered!  Tabs\tand spaces.\u{00A0}Next one.",
        "No terminator here at all",
        "Déjà vu. Éric left. école. Über alles. ÉCOLE. the first. used it as",
        "The Ḥarb al-ʿĀlamiyya. Straße. İstanbul fell. mid-1945 and the 1930s.",
        "في عام ١٩٤٥ انتهت الحرب. وفي ۱۹۴۶ بدأت.",
        "Ελληνικά κείμενα. Русский текст. Mixed الحرب and war.",
        "e\u{301}te\u{301}. A\u{301}. \u{1F600} emoji! x.y.z. a.m. Then",
        "   leading and trailing spaces.   ",
        "", " ", ".", "...", "?!", "\u{00A0}.\u{00A0}", "a.\u{2003}B", "١.٢", "ج. سمیت", "\u{212A}elvin. OK",
        "Line with a CR\r in it. And more.", "Current location - Home - News",
        "We use cookies. ملفات تعريف الارتباط", "THIRTY THOUSAND men in MARCH", "ﻻ Ab", "\u{2160}\u{2170}",
        "Twenty-five ARMIES. the fourteenth Century", "في شهر آب من عام", "أربعة عشر ألفا", "Kelvin \u{212A}",
    ]

    @Test(arguments: texts)
    func languageOnBytesMatchesScalars(_ text: String) {
        #expect(Script.language(of: text) == Script.scalarLanguage(of: text))
        let sub = text.dropFirst(min(2, text.count))
        #expect(Script.language(of: sub) == Script.scalarLanguage(of: sub))
    }

    @Test(arguments: texts)
    func sentenceLetterCountsAddUpToTheLine(_ text: String) {
        let counts = DocumentAnalyzer.letterCounts(of: SentenceSplitter.ranges(in: text), in: text)
        var sum = Script.LetterCounts()
        for c in counts { sum += c }
        #expect(sum.language == Script.scalarLanguage(of: text))
        for (r, c) in zip(SentenceSplitter.ranges(in: text), counts) {
            #expect(c.language == Script.scalarLanguage(of: text[r]))
        }
    }

    @Test(arguments: texts)
    func splitterOnBytesMatchesScalars(_ text: String) {
        let fast = SentenceSplitter.ranges(in: text)
        let slow = ReferenceSplitter.ranges(in: text)
        #expect(fast.map { String(text[$0]) } == slow.map { String(text[$0]) })
        #expect(fast == slow)
        for (a, b) in zip(fast, slow) {
            #expect(
                text.distance(from: text.startIndex, to: a.lowerBound)
                    == text.distance(from: text.startIndex, to: b.lowerBound))
        }
    }

    @Test(arguments: texts)
    func characterMeasureCountsCharacters(_ text: String) {
        let measure = CharacterMeasure(of: text)
        #expect(measure.count(of: text) == text.count)
        for range in SentenceSplitter.ranges(in: text) {
            #expect(
                measure.offset(of: range.lowerBound, in: text)
                    == text.distance(from: text.startIndex, to: range.lowerBound))
            #expect(measure.count(of: text[range]) == text[range].count)
        }
    }

    /// Every scalar the measure counts as a character stays one next to any other of the set.
    @Test func scalarsCountedAsCharactersNeverJoin() {
        let ranges: [ClosedRange<UInt32>] = [
            0x80...0x2FF, 0x60C...0x60C, 0x61B...0x61B, 0x61F...0x64A, 0x660...0x66D, 0x2010...0x2027, 0x2030...0x203E,
        ]
        let scalars = ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
        let neighbours = ["a", " ", "\u{0627}", "\u{00E9}", "\u{2019}", "1", "\u{0640}", "\u{00AD}"]
        for s in scalars {
            let one = String(Character(s))
            #expect(CharacterMeasure(of: one) == .scalars)
            for other in neighbours {
                #expect((other + one + one + other).count == 4)
            }
        }
        for v: UInt32 in [0x300, 0x301, 0x64B, 0x610, 0x670, 0x200C, 0x200D, 0x2028, 0x600, 0xFE0F, 0x1F600] {
            #expect(CharacterMeasure(of: "a" + String(Character(Unicode.Scalar(v)!))) == .characters)
        }
        #expect(CharacterMeasure(of: "plain") == .bytes && CharacterMeasure(of: "with\rCR") == .characters)
    }

    @Test(arguments: texts)
    func factScreenOnBytesMatchesScalars(_ text: String) {
        #expect(DocumentAnalyzer.mayHoldFacts(text) == DocumentAnalyzer.mayHoldFactsSlowly(text))
        #expect((CharacterMeasure(of: text) == .bytes) == text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D })
    }

    /// Haystacks for the anchored search: each needle of the sets below at every offset from 0 to 40
    /// in English, Arabic and punctuation fillers, cut at its start and end, and a needle's anchor
    /// pair alone (without the rest of the needle).
    static let anchorHaystacks: [String] = {
        let fillers = ["", "x", "Ab c", "word and words, ", "الحرب انتهت في ", "“quoted” — ", "ns cy ki OO GD "]
        var out = texts
        for needle in LineCleaner.cookieMarkerNeedles + LineCleaner.siteSeparators + ["ab", "abc"] {
            let cut = String(needle.unicodeScalars.dropFirst().map(Character.init))
            for filler in fillers {
                for offset in stride(from: 0, through: 40, by: 3) {
                    let pad = String(repeating: filler.isEmpty ? "z" : filler, count: 4).prefix(offset)
                    out.append(pad + needle)
                    out.append(pad + needle + filler)
                    out.append(pad + cut + filler)
                    out.append(pad + String(needle.dropLast()))
                }
            }
        }
        return out
    }()

    @Test func separatorFoundFromTheEndAsForward() {
        for text in Self.texts + Self.anchorHaystacks + ["a - b - c", " -  - ", "x | y — z – w - ", " - "] {
            var copy = text
            for sep in LineCleaner.siteSeparators {
                for end in Set([text.utf8.count, text.utf8.count / 2, 0]) {
                    let head = String(decoding: Array(text.utf8.prefix(end)), as: UTF8.self)
                    guard head.utf8.count == end else { continue }
                    let found = copy.withUTF8 { LineCleaner.lastOffset(of: Array(sep.utf8), in: $0, end: end) }
                    #expect(found == FastSearch.lastOffset(head, sep), "\(sep) in \(text)")
                }
            }
        }
    }

    @Test func lineByteCountsMatchTheTable() {
        // Lengths across the 16-byte stretches, and a line long enough to add the lanes up midway.
        let long = String(repeating: "a b\tc-d ", count: 600) + "x"
        for text in Self.texts + Self.anchorHaystacks + [long, long + " »", String(repeating: " ", count: 4100)] {
            var copy = text
            let (spaces, separators) = copy.withUTF8 { LineCleaner.lineByteCounts($0) }
            let kinds = text.utf8.map { LineCleaner.lineByteKinds[Int($0)] }
            #expect(spaces == kinds.reduce(0) { $0 + Int($1 & 1) }, "\(text)")
            #expect(separators == kinds.contains { $0 & 2 != 0 }, "\(text)")
        }
    }

    @Test func anchoredNeedleSetMatchesBytewiseSearch() {
        for needles in [
            LineCleaner.cookieMarkerNeedles, LineCleaner.siteSeparators, ["ab", "abc"], ["ab", "a"],
            DocumentAnalyzer.nameCues,
        ] {
            let set = NeedleSet(needles)
            for text in Self.anchorHaystacks {
                #expect(set.containsAny(text) == FastSearch.containsAny(text, needles), "\(needles) in \(text)")
            }
        }
    }

    @Test(arguments: texts)
    func needleSetIgnoringCaseMatchesLowerCasedSearch(_ text: String) {
        for needles in [
            DocumentAnalyzer.quickWords, DocumentAnalyzer.nameCues, LineCleaner.cookieMarkers, ["a", "ab"],
        ] {
            let set = NeedleSet(needles)
            #expect(set.containsAny(text) == FastSearch.containsAny(text, needles))
            var copy = text
            let onlyASCII = copy.withUTF8 { NeedleSet.onlyASCIICased($0) }
            let folded = String(decoding: text.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            // Where the test says so, FastCase lower-cases A–Z alone.
            if onlyASCII { #expect(FastCase.lower(text) == folded) }
            if onlyASCII {
                let folded = copy.withUTF8 { set.containsAnyIgnoringASCIICase($0) }
                #expect(folded == FastSearch.containsAny(FastCase.lower(text), needles))
            }
        }
    }

    @Test(
        arguments: texts + [
            "Home > News > World", "home » a » b", "الرئيسية - أخبار", "You are here: Home / World", "x > y › z",
            "Location: A | B", "location - nothing", "Chome > x", "HOME > News", "\u{0627}\u{0654}نت هنا - أخبار",
            "\u{0623}نت هنا | الرئيسية", "Ｈome > x", "history > a > b", "H\u{301}ome > x", " Home > News", "h",
            "\u{0622}لرئيسية - x",
        ])
    func breadcrumbWithoutLowerCasingMatches(_ line: String) {
        let slow = LineCleaner.isBreadcrumb(
            line, lower: FastCase.lower(line), head: FastCase.lower(line.prefix(40)))
        #expect(LineCleaner.isBreadcrumb(line) == slow)
    }

    @Test(
        arguments: texts + [
            "a > b > c", " > > > ", "x » y » z", "a › b ›  c", " » » ", " ›  › ", "a >b > c", "end > ", " »", " ›",
        ])
    func strongSeparatorsCountedInOnePass(_ line: String) {
        let slow = LineCleaner.strongBreadcrumbSeparators.reduce(0) { $0 + FastSearch.count(line, $1) }
        #expect(LineCleaner.strongSeparatorCount(line) == slow)
    }

    @Test(
        arguments: texts + [
            String(repeating: "a", count: 80) + "\u{301}", String(repeating: "a", count: 79) + "\u{301}b",
            String(repeating: "x", count: 81), String(repeating: "é", count: 90), String(repeating: "b", count: 40),
        ])
    func characterPrefixMatchesPrefix(_ text: String) {
        for k in [0, 1, 40, 80] {
            #expect(DocumentAnalyzer.characterPrefix(text, k) == String(text.prefix(k)))
            let sub = text.dropFirst(min(1, text.count))
            #expect(DocumentAnalyzer.characterPrefix(sub, k) == String(sub.prefix(k)))
        }
    }

    @Test(
        arguments: texts + [
            "DayDayNews", "Site Name Here", "a b c d", "  spaced   out  ", "Site.com", "one two", "", " ",
            "موقع الأخبار",
            "Ünited News", "x \u{301}y z", "a\tb c d",
        ])
    func siteTailOnBytesMatches(_ tail: String) {
        let sub = Substring(tail)
        #expect(LineCleaner.siteTailIsShort(sub) == (sub.split(separator: " ").count <= 3 && !sub.contains(".")))
    }

    /// Texts whose eight-byte words are all ASCII letters and digits, ASCII with punctuation, or
    /// hold bytes of other scripts, at every alignment.
    static let keyTexts: [String] = {
        var out: [String] = texts + ExtractionFastPathTests.longTexts
        out.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        let ascii: [Character] = (0..<128).map { (b: Int) -> Character in Character(Unicode.Scalar(UInt8(b))) }
        out.append(String(ascii))
        out.append(String(ascii.reversed()) + "الحرب١٩٤٥ ÉCOLE")
        out.append(texts.joined(separator: " "))
        out.append(texts.joined())
        for pad in 0..<9 {
            out.append(String(repeating: "x", count: pad) + "@[`{/:AZaz09 THE WAR ended in 1945 الحرب")
        }
        return out
    }()

    /// Arabic words before a dot, and words the byte path must leave to the scalar one.
    static let wordEnds: [String] = {
        var out = texts + TokenFastPathTests.scalarTexts
        let stops = ["", " ", "1", ",", "(", "a", ".", "\u{0640}", "\u{064B}", "\u{0660}", "\u{00E9}", "\u{2019}"]
        for stop in stops {
            for word in ["الحرب", "ب", "\u{0621}\u{063B}\u{063F}\u{0640}\u{064A}", "بَ", "ی", "abc", "aب", "بa", "ب.ت"] {
                out.append(stop + word + ". Next")
                out.append(word + stop + ".")
            }
        }
        return out + (UInt32(0x0600)...0x06FF).map { "x \(Character(Unicode.Scalar($0)!))ب." }
    }()

    @Test(arguments: wordEnds)
    func arabicWordBeforeMatchesScalars(_ text: String) {
        var copy = text
        copy.withUTF8 { b in
            for i in 0...b.count where i == b.count || b[i] & 0xC0 != 0x80 {
                guard let fast = SentenceSplitter.arabicWordBefore(b, i) else { continue }
                let slow = SentenceSplitter.scalarWordBefore(b, i)
                #expect(fast.bytes.baseAddress == slow.bytes.baseAddress && fast.bytes.count == slow.bytes.count)
                #expect(fast.text == slow.text && fast.text.utf8.elementsEqual(slow.text.utf8), "\(text) \(i)")
                #expect(fast.count == slow.count && fast.allLowercase == slow.allLowercase)
                #expect(fast.hasDot == slow.hasDot && fast.isASCII == slow.isASCII)
            }
        }
    }

    /// Lines of 79 to 83 spaces ending in a breadcrumb trail: past 80 spaces a line is prose
    /// whatever separators it holds (a cookie notice still goes).
    @Test(arguments: 79...83)
    func linesPastEightySpacesAreProse(_ spaces: Int) {
        let words = Array(repeating: "word", count: spaces - 4).joined(separator: " ")
        let line = words + " Home > News > War"
        #expect(line.utf8.count { $0 == 0x20 } == spaces)
        let expected: NoiseReason? =
            spaces > 80 ? nil : LineCleaner.isBreadcrumb(line, lower: FastCase.lower(line)) ? .breadcrumb : nil
        #expect(LineCleaner.lineReason(line) == expected)
        #expect(LineCleaner.lineReason("We use cookies " + line) == .cookieNotice)
    }

    @Test(arguments: keyTexts)
    func repeatKeyTableMatchesSwitch(_ text: String) {
        // The whole text, and a substring not starting at its start (other word alignments).
        for sub in [Substring(text), text.dropFirst(1)] {
            let expected = Self.plainKey(sub)
            #expect(LineCleaner.fastKey(sub) == expected)
            #expect(LineCleaner.fastKey(sub).utf8.elementsEqual(expected.utf8))
        }
    }

    @Test func repeatKeysAreEqualAsStringsAre() {
        // Precomposed and decomposed آ are one string to Swift, so one repeated line.
        let a = RepeatKey("\u{0622}لحرب انتهت في عام")
        let b = RepeatKey("\u{0627}\u{0653}لحرب انتهت في عام")
        #expect(a == b && a.hashValue == b.hashValue)
        let c = RepeatKey("thewarendedin1945")
        let d = RepeatKey(String("xthewarendedin1945".dropFirst()))
        #expect(c == d && c.hashValue == d.hashValue)
        #expect(RepeatKey("thewarendedin1945") != RepeatKey("thewarendedin1946"))
        #expect(RepeatKey("japan’sarmy1945") != RepeatKey("japan‘sarmy1945"))
        // Keys of ASCII and general punctuation hash their bytes; others do not take that way.
        for (key, punctuated) in [
            ("japan’sarmy—“beaten”", true), ("a…b•c‐d", true), ("plain1945", true), ("en\u{2002}space", false),
            ("x\u{2028}y", false), ("x\u{2030}y", false), ("é1945", false), ("عام1945", false),
        ] {
            var copy = key
            #expect((copy.withUTF8 { RepeatKey.punctuatedHash($0) } != nil) == punctuated, "\(key)")
        }
        for (x, y) in [
            ("\u{00E9}colenationale1945", "e\u{301}colenationale1945"),
            (
                "\u{0623}\u{0624}\u{0625}\u{0626}عام١٩٤٥۱۹",
                "\u{0627}\u{0654}\u{0648}\u{0654}\u{0627}\u{0655}\u{064A}\u{0654}عام١٩٤٥۱۹"
            ),
            ("مؤتمريالطا1945\u{00E9}", "مؤتمريالطا1945e\u{301}"),
            ("japan’sarmy—“beaten”1945", "japan\u{2019}sarmy\u{2014}\u{201C}beaten\u{201D}1945"),
            ("en\u{2002}space\u{2003}em1945", "en\u{2000}space\u{2001}em1945"),
            ("angstrom\u{00C5}1945years", "angstrom\u{212B}1945years"),
        ] {
            #expect(x == y && RepeatKey(x) == RepeatKey(y) && RepeatKey(x).hashValue == RepeatKey(y).hashValue)
        }
        // Long enough not to be headings; equal keys once lower-cased and stripped of punctuation.
        let arabic = "لحرب انتهت في عام ألف وتسعمئة وخمسة وأربعين بعد معارك طويلة."
        let lines = [
            "\u{0622}" + arabic, "\u{0627}\u{0653}" + arabic, "A line that is long enough to count as prose here.",
            "a line, that is long enough to count as prose here.", "Another line, not repeated at all in this text.",
        ]
        let result = LineCleaner.classify(lines)
        #expect(result[0] == .repeatedLine(times: 2) && result[1] == .repeatedLine(times: 2))
        #expect(result[2] == .repeatedLine(times: 2) && result[3] == .repeatedLine(times: 2))
        #expect(result[4] == nil)
    }

    @Test(arguments: [
        [UInt8]("plain ascii text that is long enough to take the eight-byte path".utf8),
        [UInt8]("الحرب انتهت في عام ١٩٤٥ and the war ended".utf8),
        [UInt8]("abcdefghijklmnop".utf8) + [0xFF] + [UInt8]("qrstuvwx".utf8),
        [UInt8]("abcdefgh".utf8) + [0xC3],
        [UInt8]("abcdefghijk".utf8) + [0xE2, 0x80] + [UInt8]("abcdefgh".utf8),
        [0xED, 0xA0, 0x80] + [UInt8]("surrogate".utf8),
        [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80], [],
    ])
    func utf8CheckFindsTheFirstBadByte(_ bytes: [UInt8]) {
        for skip in [0, 1, 3] where skip <= bytes.count {
            #expect(SourceReader.firstInvalidUTF8(bytes[skip...]) == ReferenceReader.firstInvalidUTF8(bytes[skip...]))
        }
    }
}

/// The sentence splitter as it was written on scalars and String indices: the reference.
enum ReferenceSplitter {
    /// Ranges of the sentences of `line`, as (start, end) String indices, whitespace trimmed.
    static func ranges(in line: String) -> [Range<String.Index>] {
        let scalars = line.unicodeScalars
        let u = line.utf8
        var out: [Range<String.Index>] = []
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            // Bytes first: only . ! ? and the lead bytes of ؟ ۔ … 。 (D8, DB, E2, E3) can start a terminator.
            let b = u[i]
            if b < 0x80 ? !(b == 0x2E || b == 0x21 || b == 0x3F) : !(b == 0xD8 || b == 0xDB || b == 0xE2 || b == 0xE3) {
                i = b < 0x80 ? u.index(after: i) : scalars.index(after: i)
                continue
            }
            let c = scalars[i]
            guard SentenceSplitter.isTerminator(c) else {
                i = scalars.index(after: i)
                continue
            }
            // Take further terminators and closing quotes/brackets with this one.
            var end = scalars.index(after: i)
            while end < scalars.endIndex,
                SentenceSplitter.isTerminator(scalars[end]) || SentenceSplitter.isCloser(scalars[end])
            {
                end = scalars.index(after: end)
            }
            if shouldSplit(line, at: i, after: end) {
                appendTrimmed(line, start..<end, to: &out)
                start = end
            }
            i = end
        }
        appendTrimmed(line, start..<scalars.endIndex, to: &out)
        return out
    }

    static func shouldSplit(_ line: String, at i: String.Index, after end: String.Index) -> Bool {
        let scalars = line.unicodeScalars
        let mark = scalars[i]
        // What follows: end of line, or a space then a sentence start.
        var next = end
        var sawSpace = false
        while next < scalars.endIndex, SentenceSplitter.isWhitespace(scalars[next]) {
            sawSpace = true
            next = scalars.index(after: next)
        }
        if next == scalars.endIndex { return true }
        let following = scalars[next]
        if mark.value != 0x2E {
            // ! ? ؟ ۔ … : split when something follows after a space, or an Arabic mark.
            return sawSpace || mark.value == 0x061F || mark.value == 0x06D4
        }
        let word = wordBefore(line, i)
        if !sawSpace {
            // "cold.The": a glued sentence start after a lower-case word of three letters or more.
            return following.properties.isUppercase && word.count >= 3 && word.allSatisfy { $0.isLowercase }
        }
        if word.isEmpty == false {
            if SentenceSplitter.abbreviations.contains(FastCase.lower(word)) { return false }
            if word.count == 1, word.first?.isUppercase == true { return false }  // an initial: "F."
            if word.contains("."), word.count <= 6 { return false }  // "U.S", "e.g"
        }
        if following.properties.isLowercase {
            // "…first. used it as …": a scraped fragment starts here, unless the dot ends a short word.
            return word.count >= 3 && word.allSatisfy(\.isLowercase)
        }
        return true
    }

    static func wordBefore(_ line: String, _ i: String.Index) -> String {
        // ASCII letters and dots read as bytes; a byte of another script goes the scalar way.
        let u = line.utf8
        var j = i
        while j > u.startIndex {
            let p = u.index(before: j)
            let b = u[p]
            if b >= 0x80 { return scalarWordBefore(line, i) }
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x2E { j = p } else { break }
        }
        return String(line.utf8[j..<i]) ?? scalarWordBefore(line, i)
    }

    static func scalarWordBefore(_ line: String, _ i: String.Index) -> String {
        let scalars = line.unicodeScalars
        var j = i
        var chars = String.UnicodeScalarView()
        while j > scalars.startIndex {
            let p = scalars.index(before: j)
            let c = scalars[p]
            if c.properties.isAlphabetic || c.value == 0x2E { chars.append(c); j = p } else { break }
        }
        return String(String(chars).reversed())
    }

    static func appendTrimmed(_ line: String, _ r: Range<String.Index>, to out: inout [Range<String.Index>]) {
        let scalars = line.unicodeScalars
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi, SentenceSplitter.isWhitespace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, SentenceSplitter.isWhitespace(scalars[scalars.index(before: hi)]) {
            hi = scalars.index(before: hi)
        }
        if lo < hi { out.append(lo..<hi) }
    }
}

/// The UTF-8 check as it was written, byte by byte: the reference.
enum ReferenceReader {
    /// Offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            let minScalar: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000
            default: return i - bytes.startIndex
            }
            if i + need >= end { return i - bytes.startIndex }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i - bytes.startIndex }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return i - bytes.startIndex
            }
            i += need + 1
        }
        return nil
    }

}
