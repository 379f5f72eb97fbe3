// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for Asah's parsers. Build and run them with `scripts/fuzz`, which passes
/// `-Xswiftc -sanitize=fuzzer,address` so that every module is instrumented.
let fuzzTarget = { (name: String, dependencies: [Target.Dependency]) in
    Target.executableTarget(name: name, dependencies: ["FuzzDriver"] + dependencies)
}

let package = Package(
    name: "AsahFuzz",
    dependencies: [
        .package(name: "Asah", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        fuzzTarget("FuzzFormDecoder", [.product(name: "HTTPServer", package: "Asah")]),
        fuzzTarget("FuzzMultipart", [.product(name: "HTTPServer", package: "Asah"), .product(name: "Logging", package: "swift-log")]),
        fuzzTarget("FuzzCSVImport", [.product(name: "AsahCore", package: "Asah")]),
        fuzzTarget("FuzzCourseFile", [.product(name: "AsahCore", package: "Asah")]),
    ]
)
