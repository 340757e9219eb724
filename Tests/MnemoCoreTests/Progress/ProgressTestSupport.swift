import Foundation
import Testing

@testable import MnemoCore

/// A fresh temporary folder, removed by the caller's `defer`.
func makeTemporaryFolder(_ name: String = "progress") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("mnemo-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.appendingPathComponent(name, isDirectory: true)
}

func removeTemporaryFolder(_ url: URL) {
    try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
}

/// A stand-in scheduler: deterministic, uses the generator (so fuzz reproduction is exercised),
/// and makes every rating and order visible in the state.
let testApplier = ReviewApplier(configHash: "test-config") { state, rating, time, rng in
    var s = state
    s.reps += 1
    if rating == .again, state.phase == .review { s.lapses += 1 }
    s.phase = rating == .again ? .relearning : .review
    let fuzz = Double(rng.next() % 1000) / 1000
    s.stability = (s.stability ?? 1) * Double(rating.rawValue) + fuzz
    s.difficulty = Double(11 - rating.rawValue) - fuzz
    s.lastReview = time
    s.due = time.addingTimeInterval(86_400 * Double(rating.rawValue) + fuzz * 3600)
    return s
}

let testOwner = LockOwner(
    pid: 4242, host: "testhost", command: "mnemo study", since: Date(timeIntervalSince1970: 1_790_000_000))

let baseTime = Date(timeIntervalSince1970: 1_790_000_000.123)

/// A review event at `minutes` after `baseTime`.
func review(
    _ id: String, card: String, rating: Rating = .good, minutes: Double = 0, deck: String = "deck-1"
) -> ReviewEvent {
    ReviewEvent(
        id: id, kind: .review, card: CardID(card), deck: deck, time: baseTime.addingTimeInterval(minutes * 60),
        rating: rating, answer: "1945", verdict: .right, durationMs: 4200)
}

func undo(_ id: String, of target: String, card: String, minutes: Double = 0) -> ReviewEvent {
    ReviewEvent(
        id: id, kind: .undo, card: CardID(card), deck: "deck-1", time: baseTime.addingTimeInterval(minutes * 60),
        undoes: target)
}

func openWriter(_ folder: URL, applier: ReviewApplier = testApplier) throws -> ProgressStore {
    try ProgressStore(folder: folder, access: .readWrite(testOwner), applier: applier)
}

func openReader(_ folder: URL, applier: ReviewApplier = testApplier) throws -> ProgressStore {
    try ProgressStore(folder: folder, access: .readOnly, applier: applier)
}

func appendLines(_ text: String, to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
}
