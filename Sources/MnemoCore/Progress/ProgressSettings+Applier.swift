import Foundation

extension ProgressSettings {
    /// The applier replaying reviews with these settings' scheduler (refused configurations throw).
    public func applier() throws(SchedulingError) -> ReviewApplier {
        try ReviewApplier.scheduling(with: scheduler)
    }
}

extension ReviewApplier {
    /// Replays reviews with `Scheduler(config)`; its hash covers the configuration and replay rules.
    public static func scheduling(with config: SchedulerConfig) throws(SchedulingError) -> ReviewApplier {
        ReviewApplier(scheduler: try Scheduler(config))
    }
}
