/// The scheduler's phase/step state machine without the memory model (`Scheduler.review`'s
/// second half), so statistics know which answers were Review-phase answers without
/// recomputing stability a million times. Tested against the scheduler.
struct PhaseTracker: Sendable {
    let learningSteps: Int
    let relearningSteps: Int

    init(config: SchedulerConfig) {
        learningSteps = config.learningSteps.count
        relearningSteps = config.relearningSteps.count
    }

    /// The phase and step after a review rated `rating` (step -1 stands for none).
    func next(_ phase: CardPhase, step: Int, rating: Rating) -> (CardPhase, Int) {
        switch phase {
        case .new, .learning, .relearning:
            let steps = phase == .relearning ? relearningSteps : learningSteps
            let s = max(step, 0)
            if steps == 0 || (s >= steps && rating != .again) { return (.review, -1) }
            let base: CardPhase = phase == .new ? .learning : phase
            switch rating {
            case .again: return (base, 0)
            case .hard: return (base, s)
            case .good: return s + 1 == steps ? (.review, -1) : (base, s + 1)
            case .easy: return (.review, -1)
            }
        case .review:
            if rating == .again { return relearningSteps == 0 ? (.review, -1) : (.relearning, 0) }
            return (.review, -1)
        }
    }
}
