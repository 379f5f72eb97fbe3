import AsahCore
import Foundation
import Testing

@Suite("E-mail choices on the account page")
struct EmailChoiceTests {
    @Test("every kind is ticked at first; saving stores the unticked kinds and the daily digest; a form without CSRF is refused")
    func kinds() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        let page = try browser.get("/account").text
        #expect(page.contains(#"name="email_kind_seat_offered" checked"#))
        #expect(page.contains("Tawaran kursi") && page.contains("Proyek"))
        let user = try #require(try Accounts(database: app.database).userId(login: "demo.pegawai"))
        let queue = EmailQueue(database: app.database)
        let kept = NotificationKind.allCases.filter { $0 != .seatOffered && $0 != .forumAnswer }
        let forged = try browser.post("/account/email", [("email_notifications", "on")], withToken: false)
        #expect(forged.status == 403)
        #expect(try queue.kindsOff(userId: user).isEmpty, "nothing stored without the token")
        let saved = try browser.post("/account/email", [("email_notifications", "on")] + kept.map { ("email_kind_\($0.rawValue)", "on") })
        #expect(saved.status == 200)
        #expect(try queue.kindsOff(userId: user) == [.seatOffered, .forumAnswer])
        #expect(try queue.isEnabled(userId: user))
        #expect(saved.text.contains(#"name="email_kind_seat_offered" >"#) && saved.text.contains(#"name="email_kind_approved" checked"#))
        #expect(try saved.text.contains(#"value="now" checked"#) && !queue.isDigest(userId: user))
        let daily = try browser.post("/account/email", [("email_notifications", "on"), ("email_digest", "daily")]
                                     + kept.map { ("email_kind_\($0.rawValue)", "on") })
        #expect(try queue.isDigest(userId: user) && daily.text.contains(#"value="daily" checked"#))
        _ = try browser.post("/account/email", NotificationKind.allCases.map { ("email_kind_\($0.rawValue)", "on") })
        #expect(try queue.kindsOff(userId: user).isEmpty && !queue.isEnabled(userId: user) && !queue.isDigest(userId: user))
    }
}
