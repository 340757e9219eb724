import Foundation

/// Short interval labels as in Anki's answer buttons: "45s", "10m", "3h", "4d", "2.5mo", "1.2y".
enum IntervalFormat {
    static func short(_ seconds: TimeInterval) -> String {
        let seconds = max(0, seconds.rounded())
        switch seconds {
        case ..<60: return "\(Int(seconds.rounded()))s"
        case ..<3600: return "\(Int((seconds / 60).rounded()))m"
        case ..<86_400: return "\(Int((seconds / 3600).rounded()))h"
        case ..<(30 * 86_400): return "\(Int((seconds / 86_400).rounded()))d"
        case ..<(365 * 86_400): return oneDecimal(seconds / (30 * 86_400)) + "mo"
        default: return oneDecimal(seconds / (365 * 86_400)) + "y"
        }
    }

    private static func oneDecimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : String(format: "%.1f", rounded)
    }

    /// "in 10 minutes", "in 3 days", "now".
    static func relative(_ seconds: TimeInterval) -> String {
        let seconds = max(0, seconds)
        func unit(_ n: Int, _ word: String) -> String { "in \(n) \(word)\(n == 1 ? "" : "s")" }
        switch seconds {
        case ..<30: return "now"
        case ..<90: return "in 1 minute"
        case ..<3600: return unit(Int((seconds / 60).rounded()), "minute")
        case ..<(36 * 3600): return unit(Int((seconds / 3600).rounded()), "hour")
        default: return unit(Int((seconds / 86_400).rounded()), "day")
        }
    }

    /// "4m 05s" for a time spent.
    static func duration(milliseconds: Int) -> String {
        let total = max(0, milliseconds) / 1000
        let (hours, minutes, seconds) = (total / 3600, (total % 3600) / 60, total % 60)
        if hours > 0 { return "\(hours)h \(String(format: "%02d", minutes))m" }
        if minutes > 0 { return "\(minutes)m \(String(format: "%02d", seconds))s" }
        return "\(seconds)s"
    }
}
