import Foundation
import Testing

/// One door to the data: only the domain (AsahCore) opens transactions and holds SQL; the web
/// layer parses requests, makes one named core call and renders.
@Suite("Layering")
struct LayeringTests {
    @Test("no web file imports GRDB or reaches the database pool")
    func webHasNoStorage() throws {
        let root = TestApp.repositoryRoot + "/Sources/AsahWeb"
        let enumerator = FileManager.default.enumerator(atPath: root)
        var checked = 0
        while let file = enumerator?.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            #expect(!text.contains("import GRDB"), "\(file) imports GRDB")
            #expect(text.firstMatch(of: /\.pool\b/) == nil, "\(file) reaches the database pool")
            checked += 1
        }
        #expect(checked > 80)
    }
}
