import Foundation
import MnemoCore

/// Number, duration and percent formats shared by the text and HTML reports (locale-independent).
enum StatsFormat {
    static func percent(_ rate: Double?, digits: Int = 1) -> String {
        guard let rate else { return "–" }
        return String(format: "%.\(digits)f%%", rate * 100)
    }

    /// 12,345
    static func count(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// "2h 05m", "6m 12s", "42s", "0s".
    static func duration(ms: Int) -> String {
        let seconds = max(0, ms) / 1000
        let h = seconds / 3600
        let m = (seconds % 3600) / 60
        let s = seconds % 60
        if h > 0 { return "\(h)h \(String(format: "%02d", m))m" }
        if m > 0 { return "\(m)m \(String(format: "%02d", s))s" }
        return "\(s)s"
    }

    static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count(n)) \(n == 1 ? word : (plural ?? word + "s"))"
    }

    /// Day of the week of "YYYY-MM-DD", 0 = Monday.
    static func weekday(_ label: String) -> Int {
        let parts = label.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        var y = parts[0]
        let m = parts[1]
        let d = parts[2]
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        if m < 3 { y -= 1 }
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + t[(m - 1) % 12] + d) % 7
        return (sunday0 + 6) % 7
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func monthName(_ label: String) -> String {
        let parts = label.split(separator: "-")
        guard parts.count >= 2, let m = Int(parts[1]), (1...12).contains(m) else { return label }
        return monthNames[m - 1]
    }

    /// "Nov 22"
    static func shortDate(_ label: String) -> String {
        let parts = label.split(separator: "-")
        guard parts.count == 3, let d = Int(parts[2]) else { return label }
        return "\(monthName(label)) \(d)"
    }

    /// Whether the heatmap labels a month at day `i`: each month's first day, and the first day
    /// shown when its month has at least three weeks on the map.
    static func labelsMonth(_ days: [MnemoCore.StatsReport.CalendarDay], at i: Int, offset: Int) -> Bool {
        if days[i].date.hasSuffix("-01") { return true }
        guard i == 0 else { return false }
        let next = days.firstIndex { $0.date.hasSuffix("-01") } ?? days.count
        return (next + offset) / 7 >= 3
    }

    /// Heat level 0-4 of `n` reviews on a calendar whose busiest day has `max`.
    static func heatLevel(_ n: Int, max: Int) -> Int {
        guard n > 0, max > 0 else { return 0 }
        let f = Double(n) / Double(max)
        return f <= 0.25 ? 1 : f <= 0.5 ? 2 : f <= 0.75 ? 3 : 4
    }

    /// Cuts `text` to `width` characters with an ellipsis, on one line.
    static func clip(_ text: String, _ width: Int) -> String {
        let one = text.replacingOccurrences(of: "\n", with: " ")
        return one.count <= width ? one : String(one.prefix(max(0, width - 1))) + "…"
    }
}
