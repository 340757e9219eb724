import Foundation

/// `settings.json`: what the learner chose. Hand-editable: missing keys take their defaults, and a
/// file that is not valid is an error naming it (never silently replaced).
public struct ProgressSettings: Codable, Hashable, Sendable {
    public static let fileName = "settings.json"

    public var formatVersion: Int
    /// Shown in class reports; nil means "use the folder's name".
    public var learnerName: String?
    public var scheduler: SchedulerConfig
    /// New cards introduced per study day.
    public var newPerDay: Int
    /// Reviews per study day.
    public var reviewsPerDay: Int
    /// The study day starts at this local hour (Anki's default is 4 a.m.).
    public var dayRolloverHour: Int

    public init(
        learnerName: String? = nil, scheduler: SchedulerConfig = .default, newPerDay: Int = 20,
        reviewsPerDay: Int = 200,
        dayRolloverHour: Int = 4
    ) {
        formatVersion = ProgressFormat.version
        self.learnerName = learnerName
        self.scheduler = scheduler
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.dayRolloverHour = dayRolloverHour
    }

    public static let `default` = ProgressSettings()

    private enum CodingKeys: String, CodingKey {
        case formatVersion, learnerName, scheduler, newPerDay, reviewsPerDay, dayRolloverHour
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ProgressSettings.default
        formatVersion = try c.decodeIfPresent(Int.self, forKey: .formatVersion) ?? d.formatVersion
        learnerName = try c.decodeIfPresent(String.self, forKey: .learnerName)
        scheduler = try c.decodeIfPresent(SchedulerConfig.self, forKey: .scheduler) ?? d.scheduler
        newPerDay = try c.decodeIfPresent(Int.self, forKey: .newPerDay) ?? d.newPerDay
        reviewsPerDay = try c.decodeIfPresent(Int.self, forKey: .reviewsPerDay) ?? d.reviewsPerDay
        dayRolloverHour = try c.decodeIfPresent(Int.self, forKey: .dayRolloverHour) ?? d.dayRolloverHour
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encodeIfPresent(learnerName, forKey: .learnerName)
        try c.encode(scheduler, forKey: .scheduler)
        try c.encode(newPerDay, forKey: .newPerDay)
        try c.encode(reviewsPerDay, forKey: .reviewsPerDay)
        try c.encode(dayRolloverHour, forKey: .dayRolloverHour)
    }

    /// Reads `settings.json` in `folder`; defaults when there is none.
    public static func load(fromFolder folder: URL) throws(ProgressError) -> ProgressSettings {
        let url = folder.appendingPathComponent(fileName)
        let bytes = try ReviewLog.readBytes(at: url)
        guard !bytes.isEmpty else {
            if FileManager.default.fileExists(atPath: url.path) {
                throw .malformedSettings(path: url.path, problem: "the file is empty")
            }
            return .default
        }
        if let version = ProgressSnapshot.formatVersion(in: bytes), version > ProgressFormat.version {
            throw .newerFormat(path: url.path, found: version, supported: ProgressFormat.version)
        }
        let settings: ProgressSettings
        do {
            settings = try ProgressJSON.decoder().decode(ProgressSettings.self, from: Data(bytes))
        } catch {
            throw .malformedSettings(path: url.path, problem: ProgressJSON.describe(error))
        }
        try settings.validate(path: url.path)
        return settings
    }

    /// Writes `settings.json` atomically (pretty-printed, sorted keys).
    public func save(toFolder folder: URL) throws(ProgressError) {
        let url = folder.appendingPathComponent(ProgressSettings.fileName)
        do {
            var bytes = [UInt8](try ProgressJSON.encoder(pretty: true).encode(self))
            bytes.append(0x0A)
            try AtomicFile.write(bytes, to: url)
        } catch let error as ProgressError {
            throw error
        } catch {
            throw .writeFailed(path: url.path, reason: "cannot encode the settings")
        }
    }

