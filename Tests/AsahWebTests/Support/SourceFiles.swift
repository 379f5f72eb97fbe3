import Foundation

/// The Swift sources under a folder of `Sources/`, for tests that read the code itself.
enum SourceFiles {
    /// Each `.swift` file under `Sources/<target>` with its path (relative to the target) and text.
    static func swift(in target: String) throws -> [(file: String, text: String)] {
        let root = TestApp.repositoryRoot + "/Sources/" + target
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { ($0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8)) }
    }
}
