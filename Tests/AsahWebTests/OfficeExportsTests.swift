@testable import AsahCore
@testable import AsahWeb
import Foundation
import GRDB
import HTTPTestSupport
import Testing

/// The downloads that open in Excel (``ExportFormat``) and a run's participant list and
/// attendance sheet, against the real server.
@Suite("Office-ready outputs: Excel CSV, xlsx, participant list and attendance sheet")
struct OfficeExportsTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// demo.pegawai's unit and NIP and their verified and pending JP this year, after 12.5
    /// verified JP were added (so the total has a fraction).
    private func pegawaiWithHours(_ app: TestApp) throws -> (unitId: Int64, nip: String, verified: Double, pending: Double) {
        let year = IndonesianTime.date(of: Clock.now()).year
        return try app.database.pool.write { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT p.id, p.unit_id, p.nip FROM employees p JOIN users u ON u.employee_id = p.id WHERE u.login = 'demo.pegawai'
                """)!
            try db.execute(sql: """
                INSERT INTO training_hours (employee_id, year, jp, source, title, status, created_at)
                VALUES (?, ?, 12.5, 'external', 'Seminar', 'verified', ?)
                """, arguments: [row["id"] as Int64, year, Clock.now()])
            let sum = { (status: String) in
                try Double.fetchOne(db, sql: "SELECT COALESCE(SUM(jp), 0) FROM training_hours WHERE employee_id = ? AND year = ? AND status = ?",
                                    arguments: [row["id"] as Int64, year, status]) ?? 0
            }
            return (row["unit_id"], row["nip"], try sum("verified"), try sum("pending"))
        }
    }

    @Test("JP compliance: plain CSV for machines, Excel CSV with BOM, semicolons, Indonesian headers and decimal commas, xlsx")
    func compliance() throws {
        let app = try TestApp()
        let (unitId, nip, verified, pending) = try pegawaiWithHours(app)
        func shortest(_ value: Double) -> String { value.rounded() == value ? String(Int(value)) : String(value) }
        // demo.pegawai is a PPPK: no target, so no "reached"; a cap of 24 JP (PP 49/2018 art. 39).
        let beyond = max(0, verified - 24)
        var coordinator = try app.signIn("demo.koordinator")

        let page = try coordinator.get("/hours/compliance")
        #expect(page.text.contains("href=\"/hours/compliance.xlsx?year="))
        #expect(page.text.contains("href=\"/hours/compliance.csv?year=") && page.text.contains("&amp;format=excel\""))
        #expect(page.text.contains("class=\"signature-block print-only is-signed\""), "the printed report has a signature block, signed by the demo's official")
        #expect(page.text.contains("Dicetak pada"))

        let plain = try coordinator.get("/hours/compliance.csv")
        #expect(plain.body.prefix(3) != Self.bom[...])
        #expect(plain.text.hasPrefix("tahun,target_jp,kode_unit,nama_unit,jumlah_pegawai_bertarget,mencapai_target,persen\n"))

        let excel = try coordinator.get("/hours/compliance.csv?format=excel")
        #expect(excel.status == 200)
        #expect(Array(excel.body.prefix(3)) == Self.bom)
        #expect(excel.header("Content-Disposition")?.contains("kepatuhan-jp-") == true)
        let text = String(decoding: excel.body.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Tahun;Target JP;Kode unit;Nama unit;Jumlah pegawai bertarget;Pegawai mencapai target;Persentase (%)\n"))

        let members = try coordinator.get("/hours/compliance/\(unitId)/members.csv?format=excel")
        let memberLines = String(decoding: members.body.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(memberLines.first == "Tahun;NIP;Nama;Jabatan;Unit kerja;JP terverifikasi;JP menunggu verifikasi;Target JP;Mencapai target;JP melebihi batas")
        let row = try #require(memberLines.first { $0.contains(";\"=\"\"\(nip)\"\"\";") }, "an 18-digit NIP stays text in Excel")
        let people = ";" + shortest(verified).replacingOccurrences(of: ".", with: ",") + ";"
            + shortest(pending).replacingOccurrences(of: ".", with: ",") + ";;;" + shortest(beyond).replacingOccurrences(of: ".", with: ",")
        #expect(people.contains(",5;"), "the verified JP has a fraction")
        #expect(row.hasSuffix(people), "decimal comma and the words for people: \(row)")
        let plainMembers = try coordinator.get("/hours/compliance/\(unitId)/members.csv")
        #expect(plainMembers.text.split(separator: "\n").contains { $0.contains(nip) && $0.hasSuffix(",\(shortest(verified)),\(shortest(pending)),,,\(shortest(beyond))") })

        let xlsx = try coordinator.get("/hours/compliance.xlsx")
        #expect(xlsx.status == 200)
        #expect(xlsx.header("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(Array(xlsx.body.prefix(4)) == Self.zipMagic)
        #expect(try coordinator.get("/hours/compliance/\(unitId)/members.xlsx").status == 200)
        #expect(try coordinator.get("/hours/compliance/999999/members.xlsx").status == 404)
        #expect(try coordinator.get("/hours/compliance.csv?format=pdf").status == 400, "an unknown format is refused at the door")

        var employee = try app.signIn("demo.pegawai")
        for path in ["/hours/compliance.xlsx", "/hours/compliance.csv?format=excel", "/hours/compliance/\(unitId)/members.xlsx"] {
            #expect(try employee.get(path).status == 403, "\(path)")
        }
    }

    @Test("needs and impact tables have the three downloads; the activation mail merge too")
    func evaluationAndActivation() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/evaluation/needs").text.contains("href=\"/evaluation/needs/courses.xlsx?year="))
        let needs = try coordinator.get("/evaluation/needs/courses.csv?format=excel")
        #expect(String(decoding: needs.body.dropFirst(3), as: UTF8.self).hasPrefix("Tahun;Pelatihan;Jumlah pegawai yang membutuhkan\n"))
        #expect(try coordinator.get("/evaluation/needs/units.csv").text.hasPrefix("tahun,unit,jumlah_pegawai\n"))
        #expect(Array(try coordinator.get("/evaluation/needs/units.xlsx").body.prefix(4)) == Self.zipMagic)
        #expect(Array(try coordinator.get("/evaluation/runs.xlsx?year=all").body.prefix(4)) == Self.zipMagic)
        let summary = try coordinator.get("/evaluation/summary.csv?year=all&format=excel")
        #expect(String(decoding: summary.body.dropFirst(3), as: UTF8.self).hasPrefix("Ukuran;Nilai\n"))
        #expect(try coordinator.get("/evaluation").text.contains("href=\"/evaluation/runs.xlsx"))

        var admin = try app.signIn("demo.admin")
        try admin.get("/admin/activation")
        let unit = try app.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT unit_id FROM employees WHERE active GROUP BY unit_id ORDER BY COUNT(*) LIMIT 1")!
        }
        let excel = try admin.post("/admin/activation", [("unit", String(unit)), ("create_accounts", "on"), ("format", "excel")])
        #expect(Array(excel.body.prefix(3)) == Self.bom)
        #expect(String(decoding: excel.body.dropFirst(3), as: UTF8.self)
            .hasPrefix("NIP;Nama;Kode unit;Unit kerja;Nama pengguna;Kode aktivasi;Berlaku sampai;Alamat aktivasi\n"))
        let xlsx = try admin.post("/admin/activation", [("unit", String(unit)), ("format", "xlsx")])
        #expect(Array(xlsx.body.prefix(4)) == Self.zipMagic)
        #expect(xlsx.header("Cache-Control") == "no-store")
    }

    @Test("a run's participant list and attendance sheet: for its coordinators and instructors only")
    func participants() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let (run, sessions) = try fixture.runningRun("SPJ-01", firstSession: Clock.now() + 86400)
        let nip = try app.nip(of: "demo.pegawai")

        var coordinator = try app.signIn("demo.koordinator")
        let runPage = try coordinator.get("/runs/\(run.id!)")
        #expect(runPage.text.contains("href=\"/runs/\(run.id!)/participants\""))
        #expect(runPage.text.contains("href=\"/runs/\(run.id!)/attendance-sheet\""))
        let list = try coordinator.get("/runs/\(run.id!)/participants")
        #expect(list.status == 200)
        #expect(list.text.contains(nip))
        #expect(list.text.contains("href=\"/runs/\(run.id!)/participants.xlsx\""))
        #expect(!list.text.contains("style="), "no inline style under the CSP")

        let sheet = try coordinator.get("/runs/\(run.id!)/attendance-sheet")
        #expect(sheet.status == 200)
        #expect(sheet.text.components(separatedBy: "<section class=\"attendance-sheet\"").count == sessions.count + 1,
                "one printed page per session")
        #expect(sheet.text.contains("Tanda tangan"))
        #expect(sheet.text.contains(nip))
        #expect(!sheet.text.contains("style="))

        let excel = try coordinator.get("/runs/\(run.id!)/participants.csv?format=excel")
        let lines = String(decoding: excel.body.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "No;Nama;NIP;Unit kerja;Golongan;Jabatan;Status")
        #expect(lines.contains { $0.hasPrefix("1;") && $0.contains(";\"=\"\"\(nip)\"\"\";") })
        #expect(Array(try coordinator.get("/runs/\(run.id!)/participants.xlsx").body.prefix(4)) == Self.zipMagic)

        var instructor = try app.signIn("demo.instruktur")
        #expect(try instructor.get("/runs/\(run.id!)/participants").status == 200, "the run's instructor sees the list")
        #expect(try instructor.get("/runs/\(run.id!)/attendance-sheet").status == 200)

        // A run demo.instruktur does not teach: not theirs to list.
        let other = try RunPlanning(database: app.database).create(RunPlan(
            courseId: try fixture.course("K-SPJ-02"), code: "SPJ-02", title: "Angkatan lain", capacity: 5,
            startsOn: run.startsOn, endsOn: run.endsOn,
            sessions: [.init(startsAt: sessions[0].startsAt, endsAt: sessions[0].endsAt, place: "Aula")]), actor: try fixture.principal("demo.koordinator")).get()
        _ = try RunPlanning(database: app.database).setStatus(runId: other.id!, to: .open, actor: try fixture.principal("demo.koordinator"))
        for path in ["/runs/\(other.id!)/participants", "/runs/\(other.id!)/attendance-sheet", "/runs/\(other.id!)/participants.xlsx"] {
            #expect(try instructor.get(path).status == 404, "\(path)")
        }
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/runs/\(run.id!)/participants").status == 403)
        #expect(try employee.get("/runs/\(run.id!)/participants.csv").status == 403)
        #expect(!(try employee.get("/runs/\(run.id!)").text.contains("/participants\"")))
    }

    @Test("the xlsx writer: escaped text, dates as Excel day numbers, column names past Z")
    func writer() throws {
        #expect(XMLText.escape("A & B <x> \"q\"\u{1}") == "A &amp; B &lt;x&gt; &quot;q&quot;")
        #expect(XLSXSheet.serial(CalendarDate(year: 1900, month: 3, day: 1)!) == 61)
        #expect(XLSXSheet.serial(CalendarDate(year: 2026, month: 1, day: 1)!) == 46023)
        #expect(XLSXSheet.columnName(0) == "A" && XLSXSheet.columnName(25) == "Z" && XLSXSheet.columnName(26) == "AA")
        #expect(XLSXWorkbook.sheetName("Kepatuhan: JP [2026]/unit?") == "Kepatuhan JP 2026unit")
        #expect(ExcelCSV.cell(.decimal(-0.25, digits: 2), Localizer(locale: "id", messages: [:])) == "-0,25")
        #expect(try CSVText.make(header: ["a"], rows: [["-0,25"], ["=1+1"], ["=\"0123\""], ["=\"12\"&A1"]], delimiter: ";")
            == "a\n-0,25\n'=1+1\n\"=\"\"0123\"\"\"\n\"'=\"\"12\"\"&A1\"\n")
        let localizer = Localizer(locale: "id", messages: [:])
        #expect(ExcelCSV.cell(.identifier("199209202018121001"), localizer) == "=\"199209202018121001\"")
        #expect(ExcelCSV.cell(.identifier("12345"), localizer) == "12345")
    }
}
