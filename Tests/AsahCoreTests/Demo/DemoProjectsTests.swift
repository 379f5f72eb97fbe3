@testable import AsahCore
@testable import AsahDemo
import Foundation
import GRDB
import Testing

extension Demo {
    @Suite("Demo projects")
    struct DemoProjectsTests {
        /// A demo over the shipped catalogue at the workshops tests' fixed moment; the body gets
        /// the database and the folder it lives in.
        private func withDemo<T>(seed: UInt64 = 42, _ body: (AppDatabase, String) throws -> T) throws -> T {
            try OrganisationFixtures.withDatabase { database in
                _ = try CatalogueSync(database: database).sync(folder: DemoWorkshopsTests.coursesFolder)
                try DemoAccounts.create(in: database, seed: seed, employeeCount: 400, password: "Demo-Sandi-2026!",
                                        now: DemoWorkshopsTests.now)
                return try body(database, (database.path as NSString).deletingLastPathComponent)
            }
        }

        private func projects(_ database: AppDatabase) throws -> [Row] {
            try database.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT p.id, p.title, p.status, p.final_score, p.gallery_consent, p.featured, r.code, r.status AS run_status,
                           (SELECT COUNT(*) FROM milestone_submissions s WHERE s.project_id = p.id) AS submissions,
                           (SELECT u.login FROM users u WHERE u.employee_id = p.owner_employee_id) AS login
                    FROM projects p JOIN runs r ON r.id = p.run_id ORDER BY p.id
                    """)
            }
        }

        @Test("gallery entries are read with as many statements for three projects as for one")
        func galleryReadsInBulk() throws {
            try withDemo { database, _ in
                let (one, three, entries) = try database.pool.read { db in
                    let shown = try Project.fetchAll(db, sql: """
                        SELECT * FROM projects WHERE status = 'completed' AND gallery_consent ORDER BY id
                        """)
                    var entries: [GalleryEntry] = []
                    let one = try statementCount(in: db) { _ = try GalleryEntry.load(Array(shown.prefix(1)), withFiles: false, in: db) }
                    let three = try statementCount(in: db) { entries = try GalleryEntry.load(shown, withFiles: false, in: db) }
                    return (one, three, entries)
                }
                #expect(entries.count == 3)
                #expect(three == one)
                #expect(entries.allSatisfy { !$0.people.isEmpty && $0.unitName != nil && !$0.courseTitle.isEmpty })
            }
        }

        @Test("a finished run with completed projects in the gallery, one featured, its report a real PDF on disk")
        func gallery() throws {
            try withDemo { database, folder in
                let finished = try projects(database).filter { ($0["code"] as String).hasSuffix("-PRJ-A") }
                #expect(finished.count == 4)
                #expect(finished.allSatisfy { $0["status"] as String == "completed" && $0["run_status"] as String == "finished" })
                let entries = try ProjectGallery(database: database).search("")
                #expect(entries.count == 3)
                #expect(entries.filter(\.featured).count == 1 && entries.first?.featured == true)
                #expect(!(try ProjectGallery(database: database).search("antrean")).isEmpty)
                for entry in entries {
                    let report = try #require(try ProjectGallery(database: database).entry(entry.projectId)?.reportFiles.first)
                    let bytes = try #require(FileManager.default.contents(atPath: folder + "/projects/" + report.storedName))
                    #expect(bytes.starts(with: Array("%PDF-".utf8)) && bytes.count == report.size)
                    #expect(report.storedName == SecureToken.digest(String(decoding: bytes, as: UTF8.self)) + ".pdf")
                    #expect(String(decoding: bytes, as: UTF8.self).contains(String(entry.title.prefix(20))))
                }
                let certificates = try database.pool.read { db in
                    try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id JOIN runs r ON r.id = e.run_id
                        WHERE r.code LIKE '%-PRJ-A'
                        """)
                }
                #expect(certificates == 4)
            }
        }

        @Test("a running run with projects at every stage; demo.pegawai's waits only for its last milestone")
        func stages() throws {
            try withDemo { database, _ in
                let running = try projects(database).filter { ($0["code"] as String).hasSuffix("-PRJ-B") }
                #expect(running.count == 6)
                #expect(running.allSatisfy { $0["status"] as String == "active" })
                let pegawai = try #require(running.first { $0["login"] as String? == "demo.pegawai" })
                let board = try #require(try ProjectBoard.load(runId: try database.pool.read { db in
                    try Int64.fetchOne(db, sql: "SELECT run_id FROM projects WHERE id = ?", arguments: [pegawai["id"] as Int64])!
                }, for: try database.pool.read { db in
                    try Principal.load(userId: try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = 'demo.koordinator'")!, in: db)!
                }, database: database, now: DemoWorkshopsTests.now))
                let states = Set(board.lines.flatMap { $0.statuses.map(\.state.code) })
                #expect(states.isSuperset(of: ["accepted", "waiting", "not_submitted"]))
                #expect(board.lines.contains { $0.project == nil }, "participants who have not started")
                #expect(board.lines.contains { $0.lateCount > 0 })
                let line = try #require(board.lines.first { $0.project?.id == pegawai["id"] })
                #expect(line.statuses.dropLast().allSatisfy { $0.state == .accepted })
                #expect(line.statuses.last?.state == .notSubmitted)
                #expect(line.coachName != nil && line.mentorName != nil)
            }
        }

        @Test("the same seed makes the same projects")
        func deterministic() throws {
            let first = try withDemo(seed: 9) { database, _ in try projects(database).map(\.description) }
            let second = try withDemo(seed: 9) { database, _ in try projects(database).map(\.description) }
            #expect(first == second)
        }

        @Test("the generated report is a PDF whose cross-reference table points at its objects, text escaped")
        func reportPDF() throws {
            let pdf = DemoReportFile.pdf(lines: ["Laporan (akhir)", #"C:\berkas"#, "Pelayanan prima – ü"])
            #expect(pdf.hasPrefix("%PDF-1.4\n") && pdf.hasSuffix("%%EOF\n"))
            #expect(pdf.contains(#"(Laporan \(akhir\)) Tj"#))
            #expect(pdf.contains(#"(C:\\berkas) Tj"#))
            #expect(pdf.contains("(Pelayanan prima ? ?) Tj"))
            let bytes = Array(pdf.utf8)
            let startxref = try #require(pdf.components(separatedBy: "startxref\n").last?.split(separator: "\n").first.flatMap { Int($0) })
            #expect(String(decoding: bytes[startxref...].prefix(4), as: UTF8.self) == "xref")
            let entries = pdf.components(separatedBy: "xref\n0 6\n")[1].split(separator: "\n").dropFirst().prefix(5)
            for (index, entry) in entries.enumerated() {
                let offset = try #require(Int(entry.prefix(10)))
                #expect(String(decoding: bytes[offset...].prefix(8), as: UTF8.self) == "\(index + 1) 0 obj\n")
            }
        }
    }
}
