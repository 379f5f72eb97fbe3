@testable import AsahCore
import Foundation
import HTTPTestSupport
import Testing

/// A calendar program fetches a person's schedule from a secret address, without signing in,
/// until the person replaces or stops it.
@Suite("Calendar subscription")
struct CalendarSubscriptionTests {
    /// The address shown once on the page after making it.
    static func address(in page: String) throws -> String {
        let match = try #require(page.firstMatch(of: /<code class="token" id="calendar-address">https?:\/\/[^\/<]+(\/calendar\/[A-Za-z0-9_-]+\.ics)<\/code>/))
        return String(match.1)
    }

    @Test("the address serves the person's sessions to anyone holding it; a new one ends the old; stopping ends it")
    func subscribe() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        _ = try fixture.runningRun("CAL-SUB", firstSession: Clock.now() + 86400)
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.get("/my/calendar").text.contains("Anda belum punya alamat langganan."))

        let first = try Self.address(in: try pegawai.post("/my/calendar/subscription", []).text)
        let feed = try app.client.get(first)
        #expect(feed.status == 200 && feed.header("Content-Type")?.hasPrefix("text/calendar") == true)
        #expect(feed.text.contains("BEGIN:VEVENT") && feed.text.contains("Angkatan Uji CAL-SUB (sesi 1 dari 2)"))
        #expect(try pegawai.get("/my/calendar").text.contains("Alamat langganan Anda dibuat"))

        let second = try Self.address(in: try pegawai.post("/my/calendar/subscription", []).text)
        #expect(second != first)
        #expect(try app.client.get(first).status == 404, "a new address ends the old one")
        #expect(try app.client.get(second).status == 200)

        let stopped = try pegawai.post("/my/calendar/subscription/revoke", [])
        #expect(stopped.status == 303)
        #expect(try app.client.get(second).status == 404)
        #expect(try app.client.get("/calendar/tebakan.ics").status == 404)
        #expect(try app.client.get("/calendar/" + String(repeating: "a", count: 5000) + ".ics").status == 404)
    }

    @Test("a switched-off account's feed stops; the feed speaks its owner's language")
    func ownerRules() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        _ = try fixture.runningRun("CAL-LANG", firstSession: Clock.now() + 86400)
        var pegawai = try app.signIn("demo.pegawai")
        let address = try Self.address(in: try pegawai.post("/my/calendar/subscription", []).text)
        let userId = try fixture.principal("demo.pegawai").userId
        try app.database.pool.write { try $0.execute(sql: "UPDATE users SET locale = 'en' WHERE id = ?", arguments: [userId]) }
        #expect(try app.client.get(address).text.contains("Angkatan Uji CAL-LANG (session 1 of 2)"))
        try app.database.pool.write { try $0.execute(sql: "UPDATE users SET active = 0 WHERE id = ?", arguments: [userId]) }
        #expect(try app.client.get(address).status == 404)
    }
}
