import ArgumentParser

/// How answers are given: typed (checked), choice (options a-d where the card has them), self (self-rated).
enum StudyMode: String, CaseIterable, ExpressibleByArgument, Sendable {
    case typed
    case choice
    case `self`
}
