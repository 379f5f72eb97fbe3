import Foundation
import Testing

/// One door to the data: only the domain (AsahCore) opens transactions and holds SQL; the web
/// layer parses requests, makes one named core call and renders.
@Suite("Layering")
struct LayeringTests {
    @Test("no web file imports GRDB or reaches the database pool")
    func webHasNoStorage() throws {
        let sources = try SourceFiles.swift(in: "AsahWeb")
        for (file, text) in sources {
            #expect(!text.contains("import GRDB"), "\(file) imports GRDB")
            #expect(text.firstMatch(of: /\.pool\b/) == nil, "\(file) reaches the database pool")
        }
        #expect(sources.count > 80)
    }
}
