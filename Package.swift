// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Asah",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "asah", targets: ["asah"]),
        // Libraries for the fuzz targets in Fuzz/, a separate package built with the fuzzer sanitizer.
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "AsahCore", targets: ["AsahCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
                       providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium",
                       providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode",
                       providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLDAP", pkgConfig: "ldap",
                       providers: [.apt(["libldap-dev"])]),
        .target(name: "HTTPServer", dependencies: [
            "CMicroHTTPD",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "AsahCore", dependencies: [
            "CSodium", "CLDAP",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Ink", package: "Ink"),
        ]),
        .target(name: "AsahDemo", dependencies: [
            "AsahCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "AsahWeb", dependencies: [
            "HTTPServer", "AsahCore", "CQREncode", "CCurl",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Templates"), .copy("Messages"), .copy("OpenAPI")]),
        .executableTarget(name: "asah", dependencies: [
            "AsahWeb", "AsahCore", "AsahDemo", "HTTPServer", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "HTTPTestSupport", path: "Tests/HTTPTestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: [
            "HTTPServer", "HTTPTestSupport", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "AsahCoreTests", dependencies: ["AsahCore", "AsahWeb", "AsahDemo"]),
        .testTarget(name: "AsahWebTests", dependencies: [
            "AsahWeb", "AsahCore", "AsahDemo", "HTTPServer", "HTTPTestSupport", .product(name: "Logging", package: "swift-log"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
