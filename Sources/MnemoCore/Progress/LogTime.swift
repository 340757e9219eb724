import Foundation

/// Times as the progress files store them: whole milliseconds since 1970, written as ISO-8601 UTC
/// with exactly three fraction digits (`2026-11-22T09:05:00.250Z`). Hand-written because
/// `ISO8601DateFormatter` is far too slow for a 200,000-line log, and so that a time read back is
/// bit-for-bit the `Date` that was written.
public enum LogTime {
    /// Whole milliseconds since 1970 at or before `date` (floor), immune to the rounding error of
    /// `Date`'s reference-date representation.
    public static func milliseconds(of date: Date) -> Int64 {
        let t = date.timeIntervalSince1970 * 1000
        guard t.isFinite, abs(t) < 9.0e15 else { return t < 0 ? -9_000_000_000_000_000 : 9_000_000_000_000_000 }
        var ms = Int64(t.rounded(.down))
        if self.date(milliseconds: ms + 1) <= date {
            ms += 1
        } else if self.date(milliseconds: ms) > date {
            ms -= 1
        }
        return ms
    }

    /// The `Date` for whole milliseconds since 1970; `milliseconds(of:)` inverts it exactly.
    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date` with sub-millisecond precision dropped, as the log stores it. Idempotent.
    public static func truncated(_ date: Date) -> Date {
        self.date(milliseconds: milliseconds(of: date))
    }

    /// `date` moved to the nearest whole millisecond: the canonical form of a computed time
    /// (a review time plus an interval may sit one rounding error off a millisecond).
    public static func rounded(_ date: Date) -> Date {
        let t = date.timeIntervalSince1970 * 1000
        guard t.isFinite, abs(t) < 9.0e15 else { return date }
        return self.date(milliseconds: Int64(t.rounded()))
    }

    /// `2026-11-22T09:05:00.250Z`.
    public static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ISO-8601 form of `date` (24 ASCII bytes for years 0–9999) to `bytes`.
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let ms = milliseconds(of: date)
        var days = ms / 86_400_000
        var rest = ms % 86_400_000
        if rest < 0 {
            rest += 86_400_000
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        appendDigits(year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(rest / 3_600_000, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(rest / 60_000 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(rest / 1000 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(rest % 1000, count: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`. Fraction digits beyond milliseconds are
    /// dropped. Returns nil for anything else, including impossible dates such as February 30.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    static func parse(_ s: UnsafeRawBufferPointer) -> Date? { milliseconds(parsing: s).map(date(milliseconds:)) }

    /// `parse` as milliseconds since 1970.
    static func milliseconds(parsing s: UnsafeRawBufferPointer) -> Int64? {
        guard s.count >= 20 else { return nil }
        func digits(_ at: Int, _ count: Int) -> Int? {
            var value = 0
            for i in at..<(at + count) {
                let c = s[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), s[4] == UInt8(ascii: "-"), let month = digits(5, 2),
            s[7] == UInt8(ascii: "-"), let day = digits(8, 2), s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t"),
            let hour = digits(11, 2), s[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
            s[16] == UInt8(ascii: ":"), let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var i = 19
        var millis = 0
        if s[i] == UInt8(ascii: ".") {
            i += 1
            var n = 0
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
                if n < 3 { millis = millis * 10 + Int(s[i] - 0x30) }
                n += 1
                i += 1
            }
            guard n > 0 else { return nil }
            for _ in n..<max(n, 3) { millis *= 10 }
        }
        guard i < s.count else { return nil }
        var offsetMinutes = 0
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            i += 1
        } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            guard i + 6 <= s.count, let oh = digits(i + 1, 2), s[i + 3] == UInt8(ascii: ":"), let om = digits(i + 4, 2),
                oh < 24, om < 60
            else { return nil }
            offsetMinutes = (oh * 60 + om) * (s[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == s.count else { return nil }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1000 + Int64(millis)
    }

    private static func appendDigits(_ value: some BinaryInteger, count: Int, to bytes: inout [UInt8]) {
        var v = Int(value)
        if v < 0 { v = 0 }
        var tmp = [UInt8](repeating: UInt8(ascii: "0"), count: count)
        var i = count - 1
        while i >= 0 {
            tmp[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            i -= 1
        }
        bytes.append(contentsOf: tmp)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
