@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

/// Nobody types a NIP from memory: a supervisor's run page suggests their team, a name finds the
/// person, and a name that fits several asks which one.
@Suite("Choosing people by name")
struct PersonPickerTests {
    @Test("the supervisor's run page suggests their team; a nomination by name works; another chain's person is not found")
    func nominateByName() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let run = try HomeTasksTests.openRun(fixture, "PICK-1", capacity: 20)
        let atasanId = try fixture.employeeId("demo.atasan")
        let team = try PersonPicker(database: app.database).team(of: atasanId)
        let member = try #require(team.first)
        var atasan = try app.signIn("demo.atasan")
        let page = try atasan.get("/runs/\(run.id!)").text
        #expect(page.contains("<datalist id=\"nominate-people\">") && page.contains("<option value=\"\(member.nip)\">"))

        let byName = try atasan.post("/runs/\(run.id!)/nominate", [("nip", member.name)])
        #expect(byName.status == 303, "a full name finds the one person")
        let placed = try app.database.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM enrolments WHERE run_id = ? AND employee_id = ?)",
                              arguments: [run.id!, member.id])!
        }
        #expect(placed)

        let outsider = try app.database.pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT name FROM employees WHERE active AND id != ? AND (supervisor_id IS NULL OR supervisor_id != ?) ORDER BY id LIMIT 1
                """, arguments: [atasanId, atasanId])!
        }
        let refused = try atasan.post("/runs/\(run.id!)/nominate", [("nip", outsider)])
        #expect(refused.status == 422 && refused.text.contains("Tidak ada pegawai aktif yang cocok"))
    }

    @Test("a name that fits several people asks which one, listing them to choose; the run form suggests instructors and lists unit codes")
    func ambiguous() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        let form = try coordinator.get("/runs/new").text
        #expect(form.contains("<datalist id=\"instructor-people\">"))
        #expect(form.contains("<option value=\"\(try app.nip(of: "demo.instruktur"))\">"))
        let unit = try app.database.pool.read { try String.fetchOne($0, sql: "SELECT code FROM units ORDER BY id LIMIT 1")! }
        #expect(form.contains("id=\"unit-codes\"") && form.contains("<td><code>\(unit)</code></td>"), "quotas name units by code: the codes are listed")
        let fixture = TrainingFixture(app: app)
        let run = try HomeTasksTests.openRun(fixture, "PICK-2", capacity: 20)
        // Two active people whose names share a word.
        let word = try app.database.pool.read { db in
            try String.fetchOne(db, sql: """
                WITH words(w) AS (SELECT substr(name, 1, instr(name || ' ', ' ') - 1) FROM employees WHERE active)
                SELECT w FROM words WHERE length(w) >= 4 GROUP BY w HAVING COUNT(*) >= 2 ORDER BY COUNT(*) LIMIT 1
                """)!
        }
        let asked = try coordinator.post("/runs/\(run.id!)/nominate", [("nip", word)])
        #expect(asked.status == 422 && asked.text.contains("Beberapa pegawai cocok dengan"))
        #expect(asked.text.contains("type=\"radio\" name=\"nip\""))

    }
}

/// What a person field suggests while someone types: the whole directory for a coordinator,
/// a supervisor's own chain for them, nothing for others.
@Suite("Suggesting people as one types")
struct PersonSuggestionTests {
    struct Suggestion: Decodable { let value: String; let label: String }

    private func suggestions(_ caller: inout Browser, _ typed: String) throws -> [Suggestion] {
        let answer = try caller.get("/people/suggestions?q=" + typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(answer.status == 200 && answer.header("Cache-Control")?.contains("no-store") == true)
        return try JSONDecoder().decode([Suggestion].self, from: Data(answer.text.utf8))
    }

    @Test("a coordinator finds anyone by part of a name or the start of a NIP; a supervisor only people below them; an employee is refused")
    func scopes() throws {
        let app = try TestApp()
        let atasanId = try TrainingFixture(app: app).employeeId("demo.atasan")
        let member = try #require(try PersonPicker(database: app.database).team(of: atasanId).first)
        let outsider = try app.database.pool.read { db in
            try DirectoryEntry.fetchOne(db, sql: DirectoryEntry.select + " WHERE e.active AND e.id NOT IN (SELECT id FROM employees WHERE supervisor_id = ?) AND e.id != ? ORDER BY e.id LIMIT 1",
                                        arguments: [atasanId, atasanId])!
        }
        var coordinator = try app.signIn("demo.koordinator")
        let word = String(outsider.name.split(separator: " ")[0])
        #expect(try suggestions(&coordinator, word).contains { $0.value == outsider.nip && $0.label.hasPrefix(outsider.name) })
        #expect(try suggestions(&coordinator, String(outsider.nip.prefix(8))).allSatisfy { $0.value.hasPrefix(outsider.nip.prefix(8)) })
        #expect(try suggestions(&coordinator, "a").isEmpty, "one letter suggests nothing")
        #expect(try suggestions(&coordinator, String(repeating: "x", count: 5_000)).isEmpty)

        var atasan = try app.signIn("demo.atasan")
        let memberWord = String(member.name.split(separator: " ")[0])
        #expect(try suggestions(&atasan, memberWord).contains { $0.value == member.nip })
        #expect(try suggestions(&atasan, outsider.name).isEmpty, "nobody outside the supervisor's chain")

        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/people/suggestions?q=" + word.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).status == 403)
    }

    @Test("a project's coach and mentor are typed by name; a name that fits several is refused naming them")
    func projectStaffByName() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let id = try fixture.pegawaiProject().id!
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/projects/\(id)").text
        #expect(page.contains("data-suggest=\"/people/suggestions\"") && page.contains("<datalist id=\"project-people\">"))
        let mentorId = try fixture.training.employeeId("demo.koordinator")
        let mentor = try app.database.pool.read { db in
            try DirectoryEntry.fetchOne(db, sql: DirectoryEntry.select + " WHERE e.id = ?", arguments: [mentorId])!
        }
        let saved = try coordinator.post("/projects/\(id)/staff", [("coach", try app.nip(of: "orang.asing")), ("mentor", mentor.name)])
        #expect(saved.status == 303)
        #expect(try app.database.pool.read { try Project.fetchOne($0, key: id) }?.mentorEmployeeId == mentor.id)

        let word = try app.database.pool.read { db in
            try String.fetchOne(db, sql: """
                WITH words(w) AS (SELECT substr(name, 1, instr(name || ' ', ' ') - 1) FROM employees WHERE active)
                SELECT w FROM words WHERE length(w) >= 4 GROUP BY w HAVING COUNT(*) >= 2 ORDER BY COUNT(*) LIMIT 1
                """)!
        }
        let asked = try coordinator.post("/projects/\(id)/staff", [("coach", word), ("mentor", "")])
        #expect(asked.status == 422 && asked.text.contains("Beberapa pegawai cocok dengan “\(word)”"))
        #expect(try app.database.pool.read { try Project.fetchOne($0, key: id) }?.mentorEmployeeId == mentor.id, "nothing changed")
    }
}

/// A coordinator merging a suggestion picks the thread it joins from the category's latest,
/// as one types its number or title.
@Suite("Choosing a thread to merge into")
struct MergeTargetTests {
    @Test("the merge form suggests the category's other threads to coordinators only")
    func suggestions() throws {
        let app = try TestApp()
        let author = try ForumCaller.login(app, "demo.pegawai")
        let category = try app.forumCategory("pelatihan")
        let first = try author.openThread(category: category, title: "Kursus Excel untuk bendahara", body: "Mohon diadakan.")
        let second = try author.openThread(category: category, title: "Pelatihan Excel lanjutan", body: "Usul yang sama.")
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/forums/threads/\(second)").text
        #expect(page.contains("<datalist id=\"merge-targets\">") && page.contains("<option value=\"\(first)\">#\(first) Kursus Excel untuk bendahara</option>"))
        #expect(!page.contains("<option value=\"\(second)\">"), "not the thread itself")
        var employee = try app.signIn("demo.pegawai")
        #expect(!(try employee.get("/forums/threads/\(second)").text.contains("merge-targets")))
    }
}
