/// Plays back a script of inputs (tests). Each prompt and answer is written to `output` like a transcript.
final class ScriptedLineEditor: LineEditor {
    private var script: [LineInput]
    private let output: any TextOutput
    private(set) var prompts: [String] = []
    /// The text each `readLine(prompt:prefill:)` call offered for editing (ignored, as by `PlainLineEditor`).
    private(set) var prefills: [String] = []
    let isInteractive = false

    init(_ script: [LineInput], output: any TextOutput) {
        self.script = script
        self.output = output
    }

    convenience init(lines: [String], output: any TextOutput) {
        self.init(lines.map { .line($0) }, output: output)
    }

    func readLine(prompt: String, prefill: String) -> LineInput {
        prefills.append(prefill)
        return readLine(prompt: prompt)
    }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        output.write(prompt)
        guard !script.isEmpty else {
            output.write("\n")
            return .endOfInput
        }
        let next = script.removeFirst()
        switch next {
        case .line(let text): output.write(text + "\n")
        case .interrupt: output.write("^C\n")
        case .endOfInput: output.write("\n")
        }
        return next
    }
}
