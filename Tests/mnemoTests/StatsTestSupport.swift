import Foundation
import Testing

@testable import MnemoCore

/// A temporary folder for one end-to-end statistics test, removed when the value goes away.
final class StatsSandbox {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A deck of `cards` cards over three sources, with tags.
    @discardableResult
    func writeDeck(_ name: String = "deck.json", id: String = "test-deck", cards: Int = 30) throws -> Deck {
        let sources = ["one.txt", "two.txt", "three.txt"]
        let deck = Deck(
            id: id, title: "Test deck",
            sources: sources.enumerated().map {
                SourceInfo(file: $1, title: "Source \($0 + 1)", sha256: "00", language: "en")
            },
            cards: (0..<cards).map { i in
                Card(
                    id: CardID("question-\(String(format: "%04d", i))"), kind: .question,
                    prompt: "When did event \(i) happen?",
                    answer: "\(1900 + i)",
                    evidence: [
                        Provenance(
                            source: sources[i % 3], line: i + 1, start: 0, end: 20,
                            quote: "Event \(i) happened in \(1900 + i).")
                    ], tags: i % 2 == 0 ? ["date", "even"] : ["date"])
            })
        try deck.write(to: url.appendingPathComponent(name))
        return deck
    }

    /// Writes a simulated learner's log directly (no fsync per event), and optionally a name.
    @discardableResult
    func simulate(
        folder: String, deck: Deck, days: Int, seed: UInt64, difficulty: Double = 1, name: String? = nil, now: Date
    ) throws -> [ReviewEvent] {
        let events = LearnerSimulator.simulate(
            cards: deck.cards.map { .init(id: $0.id, deck: deck.id) }, days: days,
            start: now.addingTimeInterval(-Double(days) * 86_400), seed: seed, scheduler: try Scheduler(),
            profile: .init(newPerDay: 8, difficulty: difficulty))
        let dir = url.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(ReviewLog.lines(for: events)).write(to: dir.appendingPathComponent(ReviewLog.fileName))
        if let name {
            try Data(#"{"learnerName": "\#(name)"}"#.utf8).write(to: dir.appendingPathComponent("settings.json"))
        }
        return events
    }
}

struct MnemoRun {
    var status: Int32
    var stdout: String
    var stderr: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
    }
}

/// Runs the built `mnemo` in `folder` with TZ=UTC and no NO_COLOR (output is piped, so no color anyway).
func runMnemoBinary(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> MnemoRun
{
    let process = Process()
    process.executableURL = builtMnemo()
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["TZ"] = "UTC"
    environment.removeValue(forKey: "NO_COLOR")
    for (k, v) in extra { environment[k] = v }
    process.environment = environment
    let out = Pipe()
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    let stderr = (try? Data(contentsOf: errURL)) ?? Data()
    return MnemoRun(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

private func builtMnemo() -> URL {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        Bundle.main.bundleURL.deletingLastPathComponent(),
        Bundle.main.bundleURL,
    ]
    for folder in candidates {
        let url = folder.appendingPathComponent("mnemo")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return URL(fileURLWithPath: ".build/debug/mnemo")
}

/// A small JSON schema check: `schema` maps key paths to types ("int", "number", "string", "bool",
/// "array", "object"; a trailing "?" marks an optional key). "a[].b" applies to every element of
/// the array "a". Returns the problems found.
func schemaProblems(_ json: Any, _ schema: [String: String]) -> [String] {
    var problems: [String] = []
    for (path, type) in schema.sorted(by: { $0.key < $1.key }) {
        let optional = type.hasSuffix("?")
        let base = optional ? String(type.dropLast()) : type
        for (where_, value) in values(at: path.split(separator: ".").map(String.init), in: json, prefix: "") {
            guard let value else {
                if !optional { problems.append("\(where_): missing (\(base))") }
                continue
            }
            if !matches(value, base) { problems.append("\(where_): expected \(base), found \(Swift.type(of: value))") }
        }
    }
    return problems
}

private func values(at keys: [String], in json: Any, prefix: String) -> [(String, Any?)] {
    guard let first = keys.first else { return [(prefix, json)] }
    let rest = Array(keys.dropFirst())
    let isArray = first.hasSuffix("[]")
    let key = isArray ? String(first.dropLast(2)) : first
    guard let object = json as? [String: Any] else { return [(prefix + key, nil)] }
    guard let value = object[key] else { return [(prefix + key, nil)] }
    if isArray {
        guard let array = value as? [Any] else { return [(prefix + key, nil)] }
        return array.enumerated().flatMap { i, element in
            values(at: rest, in: element, prefix: "\(prefix)\(key)[\(i)].")
        }
    }
    return rest.isEmpty ? [(prefix + key, value)] : values(at: rest, in: value, prefix: prefix + key + ".")
}

private func matches(_ value: Any, _ type: String) -> Bool {
    let isBoolean = String(describing: Swift.type(of: value)).contains("Boolean")
    switch type {
    case "string": return value is String
    case "bool": return isBoolean
    case "int":
        guard !isBoolean, let n = value as? NSNumber else { return false }
        return n.doubleValue == n.doubleValue.rounded()
    case "number": return !isBoolean && value is NSNumber
    case "array": return value is [Any]
    case "object": return value is [String: Any]
    default: return false
    }
}
