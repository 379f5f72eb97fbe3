@testable import AsahCore
import Foundation
import GRDB
import Testing

extension Appraisals {
    @Suite("Appraisal CSV import, queries and access")
    struct AppraisalImportTests {
        static let header = "nip,tahun,periode,hasil_kerja,perilaku_kerja,predikat,nilai,nip_penilai"

        static func csv(_ lines: String...) -> String {
            ([header] + lines).joined(separator: "\n") + "\n"
        }

        static func nip(_ id: Int64, in world: WorkshopWorld) throws -> String {
            try world.employee(id).nip
        }

        static func count(_ database: AppDatabase) throws -> Int {
            try database.pool.read { try Appraisal.fetchCount($0) }
        }

        static func records(_ employeeId: Int64, in database: AppDatabase) throws -> [Appraisal] {
            try database.pool.read { try AppraisalQueries.records(employeeId: employeeId, in: $0) }
        }

        /// A good file for the demo pegawai (current and legacy records) and their atasan.
        static func goodFile(_ world: WorkshopWorld) throws -> String {
            let pegawai = try nip(world.people.pegawai, in: world)
            let atasan = try nip(world.people.atasan, in: world)
            return csv("\(pegawai),2024,Tahunan,Di atas ekspektasi,Sesuai ekspektasi,Baik,,\(atasan)",
                       "\(pegawai),2024,TW I,sesuai,sesuai,,,\(atasan)",
                       "\(pegawai),2015,Tahunan,,,Baik,82.5,",
                       "\(atasan),2023,12,di bawah,di atas,Butuh Perbaikan,,")
        }

        @Test("a good file is applied; re-importing it changes nothing; a changed row updates")
        func goodFileIsIdempotent() throws {
            try WorkshopFixtures.withWorld { world in
                let file = try Self.goodFile(world)
                let first = try AppraisalImport(database: world.database).run(csv: file)
                #expect(first.issues.isEmpty)
                #expect(first.applied)
                #expect(first.inserted == 4 && first.updated == 0 && first.unchanged == 0 && first.skipped == 0)

                let records = try Self.records(world.people.pegawai, in: world.database)
                #expect(records.map { "\($0.year) \($0.period.rawValue)" } == ["2015 tahunan", "2024 tw1", "2024 tahunan"])
                #expect(records.map(\.predikat) == [.legacy(.baik), .current(.baik), .current(.baik)])
                #expect(records[0].legacyScore == 82.5 && records[0].hasilKerja == nil)
                #expect(records[2].hasilKerja == .diAtas && records[2].perilakuKerja == .sesuai)
                #expect(records[2].appraiserNip == (try Self.nip(world.people.atasan, in: world)))
                #expect(records.allSatisfy { $0.source == "csv" })
                let atasan = try Self.records(world.people.atasan, in: world.database)
                #expect(atasan.map(\.predikat) == [.current(.butuhPerbaikan)] && atasan.first?.period == .month(12))

                let again = try AppraisalImport(database: world.database).run(csv: file)
                #expect(again.applied && again.issues.isEmpty)
                #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 4)
                #expect(try Self.count(world.database) == 4)

                let pegawai = try Self.nip(world.people.pegawai, in: world)
                let changed = try AppraisalImport(database: world.database)
                    .run(csv: Self.csv("\(pegawai),2024,Tahunan,di atas,di atas,Sangat Baik,,"))
                #expect(changed.applied && changed.updated == 1 && changed.inserted == 0)
                let annual = try Self.records(world.people.pegawai, in: world.database).last
                #expect(annual?.predikat == .current(.sangatBaik))
                #expect(try Self.count(world.database) == 4)
            }
        }

