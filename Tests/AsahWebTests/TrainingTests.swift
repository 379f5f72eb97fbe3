@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Training: attendance, my trainings, certificates, hours, calendars")
struct TrainingTests {
    @Test("the instructor saves the whole attendance list; a pegawai cannot open it")
    func attendanceSheet() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let (_, sessions) = try fixture.runningRun("ATT-01", firstSession: Clock.now() - 3600)
        let session = try #require(sessions.first)
        let pegawai = try fixture.employeeId("demo.pegawai")

        var instructor = try app.signIn("demo.instruktur")
        let sheet = try instructor.get("/sessions/\(session.id!)/attendance")
        #expect(sheet.status == 200)
        #expect(sheet.text.contains(try app.nip(of: "demo.pegawai")))
        #expect(sheet.text.contains(session.checkinCode!))
        #expect(sheet.text.contains("type=\"checkbox\" name=\"present\" value=\"\(pegawai)\""))
        let saved = try instructor.post("/sessions/\(session.id!)/attendance", [("present", String(pegawai))])
        #expect(saved.status == 303)
        #expect(saved.header("Location")?.hasPrefix("/sessions/\(session.id!)/attendance") == true)
        let marks = try Attendance(database: app.database).sheet(sessionId: session.id!)
        #expect(marks.first { $0.employeeId == pegawai }?.present == true)
        #expect(try instructor.get(saved.header("Location")!).text.contains("Daftar hadir tersimpan"))

