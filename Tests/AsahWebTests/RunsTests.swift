@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

/// Runs made through the domain services, as a coordinator would, for the page tests.
enum RunFixtures {
    static func principal(_ app: TestApp, _ login: String) throws -> Principal {
        try app.database.pool.read { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [login]))
            return try #require(try Principal.load(userId: id, in: db))
        }
    }

    static func courseId(_ app: TestApp, _ code: String) throws -> Int64 {
        try app.database.pool.read { db in try #require(try Int64.fetchOne(db, sql: "SELECT id FROM courses WHERE code = ?", arguments: [code])) }
    }

    /// A run of `course` with two sessions `daysAhead` days from now, opened unless `open` is false.
    static func run(_ app: TestApp, course: String = "KEM-01", code: String = "KEM-T1", title: String = "Komunikasi Angkatan Uji",
                    capacity: Int = 10, open: Bool = true, daysAhead: Int = 10) throws -> Int64 {
        let coordinator = try principal(app, "demo.koordinator")
        // 09.00 WIB on the day, so the sessions stay inside the run's dates at any hour.
        let start = IndonesianTime.clock(9, daysAfter: daysAhead, from: Clock.now())
        let first = IndonesianTime.date(of: start)
        let plan = RunPlan(courseId: try courseId(app, course), code: code, title: title, capacity: capacity,
                           startsOn: first, endsOn: IndonesianTime.date(of: start + 86_400),
                           sessions: [RunPlan.Session(startsAt: start, endsAt: start + 3 * 3600, place: "Aula BKPSDM"),
                                      RunPlan.Session(startsAt: start + 86_400, endsAt: start + 86_400 + 3 * 3600,
                                                      onlineUrl: "https://meet.example.go.id/kem")])
        let run = try RunPlanning(database: app.database).create(plan, actor: coordinator).get()
        if open { _ = try RunPlanning(database: app.database).setStatus(runId: run.id!, to: .open, actor: coordinator).get() }
        return run.id!
    }

    /// The fields a form page would post as shown: its inputs (without the CSRF token), the
    /// selected options and the textareas, with the HTML escapes undone.
    static func formFields(_ html: String) -> [(String, String)] {
        func text(_ escaped: Substring) -> String {
            String(escaped).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var fields: [(String, String)] = []
        for match in html.matches(of: /<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/) where match.1 != "_csrf" {
            fields.append((String(match.1), text(match.2)))
        }
        for select in html.matches(of: /<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/) {
            if let option = select.2.firstMatch(of: /<option value="([^"]*)" selected>/) {
                fields.append((String(select.1), text(option.1)))
            }
        }
        for area in html.matches(of: /<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/) {
            fields.append((String(area.1), text(area.2)))
        }
        return fields
    }

    /// `fields` with `name` set to `value` (added when missing).
    static func setting(_ fields: [(String, String)], _ name: String, _ value: String) -> [(String, String)] {
        fields.filter { $0.0 != name } + [(name, value)]
    }

    /// The number shown in the run page's "seats left" cell.
    static func seatsLeft(_ html: String) -> Int? {
        guard let match = html.firstMatch(of: /class="run-seats-left">([0-9.,]+)</) else { return nil }
        return Int(match.1.filter(\.isNumber))
    }
}

@Suite("Runs")
struct RunsTests {
    @Test("a run page shows the course, sessions in the demo kabupaten's zone (WITA), seats and the request button; a request shows its standing")
    func runPageAndRequest() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try app.signIn("demo.pegawai")
        let page = try pegawai.get("/runs/\(id)")
        #expect(page.status == 200)
        #expect(page.text.contains("Komunikasi Angkatan Uji"))
        #expect(page.text.contains("Komunikasi Efektif dengan Masyarakat"))
        #expect(page.text.contains("KEM-T1"))
        #expect(page.text.contains("Aula BKPSDM"))
        #expect(page.text.contains("https://meet.example.go.id/kem"))
        #expect(page.text.contains("WITA"))
        #expect(page.text.contains("Ajukan kursi"))
        #expect(RunFixtures.seatsLeft(page.text) == 10)
        #expect(!page.text.contains("Peserta</h2>"), "the roster is for coordinators")

        let asked = try pegawai.post("/runs/\(id)/request", [])
        #expect(asked.status == 303)
        #expect(asked.header("Location") == "/runs/\(id)?notice=requested")
        let after = try pegawai.get("/runs/\(id)?notice=requested")
        #expect(after.text.contains("Permohonan kursi terkirim."))
        #expect(after.text.contains("Menunggu persetujuan atasan"))
        #expect(after.text.contains(">Batalkan<"))
        #expect(!after.text.contains("Ajukan kursi"))

