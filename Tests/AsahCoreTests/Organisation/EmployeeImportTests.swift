import Foundation
import GRDB
import Testing
@testable import AsahCore

@Suite("Employee CSV import")
struct EmployeeImportTests {
    typealias F = OrganisationFixtures

    static let header = "nip,nama,golongan,jabatan,jenis_jabatan,unit,nip_atasan,email"
    static let kepala = "197001011995031001,\"Dr. Andi Muhammad Ridwan, M.Si.\",IV/b,Kepala Bidang Pengembangan Kompetensi Aparatur,administrator,BKPSDM.PKA,,andi.ridwan@asahmakmur.go.id"
    static let kasubbid = "198005152005012002,Siti Nurhaliza,III/d,Kepala Subbidang Pelatihan,pengawas,bkpsdm.pka,197001011995031001,siti.nurhaliza@asahmakmur.go.id"
    static let staff = "199202202015031003,I Made Suarta,III/a,Pengadministrasi Perkantoran,Pelaksana,Bidang Pengembangan Kompetensi Aparatur,198005152005012002,MADE.SUARTA@asahmakmur.go.id"
    static let analis = "198811112012122001,Hasnawati,III/c,Analis SDM Aparatur Ahli Muda,Fungsional Ahli Muda,BKPSDM.PKA,197001011995031001,"

    static func csv(_ lines: String...) -> String {
        ([header] + lines).joined(separator: "\n") + "\n"
    }

    @Test("a good file is applied, supervisors may come later in the file")
    func goodFile() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            // Subordinates first, their supervisors later.
            let report = try EmployeeImport(database: database)
                .run(csv: Self.csv(Self.staff, Self.analis, Self.kasubbid, Self.kepala))
            #expect(!report.hasErrors)
            #expect(report.applied)
            #expect(report.inserted == 4 && report.updated == 0 && report.skipped == 0)
            #expect(report.issues.map(\.message) == ["email kosong"])
            #expect(report.issues.first?.line == 3)
            #expect(report.issues.first?.column == "email")

