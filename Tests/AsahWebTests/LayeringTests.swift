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

    /// Words that make a literal a sentence in Bahasa Indonesia or English.
    static let functionWords: Set<Substring> = [
        "dan", "tidak", "harus", "yang", "untuk", "belum", "sudah", "dengan", "atau", "dari", "anda", "sebagai", "karena",
        "di", "ke", "ini", "itu", "pada", "akan", "bisa", "semua", "oleh", "dalam", "hanya", "perlu", "wajib", "minimal",
        "the", "must", "is", "are", "not", "your", "has", "was", "and", "of", "to", "cannot", "been",
    ]

    @Test("the core builds no sentence: its literals are keys, codes and SQL; words come from the message catalogues")
    func coreHasNoSentences() throws {
        var checked = 0
        for (file, text) in try SourceFiles.swift(in: "AsahCore") {
            for line in text.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                // Comments, a programmer's fatal error or precondition, and the catalogue's bilingual
                // term names (which course files may also be written in) are not sentences for a reader.
                let exempt = ["fatalError(", "precondition(", "BilingualText("]
                if code.hasPrefix("//") || exempt.contains(where: code.contains) { continue }
                for literal in line.matches(of: /"((?:[^"\\]|\\.)*)"/) {
                    let words = literal.1.replacing(/\\\(.*?\)/, with: "").split(separator: " ")
                    let sql = literal.1.contains(/\b(SELECT|INSERT|UPDATE|WHERE|JOIN|AND|IS|BETWEEN|IN)\b/)
                    guard words.count >= 3, !sql else { continue }
                    checked += 1
                    #expect(words.allSatisfy { !Self.functionWords.contains(Substring($0.lowercased())) },
                            "\(file): \"\(literal.1)\" reads as a sentence: give the web layer a key and arguments")
                }
            }
        }
        #expect(checked > 20, "the scan reads the core's literals")
    }
}
