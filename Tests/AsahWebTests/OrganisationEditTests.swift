@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing
@testable import AsahWeb

@Suite("Editing in the browser: an employee, a unit, a unit merged into another")
struct OrganisationEditTests {
    /// The employee form's fields for `employee` as it is, with `changes` applied.
    private func fields(_ app: TestApp, nip: String, _ changes: [String: String] = [:]) throws -> [(String, String)] {
        let values = try #require(try EmployeeEdit(database: app.database).values(nip: nip))
        return EmployeeEdit.fields.map { ($0, changes[$0] ?? values[$0] ?? "") }
    }

    private func employee(_ app: TestApp, _ nip: String) throws -> Employee? {
        try app.database.pool.read { try EmployeeDirectory.employee(nip: nip, in: $0) }
    }

    private func audits(_ app: TestApp, _ action: String) throws -> [(subject: String, detail: String)] {
        try app.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT subject, detail FROM audit_log WHERE action = ? ORDER BY id", arguments: [action])
                .map { ($0["subject"], $0["detail"]) }
        }
    }

    private func unitId(_ app: TestApp, _ code: String) throws -> Int64 {
        try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM units WHERE code = ?", arguments: [code])! }
    }

    @Test("a coordinator edits an employee from the profile: name, golongan, jabatan, unit, e-mail; audited before and after")
    func coordinatorEditsEmployee() throws {
        let app = try TestApp()
        let nip = try app.nip(of: "demo.pegawai")
        let before = try #require(try employee(app, nip))
        let target = try app.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, code, name FROM units WHERE id <> ? AND merged_into_id IS NULL ORDER BY code LIMIT 1",
                             arguments: [before.unitId])!
        }
        var coordinator = try app.signIn("demo.koordinator")
        let profile = try coordinator.get("/people/\(nip)")
        #expect(profile.text.contains("href=\"/people/\(nip)/edit\""))
        let form = try coordinator.get("/people/\(nip)/edit")
        #expect(form.status == 200)
        #expect(form.text.contains("value=\"\(before.name)\""))
        let answer = try coordinator.post("/people/\(nip)/edit", try fields(app, nip: nip, [
            "nama": "Dra. Siti Aminah, M.Si.", "golongan": "VII", "jabatan": "Analis Kebijakan Ahli Muda",
            "jenis_jabatan": "fungsional_ahli_muda", "unit": target["code"], "email": "Siti.Aminah@Pemda.go.id",
        ]))
        #expect(answer.status == 303, "\(answer.text)")
        #expect(answer.header("Location") == "/people/\(nip)?notice=employee_saved")
        let after = try #require(try employee(app, nip))
        #expect(after.name == "Dra. Siti Aminah, M.Si.")
        #expect(after.golongan?.code == "VII", "demo.pegawai is PPPK")
        #expect(after.jabatanKind == .fungsionalAhliMuda)
        #expect(after.unitId == target["id"])
        #expect(after.email == "siti.aminah@pemda.go.id", "lower case, as the import stores it")
        #expect(after.supervisorId == before.supervisorId, "the supervisor stays")
        let page = try coordinator.get("/people/\(nip)?notice=employee_saved")
        #expect(page.text.contains("Data pegawai tersimpan."))
        #expect(page.text.contains("Dra. Siti Aminah, M.Si."))
        let audit = try #require(try audits(app, "employee.edit").last)
        #expect(audit.subject == "employee:\(nip)")
        #expect(audit.detail.contains("nama: \(before.name) → Dra. Siti Aminah, M.Si."))
        #expect(audit.detail.contains("email: "))
        #expect(!audit.detail.contains("nip:"), "unchanged fields are not listed")

        var admin = try app.signIn("demo.admin")
        let log = try admin.get("/admin/audit")
        #expect(log.text.contains("employee.edit"))
        #expect(log.text.contains("Dra. Siti Aminah, M.Si."))
    }

    @Test("wrong values are refused field by field, in the reader's language, with what was typed kept and nothing saved")
    func badValuesRefused() throws {
        let app = try TestApp()
        let nip = try app.nip(of: "demo.pegawai")
        let before = try #require(try employee(app, nip))
        let auditsBefore = try audits(app, "employee.edit").count
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/people/\(nip)/edit")
        let answer = try coordinator.post("/people/\(nip)/edit", try fields(app, nip: nip, [
            "nama": "Nama Baru Sekali", "nip": "1985 0312", "email": "bukan-surel", "jenis_pegawai": "pppk", "golongan": "III/a",
            "nip_atasan": nip,
        ]))
        #expect(answer.status == 422)
        for text in ["Belum tersimpan", "value=\"Nama Baru Sekali\"", "value=\"1985 0312\"", "value=\"bukan-surel\"",
                     "id=\"employee-nip-error\"", "id=\"employee-email-error\"", "id=\"employee-golongan-error\"",
                     "id=\"employee-nip_atasan-error\"", "pegawai tidak boleh menjadi atasannya sendiri", "golongan III/a bukan golongan PPPK"] {
            #expect(answer.text.contains(text), "the page shows \(text)")
        }
        #expect(try employee(app, nip) == before, "nothing saved")
        #expect(try audits(app, "employee.edit").count == auditsBefore)

        var english = try app.signIn("demo.koordinator")
        try english.post("/language", [("lang", "en"), ("next", "/")])
        try english.get("/people/\(nip)/edit")
        let refused = try english.post("/people/\(nip)/edit", try fields(app, nip: nip, ["nama": ""]))
        #expect(refused.status == 422)
        #expect(refused.text.contains("Not saved yet"))
    }

    @Test("a NIP of another employee, and a supervisor chain that would loop, are refused")
    func takenNipAndLoopRefused() throws {
        let app = try TestApp()
        let pegawai = try app.nip(of: "demo.pegawai")
        let employee = try #require(try employee(app, pegawai))
        let supervisor = try #require(try app.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT nip FROM employees WHERE id = ?", arguments: [employee.supervisorId])
        })
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/people/\(pegawai)/edit")
        let taken = try coordinator.post("/people/\(pegawai)/edit", try fields(app, nip: pegawai, ["nip": supervisor]))
        #expect(taken.status == 422)
        #expect(taken.text.contains("NIP ini sudah milik pegawai lain"))

        try coordinator.get("/people/\(supervisor)/edit")
        let loop = try coordinator.post("/people/\(supervisor)/edit", try fields(app, nip: supervisor, ["nip_atasan": pegawai]))
        #expect(loop.status == 422)
        #expect(loop.text.contains("→"), "the loop is named")
        #expect(try self.employee(app, supervisor)?.supervisorId != employee.id)
    }

    @Test("a new NIP is saved, and an employee set nonaktif loses their sessions")
    func nipChangeAndDeactivation() throws {
        let app = try TestApp()
        let nip = try app.nip(of: "demo.pegawai")
        var pegawai = try app.signIn("demo.pegawai")
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/people/\(nip)/edit")
        var changed = nip
        changed.removeLast(3)
        changed += "009"
        let spaced = "\(changed.prefix(8)) \(changed.dropFirst(8).prefix(6)) \(changed.dropFirst(14).prefix(1)) \(changed.suffix(3))"
        let answer = try coordinator.post("/people/\(nip)/edit", try fields(app, nip: nip, ["nip": spaced, "status": "nonaktif"]))
        #expect(answer.status == 303, "\(answer.text)")
        #expect(answer.header("Location") == "/people/\(changed)?notice=employee_saved")
        #expect(try employee(app, nip) == nil)
        #expect(try employee(app, changed)?.active == false)
        #expect(try pegawai.get("/my/trainings").status == 303, "signed out")
        #expect(try audits(app, "employee.edit").last?.detail.contains("status: aktif → nonaktif") == true)
    }

    @Test("supervisors and employees are refused every edit page and form (403); a post without the CSRF token changes nothing")
    func refusals() throws {
        let app = try TestApp()
        let nip = try app.nip(of: "demo.pegawai")
        let unit = try app.database.pool.read { try String.fetchOne($0, sql: "SELECT code FROM units ORDER BY id LIMIT 1")! }
        for login in ["demo.pegawai", "demo.atasan"] {
            var browser = try app.signIn(login)
            for path in ["/people/\(nip)/edit", "/units", "/units/\(unit)/edit"] {
                #expect(try browser.get(path).status == 403, "\(login) GET \(path)")
            }
            #expect(try browser.post("/people/\(nip)/edit", try fields(app, nip: nip, ["nama": "X"])).status == 403)
            #expect(try browser.post("/units/\(unit)/edit", [("nama", "X"), ("kode_induk", "")]).status == 403)
            #expect(try browser.post("/units/\(unit)/merge", [("gabung_ke", unit)]).status == 403)
        }
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/people/\(nip)/edit")
        #expect(try coordinator.post("/people/\(nip)/edit", try fields(app, nip: nip, ["nama": "Tanpa Token"]), withToken: false).status == 403)
        #expect(try employee(app, nip)?.name != "Tanpa Token")
        #expect(try coordinator.get("/people/000000000000000000/edit").status == 404)
        #expect(try coordinator.get("/units/TIDAK-ADA/edit").status == 404)
        #expect(try coordinator.post("/units/\(unit)/merge", [("gabung_ke", unit)], withToken: false).status == 403)
    }

    @Test("a coordinator renames a unit and moves it under another; a move under its own sub-unit is refused")
    func renameAndMoveUnit() throws {
        let app = try TestApp()
        let (parent, child) = try app.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT p.code AS parent, c.code AS child FROM units c JOIN units p ON p.id = c.parent_id
                WHERE p.parent_id IS NULL ORDER BY p.code LIMIT 1
                """)!
            return (row["parent"] as String, row["child"] as String)
        }
        let other = try app.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT code FROM units WHERE parent_id IS NULL AND code <> ? ORDER BY code LIMIT 1", arguments: [parent])!
        }
        var coordinator = try app.signIn("demo.admin")
        let list = try coordinator.get("/units")
        #expect(list.status == 200)
        #expect(list.text.contains("href=\"/units/\(child)/edit\""))
        try coordinator.get("/units/\(child)/edit")
        let saved = try coordinator.post("/units/\(child)/edit", [("nama", "Bagian Organisasi dan Tata Laksana"), ("kode_induk", other)])
        #expect(saved.status == 303, "\(saved.text)")
        let unit = try app.database.pool.read { try AsahCore.Unit.filter(AsahCore.Unit.Columns.code == child).fetchOne($0)! }
        #expect(unit.name == "Bagian Organisasi dan Tata Laksana")
        #expect(unit.parentId == (try unitId(app, other)))
        let audit = try #require(try audits(app, "unit.edit").last)
        #expect(audit.subject == "unit:\(child)")
        #expect(audit.detail.contains("kode_induk: \(parent) → \(other)"))
        #expect(try coordinator.get("/units?notice=unit_saved").text.contains("Unit tersimpan."))

        try coordinator.get("/units/\(other)/edit")
        let loop = try coordinator.post("/units/\(other)/edit", [("nama", "Nama"), ("kode_induk", child)])
        #expect(loop.status == 422)
        #expect(loop.text.contains("id=\"unit-kode_induk-error\""))
        #expect(loop.text.contains("value=\"Nama\""))
        let empty = try coordinator.post("/units/\(other)/edit", [("nama", " "), ("kode_induk", "")])
        #expect(empty.status == 422)
        #expect(try unitId(app, other) > 0)
    }

    @Test("merging unit A into B moves A's people and sub-units to B and keeps A, marked merged, for history")
    func mergeUnit() throws {
        let app = try TestApp()
        let (source, people) = try app.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT u.code, COUNT(e.id) AS people FROM units u JOIN employees e ON e.unit_id = u.id
                WHERE u.parent_id IS NULL AND EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id)
                GROUP BY u.id ORDER BY u.code LIMIT 1
                """)!
            return (row["code"] as String, row["people"] as Int)
        }
        let child = try app.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT code FROM units WHERE parent_id = (SELECT id FROM units WHERE code = ?) LIMIT 1",
                                arguments: [source])!
        }
        let target = try app.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT code FROM units WHERE parent_id IS NULL AND code <> ? ORDER BY code LIMIT 1", arguments: [source])!
        }
        let sourceId = try unitId(app, source), targetId = try unitId(app, target)
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/units/\(source)/edit")
        let below = try coordinator.post("/units/\(source)/merge", [("gabung_ke", child)])
        #expect(below.status == 422)
        #expect(below.text.contains("berada di bawah unit ini"))
        let itself = try coordinator.post("/units/\(source)/merge", [("gabung_ke", source)])
        #expect(itself.status == 422)

        let merged = try coordinator.post("/units/\(source)/merge", [("gabung_ke", target)])
        #expect(merged.status == 303, "\(merged.text)")
        let state = try app.database.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employees WHERE unit_id = ?", arguments: [sourceId])!,
             try Row.fetchOne(db, sql: "SELECT name, active, merged_into_id FROM units WHERE id = ?", arguments: [sourceId])!,
             try Int64.fetchOne(db, sql: "SELECT parent_id FROM units WHERE code = ?", arguments: [child]))
        }
        #expect(state.0 == 0, "nobody is left in the merged unit")
        #expect(state.1["active"] as Bool == false)
        #expect(state.1["merged_into_id"] as Int64? == targetId)
        #expect(state.2 == targetId, "sub-units move too")
        let audit = try #require(try audits(app, "unit.merge").last)
        #expect(audit.subject == "unit:\(source)")
        #expect(audit.detail.hasPrefix("gabung_ke: \(target); pegawai: \(people); subunit: "))
        let list = try coordinator.get("/units?notice=unit_merged")
        #expect(list.text.contains("Unit digabungkan"))
        #expect(list.text.contains("Digabung ke"))
        let again = try coordinator.post("/units/\(source)/merge", [("gabung_ke", target)])
        #expect(again.status == 422, "a unit is merged once")
        let into = try coordinator.get("/units/\(target)/edit")
        #expect(!into.text.contains("value=\"\(source)\""), "a merged unit is no longer offered as parent or target")
        try coordinator.get("/units/\(child)/edit")
        #expect(try coordinator.post("/units/\(child)/edit", [("nama", "Sub"), ("kode_induk", source)]).status == 422,
                "a merged unit cannot be a parent")
    }
}
