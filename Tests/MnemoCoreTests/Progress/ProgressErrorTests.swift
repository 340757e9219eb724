import Testing

@testable import MnemoCore

struct ProgressErrorTests {
    @Test(arguments: [
        (
            ProgressError.inUse(folder: "/p", holder: "mnemo study (pid 7 on lap) since 2026-01-01T00:00:00.000Z"),
            "progress folder /p is in use by mnemo study (pid 7 on lap) since 2026-01-01T00:00:00.000Z; close that session first"
        ),
        (
            .notWritable(path: "/p", reason: "Read-only file system"),
            "cannot write progress at /p: Read-only file system"
        ),
        (
            .unreadable(path: "/p/reviews.jsonl", reason: "Permission denied"),
            "cannot read /p/reviews.jsonl: Permission denied"
        ),
        (
            .newerFormat(path: "/p/settings.json", found: 2, supported: 1),
            "/p/settings.json has progress format version 2, but this mnemo reads only up to version 1; update mnemo"
        ),
        (
            .malformedSettings(path: "/p/settings.json", problem: "not valid JSON"),
            "/p/settings.json is not valid settings: not valid JSON"
        ),
        (
            .writeFailed(path: "/p/reviews.jsonl", reason: "No space left on device"),
            "could not write /p/reviews.jsonl: No space left on device; nothing was changed"
        ),
        (.notAFolder(path: "/p"), "progress folder /p is not a folder"),
        (
            .invalidScheduler(path: "/p/settings.json", problem: "FSRS-6 needs 21 parameters, got 3"),
            "/p/settings.json has invalid scheduler settings: FSRS-6 needs 21 parameters, got 3"
        ),
        (
            .invalidEvent(id: "e1", problem: "review e1 has no rating"),
            "review event e1 cannot be stored: review e1 has no rating"
        ),
        (.readOnly(folder: "/p"), "progress folder /p was opened read-only"),
    ])
    func messagesNameTheFileAndReadWellAfterError(error: ProgressError, message: String) {
        #expect(error.description == message)
        #expect(error.errorDescription == message)
    }

    @Test func warningsPrintAsFileAndLine() {
        #expect(ProgressWarning(file: "/p/reviews.jsonl", line: 3, message: "m").description == "/p/reviews.jsonl:3: m")
        #expect(ProgressWarning(file: "/p/snapshot.json", message: "m").description == "/p/snapshot.json: m")
    }
}
