@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing
@testable import AsahWeb

@Suite("The public's voice over HTTP: the anonymous form, its limits, moderation, the poster, the SKM import and the dashboard")
struct PublicFeedbackHTTPTests {
    static let answers = [("overall", "4"), ("speed", "3"), ("requirements", "4"), ("courtesy", "4")]

    /// The feedback code and name of the demo's first active unit.
    private func unit(_ app: TestApp) throws -> (code: String, id: Int64, name: String) {
        try app.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT f.code, u.id, u.name FROM units u JOIN feedback_codes f ON f.unit_id = u.id WHERE u.active ORDER BY u.id LIMIT 1
                """)!
            return (row[0], row[1], row[2])
        }
    }

    private func stored(_ app: TestApp) throws -> Int {
        try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM public_feedback")! }
    }

    @Test("a visitor without an account opens the form, is refused without the form's token, sends answers and a comment, and is thanked")
    func anonymousSubmit() throws {
        let app = try TestApp()
        let (code, _, name) = try unit(app)
        var visitor = Browser(client: app.client)
        let form = try visitor.get("/suara/\(code)")
        #expect(form.status == 200)
        #expect(form.text.contains(name) && form.text.contains("Bagaimana pelayanan kami?"))
        #expect(form.headers(named: "Set-Cookie").contains { $0.hasPrefix("asah_csrf=") })
        #expect(try visitor.post("/suara/\(code)", Self.answers, withToken: false).status == 403)
        #expect(try stored(app) == 0)

        let missing = try visitor.post("/suara/\(code)", [("overall", "4"), ("comment", "Cepat <b>sekali</b>")])
        #expect(missing.status == 422)
        #expect(missing.text.contains("Kecepatan pelayanan") && missing.text.contains("Cepat &lt;b&gt;sekali&lt;/b&gt;"), "kept what was typed, escaped")
        #expect(missing.text.contains("value=\"4\" required checked"))
        #expect(try stored(app) == 0, "nothing kept from a form with a problem")

        let sent = try visitor.post("/suara/\(code)", Self.answers + [("comment", "Antrean rapi"), ("website", "")])
        #expect(sent.status == 303)
        let thanks = try visitor.get(try #require(sent.header("Location")))
        #expect(thanks.text.contains("Terima kasih. Penilaian Anda sudah kami terima."))
        try app.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT overall, speed, comment, comment_status FROM public_feedback")!
            #expect(row[0] as Int == 4 && row[1] as Int == 3 && row[2] as String == "Antrean rapi" && row[3] as String == "pending")
        }
        #expect(try app.client.get("/suara/0123456789abcdef").status == 404)
        #expect(try app.client.get("/suara/..%2F..%2Fetc").status == 404)
    }

    @Test("a bot filling the hidden field is thanked and nothing is kept; an address sending more than ten answers an hour is refused with 429")
    func honeypotAndRateLimit() throws {
        let app = try TestApp()
        let (code, _, _) = try unit(app)
        var visitor = Browser(client: app.client)
        _ = try visitor.get("/suara/\(code)")
        let bot = try visitor.post("/suara/\(code)", Self.answers + [("website", "http://spam.example")])
        #expect(bot.status == 303)
        #expect(try stored(app) == 0)
        for _ in 1..<FeedbackRateLimit.limit {
            #expect(try visitor.post("/suara/\(code)", Self.answers).status == 303)
        }
        #expect(try stored(app) == FeedbackRateLimit.limit - 1)
        let refused = try visitor.post("/suara/\(code)", Self.answers + [("comment", "sekali lagi")])
        #expect(refused.status == 429)
        #expect(refused.text.contains("Terlalu banyak penilaian") && refused.text.contains("sekali lagi"))
        #expect(try stored(app) == FeedbackRateLimit.limit - 1)
    }

    @Test("the limit forgets an address when the hour turns, and keeps addresses apart")
    func limitWindow() {
        let limit = FeedbackRateLimit()
        let hour: Int64 = 1_800_000_000 / 3600 * 3600
        for _ in 0..<FeedbackRateLimit.limit { #expect(limit.admit("10.0.0.1", now: hour)) }
        #expect(!limit.admit("10.0.0.1", now: hour + 3599))
        #expect(limit.admit("10.0.0.2", now: hour + 3599))
        #expect(limit.admit("10.0.0.1", now: hour + 3600))
    }

    @Test("a comment is shown on the unit's page only once a coordinator approved it; a rejected one is erased; others may not moderate")
    func moderation() throws {
        let app = try TestApp()
        let (code, id, name) = try unit(app)
        var visitor = Browser(client: app.client)
        _ = try visitor.get("/suara/\(code)")
        #expect(try visitor.post("/suara/\(code)", Self.answers + [("comment", "Loket dua selalu tutup")]).status == 303)
        #expect(try visitor.post("/suara/\(code)", Self.answers + [("comment", "Nomor HP saya 0812")]).status == 303)

        var coordinator = try app.signIn("demo.koordinator")
        let overview = try coordinator.get("/feedback")
        #expect(overview.status == 200)
        #expect(overview.text.contains("Loket dua selalu tutup") && overview.text.contains(name))
        #expect(overview.text.contains("href=\"/suara/\(code)\"") && overview.text.contains("/feedback/units/\(id)/poster"))
        #expect(!(try coordinator.get("/feedback/units/\(id)").text.contains("Loket dua selalu tutup")), "not shown before approval")

        let ids = try app.database.pool.read { try Int64.fetchAll($0, sql: "SELECT id FROM public_feedback ORDER BY id") }
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.post("/feedback/comments/\(ids[0])", [("decision", "approve")]).status == 403)
        #expect(try employee.get("/feedback").status == 403)
        #expect(try coordinator.post("/feedback/comments/\(ids[0])", [("decision", "approve")]).status == 303)
        #expect(try coordinator.post("/feedback/comments/\(ids[1])", [("decision", "reject")]).status == 303)
        #expect(try coordinator.post("/feedback/comments/\(ids[1])", [("decision", "entah")]).status == 400)
        let unitPage = try coordinator.get("/feedback/units/\(id)")
        #expect(unitPage.text.contains("Loket dua selalu tutup"))
        #expect(!unitPage.text.contains("0812"))
        #expect(unitPage.text.contains("Kurang dari 5 penilaian"))
        #expect(try app.database.pool.read { try String.fetchOne($0, sql: "SELECT comment FROM public_feedback WHERE id = ?", arguments: [ids[1]]) } == nil)
        #expect(try coordinator.get("/feedback").text.contains("Tidak ada komentar yang menunggu."))
    }

    @Test("the poster carries a QR code of the form's address at the configured public address")
    func poster() throws {
        let app = try TestApp(publicURL: "https://asah.contoh.go.id")
        let (code, id, name) = try unit(app)
        var coordinator = try app.signIn("demo.koordinator")
        let poster = try coordinator.get("/feedback/units/\(id)/poster")
        #expect(poster.status == 200)
        #expect(poster.text.contains("https://asah.contoh.go.id/suara/\(code)") && poster.text.contains(name))
        #expect(poster.text.contains("<svg") && poster.text.contains("Bagaimana pelayanan kami hari ini?"))
        #expect(try coordinator.get("/feedback/units/999999999/poster").status == 404)
    }

    @Test("the SKM import reports each bad row with line, column and reason and writes nothing; a good file is written")
    func importErrors() throws {
        let app = try TestApp()
        let code = try app.database.pool.read { try String.fetchOne($0, sql: "SELECT code FROM units ORDER BY id LIMIT 1")! }
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/people/import?kind=satisfaction").text.contains("value=\"satisfaction\" checked"))
        let csv = "kode_unit,periode,ikm,responden\n\(code),2025-S1,82,120\n\(code),2025-S9,20,0\n"
        let page = try coordinator.postMultipart("/people/import", fields: [("kind", "satisfaction")],
                                                 files: [MultipartFile(field: "file", filename: "skm.csv", contentType: "text/csv", content: Array(csv.utf8))])
        #expect(page.status == 422)
        for text in ["periode &#39;2025-S9&#39; tidak dikenal", "nilai IKM &#39;20&#39; di luar 25-100", "jumlah responden &#39;0&#39;"] {
            #expect(page.text.contains(text) || page.text.contains(text.replacingOccurrences(of: "&#39;", with: "'")), "\(text)")
        }
        #expect(page.text.contains("<td>3</td><td>periode</td>"))
        #expect(try app.database.pool.read { try SatisfactionSurvey.fetchCount($0) } == 0)

        let api = try coordinator.request("POST", "/api/v1/imports/satisfaction", headers: [("Content-Type", "text/csv"), ("X-CSRF-Token", coordinator.csrf)],
                                          body: Array("kode_unit,periode,ikm,responden\n\(code),2025-S1,82,120\n".utf8))
        #expect(api.status == 200, "\(api.text)")
        #expect(api.text.contains("\"inserted\":1"))
        #expect(try coordinator.get("/feedback/units/\(try unit(app).id)").status == 200)
    }

    @Test("the dashboard shows a unit's public satisfaction before and after its staff trained, beside the appraisal change, and hides small groups")
    func dashboard() throws {
        let app = try TestApp()
        let (unitId, name, first, last) = try app.database.pool.read { db -> (Int64, String, CalendarDate, CalendarDate) in
            let trained = try ImpactAnalysis.firstTrainings(ImpactFilter(), in: db)
            var unitOf: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, unit_id FROM employees WHERE unit_id IS NOT NULL") { unitOf[row[0]] = row[1] }
            let byUnit = Dictionary(grouping: trained) { unitOf[$0.employeeId] ?? 0 }.filter { $0.key != 0 }
            let (unitId, staff) = try #require(byUnit.max { $0.value.count < $1.value.count }, "the demo has completed runs")
            let name = try String.fetchOne(db, sql: "SELECT name FROM units WHERE id = ?", arguments: [unitId])!
            return (unitId, name, staff.map(\.startedOn).min()!, staff.map(\.endedOn).max()!)
        }
        try app.database.pool.write { db in
            for index in 0..<6 {
                try db.execute(sql: """
                    INSERT INTO public_feedback (unit_id, received_on, overall, speed, requirements, courtesy) VALUES (?, ?, 2, 2, 2, 2)
                    """, arguments: [unitId, first.adding(days: -30 - index)])
            }
            for index in 0..<3 {
                try db.execute(sql: """
                    INSERT INTO public_feedback (unit_id, received_on, overall, speed, requirements, courtesy) VALUES (?, ?, 4, 4, 4, 4)
                    """, arguments: [unitId, last.adding(days: 10 + index)])
            }
        }
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/evaluation?year=all")
        #expect(page.status == 200)
        let section = try #require(page.text.split(separator: "id=\"public-voice\"").dropFirst().first.map(String.init))
        #expect(section.contains(name))
        #expect(section.contains("50,0 (n = 6)"), "answers of 2 on every element are an IKM of 50")
        #expect(section.contains("– (n = kurang dari 5)"), "three answers after are hidden")
        #expect(section.contains("bukan bukti sebab-akibat"))
    }
}
