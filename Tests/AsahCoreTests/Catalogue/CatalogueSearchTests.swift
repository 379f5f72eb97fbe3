import Foundation
import Testing
@testable import AsahCore

@Suite("Catalogue search")
struct CatalogueSearchTests {
    typealias F = CatalogueFixtures

    /// Four courses of different forms, kinds, hours and competencies, one archived.
    private func withCourses(_ body: (AppDatabase) throws -> Void) throws {
        try F.withCatalogue { folder, database throws in
            try F.write(F.course("PPP-01", title: "Pelayanan Publik Prima", kind: "pelatihan_teknis", jp: 24, extra: """
                competencies:
                  values: [berorientasi_pelayanan, akuntabel]
                  technical: [{id: Standar pelayanan publik, en: Public service standards}]

                """), to: "ppp-01.md", in: folder)
            try F.write(F.course("LDT-01", title: "Literasi Data", kind: "e_learning", jp: 12, extra: """
                competencies: {values: [adaptif], technical: [Visualisasi data]}

                """, body: "## Deskripsi\n\nMengolah data 100% rapi_dan jujur.\n"), to: "ldt-01.md", in: folder)
            try F.write(F.course("KPW-01", title: "Kepemimpinan Pengawas", kind: "coaching", jp: 32, extra: """
                competencies: {values: [kolaboratif, akuntabel]}

                """), to: "kpw-01.md", in: folder)
            try F.write(F.course("OLD-01", title: "Pelayanan Lama", kind: "seminar", jp: 4), to: "old-01.md", in: folder)
            let sync = CatalogueSync(database: database)
            _ = try sync.sync(folder: folder)
            try FileManager.default.removeItem(atPath: folder + "/old-01.md")
            _ = try sync.sync(folder: folder)
            try body(database)
        }
    }

    private func codes(_ database: AppDatabase, text: String? = nil, form: CourseForm? = nil, kind: CourseKind? = nil,
                       competency: Competency? = nil, minJP: Int? = nil, maxJP: Int? = nil) throws -> [String] {
        try database.pool.read { db throws in
            try CatalogueQueries.search(text: text, form: form, kind: kind, competency: competency,
                                        minJP: minJP, maxJP: maxJP, in: db).map(\.code)
        }
    }

    @Test("without filters: every course on offer by title, archived ones left out")
    func all() throws {
        try withCourses { database throws in
            #expect(try codes(database) == ["KPW-01", "LDT-01", "PPP-01"])
        }
    }

    @Test("text matches code, titles and summary, every word, ignoring case, wildcards literal")
    func text() throws {
        try withCourses { database throws in
            #expect(try codes(database, text: "PELAYANAN") == ["PPP-01"])
            #expect(try codes(database, text: "ldt") == ["LDT-01"])
            #expect(try codes(database, text: "test course") == ["KPW-01", "LDT-01", "PPP-01"])
            #expect(try codes(database, text: "kursus prima") == ["PPP-01"])
            #expect(try codes(database, text: "100% rapi_dan") == ["LDT-01"])
            #expect(try codes(database, text: "%") == ["LDT-01"])
            #expect(try codes(database, text: "_x").isEmpty)
            #expect(try codes(database, text: "lama").isEmpty)
        }
    }

    @Test("form, kind, competency and JP range filters, alone and together")
    func filters() throws {
        try withCourses { database throws in
            #expect(try codes(database, form: .nonklasikal) == ["KPW-01", "LDT-01"])
            #expect(try codes(database, kind: .pelatihanTeknis) == ["PPP-01"])
            #expect(try codes(database, competency: .core(.akuntabel)) == ["KPW-01", "PPP-01"])
            #expect(try codes(database, competency: .technical(BilingualText("standar PELAYANAN publik"))) == ["PPP-01"])
            #expect(try codes(database, competency: .technical(BilingualText("Visualisasi data"))) == ["LDT-01"])
            #expect(try codes(database, minJP: 12, maxJP: 24) == ["LDT-01", "PPP-01"])
            #expect(try codes(database, form: .nonklasikal, competency: .core(.akuntabel), minJP: 30) == ["KPW-01"])
            #expect(try codes(database, text: "data", form: .klasikal).isEmpty)
        }
    }

    @Test("by code or id, archived too, with everything decoded")
    func lookUp() throws {
        try withCourses { database throws in
            try database.pool.read { db throws in
                let ppp = try #require(try CatalogueQueries.course(code: "ppp-01", in: db))
                #expect(ppp.title.text(locale: "id") == "Pelayanan Publik Prima" && ppp.title.text(locale: "en") == "Test course")
                #expect(ppp.competencies.map { $0.name.text(locale: "en") } == ["Service-oriented", "Accountable", "Public service standards"])
                #expect(ppp.competencies == [.core(.berorientasiPelayanan), .core(.akuntabel),
                                             .technical(BilingualText("Standar pelayanan publik", english: "Public service standards"))])
                #expect(ppp.summary == "Kursus untuk pengujian." && ppp.bodyHTML.hasPrefix("<h2>Deskripsi</h2>"))
                #expect(try CatalogueQueries.course(id: ppp.id!, in: db) == ppp)
                #expect(try CatalogueQueries.course(code: "OLD-01", in: db)?.archived == true)
                #expect(try CatalogueQueries.course(code: "NONE-01", in: db) == nil)
            }
        }
    }

    @Test("a project course keeps its milestones, rubric and pass mark")
    func projectPlan() throws {
        try F.withCatalogue { folder, database throws in
            try F.write(F.course("ANB-01", kind: "project_based", extra: """
                project: true
                milestones:
                  - {name: Rancangan aktualisasi, due_day: 7}
                  - {name: Seminar hasil, due_day: 50}
                rubric: [{criterion: Penerapan nilai, weight: 100}]
                pass_mark: 70

                """), to: "anb-01.md", in: folder)
            _ = try CatalogueSync(database: database).sync(folder: folder)
            let course = try database.pool.read { try CatalogueQueries.course(code: "ANB-01", in: $0) }
            #expect(course?.hasProject == true)
            #expect(course?.projectPlan == ProjectPlan(milestones: [Milestone(name: "Rancangan aktualisasi", dueDay: 7),
                                                                    Milestone(name: "Seminar hasil", dueDay: 50)],
                                                       rubric: [RubricCriterion(criterion: "Penerapan nilai", weight: 100)],
                                                       passMark: 70))
        }
    }
}
