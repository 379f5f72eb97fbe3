@testable import AsahCore
import Foundation
import GRDB
import Testing

extension Workshops {
    @Suite("Training-hours ledger and compliance")
    struct TrainingHoursTests {
        private func external(jp: Double, evidence: String = "bukti/1.pdf") -> ExternalTraining {
            ExternalTraining(title: "Bimtek Arsip Digital", organiser: "ANRI", kind: "Bimbingan Teknis",
                             startedOn: CalendarDate(year: 2026, month: 5, day: 4)!, endedOn: CalendarDate(year: 2026, month: 5, day: 6)!,
                             jp: jp, certificateNumber: "ANRI/2026/77", evidencePath: evidence, evidenceName: "sertifikat.pdf")
        }

        /// Inserts verified Asah hours directly (as completion would).
        private func credit(_ world: WorkshopWorld, _ employeeId: Int64, jp: Double, year: Int = 2026) throws {
            try world.database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO training_hours (employee_id, year, jp, source, title, status, created_at) VALUES (?, ?, ?, 'asah', 'x', 'verified', 0)
                    """, arguments: [employeeId, year, jp])
            }
        }

        @Test("a PPPK has no target and a 24 JP cap by default: not counted in compliance, JP beyond the cap shown as such")
        func pppkRules() throws {
            try WorkshopFixtures.withWorld { world in
                let pegawai = world.people.pegawai
                let unitId = try world.employee(pegawai).unitId!
                let hours = TrainingHours(database: world.database)
                let before = try hours.compliance(year: 2026).first { $0.unitId == unitId }!
                try world.database.pool.write { try $0.execute(sql: "UPDATE employees SET employment = 'pppk' WHERE id = ?", arguments: [pegawai]) }
                try credit(world, pegawai, jp: 30)

                let ledger = try hours.ledger(employeeId: pegawai, year: 2026)
                #expect(ledger.target == nil && ledger.cap == 24)
                #expect(ledger.reached && ledger.remainingJP == 0, "nothing is owed")
                #expect(ledger.beyondCapJP == 6, "30 verified JP - the cap of 24")
                let after = try hours.compliance(year: 2026).first { $0.unitId == unitId }!
                #expect(after.employees == before.employees - 1, "a PPPK owes no JP, so is not counted")
                let member = try hours.unitMembers(unitId: unitId, year: 2026).first { $0.employeeId == pegawai }!
                #expect(member.target == nil && member.cap == 24 && member.beyondCapJP == 6)

                // An agency that sets a PPPK target of 20: reached at 30, still 6 beyond the cap.
                var rules = EmploymentRules.regulation
                rules.pppk.target = 20
                _ = try EmploymentRules.save(rules, actor: nil, ip: nil, in: world.database).get()
                let owed = try hours.ledger(employeeId: pegawai, year: 2026)
                #expect(owed.target == 20 && owed.reached && owed.beyondCapJP == 6)
                let pppkInUnit = try world.database.pool.read {
                    try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM employees WHERE unit_id = ? AND active AND employment = 'pppk'",
                                     arguments: [unitId]) ?? 0
                }
                #expect(try hours.compliance(year: 2026).first { $0.unitId == unitId }!.employees == before.employees - 1 + pppkInUnit)
                #expect(try world.database.pool.read {
                    try String.fetchOne($0, sql: "SELECT detail FROM audit_log WHERE action = 'agency.employment_rules' ORDER BY id DESC")
                } == "pns target 20 cap -, pppk target 20 cap 24")
            }
        }

        @Test("employment rules: a target above the cap or out of range is refused whole")
        func rulesProblems() throws {
            try WorkshopFixtures.withWorld { world in
                var rules = EmploymentRules.regulation
                rules.pppk.target = 30
                rules.pns.cap = 0
                guard case .failure(let problem) = try EmploymentRules.save(rules, actor: nil, ip: nil, in: world.database) else {
                    Issue.record("saved")
                    return
                }
                #expect(problem.findings.map { "\($0.employment.rawValue) \($0.part.rawValue) \($0.refusal.key)" }
                        == ["pns cap problem_rules_range", "pns target problem_rules_target_above_cap",
                            "pppk target problem_rules_target_above_cap"])
                #expect(try EmploymentRules.current(in: world.database) == .regulation, "nothing saved")
            }
        }

        @Test("an external training counts only once a coordinator verifies it; a rejection needs a note")
        func externalTraining() throws {
            try WorkshopFixtures.withWorld { world in
                let hours = TrainingHours(database: world.database)
                let me = try world.principal(world.people.pegawai)
                #expect(try hours.recordExternal(employeeId: world.people.pegawai, external(jp: 0, evidence: ""), actor: me).problem?.message
                        == "Jumlah JP harus lebih dari 0. Bukti pelatihan (sertifikat) wajib diunggah.")
                #expect(try hours.recordExternal(employeeId: world.people.atasan, external(jp: 8), actor: me).problem == .notPermitted)
                let entry = try hours.recordExternal(employeeId: world.people.pegawai, external(jp: 8), actor: me).get()
                let other = try hours.recordExternal(employeeId: world.people.pegawai, external(jp: 4), actor: me).get()
                var ledger = try hours.ledger(employeeId: world.people.pegawai, year: 2026)
                #expect(ledger.verifiedJP == 0)
                #expect(ledger.pendingJP == 12)
                #expect(try hours.pendingReviews().map(\.entry.id) == [entry.id, other.id])

                #expect(try hours.review(entryId: entry.id!, accept: true, note: nil, actor: me).problem == .notPermitted)
                _ = try hours.review(entryId: entry.id!, accept: true, note: nil, actor: world.coordinator).get()
                #expect(try hours.review(entryId: entry.id!, accept: true, note: nil, actor: world.coordinator).problem == .alreadyReviewed)
                #expect(try hours.review(entryId: other.id!, accept: false, note: " ", actor: world.coordinator).problem == .reasonRequired)
                _ = try hours.review(entryId: other.id!, accept: false, note: "Sertifikat tidak terbaca", actor: world.coordinator).get()
                ledger = try hours.ledger(employeeId: world.people.pegawai, year: 2026)
                #expect(ledger.verifiedJP == 8)
                #expect(ledger.pendingJP == 0)
                #expect(ledger.remainingJP == 12)
                #expect(ledger.progress == 0.4)
                #expect(try world.notifications(world.people.pegawai).first?.text
                        == "Pelatihan \"Bimtek Arsip Digital\" ditolak: Sertifikat tidak terbaca.")
            }
        }

        @Test("the supervisor sees the direct team's JP for the year")
        func team() throws {
            try WorkshopFixtures.withWorld { world in
                let team = try world.database.pool.read { try EmployeeDirectory.directSubordinates(of: world.people.atasan, in: $0) }
                try credit(world, team[0].id!, jp: 20)
                try credit(world, team[1].id!, jp: 12)
                try credit(world, team[1].id!, jp: 30, year: 2025)
                let rows = try TrainingHours(database: world.database).team(supervisorEmployeeId: world.people.atasan, year: 2026)
                #expect(rows.map(\.employeeId) == team.map(\.id!))
                let byId = Dictionary(uniqueKeysWithValues: rows.map { ($0.employeeId, $0) })
                #expect(byId[team[0].id!]?.reached == true)
                #expect(byId[team[1].id!]?.verifiedJP == 12)
                #expect(byId[team[1].id!]?.reached == false)
            }
        }

        @Test("compliance per unit counts active employees reaching the target, drills down, and exports CSV")
        func compliance() throws {
            try WorkshopFixtures.withWorld { world in
                let unitId = try world.employee(world.people.pegawai).unitId!
                let members = try world.database.pool.read {
                    try Int64.fetchAll($0, sql: "SELECT id FROM employees WHERE unit_id = ? AND active AND employment = 'pns' ORDER BY id",
                                       arguments: [unitId])
                }
                try credit(world, members[0], jp: 20)
                try credit(world, members[1], jp: 15)
                try credit(world, members[1], jp: 5)
                try credit(world, members[2], jp: 19.5)
                let hours = TrainingHours(database: world.database)
                let units = try hours.compliance(year: 2026)
                let unit = units.first { $0.unitId == unitId }!
                #expect(unit.employees == members.count)
                #expect(unit.reached == 2)
                #expect(unit.percent == WorkshopMath.roundedPercent(2, of: members.count))
                #expect(units.reduce(0) { $0 + $1.employees } == (try world.database.pool.read {
                    try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM employees WHERE active AND unit_id IS NOT NULL AND employment = 'pns'")
                }), "by default only a PNS has a target")
                var rules = EmploymentRules.regulation
                rules.pns.target = 15
                _ = try EmploymentRules.save(rules, actor: nil, ip: nil, in: world.database).get()
                #expect(try hours.compliance(year: 2026).first { $0.unitId == unitId }?.reached == 3)
                _ = try EmploymentRules.save(.regulation, actor: nil, ip: nil, in: world.database).get()

                let drill = try hours.unitMembers(unitId: unitId, year: 2026)
                let owed = drill.filter { $0.target != nil }
                #expect(owed.count == members.count, "the drill-down lists everyone, PPPK without a target")
                #expect(owed.filter(\.reached).map(\.employeeId).sorted() == [members[0], members[1]])
            }
        }
    }
}