        @Test("latest record before a date")
        func latestBefore() throws {
            try WorkshopFixtures.withWorld { (world: WorkshopWorld) throws in
                #expect(try AppraisalImport(database: world.database).run(csv: try Self.goodFile(world)).applied)
                func latest(_ year: Int, _ month: Int, _ day: Int) throws -> String? {
                    try world.database.pool.read { db in
                        try AppraisalQueries.latest(employeeId: world.people.pegawai,
                                                    before: CalendarDate(year: year, month: month, day: day)!, in: db)
                    }.map { "\($0.year) \($0.period.rawValue)" }
                }
                #expect(try latest(2024, 6, 1) == "2024 tw1")
                #expect(try latest(2024, 3, 31) == "2015 tahunan", "TW I has not ended before its last day")
                #expect(try latest(2025, 1, 1) == "2024 tahunan")
                #expect(try latest(2015, 12, 31) == nil)
            }
        }

        @Test("the schema refuses a stored predikat that contradicts the ratings or the score")
        func schemaChecks() throws {
            try WorkshopFixtures.withWorld { world in
                let insert = """
                    INSERT INTO appraisals (employee_id, year, period, hasil_kerja, perilaku_kerja, predikat,
                                            legacy_score, source, imported_at) VALUES (?, 2024, ?, ?, ?, ?, ?, 'sql', 0)
                    """
                let id = world.people.pegawai
                let rows: [(String, String?, String?, String, Double?, Bool)] = [
                    ("tahunan", "di_atas", "di_bawah", "kurang", nil, true),
                    ("tw1", "di_atas", "di_bawah", "baik", nil, false),
                    ("tw2", nil, nil, "pp46_baik", 90.5, true),
                    ("tw3", nil, nil, "pp46_sangat_baik", 90.5, false),
                    ("tw4", "sesuai", nil, "baik", nil, false),
                    ("m01", nil, nil, "pp46_buruk", nil, false),
                ]
                for (period, hasil, perilaku, predikat, score, accepted) in rows {
                    let result = Result {
                        try world.database.pool.write {
                            try $0.execute(sql: insert, arguments: [id, period, hasil, perilaku, predikat, score])
                        }
                    }
                    #expect((result.problem == nil) == accepted, "\(period)")
                }
            }
        }

        @Test("a dry run reports what would happen and writes nothing")
        func dryRun() throws {
            try WorkshopFixtures.withWorld { world in
                let report = try AppraisalImport(database: world.database).run(csv: try Self.goodFile(world), dryRun: true)
                #expect(!report.applied && !report.hasErrors && report.inserted == 4)
                #expect(try Self.count(world.database) == 0)
            }
        }

        @Test("a file with errors reports each with line and column and applies nothing")
        func badFileAppliesNothing() throws {
            try WorkshopFixtures.withWorld { world in
                let pegawai = try Self.nip(world.people.pegawai, in: world)
                let report = try AppraisalImport(database: world.database).run(csv: Self.csv(
                    "199001012020011999,2024,Tahunan,sesuai,sesuai,,,",
                    "\(pegawai),2024,Tahunan,di atas,di bawah,Baik,,",
                    "\(pegawai),2024,TW V,sesuai,sesuai,,,",
                    "\(pegawai),2023,Tahunan,sesuai,sesuai,Baik,,"))
                #expect(report.hasErrors && !report.applied)
                let errors = report.issues.filter { $0.severity == .error }
                #expect(errors.map(\.line) == [2, 3, 4])
                #expect(errors.map(\.column) == ["nip", "predikat", "periode"])
                #expect(errors[0].message == "NIP 199001012020011999 tidak ditemukan di data pegawai")
                #expect(errors[1].message.contains("bertentangan dengan matriks"))
                #expect(errors[1].message.contains("Kurang/Misconduct"))
                #expect(errors[2].message.hasPrefix("periode 'TW V' tidak dikenal"))
                #expect(report.skipped == 3 && report.inserted == 1)
                #expect(try Self.count(world.database) == 0)
            }
        }

