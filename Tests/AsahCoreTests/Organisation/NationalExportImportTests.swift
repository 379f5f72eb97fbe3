@testable import AsahCore
import Foundation
import GRDB
import Testing

/// SIASN and e-Kinerja exports imported as the systems write them (`Tests/Fixtures/national-exports`).
@Suite("Imports of SIASN and e-Kinerja exports")
struct NationalExportImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/national-exports").path

    private func sample(_ name: String) throws -> String {
        try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
    }

    @Test("a SIASN export loads as it comes: its column names, NIPs with spaces or a quote, pangkat beside golongan, kedudukan hukum")
    func siasn() throws {
        let db = try SmallAgency.database("siasn")
        let report = try EmployeeImport(database: db).run(csv: try sample("siasn-data-utama.csv"))
        #expect(report.applied && report.inserted == 3 && !report.hasErrors, "\(report.issues)")
        #expect(report.issues.map(\.key) == ["import_column_unknown", "import_email_empty"],
                "only the column Asah does not know is named, and the one empty e-mail")
        #expect(report.issues.first?.arguments["column"] == "keterangan")
        let rows = try db.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.nip, e.golongan, e.active, e.jabatan, n.code AS unit FROM employees e JOIN units n ON n.id = e.unit_id ORDER BY e.nip
                """).map { [$0["nip"] as String, $0["golongan"] as String? ?? "", ($0["active"] as Bool) ? "aktif" : "nonaktif",
                            $0["unit"] as String] }
        }
        #expect(rows == [["197001012000031004", "IV/a", "nonaktif", "DINKES"],
                         ["198710092015031001", "III/b", "aktif", "DINKES"],
                         ["199001012019032002", "III/a", "aktif", "PKM1"]])
    }

    @Test("an e-Kinerja export with its own column names links supervisors and tells PPPK from PNS")
    func ekinerja() throws {
        let db = try SmallAgency.database("siasn")
        _ = try EmployeeImport(database: db).run(csv: try sample("siasn-data-utama.csv"))
        let report = try EmployeeImport(database: db).run(csv: try sample("ekinerja-pegawai.csv"))
        #expect(report.applied && report.inserted == 2 && report.issues.isEmpty, "\(report.issues)")
        let rina = try db.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT e.employment, s.nip AS supervisor FROM employees e JOIN employees s ON s.id = e.supervisor_id
                WHERE e.nip = '199203152023212005'
                """)
        }
        #expect(rina?["employment"] == "pppk" && rina?["supervisor"] == "198505052010011003")
    }

    @Test("a golongan is found beside its pangkat, and a lone 'Tingkat I' is not taken for PPPK golongan I")
    func golonganWithin() {
        #expect(Golongan.within("Penata Muda Tk. I (III/b)")?.code == "III/b")
        #expect(Golongan.within("IV/c - Pembina Utama Muda")?.code == "IV/c")
        #expect(Golongan.within("IX")?.code == "IX")
        #expect(Golongan.within("Penata Muda Tingkat I") == nil)
    }
}
