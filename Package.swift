// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Mnemo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mnemo", targets: ["mnemo"]),
        .library(name: "MnemoCore", targets: ["MnemoCore"]),
        .library(name: "DeckBuilder", targets: ["DeckBuilder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .target(name: "MnemoCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "DeckBuilder", dependencies: ["MnemoCore"]),
        .target(
            name: "DeckExchange",
            dependencies: [
                "MnemoCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "mnemo",
            dependencies: [
                "MnemoCore",
                "DeckBuilder",
                "DeckExchange",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "MnemoBench",
            dependencies: ["MnemoCore", "DeckBuilder"],
            path: "Benchmarks/MnemoBench"
        ),
        .testTarget(name: "MnemoCoreTests", dependencies: ["MnemoCore"]),
        .testTarget(name: "DeckBuilderTests", dependencies: ["DeckBuilder", "MnemoCore"]),
        .testTarget(
            name: "DeckExchangeTests",
            dependencies: [
                "DeckExchange", "MnemoCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "mnemoTests", dependencies: ["mnemo", "MnemoCore", "DeckBuilder"]),
    ],
    swiftLanguageModes: [.v6]
)
