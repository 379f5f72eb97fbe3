import Foundation
import GRDB
import Testing
@testable import AsahCore

@Suite("Unit CSV import")
struct UnitImportTests {
    typealias F = OrganisationFixtures

    private func units(_ database: AppDatabase) throws -> [String: AsahCore.Unit] {
        try database.pool.read { db in
            Dictionary(uniqueKeysWithValues: try AsahCore.Unit.fetchAll(db).map { ($0.code, $0) })
        }
    }

    @Test("a good file is applied, parents may come later")
    func goodFile() throws {
        try F.withDatabase { database in
            let report = try UnitImport(database: database).run(csv: """
                kode,nama,jenis,kode_induk
                PKM-MKT,Puskesmas Makmur Kota,puskesmas,DINKES
                DINKES,Dinas Kesehatan,Dinas,
                SETDA,Sekretariat Daerah,Setda,
                SETDA.UMUM,Bagian Umum,bagian,setda
                """)
            #expect(report.applied && !report.hasErrors)
            #expect(report.inserted == 4)
            let byCode = try units(database)
            #expect(byCode["PKM-MKT"]?.parentId == byCode["DINKES"]?.id)
            #expect(byCode["SETDA.UMUM"]?.parentId == byCode["SETDA"]?.id)
            #expect(byCode["SETDA"]?.kind == .sekretariatDaerah)
            #expect(byCode["DINKES"]?.parentId == nil)

            let again = try UnitImport(database: database).run(csv: """
                kode,nama,jenis,kode_induk
                PKM-MKT,UPT Puskesmas Makmur Kota,puskesmas,DINKES
                dinkes,Dinas Kesehatan,dinas,
                """)
            #expect(again.updated == 2 && again.inserted == 0, "codes match case-insensitively")
            #expect(try units(database)["PKM-MKT"]?.name == "UPT Puskesmas Makmur Kota")
        }
    }

    @Test("a control character in a cell is an error of that row, not a name stored cut short")
    func controlCharacter() throws {
        try F.withDatabase { database in
            let report = try UnitImport(database: database).run(csv: "kode,nama,jenis,kode_induk\nDINKES,Dinas\u{0}Kesehatan,dinas,\nSETDA,Sekretariat Daerah,setda,\n")
            #expect(!report.applied)
            let errors = report.issues.filter { $0.severity == .error }.map { "\($0.line) \($0.column ?? "-")" }
            #expect(errors == ["2 nama"])
            #expect(try units(database).isEmpty)
        }
    }

    @Test("errors are reported per row and nothing is applied")
    func errors() throws {
        try F.withDatabase { database in
            let report = try UnitImport(database: database).run(csv: """
                kode,nama,jenis,kode_induk
                DINKES,Dinas Kesehatan,dinas,
                DINKES,Dinas Kesehatan Lagi,dinas,
                KANTOR,Kantor Arsip,kantor,
                PKM,Puskesmas,puskesmas,DINSOS
                A,Unit A,bidang,B
                B,Unit B,bidang,A
                C,Unit C,bidang,C
                ,Tanpa Kode,dinas,
                """)
            #expect(!report.applied)
            let errors = report.issues.filter { $0.severity == .error }.map { "\($0.line) \($0.column ?? "-")" }
            #expect(errors == ["3 kode", "4 jenis", "5 kode_induk", "6 kode_induk", "7 kode_induk", "8 kode_induk", "9 kode"])
            #expect(report.issues.first { $0.line == 6 }?.message == "unit induk membentuk lingkaran: A → B → A")
            #expect(report.issues.first { $0.line == 8 }?.message == "unit tidak boleh menjadi induknya sendiri")
            #expect(try units(database).isEmpty)

            let skipping = try UnitImport(database: database).run(csv: """
                kode,nama,jenis,kode_induk
                DINKES,Dinas Kesehatan,dinas,
                PKM,Puskesmas,puskesmas,DINSOS
                PKM-2,Puskesmas Dua,puskesmas,PKM
                """, skipBadRows: true)
            #expect(skipping.applied && skipping.inserted == 2 && skipping.skipped == 1)
            #expect(try units(database)["PKM-2"]?.parentId == nil)
        }
    }

    @Test("moving a unit under its own descendant is a cycle")
    func cycleWithDatabase() throws {
        try F.withDatabase { database in
            try F.insertUnits([("DINKES", "Dinas Kesehatan", .dinas, nil),
                               ("DINKES.P2P", "Bidang P2P", .bidang, "DINKES")], into: database)
            let report = try UnitImport(database: database).run(csv: "kode,nama,jenis,kode_induk\nDINKES,Dinas Kesehatan,dinas,DINKES.P2P\n")
            #expect(!report.applied)
            #expect(report.issues.map(\.message) == ["unit induk membentuk lingkaran: DINKES → DINKES.P2P → DINKES"])
        }
    }
}
