import Foundation

/// The study days from a first day to a last one, with their local labels, so that a million
/// events are put in their day by a binary search instead of a calendar computation each.
struct StudyDayTable {
    /// Start of each study day, seconds since 1970, ascending; `starts[i + 1]` ends day i.
    private(set) var starts: [Double] = []
    /// "2026-11-22" for each day.
    private(set) var labels: [String] = []
    /// ISO week ("2026-W47") and month ("2026-11") of each day.
    private(set) var weeks: [String] = []
    private(set) var months: [String] = []
    /// The index of the study day holding `now`.
    let todayIndex: Int
    private var lastHit = 0

    var count: Int { labels.count }

    /// Days from the one holding `first` (or `daysBefore` days before today, if earlier) to
    /// `daysAfter` days after today.
    init(studyDay: StudyDay, now: Date, first: Date?, daysBefore: Int, daysAfter: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = studyDay.timeZone
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = studyDay.timeZone
        let today = studyDay.start(of: now)
        var start = calendar.date(byAdding: .day, value: -daysBefore, to: today) ?? today
        if let first, first < start { start = studyDay.start(of: first) }
        let end = calendar.date(byAdding: .day, value: daysAfter + 1, to: today) ?? today
        var day = start
        var todayIndex = 0
        while day < end {
            if day == today { todayIndex = starts.count }
            starts.append(day.timeIntervalSince1970)
            // The local date of the study day: its start is at the rollover hour of that date.
            let c = calendar.dateComponents([.year, .month, .day], from: day)
            let (y, m, d) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
            labels.append(StudyDayTable.pad(y, 4) + "-" + StudyDayTable.pad(m, 2) + "-" + StudyDayTable.pad(d, 2))
            months.append(StudyDayTable.pad(y, 4) + "-" + StudyDayTable.pad(m, 2))
            let w = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: day)
            weeks.append(
                StudyDayTable.pad(w.yearForWeekOfYear ?? y, 4) + "-W" + StudyDayTable.pad(w.weekOfYear ?? 0, 2))
            guard let next = calendar.date(byAdding: .day, value: 1, to: day), next > day else { break }
            day = next
        }
        starts.append(day.timeIntervalSince1970)
        self.todayIndex = todayIndex
    }

    /// The day holding `time`, clamped to the table (events before it go to day 0, after it to the last day).
    mutating func index(of time: Date) -> Int { index(ofSeconds: time.timeIntervalSince1970) }

    /// The day holding `t` seconds since 1970.
    mutating func index(ofSeconds t: Double) -> Int {
        if lastHit < labels.count, starts[lastHit] <= t, t < starts[lastHit + 1] { return lastHit }
        if t < starts[0] { return 0 }
        if t >= starts[labels.count] { return labels.count - 1 }
        var lo = 0
        var hi = labels.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        lastHit = lo
        return lo
    }

    /// Start of day `i` as a date.
    func start(of i: Int) -> Date { Date(timeIntervalSince1970: starts[i]) }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
