/// A date as the source gives it, at its own granularity; missing parts stay missing.
public struct DateValue: Hashable, Sendable {
    public enum Granularity: String, Sendable { case century, decade, year, month, day, yearRange }

    public var granularity: Granularity
    /// Year (nil for a day or month given without one and no year in the context before it).
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// Last year of a range ("1868–1869"), or the century number for `century`.
    public var endYear: Int?
    /// The year was taken from the nearest preceding context, not read in the date itself.
    public var yearFromContext = false

    public init(granularity: Granularity, year: Int?, month: Int? = nil, day: Int? = nil, endYear: Int? = nil) {
        self.granularity = granularity
        self.year = year
        self.month = month
        self.day = day
        self.endYear = endYear
    }

    /// Normalized form: "1945-08-08", "1945-08", "1945", "1930s", "10c", "1868/1869", "--08-08" (no year).
    public var normalized: String {
        // Read often (sorting, matching keys): written digit by digit into a stack buffer, so the
        // string (small enough to be stored inline) costs no interpolation buffer and no heap.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buffer in
            var n = 0
            func put(_ b: UInt8) {
                buffer[n] = b
                n += 1
            }
            func number(_ v: Int) {
                if v < 0 { put(0x2D) }
                var m = v.magnitude
                let start = n
                repeat {
                    put(UInt8(truncatingIfNeeded: m % 10) + 0x30)
                    m /= 10
                } while m > 0
                var a = start
                var b = n - 1
                while a < b {
                    buffer.swapAt(a, b)
                    a += 1
                    b -= 1
                }
            }
            func two(_ v: Int) {
                if v < 10 { put(0x30) }
                number(v)
            }
            func year(_ v: Int?) {
                if let v { number(v) } else { put(0x2D) }
            }
            switch granularity {
            case .century:
                number(endYear ?? 0)
                put(0x63)  // c
            case .decade:
                year(self.year)
                put(0x73)  // s
            case .year: year(self.year)
            case .yearRange:
                year(self.year)
                put(0x2F)  // /
                year(endYear)
            case .month:
                year(self.year)
                put(0x2D)
                two(month ?? 0)
            case .day:
                year(self.year)
                put(0x2D)
                two(month ?? 0)
                put(0x2D)
                two(day ?? 0)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }

    /// `normalized` by string interpolation, as it was first written (the tests hold the two equal).
    var normalizedByInterpolation: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y = year.map(String.init) ?? "-"
        switch granularity {
        case .century: return "\(endYear ?? 0)c"
        case .decade: return "\(y)s"
        case .year: return y
        case .yearRange: return "\(y)/\(endYear.map(String.init) ?? "-")"
        case .month: return "\(y)-\(two(month ?? 0))"
        case .day: return "\(y)-\(two(month ?? 0))-\(two(day ?? 0))"
        }
    }

    /// A number that orders dates (earliest first); nil when the year is unknown.
    public var sortKey: Int? {
        switch granularity {
        case .century: return endYear.map { ($0 - 1) * 100 * 10_000 }
        default:
            guard let year else { return nil }
            return year * 10_000 + (month ?? 0) * 100 + (day ?? 0)
        }
    }

    /// English display: "August 8, 1945", "August 1945", "1945", "the 1930s", "the 10th century".
    public func english(includeYear: Bool = true) -> String {
        // Written once from its pieces (interpolation appends each, growing the string).
        PromptText.written { w in
            switch granularity {
            case .century:
                let n = endYear ?? 0
                w.put("the ")
                w.put(number: n)
                w.put(Ordinal.suffix(n))
                w.put(" century")
            case .decade:
                w.put("the ")
                w.put(number: year ?? 0)
                w.put("s")
            case .year: w.put(number: year ?? 0)
            case .yearRange:
                w.put(number: year ?? 0)
                w.put("–")
                w.put(number: endYear ?? 0)
            case .month:
                w.put(MonthNames.english[(month ?? 1) - 1])
                if let year {
                    w.put(" ")
                    w.put(number: year)
                }
            case .day:
                w.put(MonthNames.english[(month ?? 1) - 1])
                w.put(" ")
                w.put(number: day ?? 0)
                if includeYear, let year {
                    w.put(", ")
                    w.put(number: year)
                }
            }
        }
    }

    /// `english` by interpolation, as first written (tests compare the two).
    func englishByInterpolation(includeYear: Bool = true) -> String {
        switch granularity {
        case .century: return "the \(Ordinal.english(endYear ?? 0)) century"
        case .decade: return "the \(year ?? 0)s"
        case .year: return "\(year ?? 0)"
        case .yearRange: return "\(year ?? 0)–\(endYear ?? 0)"
        case .month:
            let m = MonthNames.english[(month ?? 1) - 1]
            return year.map { "\(m) \($0)" } ?? m
        case .day:
            let m = MonthNames.english[(month ?? 1) - 1]
            guard includeYear, let year else { return "\(m) \(day ?? 0)" }
            return "\(m) \(day ?? 0), \(year)"
        }
    }

    /// Arabic display with the month-name system the source used.
    public func arabic(levantine: Bool, includeYear: Bool = true) -> String {
        // Written once from its pieces (a string's concatenation is its parts' bytes).
        PromptText.written { w in
            let names = levantine ? MonthNames.arabicLevantine : MonthNames.arabicStandard
            switch granularity {
            case .century:
                w.put("القرن ")
                w.put(number: endYear ?? 0)
            case .decade:
                w.put("عقد ")
                w.put(number: year ?? 0)
            case .year: w.put(number: year ?? 0)
            case .yearRange:
                w.put(number: year ?? 0)
                w.put("–")
                w.put(number: endYear ?? 0)
            case .month, .day:
                if granularity == .day {
                    w.put(number: day ?? 0)
                    w.put(" ")
                }
                w.put(names[(month ?? 1) - 1])
                if includeYear, let year {
                    w.put(" ")
                    w.put(number: year)
                }
            }
        }
    }

    /// `arabic` by interpolation, as first written (tests compare the two).
    func arabicByInterpolation(levantine: Bool, includeYear: Bool = true) -> String {
        let names = levantine ? MonthNames.arabicLevantine : MonthNames.arabicStandard
        let y = year.map { " \($0)" } ?? ""
        switch granularity {
        case .century: return "القرن \(endYear ?? 0)"
        case .decade: return "عقد \(year ?? 0)"
        case .year: return "\(year ?? 0)"
        case .yearRange: return "\(year ?? 0)–\(endYear ?? 0)"
        case .month: return names[(month ?? 1) - 1] + (includeYear ? y : "")
        case .day: return "\(day ?? 0) " + names[(month ?? 1) - 1] + (includeYear ? y : "")
        }
    }
}

enum Ordinal {
    static func english(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// The suffix `english` puts after the digits: st nd rd th.
    static func suffix(_ n: Int) -> String {
        switch (n % 10, n % 100) {
        case (_, 11...13): return "th"
        case (1, _): return "st"
        case (2, _): return "nd"
        case (3, _): return "rd"
        default: return "th"
        }
    }
}
