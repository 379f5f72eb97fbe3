import Foundation
import Testing
@testable import AsahCore

@Suite("Catalogue sync")
struct CatalogueSyncTests {
    typealias F = CatalogueFixtures

    /// Three valid courses, B-1 requiring A-1, the folder's README and an editor's lock file.
    private func writeStandardFiles(in folder: String) throws {
        try F.write(F.course("A-1", title: "Pelayanan Publik Prima"), to: "a-1.md", in: folder)
        try F.write(F.course("B-1", title: "Penanganan Pengaduan", extra: "prerequisites: [A-1]\n"), to: "b-1.md", in: folder)
        try F.write(F.course("C-1", title: "Literasi Data", kind: "e_learning"), to: "c-1.md", in: folder)
        try F.write("# Katalog\n\nBukan kursus.\n", to: "README.md", in: folder)
        try F.write("bukan kursus", to: ".#a-1.md", in: folder)
    }

    @Test("loads every valid file; a second sync of unchanged files changes nothing")
    func loadThenResync() throws {
        try F.withCatalogue { folder, database throws in
            try writeStandardFiles(in: folder)
            let sync = CatalogueSync(database: database)
            let first = try sync.sync(folder: folder)
            #expect(first == CatalogueSyncReport(loaded: ["A-1", "B-1", "C-1"]))
            let before = try F.courses(database)
            #expect(before["C-1"]?.form == .nonklasikal && before["C-1"]?.sourceFile == "c-1.md")

            let second = try sync.sync(folder: folder)
            #expect(second == CatalogueSyncReport(unchanged: ["A-1", "B-1", "C-1"]))
            #expect(try F.courses(database) == before)
        }
    }

    @Test("a changed or renamed file rewrites its course in place, keeping the id")
    func update() throws {
        try F.withCatalogue { folder, database throws in
            try writeStandardFiles(in: folder)
            let sync = CatalogueSync(database: database)
            _ = try sync.sync(folder: folder)
            let id = try F.courses(database)["A-1"]?.id
            try F.write(F.course("A-1", title: "Pelayanan Publik Prima", jp: 24), to: "a-1.md", in: folder)
            try FileManager.default.moveItem(atPath: folder + "/c-1.md", toPath: folder + "/literasi.md")
            let report = try sync.sync(folder: folder)
            #expect(report.updated == ["A-1", "C-1"] && report.unchanged == ["B-1"] && report.archived.isEmpty)
            let courses = try F.courses(database)
            #expect(courses["A-1"]?.id == id && courses["A-1"]?.jp == 24)
            #expect(courses["C-1"]?.sourceFile == "literasi.md")
        }
    }

    @Test("a removed file archives its course, keeping the row; putting it back unarchives it")
    func archiveAndRestore() throws {
        try F.withCatalogue { folder, database throws in
            try writeStandardFiles(in: folder)
            let sync = CatalogueSync(database: database)
            _ = try sync.sync(folder: folder)
            let saved = try String(contentsOfFile: folder + "/c-1.md", encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder + "/c-1.md")

            let removed = try sync.sync(folder: folder)
            #expect(removed.archived == ["C-1"] && removed.unchanged == ["A-1", "B-1"])
            let archived = try database.pool.read { db throws in
                (try CatalogueQueries.course(code: "C-1", in: db), try CatalogueQueries.search(in: db).map(\.code))
            }
            #expect(archived.0?.archived == true)
            #expect(archived.1 == ["A-1", "B-1"])
            #expect(try sync.sync(folder: folder) == CatalogueSyncReport(unchanged: ["A-1", "B-1"]))

            try F.write(saved, to: "c-1.md", in: folder)
            let restored = try sync.sync(folder: folder)
            #expect(restored.updated == ["C-1"])
            #expect(try F.courses(database)["C-1"]?.archived == false)
        }
    }

    @Test("a malformed file is reported as file:line: reason and skipped; its course keeps the last good version")
    func malformedKeepsLastGood() throws {
        try F.withCatalogue { folder, database throws in
            try writeStandardFiles(in: folder)
            let sync = CatalogueSync(database: database)
            _ = try sync.sync(folder: folder)
            try F.write(F.course("A-1", title: "Judul Baru", jp: 0), to: "a-1.md", in: folder)
            try F.write(F.course("D-1", kind: "kuliah"), to: "d-1.md", in: folder)
            try F.write(F.course("E-1", extra: "prerequisites: [A-1]\n"), to: "e-1.md", in: folder)

            let report = try sync.sync(folder: folder)
            #expect(IndonesianText.lines(report.errors) == [
                folder + "/a-1.md:7: jp harus bilangan bulat positif, bukan '0'",
                folder + "/d-1.md:6: kind 'kuliah' tidak dikenal; pilihan: " + CourseKind.allCases.map(\.rawValue).joined(separator: ", "),
            ])
            #expect(report.loaded == ["E-1"] && report.unchanged == ["B-1", "C-1"] && report.archived.isEmpty)
            let courses = try F.courses(database)
            #expect(courses["A-1"]?.title.indonesian == "Pelayanan Publik Prima" && courses["A-1"]?.archived == false)
            #expect(courses["D-1"] == nil)
        }
    }

    @Test("prerequisite errors across files are reported and the rest still load")
    func crossFileErrors() throws {
        try F.withCatalogue { folder, database throws in
            try writeStandardFiles(in: folder)
            try F.write(F.course("A-1", title: "Salinan"), to: "a-2.md", in: folder)
            try F.write(F.course("X-1", extra: "prerequisites: [Y-1]\n"), to: "x-1.md", in: folder)
            let report = try CatalogueSync(database: database).sync(folder: folder)
            #expect(report.loaded == ["A-1", "B-1", "C-1"])
            #expect(IndonesianText.lines(report.errors) == [
                folder + "/a-2.md:2: kode A-1 sudah dipakai di " + folder + "/a-1.md",
                folder + "/x-1.md:8: prasyarat Y-1 tidak ada di katalog",
            ])
        }
    }

    @Test("a folder that does not exist is an error, not an empty catalogue that archives everything")
    func missingFolder() throws {
        try F.withCatalogue { folder, database throws in
            try writeStandardFiles(in: folder)
            let sync = CatalogueSync(database: database)
            _ = try sync.sync(folder: folder)
            #expect(throws: (any Error).self) { try sync.sync(folder: folder + "/tidak-ada") }
            #expect(try F.courses(database).values.allSatisfy { !$0.archived })
        }
    }
}
