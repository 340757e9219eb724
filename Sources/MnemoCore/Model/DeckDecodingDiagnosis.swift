import Foundation

/// Turns Foundation's decoding errors into `DeckError`s that say where the problem is:
/// the line and column of bad JSON, or the card (position and id) and field of a bad value.
/// Only runs when decoding failed, so re-parsing the data here costs nothing on the happy path.
enum DeckDecodingDiagnosis {
    static func explain(_ error: DecodingError, data: Data, path: String) -> DeckError {
        switch error {
        case .keyNotFound(let key, let context):
            let (place, field) = locate(context.codingPath + [key], data: data)
            return .missingField(path: path, place: place, field: field)
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty {
                return .notADeck(path: path, found: foundText(context.debugDescription) ?? "not an object")
            }
            let (place, field) = locate(context.codingPath, data: data)
            var expected = describe(type)
            if let found = foundText(context.debugDescription) { expected += ", not \(found)" }
            return .wrongType(path: path, place: place, field: field, expected: expected)
        case .valueNotFound(let type, let context):
            let (place, field) = locate(context.codingPath, data: data)
            return .wrongType(path: path, place: place, field: field, expected: "\(describe(type)), not null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return syntaxError(data: data, path: path) }
            let (place, field) = locate(context.codingPath, data: data)
            return .invalidValue(path: path, place: place, field: field, reason: context.debugDescription)
        @unknown default:
            return .malformedJSON(path: path, line: nil, column: nil)
        }
    }

    /// JSONSerialization says where the syntax breaks ("around character N", a byte offset)
    /// or that the file ended early.
    static func syntaxError(data: Data, path: String) -> DeckError {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let message = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            if message.localizedCaseInsensitiveContains("end of file")
                || message.localizedCaseInsensitiveContains("unexpected end")
            {
                return .truncated(path: path)
            }
            if let offset = byteOffset(in: message) {
                let (line, column) = lineAndColumn(ofByte: offset, in: data)
                return .malformedJSON(path: path, line: line, column: column)
            }
        }
        return .malformedJSON(path: path, line: nil, column: nil)
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func lineAndColumn(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let prefix = data.prefix(max(0, min(offset, data.count)))
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lastLineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? prefix.startIndex
        let lastLine = String(decoding: prefix[lastLineStart...], as: UTF8.self)
        return (line, lastLine.count + 1)
    }

    private static func byteOffset(in message: String) -> Int? {
        guard let range = message.range(of: "character ") else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    /// "card 12 (cloze-ab12…)" and "evidence[0].line" from a coding path.
    static func locate(_ codingPath: [any CodingKey], data: Data) -> (place: String, field: String) {
        if codingPath.count >= 2, codingPath[0].stringValue == "cards", let index = codingPath[1].intValue {
            var place = "card \(index + 1)"
            if let id = cardID(at: index, in: data) { place += " (\(id))" }
            return (place, fieldPath(codingPath.dropFirst(2)))
        }
        return ("", fieldPath(codingPath[...]))
    }

    static func fieldPath(_ keys: ArraySlice<any CodingKey>) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out
    }

    private static func cardID(at index: Int, in data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cards = object["cards"] as? [Any], cards.indices.contains(index),
            let card = cards[index] as? [String: Any], let id = card["id"] as? String, !id.isEmpty
        else { return nil }
        return id
    }

    static func describe(_ type: Any.Type) -> String {
        if type == String.self || type == CardID.self { return "a string" }
        if type == Int.self || type == Double.self { return "a number" }
        if type == Bool.self { return "true or false" }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "a list" }
        return "an object"
    }

    /// "a string" from "Expected to decode Int but found a string instead."
    private static func foundText(_ debugDescription: String) -> String? {
        guard let start = debugDescription.range(of: "but found "),
            let end = debugDescription.range(of: " instead", range: start.upperBound..<debugDescription.endIndex)
        else { return nil }
        let found = debugDescription[start.upperBound..<end.lowerBound]
        return found.isEmpty ? nil : String(found)
    }
}