    /// Checks the limits and the scheduler configuration.
    public func validate(path: String) throws(ProgressError) {
        if newPerDay < 0 {
            throw .malformedSettings(path: path, problem: "newPerDay must be 0 or more, got \(newPerDay)")
        }
        if reviewsPerDay < 0 {
            throw .malformedSettings(path: path, problem: "reviewsPerDay must be 0 or more, got \(reviewsPerDay)")
        }
        if !(0...23).contains(dayRolloverHour) {
            throw .malformedSettings(path: path, problem: "dayRolloverHour must be 0-23, got \(dayRolloverHour)")
        }
        do {
            _ = try Scheduler(scheduler)
        } catch {
            throw .invalidScheduler(path: path, problem: error.description)
        }
    }
}

extension ReviewApplier {
    /// Reviews applied by the FSRS scheduler for `config`; the hash covers every setting that
    /// changes a state, so a snapshot made under other settings is rebuilt.
    public init(scheduler: Scheduler) {
        let config = scheduler.config
        var canonical = "fsrs-6;parameters="
        canonical += config.parameters.map { "\($0)" }.joined(separator: ",")
        canonical += ";desiredRetention=\(config.desiredRetention)"
        canonical += ";learningSteps=" + config.learningSteps.map { "\($0)" }.joined(separator: ",")
        canonical += ";relearningSteps=" + config.relearningSteps.map { "\($0)" }.joined(separator: ",")
        canonical += ";maximumInterval=\(config.maximumInterval);enableFuzz=\(config.enableFuzz)"
        canonical += ";loadBalance=\(config.loadBalance)"
        canonical += ";replayRules=\(ReplayRules.version)"
        let hash = String(SHA256.hexDigest(of: Array(canonical.utf8)).prefix(16))
        self.init(configHash: hash, balances: config.enableFuzz && config.loadBalance) {
            state, rating, time, rng, load in
            scheduler.review(state, rating: rating, at: time, using: &rng, dueLoad: load)
        }
    }
}

extension ProgressStore {
    /// Opens `folder` with its own settings (defaults if it has none; read-write opens write them
    /// so the learner can edit them): the usual way in.
    public convenience init(folder: URL, access: Access) throws(ProgressError) {
        let settings = try ProgressSettings.load(fromFolder: folder)
        let scheduler: Scheduler
        do {
            scheduler = try Scheduler(settings.scheduler)
        } catch {
            throw .invalidScheduler(
                path: folder.appendingPathComponent(ProgressSettings.fileName).path, problem: error.description)
        }
        try self.init(folder: folder, access: access, applier: ReviewApplier(scheduler: scheduler), settings: settings)
        if isWritable,
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent(ProgressSettings.fileName).path)
        {
            try settings.save(toFolder: folder)
        }
    }
}

extension ProgressMerge {
    /// Merges with the target folder's settings; when the target has none and the other folder
    /// has some, they are copied first (the same learner's choices).
    public static func merge(into target: URL, from other: URL, owner: LockOwner) throws(ProgressError) -> MergeReport {
        let targetSettings = target.appendingPathComponent(ProgressSettings.fileName)
        let otherSettings = other.appendingPathComponent(ProgressSettings.fileName)
        var settings = try ProgressSettings.load(fromFolder: target)
        let copySettings =
            !FileManager.default.fileExists(atPath: targetSettings.path)
            && FileManager.default.fileExists(atPath: otherSettings.path)
        if copySettings { settings = try ProgressSettings.load(fromFolder: other) }
        let scheduler: Scheduler
        do {
            scheduler = try Scheduler(settings.scheduler)
        } catch {
            throw .invalidScheduler(
                path: copySettings ? otherSettings.path : targetSettings.path, problem: error.description)
        }
        let report = try merge(into: target, from: other, owner: owner, applier: ReviewApplier(scheduler: scheduler))
        if !FileManager.default.fileExists(atPath: targetSettings.path) { try settings.save(toFolder: target) }
        return report
    }
}
