import Foundation

/// Renders quiz sheets: each variant, then its answer key, as Markdown or as one
/// self-contained HTML page that prints one section per page.
public enum QuizRenderer {
    /// What a blank looks like on paper, with what is missing: "__________ (year)".
    static func promptText(_ question: QuizQuestion, blank: String) -> String {
        let card = question.card
        switch card.kind {
        case .cloze, .choice:
            // Choice prompts may carry the blank too ("dispatched [number] troops").
            guard let range = ClozeText.blankRange(in: card.prompt) else { return card.prompt }
            var hint = String(card.prompt[range])
            hint = hint.hasPrefix("[") ? String(hint.dropFirst().dropLast()) : ""
            let shown = hint.isEmpty || hint == "…" ? blank : "\(blank) (\(hint))"
            return card.prompt.replacingCharacters(in: range, with: shown)
        case .truefalse:
            // The instruction already says "True or false?"; generated statements may repeat it.
            for prefix in ["True or false:", "True or false?"] where card.prompt.hasPrefix(prefix) {
                return card.prompt.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            }
            return card.prompt
        default:
            return card.prompt
        }
    }

    static func instruction(for kind: CardKind) -> String? {
        switch kind {
        case .truefalse: "True or false?"
        case .order: "Put these in chronological order (write the letters):"
        case .choice: "Circle one."
        case .cloze: "Fill in the blank."
        case .question: nil
        }
    }

    // MARK: Markdown

    public static func markdown(_ quiz: Quiz) -> String {
        var out = ""
        for (index, variant) in quiz.variants.enumerated() {
            if index > 0 { out += "\n<div style=\"page-break-before: always\"></div>\n\n" }
            out += "# \(md(quiz.title)): quiz, variant \(variant.label)\n\n"
            out += "Name: ______________________  Class: ____________  Date: ____________\n\n"
            for (number, question) in variant.questions.enumerated() {
                out += "\(number + 1). "
                if let instruction = instruction(for: question.card.kind) { out += "*\(instruction)* " }
                out +=
                    md(promptText(question, blank: "\u{1}"))
                    .replacingOccurrences(of: "\u{1}", with: String(repeating: "\\_", count: 10)) + "\n"
                switch question.card.kind {
                case .choice:
                    for (i, option) in question.options.enumerated() {
                        out += "    - \(Quiz.letter(i)). \(md(option))\n"
                    }
                case .order:
                    for (i, option) in question.options.enumerated() {
                        out += "    - \(Quiz.letter(i).lowercased())) \(md(option))\n"
                    }
                    out += "\n    Order: ______________________\n"
                case .truefalse:
                    out += "\n    True / False\n"
                case .cloze, .question:
                    out += "\n    Answer: ______________________\n"
                }
                out += "\n"
            }
            out += "\n<div style=\"page-break-before: always\"></div>\n\n"
            out += "## Answer key: variant \(variant.label)\n\n"
            for (number, question) in variant.questions.enumerated() {
                out += "\(number + 1). **\(md(question.keyAnswer))**\n"
                let cites = Citation.lines(for: question.card)
                for cite in cites.isEmpty ? ["(no source recorded)"] : cites { out += "    - \(md(cite))\n" }
            }
        }
        return out
    }

    /// Escapes Markdown's inline markup characters.
    static func md(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    // MARK: HTML

    public static func html(_ quiz: Quiz) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(quiz.title)): quiz</title>
            <style>
            \(css)
            </style>
            </head>
            <body>

            """
        for variant in quiz.variants {
            out += sheet(variant, title: quiz.title)
            out += key(variant, title: quiz.title)
        }
        out += "</body>\n</html>\n"
        return out
    }

    static func direction(_ question: QuizQuestion) -> String {
        question.isRightToLeft ? " dir=\"rtl\" lang=\"\(HTMLText.escape(question.card.language))\"" : ""
    }

    static func sheet(_ variant: QuizVariant, title: String) -> String {
        var out = """
            <section class="sheet">
            <header>
            <h1>\(HTMLText.escape(title))</h1>
            <p class="variant">Quiz, variant \(variant.label)</p>
            <div class="fields"><span class="field name">Name:</span><span class="field class">Class:</span><span class="field date">Date:</span></div>
            </header>
            <ol class="questions">

