import Foundation

/// Work started on another thread at once, its result taken later: `mnemo stats` reads its decks,
/// the snapshot and the review log at the same time. (Dispatch threads, not Swift tasks: the work
/// blocks, and the cooperative pool has only as many threads as cores.)
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once on the worker before `done` is left, read only after waiting for it.
    private var result: Result<Value, any Error> = .failure(CancellationError())

    init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try work() }
            self.done.leave()
        }
    }

    /// Waits for the work; its value, or the error it threw.
    func value() throws -> Value {
        done.wait()
        return try result.get()
    }
}