        let again = try pegawai.post("/runs/\(id)/request", [])
        #expect(again.status == 422)
        #expect(again.text.contains("Sudah tercatat di angkatan ini"))

        // Giving up the place is asked once more, on a page that works without JavaScript.
        let confirmPage = try pegawai.post("/runs/\(id)/withdraw", [])
        #expect(confirmPage.status == 200 && confirmPage.text.contains("Batalkan pendaftaran?"))
        #expect(confirmPage.text.contains("name=\"confirmed\" value=\"1\""))
        #expect(!(try pegawai.get("/runs/\(id)").text.contains("Ajukan kursi")), "nothing is given up before the confirmation")
        let withdrawn = try pegawai.post("/runs/\(id)/withdraw", [("confirmed", "1")])
        #expect(withdrawn.status == 303)
        #expect(try pegawai.get("/runs/\(id)").text.contains("Ajukan kursi"))
    }

    @Test("a refused request shows the domain's Indonesian reason with status 422")
    func refusals() throws {
        let app = try TestApp()
        let prerequisite = try RunFixtures.run(app, course: "PPM-01", code: "PPM-T1", title: "Pengaduan Angkatan Uji")
        var pegawai = try app.signIn("demo.pegawai")
        _ = try pegawai.get("/runs/\(prerequisite)")
        let refused = try pegawai.post("/runs/\(prerequisite)/request", [])
        #expect(refused.status == 422)
        #expect(refused.text.contains("Prasyarat belum dipenuhi") || refused.text.contains("Sasaran") || refused.text.contains("alert error"))

        let draft = try RunFixtures.run(app, code: "KEM-D1", open: false)
        #expect(try pegawai.get("/runs/\(draft)").status == 404, "drafts are invisible to employees")
        #expect(try pegawai.get("/api/v1/runs/\(draft)").status == 404)
        #expect(try pegawai.get("/runs/999999").status == 404)
    }

    @Test("a coordinator schedules a run through the form, gets a clear error for a session outside the dates, then opens it")
    func scheduleThroughForm() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        let form = try coordinator.get("/runs/new")
        #expect(form.status == 200)
        #expect(form.text.contains("KEM-01"))
        let courseId = try RunFixtures.courseId(app, "KEM-01")
        let instructor = try app.nip(of: "demo.instruktur")
        var fields: [(String, String)] = [
            ("course_id", String(courseId)), ("code", "KEM-F1"), ("title", "Komunikasi Angkatan Formulir"), ("capacity", "25"),
            ("starts_on", "2031-03-10"), ("ends_on", "2031-03-11"), ("enrol_opens", ""), ("enrol_closes", "2031-03-01T17:00"),
            ("offer_window_hours", "48"), ("offer_cutoff_hours", "24"),
            ("s1_date", "2031-03-10"), ("s1_start", "08:00"), ("s1_end", "12:00"), ("s1_place", "Aula BKPSDM"),
            ("s1_instructor", instructor),
            ("s2_date", "2031-03-15"), ("s2_start", "08:00"), ("s2_end", "12:00"), ("s2_online", "https://meet.example.go.id/x"),
        ]
        let wrong = try coordinator.post("/runs/new", fields)
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("Sesi 2 harus berada di antara tanggal mulai dan tanggal selesai angkatan."))
        #expect(wrong.text.contains(#"value="Komunikasi Angkatan Formulir""#), "the form is filled in again")
        #expect(wrong.text.contains(#"value="2031-03-15""#))

        fields.removeAll { $0.0 == "s2_date" }
        fields.append(("s2_date", "2031-03-11"))
        let created = try coordinator.post("/runs/new", fields)
        #expect(created.status == 303)
        let location = try #require(created.header("Location"))
        #expect(location.hasSuffix("?notice=created"))
        let page = try coordinator.get(location)
        #expect(page.text.contains("Draf"))
        #expect(page.text.contains("10 Maret 2031"))
        #expect(page.text.contains("08.00–12.00 WITA"))
        #expect(page.text.contains("Buka pendaftaran"))
        let id = location.dropFirst("/runs/".count).prefix { $0.isNumber }
        #expect(try coordinator.post("/runs/\(id)/status", [("status", "open")]).status == 303)
        let opened = try coordinator.get("/runs/\(id)")
        #expect(opened.text.contains("Pendaftaran dibuka"))
        #expect(opened.text.contains("Tutup pendaftaran"))

        let list = try coordinator.get("/runs?status=open")
        #expect(list.text.contains("Komunikasi Angkatan Formulir"))
        #expect(!(try coordinator.get("/runs?status=draft").text.contains("Komunikasi Angkatan Formulir")))
        #expect(try coordinator.get("/courses/KEM-01").text.contains("Komunikasi Angkatan Formulir"))

        let unknown = try coordinator.post("/runs/new", [("course_id", String(courseId)), ("code", ""), ("title", ""),
                                                         ("capacity", "x"), ("starts_on", "2031-03-10"), ("ends_on", "2031-03-11"),
                                                         ("offer_window_hours", "48"), ("offer_cutoff_hours", "24")])
        #expect(unknown.status == 422)
        #expect(unknown.text.contains("Kapasitas harus berupa bilangan bulat dari 0 sampai 1.000.000."))
    }

    @Test("an employee cannot open the coordinator's pages or change a run")
    func employeeRefused() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try app.signIn("demo.pegawai")
        _ = try pegawai.get("/")
        #expect(try pegawai.get("/runs/new").status == 403)
        #expect(try pegawai.get("/runs").status == 403)
        #expect(try pegawai.post("/runs/new", [("code", "X")]).status == 403)
        #expect(try pegawai.post("/runs/\(id)/status", [("status", "closed")]).status == 403)
        #expect(try pegawai.post("/runs/\(id)/cancel", [("reason", "iseng")]).status == 403)
        #expect(try pegawai.post("/runs/\(id)/nominate", [("nip", try app.nip(of: "demo.atasan"))]).status == 403)
        #expect(try pegawai.post("/runs/\(id)/request", [], withToken: false).status == 403, "no CSRF token, no change")
    }

    @Test("HTML in a run title is shown as text")
    func escapedTitle() throws {
        let app = try TestApp()
        let payload = "<script>alert('x')</script>"
        let id = try RunFixtures.run(app, title: "Angkatan \(payload)")
        var pegawai = try app.signIn("demo.pegawai")
        let page = try pegawai.get("/runs/\(id)")
        #expect(!page.text.contains(payload))
        #expect(page.text.contains("&lt;script&gt;"))
        var coordinator = try app.signIn("demo.koordinator")
        #expect(!(try coordinator.get("/runs").text.contains(payload)))
        #expect(!(try coordinator.get("/courses/KEM-01").text.contains(payload)))
    }

    @Test("a coordinator cancels a run only with a reason, and the participants see why")
    func cancelRun() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var coordinator = try app.signIn("demo.koordinator")
        _ = try coordinator.get("/runs/\(id)")
        #expect(try coordinator.post("/runs/\(id)/nominate", [("nip", try app.nip(of: "demo.pegawai"))]).status == 303)
        let roster = try coordinator.get("/runs/\(id)")
        #expect(roster.text.contains(try app.nip(of: "demo.pegawai")))
        #expect(roster.text.contains("Terdaftar"))
        let empty = try coordinator.post("/runs/\(id)/cancel", [("reason", "  ")])
        #expect(empty.status == 422)
        #expect(empty.text.contains("Alasan wajib diisi."))
        #expect(try coordinator.post("/runs/\(id)/cancel", [("reason", "Narasumber berhalangan")]).status == 303)
        var pegawai = try app.signIn("demo.pegawai")
        let page = try pegawai.get("/runs/\(id)")
        #expect(page.text.contains("Narasumber berhalangan"))
        #expect(page.text.contains("Dibatalkan"))
    }

    @Test("finishing a run shows each participant's verdict")
    func finishRun() throws {
        let app = try TestApp()
        let coordinatorPrincipal = try RunFixtures.principal(app, "demo.koordinator")
        let id = try RunFixtures.run(app, daysAhead: 5)
        var coordinator = try app.signIn("demo.koordinator")
        _ = try coordinator.get("/runs/\(id)")
        #expect(try coordinator.post("/runs/\(id)/nominate", [("nip", try app.nip(of: "demo.pegawai"))]).status == 303)
        _ = try RunPlanning(database: app.database).setStatus(runId: id, to: .running, actor: coordinatorPrincipal).get()
        let early = try coordinator.post("/runs/\(id)/finish", [])
        #expect(early.status == 422)
        #expect(early.text.contains("sesi terakhir belum berakhir"))
        // Move the sessions into the past, as if the run had taken place.
        try app.database.pool.write { db in
            try db.execute(sql: "UPDATE run_sessions SET starts_at = starts_at - 30 * 86400, ends_at = ends_at - 30 * 86400 WHERE run_id = ?",
                           arguments: [id])
        }
        #expect(try coordinator.post("/runs/\(id)/finish", []).status == 303)
        let page = try coordinator.get("/runs/\(id)?notice=finished")
        #expect(page.text.contains("Tidak lulus"))
        #expect(page.text.contains("Hadir 0 dari 2 sesi"))
    }

    /// The fields of a valid new run of KEM-01 in March 2031 with `quotas`.
    private func newRunFields(_ app: TestApp, code: String, quotas: String) throws -> [(String, String)] {
        [
            ("course_id", String(try RunFixtures.courseId(app, "KEM-01"))), ("code", code), ("title", "Komunikasi Angkatan Kuota"),
            ("capacity", "20"), ("starts_on", "2031-03-10"), ("ends_on", "2031-03-11"), ("enrol_opens", ""), ("enrol_closes", ""),
            ("offer_window_hours", "48"), ("offer_cutoff_hours", "24"),
            ("s1_date", "2031-03-10"), ("s1_start", "08:00"), ("s1_end", "12:00"), ("s1_place", "Aula BKPSDM"),
            ("quotas", quotas),
        ]
    }

    @Test("a coordinator schedules a run with unit quotas through the form and everyone sees them on the run page")
    func scheduleWithQuota() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        let form = try coordinator.get("/runs/new")
        #expect(form.text.contains(#"name="quotas""#))
        #expect(form.text.contains("KODE_UNIT = jumlah"))
        let created = try coordinator.post("/runs/new", try newRunFields(app, code: "KEM-Q1", quotas: "DINKES = 5\r\n\r\n dinkes.p2p=2 "))
        #expect(created.status == 303)
        let location = try #require(created.header("Location"))
        let id = try #require(Int64(location.dropFirst("/runs/".count).prefix { $0.isNumber }))
        let page = try coordinator.get(location)
        #expect(page.text.contains("Kuota Dinas Kesehatan: 5 kursi"))
        #expect(page.text.contains("Kuota Bidang Pencegahan dan Pengendalian Penyakit: 2 kursi"))
        let stored = try app.database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT q.seats FROM run_unit_quotas q JOIN units u ON u.id = q.unit_id WHERE q.run_id = ? AND u.code = 'DINKES'
                """, arguments: [id])
        }
        #expect(stored == 5)

        #expect(try coordinator.post("/runs/\(id)/status", [("status", "open")]).status == 303)
        var pegawai = try app.signIn("demo.pegawai")
        let seen = try pegawai.get("/runs/\(id)")
        #expect(seen.status == 200)
        #expect(seen.text.contains("Kuota Dinas Kesehatan: 5 kursi"), "quotas are shown to everyone")
    }

    @Test("a bad quota line is refused with a clear Indonesian message and the form keeps what was typed")
    func badQuota() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        _ = try coordinator.get("/runs/new")
        let typed = "DINKES = lima\nTIDAKADA = 2\nasal saja\nDINKES = 3\nDINKES = 4"
        let refused = try coordinator.post("/runs/new", try newRunFields(app, code: "KEM-Q2", quotas: typed))
        #expect(refused.status == 422)
        #expect(refused.text.contains("Kuota baris 1: jumlah kursi untuk DINKES harus berupa bilangan bulat 0 atau lebih."))
        #expect(refused.text.contains("Kuota baris 2: unit dengan kode TIDAKADA tidak ditemukan."))
        #expect(refused.text.contains("Kuota baris 3: tulis dengan format KODE_UNIT = jumlah"))
        #expect(refused.text.contains("Kuota baris 5: unit DINKES sudah disebut di baris sebelumnya."))
        #expect(refused.text.contains(">DINKES = lima\nTIDAKADA = 2\nasal saja\nDINKES = 3\nDINKES = 4</textarea>"), "the quotas are kept")
        #expect(refused.text.contains(#"value="Komunikasi Angkatan Kuota""#))
        let negative = try coordinator.post("/runs/new", try newRunFields(app, code: "KEM-Q2", quotas: "DINKES = -1"))
        #expect(negative.status == 422)
        #expect(negative.text.contains("Kuota baris 1: jumlah kursi untuk DINKES harus berupa bilangan bulat 0 atau lebih."))
        let runs = try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs WHERE code = 'KEM-Q2'") }
        #expect(runs == 0)
    }

    @Test("a coordinator edits a run through the prefilled form: the title and a session time change, sessions keep their ids")
    func editRun() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        let sessionIds = try app.database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM run_sessions WHERE run_id = ? ORDER BY starts_at", arguments: [id])
        }
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/runs/\(id)")
        #expect(page.text.contains(#"href="/runs/\#(id)/edit""#))
        #expect(page.text.contains("Ubah angkatan"))

        let form = try coordinator.get("/runs/\(id)/edit")
        #expect(form.status == 200)
        #expect(form.text.contains(#"action="/runs/\#(id)/edit""#))
        #expect(form.text.contains(#"value="Komunikasi Angkatan Uji""#))
        #expect(form.text.contains(#"value="Aula BKPSDM""#))
        #expect(form.text.contains(#"name="s1_id" value="\#(sessionIds[0])""#))
        #expect(form.text.contains("Simpan perubahan"))
        var fields = RunFixtures.formFields(form.text)
        let courseId = String(try RunFixtures.courseId(app, "KEM-01"))
        #expect(fields.contains { $0 == ("course_id", courseId) })
        #expect(fields.contains { $0 == ("s2_online", "https://meet.example.go.id/kem") })
        fields = RunFixtures.setting(fields, "title", "Komunikasi Angkatan Diubah")
        fields = RunFixtures.setting(fields, "s1_start", "08:00")
        fields = RunFixtures.setting(fields, "s1_end", "10:30")
        fields = RunFixtures.setting(fields, "quotas", "DINKES = 4")
        let saved = try coordinator.post("/runs/\(id)/edit", fields)
        #expect(saved.status == 303, "\(saved.text)")
        #expect(saved.header("Location") == "/runs/\(id)?notice=updated")
        let after = try coordinator.get("/runs/\(id)?notice=updated")
        #expect(after.text.contains("Perubahan angkatan tersimpan."))
        #expect(after.text.contains("Komunikasi Angkatan Diubah"))
        #expect(after.text.contains("08.00–10.30 WITA"))
        #expect(after.text.contains("Kuota Dinas Kesehatan: 4 kursi"))
        let kept = try app.database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM run_sessions WHERE run_id = ? ORDER BY starts_at", arguments: [id])
        }
        #expect(kept == sessionIds, "the sessions are changed in place, not replaced")
        #expect(try coordinator.get("/runs/\(id)/edit").text.contains(">DINKES = 4</textarea>"))

        var pegawai = try app.signIn("demo.pegawai")
        let seen = try pegawai.get("/runs/\(id)")
        #expect(seen.text.contains("Komunikasi Angkatan Diubah"))
        #expect(!seen.text.contains("/edit\""), "only coordinators get the edit link")
    }

    @Test("lowering the capacity below the seats already held is refused with the domain's message")
    func capacityBelowHeld() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app, capacity: 5)
        var coordinator = try app.signIn("demo.koordinator")
        _ = try coordinator.get("/runs/\(id)")
        for login in ["demo.pegawai", "demo.instruktur"] {
            #expect(try coordinator.post("/runs/\(id)/nominate", [("nip", try app.nip(of: login))]).status == 303)
        }
        let form = try coordinator.get("/runs/\(id)/edit")
        let refused = try coordinator.post("/runs/\(id)/edit", RunFixtures.setting(RunFixtures.formFields(form.text), "capacity", "1"))
        #expect(refused.status == 422)
        #expect(refused.text.contains("Kapasitas tidak boleh kurang dari jumlah peserta yang memegang kursi (2)."))
        #expect(refused.text.contains(#"name="capacity" type="number" min="1" value="1""#), "the form keeps what was typed")
        let capacity = try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT capacity FROM runs WHERE id = ?", arguments: [id]) }
        #expect(capacity == 5)

        let otherCourse = try RunFixtures.courseId(app, "PPM-01")
        let moved = try coordinator.post("/runs/\(id)/edit", RunFixtures.setting(RunFixtures.formFields(form.text), "course_id", String(otherCourse)))
        #expect(moved.status == 422)
        #expect(moved.text.contains("Kursus tidak dapat diganti karena sudah ada pendaftar."))
    }

    @Test("an employee gets 403 on the edit form; a cancelled run has no edit link and cannot be edited")
    func editRefused() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try app.signIn("demo.pegawai")
        _ = try pegawai.get("/runs/\(id)")
        #expect(try pegawai.get("/runs/\(id)/edit").status == 403)
        #expect(try pegawai.post("/runs/\(id)/edit", [("title", "Iseng")]).status == 403)

        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/runs/999999/edit").status == 404)
        _ = try coordinator.get("/runs/\(id)")
        #expect(try coordinator.post("/runs/\(id)/cancel", [("reason", "Narasumber berhalangan")]).status == 303)
        #expect(!(try coordinator.get("/runs/\(id)").text.contains("/runs/\(id)/edit")))
        let late = try coordinator.get("/runs/\(id)/edit")
        #expect(late.status == 422)
        #expect(late.text.contains("Angkatan tidak menerima pendaftaran (status: Dibatalkan)."))
    }
}
