/// The rating a session proposes after an answer; Enter accepts it, 1-4 overrides it.
///
/// - wrong → Again.
/// - right → Good; right after a hint → Hard.
/// - almost right (a small typo, forgiven) → Good, or Hard after a hint: the fact was recalled,
///   only its spelling slipped, and FSRS schedules facts, not spelling. The correct spelling is shown.
/// - unchecked (self-rated mode, answer only revealed) → Good, the learner adjusts with 1-4.
public enum RatingProposal {
    public static func propose(for verdict: Verdict, hinted: Bool) -> Rating {
        switch verdict {
        case .wrong: .again
        case .right, .almost: hinted ? .hard : .good
        case .unchecked: hinted ? .hard : .good
        }
    }
}
