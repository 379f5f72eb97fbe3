import Foundation
import GRDB
import Testing
@testable import AsahCore

@Suite("Edits of employees and units: the import's rules, whole or nothing, merges that keep history")
struct OrganisationEditRuleTests {
    typealias F = OrganisationFixtures

    private func importStaff(_ database: AppDatabase) throws {
        let report = try EmployeeImport(database: database).run(csv: EmployeeImportTests.csv(
            EmployeeImportTests.kepala, EmployeeImportTests.kasubbid, EmployeeImportTests.staff))
        #expect(report.applied)
    }

    private func values(_ database: AppDatabase, _ nip: String, _ changes: [String: String]) throws -> [String: String] {
        try #require(try EmployeeEdit(database: database).values(nip: nip)).merging(changes) { $1 }
    }

    @Test("an edit refuses what the import refuses, with the import's message keys, and saves nothing")
    func importRules() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            try importStaff(database)
            let staff = "199202202015031003", kepala = "197001011995031001"
            let edit = EmployeeEdit(database: database)
            let answer = try edit.save(nip: staff, values: try values(database, staff, [
                "nip": "199202302015031003", "golongan": "IX", "unit": "TIDAK-ADA", "email": "a@b", "nama": "",
            ]), actor: nil, ip: nil)
            guard case .failure(let problem)? = answer else { Issue.record("saved: \(String(describing: answer))"); return }
            let keys = Set(problem.findings.map { "\($0.field):\($0.refusal.key)" })
            #expect(keys.isSuperset(of: ["nama:import_name_required", "golongan:import_golongan_mismatch",
                                         "unit:import_unit_not_found", "email:import_email_invalid"]), "\(keys)")
            #expect(keys.contains { $0.hasPrefix("nip:") }, "30 February is no birth date")
            #expect(try F.employee(staff, in: database)?.name == "I Made Suarta")

            let loop = try edit.save(nip: kepala, values: try values(database, kepala, ["nip_atasan": staff]), actor: nil, ip: nil)
            guard case .failure(let cycle)? = loop else { Issue.record("a loop was saved"); return }
            #expect(cycle.findings.map(\.refusal.key) == ["import_link_cycle"])
            #expect(try edit.save(nip: "199901012020011001", values: [:], actor: nil, ip: nil) == nil, "no such employee")
        }
    }

    @Test("a saved edit is audited with each changed field before and after; an unchanged one is not")
    func audited() throws {
        try F.withDatabase { database in
            try F.insertUnits(F.standardUnits, into: database)
            try importStaff(database)
            let staff = "199202202015031003"
            let edit = EmployeeEdit(database: database)
            let saved = try edit.save(nip: staff, values: try values(database, staff, ["unit": "KOMINFO", "jabatan": ""]),
                                      actor: nil, ip: "10.0.0.1")
            #expect(saved == .success(.init(nip: staff, accountsEnded: [])))
            let unchanged = try edit.save(nip: staff, values: try values(database, staff, [:]), actor: nil, ip: nil)
            #expect(unchanged == .success(.init(nip: staff, accountsEnded: [])))
            let details = try database.pool.read { db in
                try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action = 'employee.edit'")
            }
            #expect(details == ["jabatan: Pengadministrasi Perkantoran → -; unit: BKPSDM.PKA → KOMINFO"])
        }
    }

    @Test("merging A into B moves people and sub-units, keeps A merged and inactive; loops and second merges are refused")
    func merge() throws {
        try F.withDatabase { database in
            let ids = try F.insertUnits(F.standardUnits + [("BKPSDM.PKA.DIKLAT", "Subbidang Diklat", .bidang, "BKPSDM.PKA")],
                                        into: database)
            try importStaff(database)
            let merge = UnitMerge(database: database)
            let refused = { (code: String, target: String) throws -> String? in
                guard case .failure(let problem)? = try merge.merge(code: code, into: target, actor: nil, ip: nil) else { return nil }
                return problem.findings.first?.refusal.key
            }
            #expect(try refused("BKPSDM", "BKPSDM.PKA.DIKLAT") == "problem_unit_merge_target_below")
            #expect(try refused("BKPSDM", "bkpsdm") == "problem_unit_merge_self")
            #expect(try refused("BKPSDM", "") == "problem_unit_merge_target_required")
            #expect(try refused("BKPSDM", "NOPE") == "import_parent_not_found")

            let outcome = try merge.merge(code: "BKPSDM.PKA", into: "KOMINFO", actor: nil, ip: nil)
            #expect(outcome == .success(.init(employeesMoved: 3, subunitsMoved: 1)))
            let (merged, people, child) = try database.pool.read { db in
                (try Row.fetchOne(db, sql: "SELECT name, active, merged_into_id FROM units WHERE code = 'BKPSDM.PKA'")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employees WHERE unit_id = ?", arguments: [ids["KOMINFO"]])!,
                 try Int64.fetchOne(db, sql: "SELECT parent_id FROM units WHERE code = 'BKPSDM.PKA.DIKLAT'"))
            }
            #expect(merged["name"] as String == "Bidang Pengembangan Kompetensi Aparatur", "the old name stays for history")
            #expect(merged["active"] as Bool == false)
            #expect(merged["merged_into_id"] as Int64? == ids["KOMINFO"])
            #expect(people == 3)
            #expect(child == ids["KOMINFO"])
            #expect(try refused("BKPSDM.PKA", "BKPSDM") == "problem_unit_merged_already")
            #expect(try refused("BKPSDM", "BKPSDM.PKA") == "problem_unit_merge_target_merged")
            let reparent = try UnitEdit(database: database).save(code: "KOMINFO", values: ["nama": "KOMINFO", "kode_induk": "BKPSDM.PKA"],
                                                                 actor: nil, ip: nil)
            guard case .failure(let problem)? = reparent else { Issue.record("a merged unit became a parent"); return }
            #expect(problem.findings.map(\.refusal.key) == ["problem_unit_parent_merged"])
            let kepala = "197001011995031001"
            let moved = try EmployeeEdit(database: database).save(nip: kepala, values: try values(database, kepala, ["unit": "BKPSDM.PKA"]),
                                                                  actor: nil, ip: nil)
            guard case .failure(let intoMerged)? = moved else { Issue.record("someone moved into a merged unit"); return }
            #expect(intoMerged.findings.map(\.refusal.key) == ["problem_unit_merged_employee"])
        }
    }
}
