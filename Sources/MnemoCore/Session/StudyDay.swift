import Foundation

/// The learner's study day: it starts at `rolloverHour` (4 a.m. by default, as in Anki) in `timeZone`,
/// so a session at 1 a.m. still counts towards the previous day.
public struct StudyDay: Hashable, Sendable {
    public var timeZone: TimeZone
    /// Hour of the local day (0-23) at which a new study day begins.
    public var rolloverHour: Int

    public init(timeZone: TimeZone, rolloverHour: Int = 4) {
        self.timeZone = timeZone
        self.rolloverHour = min(max(rolloverHour, 0), 23)
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// When the study day holding `now` began.
    public func start(of now: Date) -> Date {
        let calendar = calendar
        let shifted = now.addingTimeInterval(-Double(rolloverHour) * 3600)
        let day = calendar.dateComponents([.year, .month, .day], from: shifted)
        var components = DateComponents()
        components.year = day.year
        components.month = day.month
        components.day = day.day
        components.hour = rolloverHour
        guard let start = calendar.date(from: components) else { return shifted }
        // A DST jump can move the local rollover past `now`; step back a day then.
        if start > now, let earlier = calendar.date(byAdding: .day, value: -1, to: start) { return earlier }
        return start
    }

    /// When the study day holding `now` ends (the next rollover).
    public func end(of now: Date) -> Date {
        let start = start(of: now)
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }
}
