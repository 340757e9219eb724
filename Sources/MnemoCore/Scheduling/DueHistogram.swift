import Foundation

/// How many cards fall due on each day: what the load balancer weighs (docs/scheduling.md).
///
/// Days are balancer days: UTC days rolling over at 04:00 UTC (as the optimizer's), counted from
/// the Unix epoch, computed from whole milliseconds. They depend on nothing but the time, so a log
/// replayed on any machine, in any time zone, sees the same counts. Counts are kept in one array
/// indexed by day from `base` (a few hundred kilobytes at most for a century of due dates), so a
/// look-up is an index and an update an increment.
public struct DueHistogram: Sendable, Equatable, CustomStringConvertible {
    private var counts: [Int32] = []
    private var base = 0
    /// Cards counted.
    public private(set) var total = 0

    public init() {}

    private static let dayMs: Int64 = 86_400_000
    private static let rolloverMs: Int64 = 4 * 3_600_000

    /// The balancer day of `date`.
    @inline(__always)
    public static func day(of date: Date) -> Int {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded()) - rolloverMs
        let (q, r) = ms.quotientAndRemainder(dividingBy: dayMs)
        return Int(r < 0 ? q - 1 : q)
    }

    /// Cards due on `day`.
    @inline(__always)
    public func count(onDay day: Int) -> Int {
        let i = day - base
        return i >= 0 && i < counts.count ? Int(counts[i]) : 0
    }

    /// Counts one more card due on `day`.
    public mutating func add(day: Int) {
        if counts.isEmpty {
            base = day - 64
            counts = [Int32](repeating: 0, count: 256)
        } else if day < base {
            let grow = max(base - day + 64, counts.count)
            counts.insert(contentsOf: repeatElement(0, count: grow), at: 0)
            base -= grow
        } else if day - base >= counts.count {
            let grow = max(day - base - counts.count + 64, counts.count)
            counts.append(contentsOf: repeatElement(0, count: grow))
        }
        counts[day - base] += 1
        total += 1
    }

    /// Counts one card fewer on `day` (one that `add` counted).
    public mutating func remove(day: Int) {
        let i = day - base
        guard i >= 0, i < counts.count, counts[i] > 0 else { return }
        counts[i] -= 1
        total -= 1
    }

    /// The days with cards due and their counts, in day order.
    public var days: [(day: Int, count: Int)] {
        counts.indices.compactMap { i in counts[i] > 0 ? (base + i, Int(counts[i])) : nil }
    }

    /// "DueHistogram(3 cards: 20000×2, 20005×1)", for test failures.
    public var description: String {
        "DueHistogram(\(total) cards: " + days.map { "\($0.day)×\($0.count)" }.joined(separator: ", ") + ")"
    }

    /// Equal when the same days hold the same counts (however the storage grew).
    public static func == (a: DueHistogram, b: DueHistogram) -> Bool {
        a.total == b.total && a.days.elementsEqual(b.days) { $0.day == $1.day && $0.count == $1.count }
    }
}
