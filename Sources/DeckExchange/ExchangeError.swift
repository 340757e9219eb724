import Foundation
import MnemoCore

/// Errors reading or writing decks, Anki packages and text files; each names the file.
public enum ExchangeError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    case missing(String)
    case unreadable(String, String)
    case notUTF8(String)
    case notAZip(String)
    case noCollection(String, entries: [String])
    case newerAnkiPackage(String)
    case unsupportedSchema(String, version: Int)
    case notACollection(String, String)
    case busy(String)
    case writeFailed(String, String)
    case exists(String)
    /// No card could be made; `first` is the first row's problem ("row 1: 1 field; need front and back").
    case nothingImported(String, problems: Int, first: String?)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file"
        case .unreadable(let path, let why): "\(path): cannot be read (\(why))"
        case .notUTF8(let path): "\(path): not UTF-8 text; save it as UTF-8 and try again"
        case .notAZip(let path): "\(path): not an Anki package (an .apkg is a zip file, and this is not one)"
        case .noCollection(let path, let entries):
            "\(path): no Anki collection inside (expected collection.anki2 or collection.anki21; found "
                + (entries.isEmpty ? "nothing" : entries.sorted().joined(separator: ", ")) + ")"
        case .newerAnkiPackage(let path):
            "\(path): made in Anki's newer package format (collection.anki21b: zstd-compressed, schema 18), "
                + "which Mnemo does not read; in Anki, export again with 'Support older Anki versions' checked"
        case .unsupportedSchema(let path, let version):
            "\(path): Anki collection schema version \(version); Mnemo reads schema 11 (collection.anki2/anki21)"
        case .notACollection(let path, let why): "\(path): not an Anki collection (\(why))"
        case .busy(let path): "\(path): another program is writing this deck right now; try again when it is done"
        case .writeFailed(let path, let why): "\(path): could not be written (\(why)); nothing was changed"
        case .exists(let path): "\(path): already exists; pass --force to replace it"
        case .nothingImported(let path, let problems, let first):
            "\(path): no cards could be imported (\(problems) row\(problems == 1 ? "" : "s") with problems"
                + (first.map { problems == 1 ? ": \($0))" : "; the first, \($0))" } ?? ")")
        }
    }

    public var errorDescription: String? { description }
}
