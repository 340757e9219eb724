import Foundation
import MnemoCore

/// Everything a session needs from the environment: the progress folder, its settings, the scheduler.
struct StudySetup {
    let folder: URL
    let scheduler: Scheduler
    let applier: ReviewApplier
    let limits: StudyLimits
    let studyDay: StudyDay
    let now: Date

    init(progressOption: String?, environment: [String: String], now: Date) throws {
        folder = StudySetup.progressFolder(option: progressOption, environment: environment)
        let config = SchedulerConfig.default
        scheduler = try Scheduler(config)
        let scheduler = self.scheduler
        applier = ReviewApplier(configHash: "default") { state, rating, time, rng in
            scheduler.review(state, rating: rating, at: time, using: &rng)
        }
        limits = StudyLimits()
        studyDay = StudyDay(timeZone: .current, rolloverHour: 4)
        self.now = now
    }

    /// `--progress`, else `$MNEMO_HOME`, else `$XDG_DATA_HOME/mnemo`, else `~/.local/share/mnemo`.
    static func progressFolder(option: String?, environment: [String: String]) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option, isDirectory: true) }
        if let home = environment["MNEMO_HOME"], !home.isEmpty { return URL(fileURLWithPath: home, isDirectory: true) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("mnemo", isDirectory: true)
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share/mnemo", isDirectory: true)
    }

    func openStore(command: String) throws -> ProgressStore {
        let owner = LockOwner(
            pid: getpid(), host: ProcessInfo.processInfo.hostName, command: command, since: now)
        return try ProgressStore(folder: folder, access: .readWrite(owner), applier: applier)
    }

    /// New and review cards already studied today, from the log.
    func todayCounts(store: ProgressStore, dayStart: Date) throws -> DailyCounts {
        let contents = try ReviewLog.read(at: store.logURL)
        return DailyCounts.from(contents.events, dayStart: dayStart)
    }
}
