import Testing

@testable import DeckBuilder

struct DeckBuilderPlaceholderTests {
    @Test func moduleLoads() {
        #expect(DeckBuilderInfo.name == "DeckBuilder")
    }
}
