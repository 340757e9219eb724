import Testing

@testable import mnemo

struct CLIErrorTests {
    @Test func messageNamesTheCommand() {
        #expect(CLIError.notYetAvailable("stats").description == "'mnemo stats' is not available yet")
    }
}
