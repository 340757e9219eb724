import Foundation
import MnemoCore

/// Everything a session needs from the environment: the progress folder (opened for writing, which
/// takes its lock), its settings, and the scheduler they configure.
struct StudySetup {
    let store: ProgressStore
    let scheduler: Scheduler
    let settings: ProgressSettings
    let studyDay: StudyDay

    /// Opens the progress folder (`--progress`, `$MNEMO_HOME`, XDG) read-write with its own settings.
    init(progressOption: String?, now: Date) throws {
        let folder = ProgressLocation.resolve(progressOption)
        store = try ProgressStore(
            folder: folder, access: .readWrite(ProgressLocation.owner(command: "mnemo study", now: now)))
        settings = store.settings
        do {
            scheduler = try Scheduler(settings.scheduler)
        } catch {
            store.close()
            throw error
        }
        studyDay = StudyDay(timeZone: .current, rolloverHour: settings.dayRolloverHour)
    }

    var limits: StudyLimits {
        StudyLimits(newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay)
    }

    /// New and review cards already studied this study day, from the log. The log is read only when
    /// some card was reviewed today (its record says so), so the first session of a day starts fast,
    /// and then only its end (today's events, read backwards); whether a card reviewed today was new
    /// comes from its applied review count.
    func todayCounts(dayStart: Date) throws -> DailyCounts {
        guard store.records.values.contains(where: { ($0.state.lastReview ?? .distantPast) >= dayStart }) else {
            return DailyCounts()
        }
        let recent = try ReviewLog.recentEvents(inFolder: store.logURL.deletingLastPathComponent(), since: dayStart)
        let records = store.records
        return DailyCounts.from(recent: recent, dayStart: dayStart, reps: { records[$0]?.state.reps ?? 0 })
    }
}
