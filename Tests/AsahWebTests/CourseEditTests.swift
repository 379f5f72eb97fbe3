@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing
@testable import AsahWeb

@Suite("Editing a course file in the browser: checked as the sync checks it, written back, synced, audited")
struct CourseEditTests {
    private func file(_ app: TestApp, _ name: String) throws -> String {
        try String(contentsOfFile: app.coursesRoot + "/" + name, encoding: .utf8)
    }

    private func hash(_ app: TestApp, _ code: String) throws -> String? {
        try app.database.pool.read { try String.fetchOne($0, sql: "SELECT source_hash FROM courses WHERE code = ?", arguments: [code]) }
    }

    private func audits(_ app: TestApp, _ action: String) throws -> [(subject: String, detail: String)] {
        try app.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT subject, detail FROM audit_log WHERE action = ? ORDER BY id", arguments: [action])
                .map { ($0["subject"], $0["detail"]) }
        }
    }

    @Test("a coordinator changes a course's title and JP: the file on disk changes, the course page shows it, audited")
    func coordinatorEditsTitleAndJP() throws {
        let app = try TestApp()
        let original = try file(app, "ppp-01.md")
        var coordinator = try app.signIn("demo.koordinator")
        let course = try coordinator.get("/courses/PPP-01")
        #expect(course.text.contains("href=\"/courses/PPP-01/edit\""))
        let form = try coordinator.get("/courses/PPP-01/edit")
        #expect(form.status == 200)
        #expect(form.text.contains("code: PPP-01"))
        #expect(form.text.contains("href=\"/courses/format\""))
        let edited = original.replacingOccurrences(of: "id: Pelayanan Publik Prima", with: "id: Pelayanan Publik Prima Terpadu")
            .replacingOccurrences(of: "jp: 24", with: "jp: 30").replacingOccurrences(of: "\n", with: "\r\n")
        let answer = try coordinator.post("/courses/PPP-01/edit", [("text", edited)])
        #expect(answer.status == 303, "\(answer.text)")
        #expect(answer.header("Location") == "/courses/PPP-01?notice=course_saved")
        let onDisk = try file(app, "ppp-01.md")
        #expect(onDisk.contains("id: Pelayanan Publik Prima Terpadu\n"))
        #expect(onDisk.contains("jp: 30\n"))
        #expect(!onDisk.contains("\r"), "line ends as in the repository")
        #expect(try String(contentsOfFile: TestApp.repositoryRoot + "/courses/ppp-01.md", encoding: .utf8) == original,
                "the repository's file is never touched")
        let page = try coordinator.get("/courses/PPP-01?notice=course_saved")
        #expect(page.text.contains("Pelayanan Publik Prima Terpadu"))
        #expect(page.text.contains("Berkas kursus tersimpan"))
        let stored = try #require(try CourseCatalogue(database: app.database).course(code: "PPP-01"))
        #expect(stored.jp == 30)
        let audit = try #require(try audits(app, "course.edit").last)
        #expect(audit.subject == "PPP-01")
        #expect(audit.detail.hasPrefix("ppp-01.md sha256:"))
        #expect(audit.detail.contains(" → sha256:"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: app.coursesRoot).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary file stays behind")
    }

    @Test("a broken file is refused whole with its line and reason, the text kept; nothing changes on disk or in the database")
    func brokenFileRefused() throws {
        let app = try TestApp()
        let original = try file(app, "ppp-01.md")
        let hashBefore = try hash(app, "PPP-01")
        var coordinator = try app.signIn("demo.koordinator")
        _ = try coordinator.get("/courses/PPP-01/edit")
        let broken = original.replacingOccurrences(of: "jp: 24", with: "jp: dua puluh")
        let answer = try coordinator.post("/courses/PPP-01/edit", [("text", broken)])
        #expect(answer.status == 422)
        #expect(answer.text.contains("ppp-01.md:8: "), "\(answer.text)")
        #expect(answer.text.contains("jp: dua puluh"), "the text stays as typed")
        #expect(try file(app, "ppp-01.md") == original)
        #expect(try hash(app, "PPP-01") == hashBefore)

        // A check across files (an unknown prerequisite), from the sync's own validator, at its line.
        let unknown = original.replacingOccurrences(of: "jp: 24\n", with: "jp: 24\nprerequisites: [TIDAK-ADA-99]\n")
        let refused = try coordinator.post("/courses/PPP-01/edit", [("text", unknown)])
        #expect(refused.status == 422)
        #expect(refused.text.contains("ppp-01.md:9: "), "\(refused.text)")
        #expect(refused.text.contains("TIDAK-ADA-99"))
        #expect(try file(app, "ppp-01.md") == original)
        #expect(try hash(app, "PPP-01") == hashBefore)
        // A cycle the sync would refuse in another file (PRP-01 needs PPP-01) is refused here too.
        let cycle = original.replacingOccurrences(of: "jp: 24\n", with: "jp: 24\nprerequisites: [PRP-01]\n")
        let cyclic = try coordinator.post("/courses/PPP-01/edit", [("text", cycle)])
        #expect(cyclic.status == 422)
        #expect(cyclic.text.contains("prp-01.md:18: "), "\(cyclic.text)")
        #expect(try file(app, "ppp-01.md") == original)
        #expect(try hash(app, "PRP-01") != nil)

        let huge = try coordinator.post("/courses/PPP-01/edit",
                                        [("text", original + String(repeating: "Paragraf panjang. ", count: 20_000))])
        #expect(huge.status == 422)
        #expect(huge.text.contains("Berkas terlalu besar"))
        #expect(try file(app, "ppp-01.md") == original)
        #expect(try audits(app, "course.edit").isEmpty)

        var english = try app.signIn("demo.koordinator")
        _ = try english.post("/language", [("lang", "en"), ("next", "/courses/PPP-01/edit")])
        let inEnglish = try english.post("/courses/PPP-01/edit", [("text", broken)])
        #expect(inEnglish.status == 422)
        #expect(inEnglish.text.contains("The file was not saved"))
    }

    @Test("the code in the text must stay the course's code")
    func codeChangeRefused() throws {
        let app = try TestApp()
        let original = try file(app, "ppp-01.md")
        var coordinator = try app.signIn("demo.koordinator")
        _ = try coordinator.get("/courses/PPP-01/edit")
        let answer = try coordinator.post("/courses/PPP-01/edit",
                                          [("text", original.replacingOccurrences(of: "code: PPP-01", with: "code: PPP-99"))])
        #expect(answer.status == 422)
        #expect(answer.text.contains("Kode kursus tidak boleh diubah (dari PPP-01 menjadi PPP-99)"))
        #expect(try file(app, "ppp-01.md") == original)
        #expect(!FileManager.default.fileExists(atPath: app.coursesRoot + "/ppp-99.md"))
    }

    @Test("a new course is created from the template, listed in the catalogue; an existing code or file is refused")
    func newCourse() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/courses").text.contains("href=\"/courses/new\""))
        let form = try coordinator.get("/courses/new")
        #expect(form.status == 200)
        #expect(form.text.contains("code: BARU-01"))
        let text = CourseFileEdit.template.replacingOccurrences(of: "code: BARU-01", with: "code: UJI-01")
            .replacingOccurrences(of: "Judul kursus dalam bahasa Indonesia", with: "Kursus Uji Peramban")
        let answer = try coordinator.post("/courses/new", [("text", text)])
        #expect(answer.status == 303, "\(answer.text)")
        #expect(answer.header("Location") == "/courses/UJI-01?notice=course_created")
        #expect(FileManager.default.fileExists(atPath: app.coursesRoot + "/uji-01.md"))
        #expect(!FileManager.default.fileExists(atPath: TestApp.repositoryRoot + "/courses/uji-01.md"))
        #expect(try coordinator.get("/courses").text.contains("Kursus Uji Peramban"))
        #expect(try audits(app, "course.create").last?.subject == "UJI-01")

        let again = try coordinator.post("/courses/new", [("text", text)])
        #expect(again.status == 422)
        #expect(again.text.contains("Kode UJI-01 sudah dipakai"))
        let taken = try coordinator.post("/courses/new", [("text", try file(app, "ppp-01.md"))])
        #expect(taken.status == 422)
        #expect(taken.text.contains("Kode PPP-01 sudah dipakai"))
        // A stray file with the name the code would take is not overwritten.
        try "not a course".write(toFile: app.coursesRoot + "/uji-02.md", atomically: true, encoding: .utf8)
        let clash = try coordinator.post("/courses/new", [("text", text.replacingOccurrences(of: "UJI-01", with: "UJI-02"))])
        #expect(clash.status == 422)
        #expect(clash.text.contains("uji-02.md sudah ada"))
        #expect(try file(app, "uji-02.md") == "not a course")
    }

    @Test("employees and supervisors get 403; a save without the CSRF token is refused")
    func permissions() throws {
        let app = try TestApp()
        let original = try file(app, "ppp-01.md")
        for login in ["demo.pegawai", "demo.atasan"] {
            var browser = try app.signIn(login)
            #expect(try browser.get("/courses/PPP-01/edit").status == 403)
            #expect(try browser.get("/courses/new").status == 403)
            #expect(try browser.post("/courses/PPP-01/edit", [("text", original + "x")]).status == 403)
            #expect(!(try browser.get("/courses/PPP-01").text.contains("/courses/PPP-01/edit")))
        }
        var coordinator = try app.signIn("demo.koordinator")
        let answer = try coordinator.post("/courses/PPP-01/edit", [("text", original.replacingOccurrences(of: "jp: 24", with: "jp: 30"))],
                                          withToken: false)
        #expect(answer.status == 403)
        #expect(try file(app, "ppp-01.md") == original)
    }

    @Test("the format help is the catalogue folder's README; without a folder editing is off: the pages say so (409)")
    func formatHelpAndEditingOff() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        let help = try coordinator.get("/courses/format")
        #expect(help.status == 200)
        #expect(help.text.contains("Katalog kursus"))

        let off = try TestApp(courseEditing: false)
        var browser = try off.signIn("demo.koordinator")
        #expect(!(try browser.get("/courses/PPP-01").text.contains("/courses/PPP-01/edit")))
        #expect(!(try browser.get("/courses").text.contains("href=\"/courses/new\"")))
        let edit = try browser.get("/courses/PPP-01/edit")
        #expect(edit.status == 409)
        #expect(edit.text.contains("asah serve --courses"))
        #expect(try browser.post("/courses/new", [("text", CourseFileEdit.template)]).status == 409)
        #expect(try browser.get("/courses/format").status == 409)
    }
}
