@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

/// Personal access tokens made on the account page: only from a browser session, and only
/// with one of the lifetimes offered.
@Suite("Personal access tokens on the account page")
struct TokenAccessTests {
    private func token(_ app: TestApp, for login: String) throws -> String {
        let answer = try app.client.request("POST", "/api/v1/session", headers: [("Content-Type", "application/json")],
                                            body: Array(#"{"login":"\#(login)","password":"\#(TestApp.password)"}"#.utf8))
        let session = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
        let cookie = try #require(answer.headers(named: "Set-Cookie").first { $0.hasPrefix("asah_session=") })
        let created = try app.client.request("POST", "/api/v1/tokens", headers: [
            ("Cookie", String(cookie.split(separator: ";")[0])), ("Content-Type", "application/json"),
            ("X-CSRF-Token", try #require(session["csrf_token"] as? String)),
        ], body: Array(#"{"name":"skrip"}"#.utf8))
        let body = try #require(try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any])
        return try #require(body["token"] as? String)
    }

    private func lifetime(_ app: TestApp, of name: String) throws -> Int64? {
        try app.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT expires_at - created_at FROM api_tokens WHERE name = ?", arguments: [name])
        }
    }

    @Test("a token cannot mint another through the account page's form either (it needs no CSRF token, so it must be refused)")
    func noMintingThroughTheForm() throws {
        let app = try TestApp()
        let token = try token(app, for: "demo.pegawai")
        let minted = try app.client.postForm("/account/tokens", fields: [("name", "anak"), ("days", "90")],
                                             headers: [("Authorization", "Bearer \(token)")])
        #expect(minted.status == 403)
        #expect(minted.text.contains("bukan dengan token lain"), "the page says why")
        #expect(try lifetime(app, of: "anak") == nil, "no token was made")
    }

    @Test("the form offers 7, 30 and 90 days (90 unless chosen) and refuses any other lifetime rather than giving 90")
    func formLifetimes() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        let form = try browser.get("/account").text
        #expect(form.contains(#"<option value="7" >"#) && form.contains(#"<option value="90" selected>"#))
        #expect(try browser.post("/account/tokens", [("name", "mingguan"), ("days", "7")]).status == 200)
        #expect(try lifetime(app, of: "mingguan") == 7 * 86400)
        #expect(try browser.post("/account/tokens", [("name", "bawaan")]).status == 200)
        #expect(try lifetime(app, of: "bawaan") == 90 * 86400)
        for forged in ["3", "365", "9999999999999999999999", "tujuh"] {
            let refused = try browser.post("/account/tokens", [("name", "palsu \(forged)"), ("days", forged)])
            #expect(refused.status == 422, "\(forged)")
            #expect(refused.text.contains("Masa berlaku token harus 7, 30, atau 90 hari."))
            #expect(try lifetime(app, of: "palsu \(forged)") == nil, "\(forged) made no token")
        }
    }

    @Test("an expired token is marked kedaluwarsa on the owner's page and refused like a revoked one")
    func expiredListed() throws {
        let app = try TestApp()
        let token = try token(app, for: "demo.pegawai")
        try app.database.pool.write { try $0.execute(sql: "UPDATE api_tokens SET expires_at = created_at WHERE name = 'skrip'") }
        #expect(try app.client.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")]).status == 401)
        var browser = try app.signIn("demo.pegawai")
        let page = try browser.get("/account").text
        #expect(page.contains("kedaluwarsa"))
        #expect(!page.contains("/account/tokens/"), "no revoke button for a token that no longer works")
    }
}
