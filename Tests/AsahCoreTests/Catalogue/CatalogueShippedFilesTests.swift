import Foundation
import Testing
@testable import AsahCore

@Suite("Shipped course files")
struct CatalogueShippedFilesTests {
    typealias F = CatalogueFixtures

    private func shippedNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: F.shippedFolder)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    }

    @Test("every shipped file parses, is named after its code and fits the catalogue's range")
    func everyFileParses() throws {
        let names = try shippedNames()
        #expect((12...15).contains(names.count))
        var files: [CourseFile] = []
        for name in names {
            let text = try String(contentsOfFile: F.shippedFolder + "/" + name, encoding: .utf8)
            let file = try CourseFileParser.parse(text, file: name)
            #expect(name == file.code.lowercased() + ".md")
            #expect((4...40).contains(file.jp), "\(name): \(file.jp) JP")
            #expect(!file.summary.isEmpty && !file.competencies.isEmpty, "\(name)")
            for heading in ["Deskripsi", "Tujuan Pembelajaran", "Agenda", "Metode", "Evaluasi"] {
                #expect(file.bodyHTML.contains("<h2>\(heading)</h2>"), "\(name) lacks \(heading)")
            }
            files.append(file)
        }
        let projects = files.filter { $0.kind == .projectBased }
        #expect(projects.count >= 2)
        #expect(projects.allSatisfy { $0.projectPlan?.milestones.count == 5 })
        #expect(Set(files.map(\.form)) == [.klasikal, .nonklasikal])
        #expect(files.contains { $0.audience == Audience() })
        #expect(files.contains { $0.audience.minGolongan?.code == "III/a" && $0.audience.maxGolongan?.code == "IV/e" })
        #expect(files.contains { !$0.prerequisites.isEmpty })
        #expect(files.contains { $0.hasTest })
    }

    @Test("the shipped folder syncs without errors and prerequisites resolve")
    func shippedFolderSyncs() throws {
        try F.withCatalogue { _, database throws in
            let report = try CatalogueSync(database: database).sync(folder: F.shippedFolder)
            #expect(report.errors.isEmpty, "\(report.errors)")
            #expect(report.loaded.count == (try shippedNames()).count)
            let ppm = try database.pool.read { try CatalogueQueries.course(code: "PPM-01", in: $0) }
            #expect(ppm?.prerequisites == ["KEM-01"])
            #expect(ppm?.title.english == "Handling Public Complaints")
        }
    }

    @Test("the example in courses/README.md is a valid course file")
    func readmeExampleParses() throws {
        let readme = try String(contentsOfFile: F.shippedFolder + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "```markdown\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let file = try CourseFileParser.parse(String(readme[start.upperBound..<end.lowerBound]), file: "README.md")
        #expect(file.code == "PRP-01")
        #expect(file.projectPlan?.passMark == 70)
        #expect(file.competencies.contains(.technical(BilingualText("Inovasi pelayanan publik"))))
    }
}
