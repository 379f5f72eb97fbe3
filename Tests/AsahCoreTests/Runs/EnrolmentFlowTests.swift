@testable import AsahCore
import Foundation
import GRDB
import Testing

extension Workshops {
    @Suite("Requests, approvals, nominations and eligibility")
    struct EnrolmentFlowTests {
        private let now = WorkshopFixtures.now

        @Test("a request waits for the direct supervisor, who is notified; approval seats the person and tells them")
        func supervisorApproves() throws {
            try WorkshopFixtures.withWorld { world in
                let run = try world.openRun(world.plan(course: try world.course("PPP-01"), code: "PPP-01", capacity: 2))
                let service = EnrolmentService(database: world.database)
                let pegawai = try world.employee(world.people.pegawai)
                let requested = try service.request(runId: run.id!, employeeId: pegawai.id!, actor: world.principal(pegawai.id!), now: now).get()
                #expect(requested.state == .requested)
                #expect(try world.notifications(world.people.atasan).first?.kind == .approvalAsked)
                #expect(try service.pendingRequests(supervisorEmployeeId: world.people.atasan).map(\.enrolmentId) == [requested.id!])

                let stranger = try world.principal(world.people.instruktur)
                #expect(try service.approve(enrolmentId: requested.id!, actor: stranger, now: now).problem == .notPermitted)
                #expect(try service.approve(enrolmentId: requested.id!, actor: world.principal(pegawai.id!), now: now).problem == .notPermitted,
                        "nobody approves their own request")
                let approved = try service.approve(enrolmentId: requested.id!, actor: world.principal(world.people.atasan), now: now + 60).get()
                #expect(approved.state == .enrolled)
                #expect(approved.approvedAt == now + 60)
                let message = try world.notifications(pegawai.id!).first!
                #expect(message.kind == .approved)
                #expect(message.text.contains("Anda terdaftar sebagai peserta."))
                #expect(try service.request(runId: run.id!, employeeId: pegawai.id!, actor: world.principal(pegawai.id!), now: now).problem
                        == .alreadyInRun(.enrolled))
                #expect(try service.pendingRequests(supervisorEmployeeId: world.people.atasan).isEmpty)
            }
        }

        @Test("a decline needs a reason, which the employee sees; they may ask again")
        func declineWithReason() throws {
            try WorkshopFixtures.withWorld { world in
                let run = try world.openRun(world.plan(course: try world.course("PPP-01"), code: "PPP-01", capacity: 2))
                let service = EnrolmentService(database: world.database)
                let me = try world.principal(world.people.pegawai), boss = try world.principal(world.people.atasan)
                let request = try service.request(runId: run.id!, employeeId: world.people.pegawai, actor: me, now: now).get()
                #expect(try service.decline(enrolmentId: request.id!, reason: "  ", actor: boss, now: now).problem == .reasonRequired)
                let declined = try service.decline(enrolmentId: request.id!, reason: "Beban kerja akhir triwulan", actor: boss, now: now).get()
                #expect(declined.state == .declined)
                #expect(try world.notifications(world.people.pegawai).first?.text
                        == "Permohonan Anda untuk \(run.title) ditolak: Beban kerja akhir triwulan")
                #expect(try service.standing(runId: run.id!, employeeId: world.people.pegawai, now: now)?.message
                        == "Permohonan ditolak: Beban kerja akhir triwulan")
                let again = try service.request(runId: run.id!, employeeId: world.people.pegawai, actor: me, now: now + 10).get()
                #expect(again.id == request.id)
                #expect(again.state == .requested)
                #expect(again.decidedReason == nil)
            }
        }

        @Test("a coordinator approves on the supervisor's behalf; without a supervisor a request is approved at once")
        func coordinatorAndNoSupervisor() throws {
            try WorkshopFixtures.withWorld { world in
                let run = try world.openRun(world.plan(course: try world.course("PPP-01"), code: "PPP-01", capacity: 2))
                let service = EnrolmentService(database: world.database)
                let request = try service.request(runId: run.id!, employeeId: world.people.pegawai,
                                                  actor: world.principal(world.people.pegawai), now: now).get()
                #expect(try service.approve(enrolmentId: request.id!, actor: world.coordinator, now: now).get().state == .enrolled)
                #expect(try service.approve(enrolmentId: request.id!, actor: world.coordinator, now: now).problem == .wrongState(.enrolled))

                let top = try world.database.pool.read {
                    try Int64.fetchOne($0, sql: "SELECT id FROM employees WHERE supervisor_id IS NULL AND active ORDER BY id LIMIT 1")!
                }
                let auto = try service.request(runId: run.id!, employeeId: top, actor: world.principal(top), now: now).get()
                #expect(auto.state == .enrolled)
                #expect(auto.approvedBy == nil)
                #expect(try world.notifications(top).first?.text.contains("disetujui otomatis") == true)
            }
        }

        @Test("employees request only for themselves, inside the window of an open run")
        func windowAndStatus() throws {
            try WorkshopFixtures.withWorld { world in
                let course = try world.course("PPP-01")
                var plan = world.plan(course: course, code: "PPP-01", capacity: 2)
                plan.enrolOpensAt = now
                plan.enrolClosesAt = now + 86400
                let planning = RunPlanning(database: world.database)
                let draft = try planning.create(plan, actor: world.coordinator, now: now).get()
                let service = EnrolmentService(database: world.database)
                let me = try world.principal(world.people.pegawai)
                #expect(try service.request(runId: draft.id!, employeeId: world.people.pegawai, actor: me, now: now).problem
                        == .runNotOpen(.draft))
                _ = try planning.setStatus(runId: draft.id!, to: .open, actor: world.coordinator).get()
                #expect(try service.request(runId: draft.id!, employeeId: world.people.pegawai, actor: me, now: now - 1).problem
                        == .enrolmentNotYetOpen(opensAt: now))
                #expect(try service.request(runId: draft.id!, employeeId: world.people.pegawai, actor: me, now: now + 86400).problem
                        == .enrolmentClosed(closedAt: now + 86400))
                #expect(try service.request(runId: draft.id!, employeeId: world.people.atasan, actor: me, now: now).problem == .notPermitted)
                #expect(try service.request(runId: draft.id!, employeeId: world.people.pegawai, actor: me, now: now).get().state == .requested)
                #expect(try planning.setStatus(runId: draft.id!, to: .open, actor: me).problem == .notPermitted)
            }
        }

        @Test("a supervisor up the chain nominates; a mandatory nomination goes ahead of earlier approvals on the waitlist")
        func nominations() throws {
            try WorkshopFixtures.withWorld { world in
                let run = try world.openRun(world.plan(course: try world.course("PPP-01"), code: "PPP-01", capacity: 1))
                let service = EnrolmentService(database: world.database)
                let staff = try world.staff(3)
                for (index, person) in staff.enumerated() {
                    _ = try service.nominate(runId: run.id!, employeeId: person.id!, mandatory: false, actor: world.coordinator,
                                             now: now + Int64(index)).get()
                }
                let boss = try world.employee(world.people.atasan)
                let grandBoss = try world.principal(boss.supervisorId!)
                #expect(try service.nominate(runId: run.id!, employeeId: world.people.pegawai, mandatory: true,
                                             actor: world.principal(world.people.instruktur), now: now).problem == .notPermitted)
                let mandatory = try service.nominate(runId: run.id!, employeeId: world.people.pegawai, mandatory: true, actor: grandBoss,
                                                     now: now + 100).get()
                #expect(mandatory.state == .waitlisted)
                #expect(mandatory.nominatedBy == grandBoss.userId)
                let standing = try service.standing(runId: run.id!, employeeId: world.people.pegawai, now: now + 100)!
                #expect(standing.waitlist?.position == 1)
                #expect(standing.message.contains("nominasi wajib"))
                #expect(try service.standing(runId: run.id!, employeeId: staff[1].id!, now: now + 100)?.waitlist?.position == 2)
                #expect(try world.notifications(world.people.pegawai).first?.text.hasPrefix("Anda dinominasikan (wajib)") == true)

                let seatHolder = try world.database.pool.read {
                    try Enrolment.fetchOne($0, sql: "SELECT * FROM enrolments WHERE run_id = ? AND state = 'enrolled'", arguments: [run.id])!
                }
                #expect(seatHolder.employeeId == staff[0].id)
                _ = try service.cancel(enrolmentId: seatHolder.id!, actor: world.principal(staff[0].id!), now: now + 200).get()
                #expect(try world.enrolment(mandatory.id!).state == .offered, "the freed seat goes to the mandatory nomination")
            }
        }

        @Test("a nomination approves a pending request of the same person instead of adding a second place")
        func nominationOverRequest() throws {
            try WorkshopFixtures.withWorld { world in
                let run = try world.openRun(world.plan(course: try world.course("PPP-01"), code: "PPP-01", capacity: 3))
                let service = EnrolmentService(database: world.database)
                let request = try service.request(runId: run.id!, employeeId: world.people.pegawai,
                                                  actor: world.principal(world.people.pegawai), now: now).get()
                let nominated = try service.nominate(runId: run.id!, employeeId: world.people.pegawai, mandatory: false,
                                                     actor: world.principal(world.people.atasan), now: now).get()
                #expect(nominated.id == request.id)
                #expect(nominated.state == .enrolled)
                #expect(try service.nominate(runId: run.id!, employeeId: world.people.pegawai, mandatory: true,
                                             actor: world.coordinator, now: now).problem == .alreadyInRun(.enrolled))
            }
        }

        @Test("missing prerequisites are refused with the course named")
        func prerequisites() throws {
            try WorkshopFixtures.withWorld { world in
                try world.course("DASAR-01")
                let advanced = try world.course("LANJUT-01", prerequisites: ["DASAR-01", "HILANG-99"])
                let run = try world.openRun(world.plan(course: advanced, code: "LANJUT-01", capacity: 3))
                let service = EnrolmentService(database: world.database)
                let result = try service.request(runId: run.id!, employeeId: world.people.pegawai,
                                                 actor: world.principal(world.people.pegawai), now: now)
                #expect(result.problem == .prerequisitesMissing(["DASAR-01 Kursus DASAR-01", "HILANG-99"]))
                #expect(result.problem?.message == "Prasyarat belum dipenuhi: DASAR-01 Kursus DASAR-01; HILANG-99.")

                try world.database.pool.write { db in
                    let basic = try Int64.fetchOne(db, sql: "SELECT id FROM courses WHERE code = 'DASAR-01'")!
                    try db.execute(sql: """
                        INSERT INTO runs (course_id, code, title, capacity, starts_on, ends_on, status, created_at)
                        VALUES (?, 'DASAR-OLD', 'Dasar lama', 10, '2025-01-01', '2025-01-02', 'finished', 0);
                        INSERT INTO enrolments (run_id, employee_id, state, requested_at, updated_at)
                        VALUES (last_insert_rowid(), ?, 'completed', 0, 0);
                        """, arguments: [basic, world.people.pegawai])
                }
                #expect(try service.request(runId: run.id!, employeeId: world.people.pegawai,
                                            actor: world.principal(world.people.pegawai), now: now).problem
                        == .prerequisitesMissing(["HILANG-99"]))
            }
        }

        @Test("people outside the audience are refused with every reason; a sub-unit belongs to its unit")
        func audience() throws {
            try WorkshopFixtures.withWorld { world in
                let pegawai = try world.employee(world.people.pegawai)
                let (unitCode, parentCode) = try world.database.pool.read { db in
                    let row = try Row.fetchOne(db, sql: """
                        SELECT u.code, p.code AS parent FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ?
                        """, arguments: [pegawai.unitId])!
                    return (row["code"] as String, row["parent"] as String?)
                }
                let narrow = try world.course("PIM-01", audience: """
                    {"jabatan_kinds": ["administrator", "pengawas"], "golongan_min": "IV/a", "golongan_max": "IV/e", "units": ["INSPEKTORAT"]}
                    """)
                let service = EnrolmentService(database: world.database)
                let run = try world.openRun(world.plan(course: narrow, code: "PIM-01", capacity: 3))
                let refusal = try service.request(runId: run.id!, employeeId: pegawai.id!, actor: world.principal(pegawai.id!), now: now).problem
                guard case .outsideAudience(let refusals) = refusal else { Issue.record("expected an audience refusal"); return }
                let reasons = refusals.map(\.message)
                #expect(reasons.count == 3)
                #expect(reasons[0].hasPrefix("Kursus ini untuk jabatan Administrator atau Pengawas; jabatan Anda Pelaksana"))
                #expect(reasons[1].hasPrefix("Kursus ini untuk golongan IV/a sampai IV/e; golongan Anda"))
                #expect(reasons[2].contains("INSPEKTORAT"))

                let mine = try world.course("UNIT-01", audience: """
                    {"jabatan_kinds": ["pelaksana"], "units": ["\(parentCode ?? unitCode)"]}
                    """)
                let open = try world.openRun(world.plan(course: mine, code: "UNIT-01", capacity: 3))
                #expect(try service.request(runId: open.id!, employeeId: pegawai.id!, actor: world.principal(pegawai.id!), now: now)
                        .get().state == .requested)
            }
        }
    }
}
