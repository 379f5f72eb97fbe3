@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

/// The riwayat kursus a coordinator uploads to SIASN: the verified trainings that ended in the
/// period, one row each, with SIASN's column names and dates written day first.
@Suite("Course records for SIASN")
struct CourseRecordsTests {
    private func entry(_ app: TestApp, _ login: String, _ title: String, source: TrainingSource, status: TrainingReview,
                       ended: String, jp: Double = 8, organiser: String? = nil, kind: String? = nil) throws {
        let employeeId = try TrainingFixture(app: app).employeeId(login)
        try app.database.pool.write { db in
            var entry = TrainingHoursEntry(
                employeeId: employeeId, year: CalendarDate(iso: ended)!.year, jp: jp, source: source, title: title, organiser: organiser,
                kind: kind, startedOn: CalendarDate(iso: ended)!.adding(days: -2), endedOn: CalendarDate(iso: ended)!,
                certificateNumber: source == .asah ? "CERT/\(title.count)" : nil, status: status, createdAt: 1)
            try entry.insert(db)
        }
    }

    @Test("the period's verified trainings, Asah and external, with SIASN's columns; pending, rejected and out-of-period lines left out")
    func export() throws {
        let app = try TestApp()
        try app.database.pool.write { db in
            try db.execute(sql: "DELETE FROM training_hours")
            try db.execute(sql: "UPDATE agency_settings SET agency_name = ''")
        }
        try entry(app, "demo.pegawai", "Pelayanan Prima", source: .asah, status: .verified, ended: "2026-03-14", kind: "workshop")
        try entry(app, "demo.atasan", "Seminar Kearsipan", source: .external, status: .verified, ended: "2026-05-02", jp: 4,
                  organiser: "ANRI", kind: "Seminar")
        try entry(app, "demo.pegawai", "Menunggu", source: .external, status: .pending, ended: "2026-04-01", organiser: "X")
        try entry(app, "demo.pegawai", "Ditolak", source: .external, status: .rejected, ended: "2026-04-01", organiser: "X")
        try entry(app, "demo.pegawai", "Tahun lalu", source: .external, status: .verified, ended: "2025-12-31", organiser: "X")

        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/hours/siasn?from=2026-01-01&to=2026-12-31")
        #expect(page.status == 200)
        #expect(page.text.contains("2 pelatihan selesai dari 2 pegawai, 12 JP."))
        #expect(page.text.contains("Pelayanan Prima") && page.text.contains("Seminar Kearsipan") && !page.text.contains("Menunggu"))
        #expect(page.text.contains("Nama instansi belum diisi"), "an Asah run's organiser is the agency, not set yet")
        #expect(try coordinator.get("/hours/compliance").text.contains("href=\"/hours/siasn\""))

        try app.database.pool.write { db in
            try db.execute(sql: "UPDATE agency_settings SET agency_name = 'BKPSDM Kabupaten Contoh'")
        }
        let csv = try coordinator.get("/hours/siasn/riwayat-kursus.csv?from=2026-01-01&to=2026-12-31")
        #expect(csv.status == 200)
        let lines = csv.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "nipBaru,nama,namaKursus,jenisKursusSertipikat,institusiPenyelenggara,jumlahJam,tahunKursus,tanggalKursus,tanggalSelesaiKursus,nomorSertipikat")
        #expect(lines.count == 3, "a header and two trainings")
        let pegawai = try app.nip(of: "demo.pegawai")
        #expect(lines[1].hasPrefix(pegawai + ",") && lines[1].contains(",Pelayanan Prima,Workshop (Lokakarya),BKPSDM Kabupaten Contoh,8,2026,12-03-2026,14-03-2026,CERT/15"), "\(lines[1])")
        #expect(lines[2].contains(",Seminar Kearsipan,Seminar,ANRI,4,2026,30-04-2026,02-05-2026,"))
        #expect(try coordinator.get("/hours/siasn/riwayat-kursus.xlsx?from=2026-01-01&to=2026-12-31").status == 200)
    }

    @Test("a period that runs backwards or is longer than 400 days is refused and says why; other roles get 403")
    func refusals() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        let backwards = try coordinator.get("/hours/siasn?from=2026-06-01&to=2026-01-01")
        #expect(backwards.status == 422 && backwards.text.contains("Periode tidak valid"))
        #expect(try coordinator.get("/hours/siasn?from=2024-01-01&to=2026-01-01").status == 422)
        #expect(try coordinator.get("/hours/siasn/riwayat-kursus.csv?from=2026-06-01&to=2026-01-01").status == 400)
        #expect(try coordinator.get("/hours/siasn?from=2026-13-01").status == 400)
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/hours/siasn").status == 403)
        #expect(try employee.get("/hours/siasn/riwayat-kursus.csv").status == 403)
    }
}