            let staff = try #require(try F.employee("199202202015031003", in: database))
            let kasubbid = try #require(try F.employee("198005152005012002", in: database))
            let kepala = try #require(try F.employee("197001011995031001", in: database))
            #expect(staff.supervisorId == kasubbid.id)
            #expect(kasubbid.supervisorId == kepala.id)
            #expect(kepala.supervisorId == nil)
            #expect(staff.sex == .male && kasubbid.sex == .female)
            #expect(staff.birthDate == CalendarDate(year: 1992, month: 2, day: 20))
            #expect(staff.golongan?.code == "III/a")
            #expect(staff.jabatanKind == .pelaksana)
            #expect(staff.email == "made.suarta@asahmakmur.go.id")
            #expect(staff.unitId == kepala.unitId, "unit matched by name and by code, case-insensitively")
            #expect(staff.employment == .pns && staff.active)
            let chain = try database.pool.read {
                try EmployeeDirectory.isInSupervisorChain(supervisorId: kepala.id!, employeeId: staff.id!, in: $0)
            }
            #expect(chain)
        }
    }

    @Test("a file with errors reports each with line and column and applies nothing")
    func badFileAppliesNothing() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let existing = try EmployeeImport(database: database).run(csv: Self.csv(Self.kepala))
            #expect(existing.applied)

            let report = try EmployeeImport(database: database).run(csv: Self.csv(
                Self.staff,                                                                   // 2: good
                "19850312201001100,Budi Santoso,III/b,Pengelola Keuangan,pelaksana,KOMINFO,,", // 3: 17 digits
                "199202202015031003,Budi Santoso,III/b,Pengelola Keuangan,pelaksana,KOMINFO,,", // 4: duplicate of 2
                "198703032010012001,Sri Wahyuni,III/b,Penata,pelaksana,Dinas Pariwisata,,",      // 5: unknown unit
                "198703032010012002,Sri Rahayu,III/x,Penata,eselon,KOMINFO,,sri@",              // 6: golongan, kind, email
                "198502302010011001,,II/a,Pengemudi,pelaksana,KOMINFO,199999999999999999,",     // 7: date, name, supervisor
                "198811112012122001,Hasnawati,III/c,Analis,pelaksana,KOMINFO,198811112012122001,", // 8: own supervisor
                Self.kasubbid                                                                  // 9: good
            ))
            #expect(!report.applied)
            #expect(report.hasErrors)
            let errors = report.issues.filter { $0.severity == .error }.map { "\($0.line) \($0.column ?? "-"): \($0.message)" }
            #expect(errors == [
                "3 nip: NIP harus 18 digit angka",
                "4 nip: NIP ini sudah ada di baris 2",
                "5 unit: unit 'Dinas Pariwisata' tidak ditemukan (isi kode atau nama unit)",
                "6 golongan: golongan 'III/x' tidak dikenal (contoh: III/a untuk PNS, IX untuk PPPK)",
                "6 jenis_jabatan: jenis jabatan 'eselon' tidak dikenal (contoh: pelaksana, pengawas, administrator, "
                    + "jpt_pratama, fungsional_ahli_muda, fungsional_terampil)",
                "6 email: email 'sri@' tidak valid",
                "7 nip: tanggal lahir pada NIP tidak valid",
                "7 nama: nama wajib diisi",
                "7 nip_atasan: NIP atasan 199999999999999999 tidak ditemukan di berkas maupun di basis data",
                "8 nip_atasan: pegawai tidak boleh menjadi atasannya sendiri",
            ])
            #expect(report.skipped == 6)
            #expect(report.inserted == 2, "what skipBadRows would insert")
            #expect(try F.employeeCount(database) == 1, "nothing of the file was written")
        }
    }

    @Test("with skipBadRows the good rows are applied and bad ones skipped")
    func skipBadRows() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let badKepala = Self.kepala.replacingOccurrences(of: "BKPSDM.PKA", with: "NOWHERE")
            let report = try EmployeeImport(database: database).run(csv: Self.csv(
                Self.staff, Self.kasubbid, badKepala,
                "19850312201001100,Budi Santoso,III/b,Pengelola Keuangan,pelaksana,KOMINFO,,"
            ), skipBadRows: true)
            #expect(report.applied)
            #expect(report.inserted == 2 && report.skipped == 2)
            #expect(try F.employeeCount(database) == 2)
            let kasubbid = try #require(try F.employee("198005152005012002", in: database))
            #expect(kasubbid.supervisorId == nil)
            #expect(report.issues.contains {
                $0.line == 3 && $0.column == "nip_atasan" && $0.severity == .warning
                    && $0.message == "baris atasan (baris 4) dilewati; atasan dikosongkan"
            })
            let staff = try #require(try F.employee("199202202015031003", in: database))
            #expect(staff.supervisorId == kasubbid.id)
        }
    }

    @Test("re-importing is an upsert: the same file changes nothing, a changed row is updated")
    func reimport() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let importer = EmployeeImport(database: database)
            let file = Self.csv(Self.kepala, Self.kasubbid, Self.staff)
            _ = try importer.run(csv: file)
            let before = try #require(try F.employee("199202202015031003", in: database))

            let again = try importer.run(csv: file)
            #expect(again.applied)
            #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 3)
            #expect(try F.employee("199202202015031003", in: database) == before)

            let promoted = Self.staff.replacingOccurrences(of: ",III/a,", with: ",III/b,")
            let changed = try importer.run(csv: Self.csv(Self.kepala, Self.kasubbid, promoted))
            #expect(changed.updated == 1 && changed.unchanged == 2 && changed.inserted == 0)
            let after = try #require(try F.employee("199202202015031003", in: database))
            #expect(after.golongan?.code == "III/b")
            #expect(after.id == before.id && after.createdAt == before.createdAt)
            #expect(after.updatedAt >= before.updatedAt)
            #expect(try F.employeeCount(database) == 3)
        }
    }

    @Test("a column left out of the file keeps existing values")
    func missingOptionalColumnKeepsValues() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            _ = try EmployeeImport(database: database).run(csv: Self.csv(Self.kepala, Self.kasubbid))
            let report = try EmployeeImport(database: database).run(csv: """
                NIP,Nama,Unit
                198005152005012002,Siti Nurhaliza,KOMINFO
                """)
            #expect(report.updated == 1)
            let kasubbid = try #require(try F.employee("198005152005012002", in: database))
            #expect(kasubbid.email == "siti.nurhaliza@asahmakmur.go.id")
            #expect(kasubbid.golongan?.code == "III/d")
            #expect(kasubbid.supervisorId != nil)
        }
    }

    @Test("a missing required column is an error for the whole file")
    func missingRequiredColumn() throws {
        try F.withDatabase { database in
            let report = try EmployeeImport(database: database).run(csv: "nip,nama,golongan\n198503122010011003,Budi,III/a\n")
            #expect(!report.applied)
            #expect(report.issues.map { "\($0.line) \($0.column ?? "-") \($0.severity)" } == ["1 unit error"])
            #expect(report.issues.first?.message == "kolom wajib 'unit' tidak ada di baris judul")
            let empty = try EmployeeImport(database: database).run(csv: "")
            #expect(empty.hasErrors && !empty.applied)
        }
    }

    @Test("supervisor cycles created by the file are errors")
    func cycleInFile() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let a = "197001011995031001,Andi,IV/b,Kepala,administrator,KOMINFO,198005152005012002,"
            let b = "198005152005012002,Siti,III/d,Kasi,pengawas,KOMINFO,197001011995031001,"
            let report = try EmployeeImport(database: database).run(csv: Self.csv(a, b, Self.staff))
            #expect(!report.applied)
            let errors = report.issues.filter { $0.severity == .error }
            #expect(errors.map(\.line) == [2, 3])
            #expect(errors.allSatisfy { $0.column == "nip_atasan" })
            #expect(errors.first?.message
                == "atasan membentuk lingkaran: 197001011995031001 → 198005152005012002 → 197001011995031001")
            #expect(try F.employeeCount(database) == 0)
        }
    }

    @Test("a cycle closed through supervisors already in the database is found")
    func cycleThroughDatabase() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            _ = try EmployeeImport(database: database).run(csv: Self.csv(Self.kepala, Self.kasubbid, Self.staff))
            // The head now reports to the pelaksana, who reports (in the database) to the head's subordinate.
            let loop = Self.kepala.replacingOccurrences(of: "administrator,BKPSDM.PKA,,", with: "administrator,BKPSDM.PKA,199202202015031003,")
            let report = try EmployeeImport(database: database).run(csv: Self.csv(loop))
            #expect(!report.applied)
            #expect(report.issues.first?.message.hasPrefix("atasan membentuk lingkaran: 197001011995031001 → 199202202015031003") == true)
            let kepala = try #require(try F.employee("197001011995031001", in: database))
            #expect(kepala.supervisorId == nil)

            let skipped = try EmployeeImport(database: database).run(csv: Self.csv(loop), skipBadRows: true)
            #expect(skipped.applied && skipped.skipped == 1 && skipped.updated == 0)
        }
    }

    @Test("a dry run reports counts and writes nothing")
    func dryRun() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let report = try EmployeeImport(database: database).run(csv: Self.csv(Self.kepala, Self.staff, Self.kasubbid), dryRun: true)
            #expect(!report.applied && !report.hasErrors)
            #expect(report.inserted == 3)
            #expect(try F.employeeCount(database) == 0)
        }
    }

    @Test("spreadsheet exports: semicolons, a byte order mark, capitalised headers, NIP with spaces or apostrophe")
    func spreadsheetExport() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let report = try EmployeeImport(database: database).run(csv: """
                \u{FEFF}NIP;Nama;Unit;NIP Atasan;Status
                '197001011995031001;Andi Ridwan;KOMINFO;;aktif
                19850312 201001 1 003;Budi Santoso;KOMINFO;197001011995031001;nonaktif
                1,98503E+17;Sri Wahyuni;KOMINFO;;aktif

                """)
            #expect(report.issues.filter { $0.severity == .error }.map(\.line) == [4])
            #expect(report.issues.first?.message.contains("angka ilmiah") == true)
            let fixed = try EmployeeImport(database: database).run(csv: """
                \u{FEFF}NIP;Nama;Unit;NIP Atasan;Status
                '197001011995031001;Andi Ridwan;KOMINFO;;aktif
                19850312 201001 1 003;Budi Santoso;KOMINFO;197001011995031001;nonaktif
                """)
            #expect(fixed.applied && fixed.inserted == 2)
            let budi = try #require(try F.employee("198503122010011003", in: database))
            #expect(!budi.active)
            #expect(budi.supervisorId != nil)
        }
    }

    @Test("PPPK rows: jenis_pegawai or a PPPK golongan, no month check, mismatches are errors")
    func pppkRows() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let report = try EmployeeImport(database: database).run(csv: """
                nip,nama,golongan,unit,jenis_pegawai
                198503122021211003,Guru PPPK,IX,KOMINFO,PPPK
                199001012022212001,Perawat PPPK,VII,KOMINFO,
                199001012022212002,Salah,III/a,KOMINFO,PPPK
                199001012022212003,Salah Juga,IX,KOMINFO,honorer
                """)
            let errors = report.issues.filter { $0.severity == .error }.map { "\($0.line) \($0.column ?? "")" }
            #expect(errors == ["4 golongan", "5 jenis_pegawai"])
            let applied = try EmployeeImport(database: database).run(csv: """
                nip,nama,golongan,unit,jenis_pegawai
                198503122021211003,Guru PPPK,IX,KOMINFO,PPPK
                199001012022212001,Perawat PPPK,VII,KOMINFO,
                """)
            #expect(applied.applied && applied.inserted == 2)
            #expect(try F.employee("199001012022212001", in: database)?.employment == .pppk)
        }
    }

    @Test("golongan I to IV without a ruang and without jenis_pegawai is reported, not taken as PPPK")
    func ambiguousGolongan() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let report = try EmployeeImport(database: database).run(csv: """
                nip,nama,golongan,unit,jenis_pegawai
                199202202015031003,Made Tanpa Ruang,III,KOMINFO,
                199001012022212001,Perawat Tanpa Jenis,III,KOMINFO,
                199001012022212002,Perawat PPPK,III,KOMINFO,PPPK
                199001012022212003,Guru PPPK,XI,KOMINFO,
                """)
            let golongan = report.issues.filter { $0.column == "golongan" }.map { "\($0.line) \($0.severity): \($0.message)" }
            let ambiguous = "golongan 'III' bisa berarti golongan PPPK atau golongan PNS tanpa ruang: tulis ruangnya (mis. III/a) "
                + "atau isi kolom jenis_pegawai (PNS/PPPK)"
            #expect(golongan == ["2 error: \(ambiguous)", "3 error: \(ambiguous)"])
            // Not taken as PPPK, so the PNS check of the NIP still runs: month 21 of TMT is not a month.
            #expect(report.issues.contains { $0.line == 3 && $0.column == "nip" })
            #expect(!report.issues.contains { $0.line == 4 || $0.line == 5 }, "stated PPPK, and XI (only PPPK), are clear")
            #expect(!report.applied)
        }
    }

    @Test("legacy NIP oddities are warnings and the row is applied")
    func legacyWarning() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            let report = try EmployeeImport(database: database).run(csv: "nip,nama,unit\n199001012006011001,Muda Sekali,KOMINFO\n")
            #expect(report.applied && report.inserted == 1)
            #expect(report.issues.map { "\($0.line) \($0.column ?? "") \($0.severity)" } == ["2 nip warning"])
        }
    }

    @Test("5,000 rows import in one pass, with progress, and a second import changes nothing")
    func fiveThousandRows() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            var lines = [Self.header]
            for index in 0..<5_000 {
                let nip = "19\(String(format: "%02d", 60 + index % 40))0101" + "2010011" + String(format: "%03d", 1 + index / 40)
                let supervisor = index == 0 ? "" : "1960010120100110" + "01"
                lines.append("\(nip),Pegawai \(index),III/a,Pengadministrasi Perkantoran,pelaksana,KOMINFO,\(supervisor),p\(index)@asahmakmur.go.id")
            }
            let csv = lines.joined(separator: "\n")
            let counter = ProgressCounter()
            let report = try EmployeeImport(database: database).run(csv: csv, progress: { done, total in
                counter.record(done, total)
            })
            #expect(!report.hasErrors, "\(report.issues.prefix(3))")
            #expect(report.inserted == 5_000)
            #expect(counter.last?.0 == 5_000 && counter.last?.1 == 5_000)
            let again = try EmployeeImport(database: database).run(csv: csv)
            #expect(again.unchanged == 5_000)
        }
    }
}

/// Collects progress callbacks, which may come from the database's writer thread.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [(Int, Int)] = []

    func record(_ done: Int, _ total: Int) {
        lock.withLock { values.append((done, total)) }
    }

    var last: (Int, Int)? { lock.withLock { values.last } }
}
