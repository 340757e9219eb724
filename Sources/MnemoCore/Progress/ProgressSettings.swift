import Foundation

/// `settings.json` in a progress folder: the learner's scheduler configuration, daily limits, the
/// hour the study day rolls over and a display name. Hand-editable; a missing file means defaults,
/// a malformed one is refused (never silently replaced).
///
///     let settings = try ProgressSettings.load(folder: dir)
///     let store = try ProgressStore(folder: dir, access: .readOnly, applier: try settings.applier())
public struct ProgressSettings: Codable, Hashable, Sendable {
    public static let fileName = "settings.json"

    public var formatVersion: Int
    /// Who studies with this folder (shown in class reports); optional.
    public var name: String?
    /// New cards introduced per study day.
    public var newPerDay: Int
    /// Reviews shown per study day at most.
    public var reviewsPerDay: Int
    /// Local hour (0–23) at which a new study day starts.
    public var rolloverHour: Int
    public var scheduler: SchedulerConfig

    public init(
        name: String? = nil, newPerDay: Int = 20, reviewsPerDay: Int = 200, rolloverHour: Int = 4,
        scheduler: SchedulerConfig = .default
    ) {
        formatVersion = ProgressFormat.version
        self.name = name
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.rolloverHour = rolloverHour
        self.scheduler = scheduler
    }

    public static let `default` = ProgressSettings()

    private enum CodingKeys: String, CodingKey {
        case formatVersion, name, newPerDay, reviewsPerDay, rolloverHour, scheduler
    }

    /// Missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ProgressSettings.default
        formatVersion = try c.decodeIfPresent(Int.self, forKey: .formatVersion) ?? ProgressFormat.version
        name = try c.decodeIfPresent(String.self, forKey: .name)
        newPerDay = try c.decodeIfPresent(Int.self, forKey: .newPerDay) ?? d.newPerDay
        reviewsPerDay = try c.decodeIfPresent(Int.self, forKey: .reviewsPerDay) ?? d.reviewsPerDay
        rolloverHour = try c.decodeIfPresent(Int.self, forKey: .rolloverHour) ?? d.rolloverHour
        scheduler = try c.decodeIfPresent(SchedulerConfig.self, forKey: .scheduler) ?? d.scheduler
    }

    /// Every problem with the values, one line each (empty when valid). Scheduler problems come
    /// from `Scheduler.init` (all bad parameters in one line).
    public var problems: [String] {
        var out: [String] = []
        if newPerDay < 0 { out.append("new cards per day must be 0 or more, got \(newPerDay)") }
        if reviewsPerDay < 0 { out.append("reviews per day must be 0 or more, got \(reviewsPerDay)") }
        if !(0...23).contains(rolloverHour) { out.append("rollover hour must be 0…23, got \(rolloverHour)") }
        do { _ = try Scheduler(scheduler) } catch { out.append(error.description) }
        return out
    }

    /// Reads `folder/settings.json`; defaults when there is none.
    public static func load(folder: URL) throws(ProgressError) -> ProgressSettings {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .default }
        let bytes = try ReviewLog.readBytes(at: url)
        if let version = ProgressSnapshot.formatVersion(in: bytes), version > ProgressFormat.version {
            throw .newerFormat(path: url.path, found: version, supported: ProgressFormat.version)
        }
        let settings: ProgressSettings
        do {
            settings = try ProgressJSON.decoder().decode(ProgressSettings.self, from: Data(bytes))
        } catch {
            throw .malformedSettings(path: url.path, problem: ProgressJSON.describe(error))
        }
        if let problem = settings.problems.first {
            throw .invalidScheduler(path: url.path, problem: problem)
        }
        return settings
    }

    /// Writes `folder/settings.json` atomically (pretty, sorted keys). Callers hold the folder's lock.
    public func save(folder: URL) throws(ProgressError) {
        let bytes: [UInt8]
        do {
            bytes = Array(try ProgressJSON.encoder(pretty: true).encode(self)) + [0x0A]
        } catch {
            throw .writeFailed(path: folder.appendingPathComponent(Self.fileName).path, reason: "cannot encode settings")
        }
        try AtomicFile.write(bytes, to: folder.appendingPathComponent(Self.fileName))
    }

    /// Identifies everything replay depends on (the scheduler configuration and the replay rules);
    /// a snapshot made under another hash is rebuilt.
    public static func configHash(_ config: SchedulerConfig) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(config)) ?? Data()
        return "v\(ReplayRules.version)-" + SHA256.hexDigest(of: Array(json))
    }

    /// The applier for this folder's scheduler (refused configurations throw the scheduler's error).
    public func applier() throws(SchedulingError) -> ReviewApplier {
        try ReviewApplier.scheduling(with: scheduler)
    }
}

extension ReviewApplier {
    /// Replays reviews with `Scheduler(config)`; its hash covers the configuration and replay rules.
    public static func scheduling(with config: SchedulerConfig) throws(SchedulingError) -> ReviewApplier {
        let scheduler = try Scheduler(config)
        return ReviewApplier(configHash: ProgressSettings.configHash(config)) { state, rating, time, rng in
            scheduler.review(state, rating: rating, at: time, using: &rng)
        }
    }
}

/// Rules of replay beyond the scheduler (leeches); bumping the version rebuilds every snapshot.
public enum ReplayRules {
    public static let version = 2
    /// Lapses at which a card becomes a leech and is suspended (Anki's default), then again every
    /// `leechRepeat` lapses after that.
    public static let leechThreshold = 8
    public static let leechRepeat = 4

    /// Whether a review that brought the card's lapses from `before` to `after` makes it a leech now.
    public static func becomesLeech(lapsesBefore before: Int, after: Int) -> Bool {
        guard after > before, after >= leechThreshold else { return false }
        return (after - leechThreshold) % leechRepeat == 0
    }
}
