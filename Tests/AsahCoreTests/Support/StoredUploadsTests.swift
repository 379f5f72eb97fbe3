import Foundation
import GRDB
import Testing
@testable import AsahCore

@Suite("Uploaded files no record refers to")
struct StoredUploadsTests {
    @Test("the sweep removes old unreferenced files only; referenced and fresh ones stay")
    func sweep() throws {
        try OrganisationFixtures.withDatabase { database in
            _ = try UnitImport(database: database).run(csv: "kode,nama,jenis\nDINKES,Dinas Kesehatan,dinas\n")
            _ = try EmployeeImport(database: database).run(csv: "nip,nama,unit\n198710092015031001,Abdul Rahman,DINKES\n")
            let folder = ((database.path as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent(StoredUploads.evidenceFolder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for name in ["referenced.pdf", "orphan.pdf", "fresh.pdf"] {
                _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("%PDF-".utf8))
            }
            let old = Date().addingTimeInterval(-2 * StoredUploads.graceSeconds)
            for name in ["referenced.pdf", "orphan.pdf"] {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/" + name)
            }
            try database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO training_hours (employee_id, year, jp, source, title, evidence_path, status, created_at)
                    SELECT id, 2026, 4, 'external', 'Seminar', 'referenced.pdf', 'pending', 0 FROM employees
                    """)
            }
            #expect(try StoredUploads.removeOrphans(database: database) == 1)
            let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
            #expect(left == ["referenced.pdf", "fresh.pdf"])
        }
    }
}
