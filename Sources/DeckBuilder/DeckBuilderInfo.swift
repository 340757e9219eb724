public enum DeckBuilderInfo { public static let name = "DeckBuilder" }