        // Saving with nobody ticked marks everyone absent (the whole list is saved).
        #expect(try instructor.post("/sessions/\(session.id!)/attendance", []).status == 303)
        #expect(try Attendance(database: app.database).sheet(sessionId: session.id!).allSatisfy { $0.present == false })

        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/sessions/\(session.id!)/attendance").status == 403)
        #expect(try employee.post("/sessions/\(session.id!)/attendance", [("present", String(pegawai))]).status == 403)
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/sessions/\(session.id!)/attendance").status == 200)
        #expect(try coordinator.get("/sessions/999999/attendance").status == 404)
    }

    @Test("a participant checks in with the room code from /my/trainings; a wrong code is refused")
    func checkIn() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let (_, sessions) = try fixture.runningRun("CHK-01", firstSession: Clock.now() - 3600)
        let session = try #require(sessions.first)
        var employee = try app.signIn("demo.pegawai")
        let page = try employee.get("/my/trainings")
        #expect(page.text.contains("action=\"/sessions/\(session.id!)/checkin\""))
        let wrong = try employee.post("/sessions/\(session.id!)/checkin", [("code", "ZZZZZZ"), ("next", "/my/trainings")])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("Kode presensi tidak cocok"))
        let right = try employee.post("/sessions/\(session.id!)/checkin",
                                      [("code", session.checkinCode!.lowercased()), ("next", "/my/trainings")])
        #expect(right.status == 303)
        let pegawai = try fixture.employeeId("demo.pegawai")
        #expect(try Attendance(database: app.database).sheet(sessionId: session.id!).first { $0.employeeId == pegawai }?.present == true)
    }

    @Test("after a run finishes, /my/trainings shows the JP credited and the certificate")
    func myTrainingsAfterCompletion() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let run = try fixture.completedRun("FIN-01", jp: 24)
        let certificate = try fixture.certificate(of: run)
        var employee = try app.signIn("demo.pegawai")
        let year = run.endsOn.year
        let page = try employee.get("/my/trainings?year=\(year)")
        #expect(page.status == 200)
        #expect(page.text.contains("Angkatan Uji FIN-01"))
        #expect(page.text.contains("Lulus"))
        // The demo data may hold other entries: the page shows the ledger's verified total, this run's 24 JP included.
        let ledger = try TrainingHours(database: app.database).ledger(employeeId: try fixture.employeeId("demo.pegawai"), year: year)
        let entry = try #require(ledger.entries.first { $0.runId == run.id })
        #expect(entry.jp == 24 && entry.status == .verified)
        #expect(ledger.verifiedJP >= 24)
        #expect(page.text.contains("<strong>\(TrainingFormatForTest.jp(ledger.verifiedJP)) JP</strong>"))
        #expect(page.text.contains("Pelatihan Uji K-FIN-01"))
        // demo.pegawai is a PPPK: no target, a cap of 24 JP (PP 49/2018 art. 39), and JP above it said as such.
        #expect(ledger.target == nil && ledger.cap == 24)
        #expect(page.text.contains(ledger.verifiedJP > 24 ? "\(TrainingFormatForTest.jp(ledger.verifiedJP - 24)) JP melebihi batas 24 JP"
                                   : "paling banyak 24 JP setahun"))
        #expect(page.text.contains("href=\"/certificates/\(certificate.id)\""))
        let api = try employee.get("/api/v1/my/trainings?year=\(year)")
        #expect(api.status == 200)
        #expect(api.text.contains("\"verified_jp\":\(Int(ledger.verifiedJP))"))
        #expect(api.text.contains("\"run_title\":\"Angkatan Uji FIN-01\""))
        #expect(api.text.contains("\"state\":\"completed\""))
    }

    @Test("the certificate page shows name, NIP, course and a QR code; verification shows only what it must")
    func certificateAndVerification() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let run = try fixture.completedRun("CER-01")
        let certificate = try fixture.certificate(of: run)
        let nip = try app.nip(of: "demo.pegawai")
        let (name, unit) = try app.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT e.name, u.name AS unit FROM employees e LEFT JOIN units u ON u.id = e.unit_id WHERE e.nip = ?
                """, arguments: [nip])!
            return (row["name"] as String, row["unit"] as String? ?? "")
        }
        var holder = try app.signIn("demo.pegawai")
        let page = try holder.get("/certificates/\(certificate.id)")
        #expect(page.status == 200)
        #expect(page.text.contains(HTMLEscapeForTest.escape(name)))
        #expect(page.text.contains(nip))
        #expect(page.text.contains("Pelatihan Uji K-CER-01"))
        #expect(page.text.contains("<svg"))
        #expect(page.text.contains("/verify/\(certificate.code)"))
        #expect(page.text.contains("Kepala BKPSDM"))
        let link = try app.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT link FROM notifications WHERE kind = 'certificate_ready' ORDER BY id DESC LIMIT 1")
        }
        #expect(link == "/certificates/\(certificate.id)", "the notice opens the certificate, not the public verify page")
        var supervisor = try app.signIn("demo.atasan")
        #expect(try supervisor.get("/certificates/\(certificate.id)").status == 200)
        var stranger = try app.signIn("demo.instruktur")
        #expect(try stranger.get("/certificates/\(certificate.id)").status == 404)
        // No revoke form for the holder, and posting it is refused.
        #expect(!page.text.contains("/revoke"))

        let verified = try app.client.get("/verify/\(certificate.code)")
        #expect(verified.status == 200)
        #expect(verified.text.contains(HTMLEscapeForTest.escape(name)))
        #expect(verified.text.contains("Pelatihan Uji K-CER-01"))
        #expect(verified.text.contains("SAH"))
        #expect(!verified.text.contains(nip))
        if !unit.isEmpty { #expect(!verified.text.contains(HTMLEscapeForTest.escape(unit))) }

        let unknown = try app.client.get("/verify/AAAAAAAAAAAAAAAAAAAAAA")
        #expect(unknown.status == 404)
        #expect(unknown.text.contains("Kode tidak valid"))

        var coordinator = try app.signIn("demo.koordinator")
        let form = try coordinator.get("/certificates/\(certificate.id)")
        #expect(form.text.contains("action=\"/certificates/\(certificate.id)/revoke\""))
        #expect(try coordinator.post("/certificates/\(certificate.id)/revoke", [("reason", " ")]).status == 422)
        #expect(try coordinator.post("/certificates/\(certificate.id)/revoke", [("reason", "Data kehadiran dipalsukan")]).status == 303)
        let revoked = try app.client.get("/verify/\(certificate.code)")
        #expect(revoked.status == 200)
        #expect(revoked.text.contains("DICABUT"))
        #expect(!revoked.text.contains("Data kehadiran dipalsukan"))
    }

    static let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    @Test("an external training with a PDF is recorded as pending and the coordinator verifies it")
    func externalTraining() throws {
        let app = try TestApp()
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/my/trainings")
        let year = CalendarDate.today().year
        let fields = [("title", "Seminar Nasional Kearsipan"), ("organiser", "ANRI"), ("kind", "Seminar"),
                      ("started_on", "\(year)-01-10"), ("ended_on", "\(year)-01-11"), ("jp", "8"),
                      ("certificate_number", "ANRI/2026/123")]

        let exe = MultipartFile(field: "evidence", filename: "sertifikat.pdf", contentType: "application/pdf",
                                content: [0x4D, 0x5A, 0x90, 0x00] + Array(repeating: 0, count: 200))
        let refused = try employee.postMultipart("/my/trainings/external", fields: fields, files: [exe])
        #expect(refused.status == 422)
        #expect(refused.text.contains("harus berupa PDF, JPEG atau PNG"))
        #expect(refused.text.contains("value=\"Seminar Nasional Kearsipan\""))

        let big = MultipartFile(field: "evidence", filename: "besar.pdf", contentType: "application/pdf",
                                content: Self.pdf + Array(repeating: 0x20, count: 5 * 1024 * 1024))
        let tooBig = try employee.postMultipart("/my/trainings/external", fields: fields, files: [big])
        #expect(tooBig.status == 422)
        #expect(tooBig.text.contains("terlalu besar"))

        let good = MultipartFile(field: "evidence", filename: "sertifikat-anri.pdf", contentType: "application/pdf", content: Self.pdf)
        let accepted = try employee.postMultipart("/my/trainings/external", fields: fields, files: [good])
        #expect(accepted.status == 303)
        let page = try employee.get(try #require(accepted.header("Location")))
        #expect(page.text.contains("Seminar Nasional Kearsipan"))
        #expect(page.text.contains("Menunggu verifikasi"))
        #expect(page.text.contains("sertifikat-anri.pdf"))

        let entry = try #require(try TrainingHours(database: app.database).pendingReviews()
            .first { $0.entry.title == "Seminar Nasional Kearsipan" })
        #expect(entry.entry.evidencePath?.count == 64 + 4)
        let evidence = try employee.get("/hours/evidence/\(entry.entry.id!)")
        #expect(evidence.status == 200)
        #expect(evidence.body == Self.pdf)
        #expect(evidence.header("Content-Type") == "application/pdf")
        var stranger = try app.signIn("demo.instruktur")
        #expect(try stranger.get("/hours/evidence/\(entry.entry.id!)").status == 404)

        var coordinator = try app.signIn("demo.koordinator")
        let queue = try coordinator.get("/hours/reviews")
        #expect(queue.status == 200)
        #expect(queue.text.contains("Seminar Nasional Kearsipan"))
        #expect(try coordinator.get("/hours/evidence/\(entry.entry.id!)").status == 200)
        #expect(try coordinator.post("/hours/reviews/\(entry.entry.id!)", [("decision", "reject"), ("note", "")]).status == 422)
        let verified = try coordinator.post("/hours/reviews/\(entry.entry.id!)", [("decision", "verify"), ("note", "")])
        #expect(verified.status == 303)
        let after = try employee.get("/my/trainings?year=\(year)")
        #expect(after.text.contains("Terverifikasi"))
        let ledger = try TrainingHours(database: app.database).ledger(employeeId: entry.entry.employeeId, year: year)
        #expect(ledger.entries.first { $0.id == entry.entry.id }?.status == .verified)
        #expect(after.text.contains("<strong>\(TrainingFormatForTest.jp(ledger.verifiedJP)) JP</strong>"))
        let notifications = try employee.get("/notifications")
        #expect(notifications.text.contains("Seminar Nasional Kearsipan"))
        let open = try #require(notifications.text.firstMatch(of: /href="(\/notifications\/-?\d+\/open)"/)).output.1
        #expect(try employee.get(String(open)).header("Location") == "/training-hours", "the notice leads to the training hours")
        #expect(try employee.post("/notifications/read", []).status == 303)
        #expect(try employee.get("/api/v1/notifications").text.contains("\"unread\":0"))
        #expect(try employee.get("/training-hours").header("Location") == "/my/trainings")
    }

    @Test("compliance: page, drill-down and a CSV with a header and one row per unit")
    func compliance() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/hours/compliance").status == 200)
        let csv = try coordinator.get("/hours/compliance.csv")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(csv.header("Content-Disposition")?.hasPrefix("attachment") == true)
        let lines = csv.text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("tahun,target_jp,kode_unit") == true)
        let units = try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM units") ?? 0 }
        #expect(units > 0)
        #expect(lines.count == units + 1)
        let unitId = try app.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT unit_id FROM employees WHERE active AND unit_id IS NOT NULL LIMIT 1")!
        }
        #expect(try coordinator.get("/hours/compliance/\(unitId)").status == 200)
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/hours/compliance.csv").status == 403)
        var supervisor = try app.signIn("demo.atasan")
        let team = try supervisor.get("/team/hours")
        #expect(team.status == 200)
        #expect(team.text.contains(try app.nip(of: "demo.pegawai")))
    }

    @Test("calendars are iCalendar with CRLF line ends")
    func calendars() throws {
        let app = try TestApp()
        let (run, sessions) = try TrainingFixture(app: app).runningRun("ICS-01", firstSession: Clock.now() + 86400)
        var employee = try app.signIn("demo.pegawai")
        for path in ["/runs/\(run.id!)/calendar.ics", "/my/calendar.ics"] {
            let answer = try employee.get(path)
            #expect(answer.status == 200, "\(path)")
            #expect(answer.header("Content-Type") == "text/calendar; charset=utf-8")
            #expect(answer.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(answer.text.contains("Angkatan Uji ICS-01"))
            #expect(!answer.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            #expect(answer.text.contains("SUMMARY:Angkatan Uji ICS-01 (sesi 1 dari 2)\r\n"))
            #expect(answer.text.contains("LOCATION:Aula BKPSDM\r\n"))
            #expect(answer.text.contains("UID:session-\(sessions[0].id!)@"))
            #expect(answer.text.contains("DTSTART:" + ICalendar.utc(sessions[0].startsAt) + "\r\n"))
            #expect(answer.text.contains("/runs/\(run.id!)\r\n"), "each event links to its run's page")
            #expect(answer.text.contains("Instruktur: "))
        }
        #expect(try employee.get("/my/calendar.ics").text.contains("X-WR-CALNAME:Jadwal pelatihan Asah"))
        #expect(try employee.get("/runs/999999/calendar.ics").status == 404)
        _ = try employee.post("/language", [("lang", "en"), ("next", "/my/trainings")])
        let english = try employee.get("/my/calendar.ics").text
        #expect(english.contains("X-WR-CALNAME:Asah training schedule"))
        #expect(english.contains("SUMMARY:Angkatan Uji ICS-01 (session 1 of 2)\r\n"))
        #expect(english.contains("Instructor: "))
    }

    @Test("the training-hours API is 404 for someone else's NIP and 200 for the supervisor")
    func trainingHoursAPI() throws {
        let app = try TestApp()
        let pegawai = try app.nip(of: "demo.pegawai")
        let instruktur = try app.nip(of: "demo.instruktur")
        var own = try app.signIn("demo.pegawai")
        #expect(try own.get("/api/v1/employees/\(pegawai)/training-hours").status == 200)
        let other = try own.get("/api/v1/employees/\(instruktur)/training-hours")
        #expect(other.status == 404)
        #expect(other.text.contains("\"not_found\""))
        var supervisor = try app.signIn("demo.atasan")
        let ledger = try supervisor.get("/api/v1/employees/\(pegawai)/training-hours?year=2026")
        #expect(ledger.status == 200)
        #expect(ledger.text.contains("\"year\":2026"))
        #expect(!ledger.text.contains("\"target_jp\""), "demo.pegawai is a PPPK: no target")
        #expect(ledger.text.contains("\"cap_jp\":24"))
    }
}

enum TrainingFormatForTest {
    /// JP as the Indonesian pages write them ("56", "2,5").
    static func jp(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }
}

/// The escaping the templates apply, to look for names with apostrophes.
enum HTMLEscapeForTest {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
