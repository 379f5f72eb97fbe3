@testable import AsahCore
import Foundation
import GRDB
import HTTPServer
import HTTPTestSupport
import Testing

@Suite("JSON API")
struct APITests {
    private func json(_ response: RawHTTPResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    private func apiLogin(_ app: TestApp, _ login: String) throws -> (cookie: String, csrf: String) {
        let body = Array(#"{"login":"\#(login)","password":"\#(TestApp.password)"}"#.utf8)
        let answer = try app.client.request("POST", "/api/v1/session", headers: [("Content-Type", "application/json")], body: body)
        #expect(answer.status == 200)
        let cookie = try #require(answer.headers(named: "Set-Cookie").first { $0.hasPrefix("asah_session=") })
        let csrf = try #require(try json(answer)["csrf_token"] as? String)
        return (String(cookie.split(separator: ";")[0]), csrf)
    }

    @Test("POST /api/v1/session answers with a cookie and a CSRF token; /me names the roles")
    func sessionAndMe() throws {
        let app = try TestApp()
        let (cookie, _) = try apiLogin(app, "demo.atasan")
        let me = try json(app.client.get("/api/v1/me", headers: [("Cookie", cookie)]))
        #expect(me["login"] as? String == "demo.atasan")
        #expect(Set(me["roles"] as? [String] ?? []) == ["pegawai", "atasan"])
    }

    @Test("wrong credentials give a JSON error with a code")
    func wrongCredentials() throws {
        let app = try TestApp()
        let body = Array(#"{"login":"demo.admin","password":"nope-nope-nope"}"#.utf8)
        let answer = try app.client.request("POST", "/api/v1/session", headers: [("Content-Type", "application/json")], body: body)
        #expect(answer.status == 401)
        let error = try #require(try json(answer)["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_credentials")
    }

    @Test("signing in with a body that is not JSON gets 415 saying so, not a CSRF refusal")
    func signInNotJSON() throws {
        let app = try TestApp()
        let answer = try app.client.request("POST", "/api/v1/session", body: Array("login=demo.admin".utf8))
        #expect(answer.status == 415)
        #expect(try json(answer)["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "unsupported_media_type")
    }

    @Test("anonymous API calls get 401 JSON, not a redirect")
    func anonymous() throws {
        let app = try TestApp()
        let answer = try app.client.get("/api/v1/me")
        #expect(answer.status == 401)
        #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
    }

    @Test("API writes need the X-CSRF-Token header with the cookie; a bearer token needs none")
    func tokensAndCSRF() throws {
        let app = try TestApp()
        let (cookie, csrf) = try apiLogin(app, "demo.pegawai")
        let body = Array(#"{"name":"skrip laporan"}"#.utf8)
        let headers = [("Cookie", cookie), ("Content-Type", "application/json")]
        #expect(try app.client.request("POST", "/api/v1/tokens", headers: headers, body: body).status == 403)
        let created = try app.client.request("POST", "/api/v1/tokens", headers: headers + [("X-CSRF-Token", csrf)], body: body)
        #expect(created.status == 201)
        let token = try #require(try json(created)["token"] as? String)
        let me = try app.client.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")])
        #expect(me.status == 200)
        #expect(try json(me)["login"] as? String == "demo.pegawai")
        let list = try app.client.get("/api/v1/tokens", headers: [("Authorization", "Bearer \(token)")])
        let tokens = try #require(JSONSerialization.jsonObject(with: Data(list.body)) as? [[String: Any]])
        let id = try #require(tokens.first?["id"] as? Int)
        #expect(try app.client.request("DELETE", "/api/v1/tokens/\(id)", headers: [("Authorization", "Bearer \(token)")]).status == 204)
        #expect(try app.client.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")]).status == 401)
    }

    @Test("tokens expire (7, 30 or 90 days), a token cannot mint another, and last use is kept to the hour")
    func tokenExpiryAndMinting() throws {
        let app = try TestApp()
        let (cookie, csrf) = try apiLogin(app, "demo.pegawai")
        let headers = [("Cookie", cookie), ("Content-Type", "application/json"), ("X-CSRF-Token", csrf)]
        let created = try app.client.request("POST", "/api/v1/tokens", headers: headers, body: Array(#"{"name":"skrip","days":7}"#.utf8))
        #expect(created.status == 201)
        let token = try #require(try json(created)["token"] as? String)
        #expect(try app.client.request("POST", "/api/v1/tokens", headers: headers, body: Array(#"{"name":"x","days":400}"#.utf8)).status == 422)
        let minted = try app.client.request("POST", "/api/v1/tokens", headers: [("Authorization", "Bearer \(token)"),
                                                                                 ("Content-Type", "application/json")],
                                            body: Array(#"{"name":"anak"}"#.utf8))
        #expect(minted.status == 403, "a token cannot make tokens")
        #expect(try app.client.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")]).status == 200)
        let (expires, createdAt, lastUsed) = try app.database.pool.read { db -> (Int64, Int64, Int64?) in
            let row = try Row.fetchOne(db, sql: "SELECT expires_at, created_at, last_used_at FROM api_tokens WHERE name = 'skrip'")!
            return (row["expires_at"], row["created_at"], row["last_used_at"])
        }
        #expect(expires - createdAt == 7 * 86400)
        #expect(lastUsed.map { $0 % 3600 == 0 } == true, "last use to the hour")
        let later = try app.client.request("POST", "/api/v1/tokens", headers: headers, body: Array(#"{"name":"lama"}"#.utf8))
        let old = try #require(try json(later)["token"] as? String)
        try app.database.pool.write { try $0.execute(sql: "UPDATE api_tokens SET expires_at = ? WHERE name = 'lama'", arguments: [createdAt]) }
        #expect(try app.client.get("/api/v1/me", headers: [("Authorization", "Bearer \(old)")]).status == 401, "expired")
        let listed = try app.client.get("/api/v1/tokens", headers: [("Cookie", cookie)])
        #expect(String(decoding: listed.body, as: UTF8.self).contains(#""expired":true"#))
    }

    @Test("an admin sees every live token and revokes another person's; the script stops and the audit names the owner")
    func adminRevokesAnyToken() throws {
        let app = try TestApp()
        let (cookie, csrf) = try apiLogin(app, "demo.pegawai")
        let created = try app.client.request("POST", "/api/v1/tokens", headers: [("Cookie", cookie), ("Content-Type", "application/json"),
                                                                                  ("X-CSRF-Token", csrf)],
                                             body: Array(#"{"name":"skrip rekap"}"#.utf8))
        let token = try #require(try json(created)["token"] as? String)
        var admin = try app.signIn("demo.admin")
        let page = try admin.get("/admin/tokens").text
        #expect(page.contains("skrip rekap") && page.contains("demo.pegawai"))
        let id = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM api_tokens WHERE name = 'skrip rekap'")! }
        #expect(try admin.post("/admin/tokens/\(id)/revoke", []).status == 303)
        #expect(try app.client.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")]).status == 401)
        #expect(!(try admin.get("/admin/tokens").text.contains("skrip rekap")))
        let audit = try app.database.pool.read { try AuditLog.recent(in: $0) }.first { $0.action == "token.revoke" }
        #expect(audit?.actorLogin == "demo.admin" && audit?.detail == "demo.pegawai")
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/admin/tokens").status == 403)
    }

    @Test("behind a trusted proxy the audit log has the client's address and cookies are Secure; forged headers are ignored")
    func trustedProxy() throws {
        let body = Array(#"{"login":"demo.pegawai","password":"\#(TestApp.password)"}"#.utf8)
        let forwarded = [("Content-Type", "application/json"), ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https")]
        let proxied = try TestApp { $0.trustedProxies = TrustedProxies(["127.0.0.1"])! }
        let answer = try proxied.client.request("POST", "/api/v1/session", headers: forwarded, body: body)
        #expect(answer.status == 200)
        #expect(answer.headers(named: "Set-Cookie").first { $0.hasPrefix("asah_session=") }?.contains("Secure") == true)
        let ip = try proxied.database.pool.read { try String.fetchOne($0, sql: "SELECT ip FROM audit_log WHERE action = 'login' ORDER BY id DESC") }
        #expect(ip == "203.0.113.7")

        let direct = try TestApp()
        let forged = try direct.client.request("POST", "/api/v1/session", headers: forwarded, body: body)
        #expect(forged.headers(named: "Set-Cookie").first { $0.hasPrefix("asah_session=") }?.contains("Secure") == false)
        let seen = try direct.database.pool.read { try String.fetchOne($0, sql: "SELECT ip FROM audit_log WHERE action = 'login' ORDER BY id DESC") }
        #expect(seen == "127.0.0.1", "an untrusted peer cannot choose its address")
    }

    @Test("DELETE /api/v1/session ends the session")
    func apiLogout() throws {
        let app = try TestApp()
        let (cookie, csrf) = try apiLogin(app, "demo.pegawai")
        let answer = try app.client.request("DELETE", "/api/v1/session", headers: [("Cookie", cookie), ("X-CSRF-Token", csrf)])
        #expect(answer.status == 204)
        #expect(try app.client.get("/api/v1/me", headers: [("Cookie", cookie)]).status == 401)
    }

    @Test("a body that is not JSON gets a 400 or 415 with an explanation")
    func badJSON() throws {
        let app = try TestApp()
        let broken = try app.client.request("POST", "/api/v1/session", headers: [("Content-Type", "application/json")],
                                            body: Array("{login:".utf8))
        #expect(broken.status == 400)
        let form = try app.client.postForm("/api/v1/session", fields: [("login", "x")])
        #expect([403, 415].contains(form.status))
    }

    @Test("the OpenAPI document lists exactly the API routes the server has")
    func openAPIMatchesRoutes() throws {
        let app = try TestApp()
        let document = try json(app.client.get("/api/v1/openapi.json"))
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) /api/v1\(path)") }
        }
        let routed = Set(app.routes.filter { $0.pattern.hasPrefix("/api/v1") }.map { route in
            let path = route.pattern.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method) /\(path)"
        })
        #expect(documented == routed, "documented but not routed: \(documented.subtracting(routed)); routed but not documented: \(routed.subtracting(documented))")
    }
}
