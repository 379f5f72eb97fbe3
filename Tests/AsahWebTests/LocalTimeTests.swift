import Foundation
import GRDB
import HTTPTestSupport
import Testing
@testable import AsahCore
@testable import AsahWeb

@Suite("Local time: the zone chosen on the agency page is the one times are typed, shown and exported in")
struct LocalTimeTests {
    /// 2031-03-10 01:00:00 UTC: 09.00 WITA.
    static let nineWITA: Int64 = 1_930_870_800

    private func choose(_ zone: String, _ admin: inout Browser) throws -> RawHTTPResponse {
        try admin.postMultipart("/admin/agency", fields: AgencySettingsPageTests.fields + [("time_zone", zone)], files: [])
    }

    @Test("an admin chooses WITA; a session typed 09.00 shows as 09.00 WITA and its .ics holds 01.00 UTC; back in WIB it shows 08.00 WIB at once")
    func sessionInWITA() throws {
        let app = try TestApp()
        var admin = try app.signIn("demo.admin")
        let page = try admin.get("/admin/agency")
        #expect(page.text.contains("WIT (UTC+9): Maluku dan Papua"))
        #expect(page.text.contains("mengganti zona hanya mengubah cara jam itu ditampilkan"))
        #expect(try choose("WIT", &admin).status == 303)
        #expect(try choose("WITA", &admin).status == 303)
        #expect(try AgencySettings.current(in: app.database).timeZone == .wita)
        #expect(try admin.get("/admin/agency").text.contains(#"<option value="WITA" selected>"#))

        var coordinator = try app.signIn("demo.koordinator")
        let form = try coordinator.get("/runs/new")
        #expect(form.text.contains("Jam dalam WITA."))
        let fields: [(String, String)] = [
            ("course_id", String(try RunFixtures.courseId(app, "KEM-01"))), ("code", "KEM-Z1"), ("title", "Komunikasi Zona Waktu"),
            ("capacity", "25"), ("starts_on", "2031-03-10"), ("ends_on", "2031-03-10"), ("enrol_opens", ""),
            ("enrol_closes", "2031-03-01T17:00"), ("offer_window_hours", "48"), ("offer_cutoff_hours", "24"),
            ("s1_date", "2031-03-10"), ("s1_start", "09:00"), ("s1_end", "11:00"), ("s1_place", "Aula BKPSDM"),
        ]
        let created = try coordinator.post("/runs/new", fields)
        #expect(created.status == 303, "\(created.text)")
        let location = try #require(created.header("Location"))
        let path = String(location.prefix { $0 != "?" })
        let run = try coordinator.get(path)
        #expect(run.text.contains("09.00–11.00 WITA"))
        let startsAt = try app.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT s.starts_at FROM run_sessions s JOIN runs r ON r.id = s.run_id WHERE r.code = 'KEM-Z1'")
        }
        #expect(startsAt == Self.nineWITA)
        let feed = try coordinator.get(path + "/calendar.ics")
        #expect(feed.text.contains("DTSTART:20310310T010000Z"))
        #expect(feed.text.contains("DTEND:20310310T030000Z"))

        #expect(try choose("WIB", &admin).status == 303)
        let shown = try coordinator.get(path)
        #expect(shown.text.contains("08.00–10.00 WIB"), "the same instant, shown in the new zone, no page kept in the old one")
        #expect(try coordinator.get(path + "/calendar.ics").text.contains("DTSTART:20310310T010000Z"))
    }

    @Test("a zone that is not WIB, WITA or WIT is refused in Indonesian, the other fields kept, nothing saved")
    func unknownZone() throws {
        let app = try TestApp()
        var admin = try app.signIn("demo.admin")
        let before = try AgencySettings.current(in: app.database)
        let answer = try choose("PST", &admin)
        #expect(answer.status == 422)
        #expect(answer.text.contains("Pilih zona waktu WIB, WITA, atau WIT."))
        #expect(answer.text.contains(#"value="Ir. Baiq Nurhayati Saputri, M.Eng.""#))
        #expect(try AgencySettings.current(in: app.database) == before)
    }
}