        @Test("every row problem has its reason; skipBadRows writes the good rows only")
        func skipBadRows() throws {
            try WorkshopFixtures.withWorld { world in
                let pegawai = try Self.nip(world.people.pegawai, in: world)
                let report = try AppraisalImport(database: world.database).run(csv: Self.csv(
                    "\(pegawai),1975,Tahunan,sesuai,sesuai,,,",
                    "\(pegawai),2022,Tahunan,luar biasa,sesuai,,,",
                    "\(pegawai),2014,Tahunan,,,,105,",
                    "\(pegawai),2013,Tahunan,,,,,",
                    "\(pegawai),2012,Tahunan,sesuai,,,,",
                    "\(pegawai),2011,Tahunan,,,Cukup,95,",
                    "\(pegawai),2024,Triwulan II,sesuai,di atas,,,",
                    "\(pegawai),2024,tw2,sesuai,sesuai,,,",
                    "\(pegawai),2016,Tahunan,,,Cukup,\"70,5\","), skipBadRows: true)
                #expect(report.applied)
                let errors = report.issues.filter { $0.severity == .error }
                #expect(errors.map(\.line) == [2, 3, 4, 5, 6, 7, 9])
                #expect(errors.map(\.column) == ["tahun", "hasil_kerja", "nilai", nil, "perilaku_kerja", "predikat", nil])
                #expect(errors[0].message.hasPrefix("tahun 1975 di luar rentang 1980–"))
                #expect(errors[2].message == "nilai 105 di luar rentang 0–100")
                #expect(errors[3].message.hasPrefix("penilaian kosong"))
                #expect(errors[6].message.contains("baris 8"))
                #expect(report.inserted == 2 && report.skipped == 7)
                let records = try Self.records(world.people.pegawai, in: world.database)
                #expect(records.map { "\($0.year) \($0.period.rawValue) \($0.predikat.rawValue)" }
                        == ["2016 tahunan pp46_cukup", "2024 tw2 baik"])
            }
        }

        @Test("who may see one person's records, and every read is audited")
        func access() throws {
            try WorkshopFixtures.withWorld { (world: WorkshopWorld) throws in
                #expect(try AppraisalImport(database: world.database).run(csv: try Self.goodFile(world)).applied)
                let people = world.people
                let atasan = try world.employee(people.atasan)
                let colleagueId = try world.database.pool.read { db in
                    try Int64.fetchOne(db, sql: "SELECT id FROM employees WHERE supervisor_id = ? AND id <> ? LIMIT 1",
                                       arguments: [people.atasan, people.pegawai])
                }
                let colleague = try #require(colleagueId)
                let grandSupervisor = try #require(atasan.supervisorId)
                func maySee(_ principal: Principal) throws -> Bool {
                    try world.database.pool.read {
                        try AppraisalAccess.maySee(principal: principal, employeeId: people.pegawai, in: $0)
                    }
                }
                #expect(try maySee(world.principal(people.pegawai)), "the person")
                #expect(try maySee(world.principal(people.atasan)), "the direct supervisor")
                #expect(try maySee(world.principal(grandSupervisor)), "a supervisor further up")
                #expect(try !maySee(world.principal(colleague)), "a colleague under the same supervisor")
                #expect(try !maySee(world.principal(people.instruktur)), "an unrelated employee")
                #expect(try maySee(world.coordinator), "a coordinator")

                let reader = try world.principal(people.atasan)
                let read = try world.database.pool.write {
                    try AppraisalAccess.read(reader, employeeId: people.pegawai, ip: "10.0.0.7", in: $0)
                }
                #expect(read.count == 3)
                let denied = try world.principal(colleague)
                #expect(throws: AppraisalAccess.Denied(employeeId: people.pegawai)) {
                    try world.database.pool.write {
                        try AppraisalAccess.read(denied, employeeId: people.pegawai, ip: nil, in: $0)
                    }
                }
                let entries = try world.database.pool.read { try AuditLog.recent(in: $0) }
                    .filter { $0.action == "appraisal.read" }
                #expect(entries.count == 1)
                #expect(entries.first?.actorUserId == reader.userId)
                #expect(entries.first?.subject == (try Self.nip(people.pegawai, in: world)))
                #expect(entries.first?.ip == "10.0.0.7")
            }
        }
    }
}
