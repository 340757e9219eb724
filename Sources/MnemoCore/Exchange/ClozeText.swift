import Foundation

/// Converting between Mnemo's cloze prompts and Anki's cloze syntax.
///
/// A Mnemo cloze prompt is the sentence with the answer blanked; the blank is written in
/// square brackets and says what is missing ("The war ended in [year]."), or is a run of
/// underscores. Anki writes the same card as `The war ended in {{c1::1945::year}}.`
public enum ClozeText {
    /// One deletion of an Anki cloze text, as a Mnemo prompt and answer.
    public struct Deletion: Hashable, Sendable {
        /// The cloze number (`c1` is 1).
        public var ordinal: Int
        /// The text with this deletion blanked (`[hint]` or `[…]`) and every other one shown.
        public var prompt: String
        public var answer: String
        public var hint: String?
    }

    /// The range of the blank in a Mnemo cloze prompt: the first `[...]`, else the first run
    /// of three or more underscores.
    public static func blankRange(in prompt: String) -> Range<String.Index>? {
        if let open = prompt.firstIndex(of: "["),
            let close = prompt[open...].firstIndex(of: "]")
        {
            return open..<prompt.index(after: close)
        }
        return prompt.range(of: "___+", options: .regularExpression)
    }

    /// `prompt` with its blank replaced by `{{c1::answer::hint}}`, the other text passed
    /// through `escape` (HTML escaping for Anki fields that hold HTML). Nil when the prompt
    /// has no blank.
    public static func ankiCloze(
        prompt: String, answer: String, escape: (String) -> String = { $0 }
    ) -> String? {
        guard let blank = blankRange(in: prompt) else { return nil }
        var hint = String(prompt[blank])
        if hint.hasPrefix("[") {
            hint = String(hint.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        } else {
            hint = ""
        }
        let deletion = escapeCloze(escape(answer))
        let hintPart = hint.isEmpty || hint == "…" || hint == "..." ? "" : "::" + escapeCloze(escape(hint))
        return escape(String(prompt[..<blank.lowerBound])) + "{{c1::" + deletion + hintPart + "}}"
            + escape(String(prompt[blank.upperBound...]))
    }

    /// `::` and `}}` would end an Anki deletion early; break them up with a zero-width space.
    private static func escapeCloze(_ text: String) -> String {
        text.replacingOccurrences(of: "::", with: ":\u{200B}:").replacingOccurrences(of: "}}", with: "}\u{200B}}")
    }

    /// The deletions of an Anki cloze text (`{{c1::answer}}`, `{{c2::answer::hint}}`), one per
    /// cloze number, in number order. Deletions sharing a number are blanked together; the
    /// answer then joins their texts with ", ". Empty when the text has none.
    public static func deletions(in text: String) -> [Deletion] {
        let parts = parse(text)
        let ordinals = Set(
            parts.compactMap { part -> Int? in
                if case .deletion(let n, _, _) = part { return n }
                return nil
            }
        ).sorted()
        return ordinals.map { ordinal in
            var prompt = ""
            var answers: [String] = []
            var hint: String?
            for part in parts {
                switch part {
                case .text(let t):
                    prompt += t
                case .deletion(let n, let answer, let h) where n == ordinal:
                    prompt += "[" + (h ?? "…") + "]"
                    answers.append(answer)
                    if hint == nil { hint = h }
                case .deletion(_, let answer, _):
                    prompt += answer
                }
            }
            return Deletion(ordinal: ordinal, prompt: prompt, answer: answers.joined(separator: ", "), hint: hint)
        }
    }

    private enum Part {
        case text(String)
        case deletion(Int, String, String?)
    }

    private static func parse(_ text: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(text)
        let pattern = "\\{\\{c([0-9]+)::(.*?)\\}\\}"
        while let match = rest.range(of: pattern, options: .regularExpression) {
            parts.append(.text(String(rest[..<match.lowerBound])))
            let body = rest[match].dropFirst(3).dropLast(2)  // "12::answer::hint"
            let pieces = body.components(separatedBy: "::")
            let ordinal = Int(pieces[0]) ?? 1
            let answer = pieces.count > 1 ? pieces[1] : ""
            let hint = pieces.count > 2 ? pieces[2...].joined(separator: "::") : nil
            parts.append(.deletion(ordinal, answer, hint?.isEmpty == true ? nil : hint))
            rest = rest[match.upperBound...]
        }
        parts.append(.text(String(rest)))
        return parts
    }
}