            """
        for question in variant.questions {
            out += "<li class=\"q \(question.card.kind.rawValue)\"\(direction(question))>\n"
            if let instruction = instruction(for: question.card.kind) {
                out += "<span class=\"how\" dir=\"ltr\">\(instruction)</span>\n"
            }
            let prompt = HTMLText.escape(promptText(question, blank: "\u{1}"))
                .replacingOccurrences(of: "\u{1}", with: "<span class=\"blank\"></span>")
            out += "<p class=\"prompt\">\(prompt)</p>\n"
            switch question.card.kind {
            case .choice:
                out += "<ol class=\"options\" type=\"A\">"
                out += question.options.map { "<li>\(HTMLText.escape($0))</li>" }.joined()
                out += "</ol>\n"
            case .order:
                out += "<ol class=\"options\" type=\"a\">"
                out += question.options.map { "<li>\(HTMLText.escape($0))</li>" }.joined()
                out += "</ol>\n<p class=\"write\">Order: <span class=\"line short\"></span></p>\n"
            case .truefalse:
                out += "<p class=\"write tf\"><span class=\"box\"></span> True <span class=\"box\"></span> False</p>\n"
            case .cloze:
                break
            case .question:
                out += "<p class=\"write\"><span class=\"line\"></span></p>\n"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n"
        return out
    }

    static func key(_ variant: QuizVariant, title: String) -> String {
        var out = """
            <section class="key">
            <h2>Answer key: \(HTMLText.escape(title)), variant \(variant.label)</h2>
            <ol class="answers">

            """
        for question in variant.questions {
            out += "<li\(direction(question))><strong>\(HTMLText.escape(question.keyAnswer))</strong>"
            out += citations(question.card)
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n"
        return out
    }

    /// Citations with each part isolated for the bidirectional algorithm, so a file name
    /// such as `001_ab.txt` stays whole beside an Arabic quote.
    static func citations(_ card: Card) -> String {
        func place(_ evidence: Provenance) -> String {
            "<bdi dir=\"ltr\">\(HTMLText.escape(evidence.source)), line \(evidence.line)</bdi>"
        }
        var out = ""
        for evidence in card.evidence {
            out += "<div class=\"cite\">\(place(evidence)): “<bdi>\(HTMLText.escape(evidence.quote))</bdi>”</div>"
        }
        if let conflict = card.conflict, !conflict.readings.isEmpty {
            let others = conflict.readings.map { "<bdi>\(HTMLText.escape($0.value))</bdi> (\(place($0.evidence)))" }
            out += "<div class=\"cite\">Sources disagree: \(others.joined(separator: "; "))</div>"
            if let note = conflict.note { out += "<div class=\"cite\">Note: <bdi>\(HTMLText.escape(note))</bdi></div>" }
        }
        return out.isEmpty ? "<div class=\"cite\">(no source recorded)</div>" : out
    }

    static let css = """
        body { font-family: "DejaVu Serif", Georgia, serif; font-size: 12pt; line-height: 1.45; color: #000; background: #fff; margin: 0; }
        section { max-width: 46em; margin: 0 auto; padding: 2em 2.5em; }
        section + section { border-top: 2px dashed #888; }
        header { border-bottom: 1.5pt solid #000; margin-bottom: 1em; padding-bottom: 0.6em; }
        h1 { font-size: 18pt; margin: 0; }
        h2 { font-size: 15pt; margin: 0 0 0.8em; }
        .variant { margin: 0.2em 0 0.8em; font-style: italic; }
        .fields { display: flex; gap: 1.5em; }
        .field { white-space: nowrap; }
        .field::after { content: ""; display: inline-block; border-bottom: 1pt solid #000; margin-left: 0.4em; vertical-align: bottom; }
        .field.name { flex: 1; display: flex; } .field.name::after { flex: 1; }
        .field.class::after { width: 7em; } .field.date::after { width: 7em; }
        ol.questions, ol.answers { padding-left: 2em; padding-right: 2em; }
        ol.questions > li { margin: 0 0 1.1em; padding-inline-start: 0.3em; break-inside: avoid; page-break-inside: avoid; }
        .how { display: block; font-size: 10pt; font-style: italic; }
        [dir="rtl"] .how { text-align: right; }
        .prompt { margin: 0.1em 0 0.3em; }
        .blank { display: inline-block; width: 8em; border-bottom: 1pt solid #000; }
        .options { margin: 0.2em 0; }
        .options li { margin: 0.15em 0; }
        .write { margin: 0.5em 0 0; }
        .line { display: inline-block; width: 60%; border-bottom: 1pt solid #000; height: 1.2em; }
        .line.short { width: 12em; }
        .box { display: inline-block; width: 0.9em; height: 0.9em; border: 1pt solid #000; vertical-align: -0.1em; margin: 0 0.3em 0 1em; }
        .tf .box:first-child { margin-inline-start: 0; }
        ol.answers > li { margin: 0 0 0.7em; break-inside: avoid; page-break-inside: avoid; }
        .cite { font-size: 9.5pt; margin-inline-start: 1em; }
        [dir="rtl"] { text-align: right; }
        @page { size: A4; margin: 16mm 18mm; }
        @media print {
          section { max-width: none; padding: 0; margin: 0; }
          section + section { border-top: none; break-before: page; page-break-before: always; }
        }
        """
}
