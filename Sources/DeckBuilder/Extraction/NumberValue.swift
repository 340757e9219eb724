import Foundation

/// A figure: a number with what it counts and its qualifier ("more than 500,000 Japanese soldiers").
public struct NumberValue: Hashable, Sendable {
    public var value: Double
    /// The number as written, digits western: "600,000", "1.5 million", "eight", "19%".
    public var surface: String
    public var isPercent: Bool
    /// What it counts, as written ("Japanese prisoners of war"); empty for a bare percentage.
    public var counted: String
    /// The head noun of `counted`, lower-cased and singular ("prisoner"), for matching facts.
    public var head: String
    /// "more than", "nearly", … or "" (kept as part of the fact).
    public var qualifier: String
    /// The number was spelled out ("eight months").
    public var spelled: Bool

    /// Normalized number: "600000", "1500000", "19%".
    public var normalized: String {
        let n = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        return isPercent ? n + "%" : n
    }

    /// Display of the number only, digits grouped: "600,000", "1.5 million", "24", "19%".
    public var display: String {
        if isPercent { return NumberFormat.grouped(value) + "%" }
        if spelled { return NumberFormat.grouped(value) }
        return surface
    }
}

enum NumberFormat {
    /// "600,000", "1.5 million", "2,500"; millions and billions keep the scale word when the source used it.
    static func grouped(_ v: Double) -> String {
        if v != v.rounded() {
            var s = String(format: "%.2f", v)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s
        }
        return groupedInteger(Int64(v))
    }

    /// The digits of `n`, a comma before each group of three from the right, written backwards into
    /// a stack buffer (at most 20 digits, 6 commas and a sign): no array of Characters.
    static func groupedInteger(_ n: Int64) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var m = n.magnitude
            var at = 32
            var written = 0
            repeat {
                if written > 0 && written % 3 == 0 {
                    at -= 1
                    buffer[at] = 0x2C
                }
                at -= 1
                buffer[at] = UInt8(truncatingIfNeeded: m % 10) + 0x30
                m /= 10
                written += 1
            } while m > 0
            if n < 0 {
                at -= 1
                buffer[at] = 0x2D
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[at..<32]), as: UTF8.self)
        }
    }

    /// `grouped` of a whole number as first written, on an array of Characters (tests compare the two).
    static func groupedByCharacters(_ n: Int64) -> String {
        var digits = Array(String(abs(n)))
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        out.insert(contentsOf: digits, at: 0)
        return (n < 0 ? "-" : "") + String(out)
    }

    /// Same style as `like`: "1.5 million" style when `like` used a scale word, else grouped digits.
    static func format(_ v: Double, like surface: String) -> String {
        for (word, scale) in [("billion", 1e9), ("million", 1e6)] where surface.hasSuffix(word) && v >= scale {
            let x = v / scale
            let r = (x * 10).rounded() / 10
            let s = r == r.rounded() ? String(Int64(r)) : String(r)
            return "\(s) \(word)"
        }
        return grouped(v)
    }
}
