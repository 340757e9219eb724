import Foundation

/// Reads standard input line by line when it is not a terminal (piped, redirected): no readline,
/// no escape codes. The prompt and what was read are echoed, so the transcript reads like the session.
final class PlainLineEditor: LineEditor {
    private let output: any TextOutput
    let isInteractive = false

    init(output: any TextOutput) {
        self.output = output
    }

    func readLine(prompt: String) -> LineInput {
        output.write(prompt)
        guard let line = Swift.readLine(strippingNewline: true) else {
            output.write("\n")
            return .endOfInput
        }
        output.write(line + "\n")
        return .line(line)
    }
}
