import AsahCore
import Foundation
import HTTPTestSupport
import Testing

@Suite("Signing in and out")
struct SessionTests {
    @Test("an admin deactivates an account: its sessions and API tokens end at once and it cannot sign in until activated")
    func deactivation() throws {
        let app = try TestApp()
        var employee = try app.signIn("demo.pegawai")
        let caller = try ForumCaller.login(app, "demo.pegawai")
        #expect(try caller.call("GET", "/api/v1/me").status == 200)
        let userId = caller.userId
        var admin = try app.signIn("demo.admin")
        _ = try admin.get("/admin/users")
        #expect(try admin.post("/admin/users/\(userId)/active", [("active", "0")]).text.contains("dinonaktifkan"))
        #expect(try caller.call("GET", "/api/v1/me").status == 401, "the token is revoked")
        #expect(try employee.get("/my/trainings").status == 303, "the session has ended")
        var again = Browser(client: app.client)
        #expect(throws: (any Error).self) { try again.signIn("demo.pegawai", password: TestApp.password) }
        _ = try admin.get("/admin/users")
        _ = try admin.post("/admin/users/\(userId)/active", [("active", "1")])
        _ = try app.signIn("demo.pegawai")
    }

    @Test("the login page is in Indonesian and hands out a CSRF cookie")
    func loginPage() throws {
        let app = try TestApp()
        let page = try app.client.get("/login")
        #expect(page.status == 200)
        #expect(page.text.contains("Masuk ke Asah"))
        #expect(page.text.contains("<html lang=\"id\">"))
        #expect(!page.text.contains("role=\"alert\""), "a fresh login page shows no error")
        #expect(page.headers(named: "Set-Cookie").contains { $0.hasPrefix("asah_csrf=") && $0.contains("HttpOnly") })
    }

    @Test("each visitor's login page carries that visitor's own CSRF token, in each language, and signing in with it works")
    func loginPageTokens() throws {
        let app = try TestApp()
        func token(_ page: RawHTTPResponse) -> String? {
            page.headers(named: "Set-Cookie").first { $0.hasPrefix("asah_csrf=") }
                .map { String($0.dropFirst("asah_csrf=".count).prefix { $0 != ";" }) }
        }
        let first = try app.client.get("/login"), second = try app.client.get("/login")
        let one = try #require(token(first)), two = try #require(token(second))
        #expect(one != two)
        #expect(first.text.components(separatedBy: "value=\"\(one)\"").count == 3, "the login and language forms carry it")
        #expect(second.text.components(separatedBy: "value=\"\(two)\"").count == 3 && !second.text.contains(one))
        let returning = try app.client.get("/login", headers: [("Cookie", "asah_csrf=\(one)")])
        #expect(token(returning) == nil && returning.text.contains("value=\"\(one)\""), "a visitor keeps the token they have")
        let english = try app.client.get("/login", headers: [("Cookie", "asah_lang=en")])
        let three = try #require(token(english))
        #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("value=\"\(three)\""))
        let signedIn = try app.client.postForm("/login", fields: [("_csrf", two), ("login", "demo.pegawai"),
                                                                  ("password", TestApp.password), ("next", "/")],
                                               headers: [("Cookie", "asah_csrf=\(two)")])
        #expect(signedIn.status == 303 && signedIn.headers(named: "Set-Cookie").contains { $0.hasPrefix("asah_session=") })
        let withReturn = try app.client.get("/login?next=%2Fcourses")
        #expect(withReturn.text.contains("value=\"/courses\""), "a return path is still rendered into the form")
    }

    @Test("a wrong password is refused with a clear message and no session")
    func wrongPassword() throws {
        let app = try TestApp()
        var browser = Browser(client: app.client)
        try browser.get("/login")
        let answer = try browser.post("/login", [("login", "demo.pegawai"), ("password", "bukan-sandinya")])
        #expect(answer.status == 401)
        #expect(answer.text.contains("kata sandi salah"))
        #expect(browser.jar["asah_session"] == nil)
    }

    @Test("signing in by NIP works as well as by login name")
    func signInByNIP() throws {
        let app = try TestApp()
        let nip = try app.nip(of: "demo.pegawai")
        var browser = Browser(client: app.client)
        try browser.signIn(nip, password: TestApp.password)
        #expect(try browser.get("/").text.contains(nip))
    }

    @Test("the session cookie is HttpOnly and SameSite=Lax, and a new id is issued at login")
    func cookieFlagsAndFixation() throws {
        let app = try TestApp()
        var browser = Browser(client: app.client)
        browser.jar.set("asah_session", "planted-by-attacker")
        try browser.get("/login")
        let answer = try browser.post("/login", [("login", "demo.pegawai"), ("password", TestApp.password)])
        #expect(answer.status == 303)
        let cookie = try #require(answer.headers(named: "Set-Cookie").first { $0.hasPrefix("asah_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        #expect(!cookie.contains("Secure"))
        #expect(browser.jar["asah_session"] != "planted-by-attacker")
    }

    @Test("after logging out the old session cookie no longer opens pages")
    func logout() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        let stolen = browser.jar["asah_session"]!
        #expect(try browser.post("/logout", []).status == 303)
        let reuse = try app.client.get("/", headers: [("Cookie", "asah_session=\(stolen)")])
        #expect(reuse.status == 303)
        #expect(reuse.header("Location")?.hasPrefix("/login") == true)
    }

    @Test("an idle session expires")
    func idleExpiry() throws {
        var policy = SessionPolicy()
        policy.idleTimeout = 1
        policy.activityStep = 1
        policy.cacheSeconds = 0
        let app = try TestApp(sessionPolicy: policy)
        var browser = try app.signIn("demo.pegawai")
        Thread.sleep(forTimeInterval: 2.2)
        let page = try browser.get("/")
        #expect(page.status == 303)
    }

    @Test("repeated wrong passwords are throttled with a message saying when to retry")
    func throttling() throws {
        let app = try TestApp()
        var browser = Browser(client: app.client)
        try browser.get("/login")
        for _ in 0..<5 {
            #expect(try browser.post("/login", [("login", "demo.atasan"), ("password", "salah-terus-123")]).status == 401)
        }
        let blocked = try browser.post("/login", [("login", "demo.atasan"), ("password", TestApp.password)])
        #expect(blocked.status == 429)
        #expect(blocked.text.contains("Coba lagi dalam"))
    }

    @Test("a form posted without the CSRF token is refused with 403")
    func csrfRefusal() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        let forged = try browser.post("/logout", [], withToken: false)
        #expect(forged.status == 403)
        #expect(try browser.get("/").status == 200)
        let wrongToken = try browser.post("/account/tokens", [("_csrf", "tebakan"), ("name", "x")], withToken: false)
        #expect(wrongToken.status == 403)
    }

    @Test("the login form without its CSRF cookie is refused")
    func loginCSRF() throws {
        let app = try TestApp()
        let answer = try app.client.postForm("/login", fields: [("login", "demo.pegawai"), ("password", TestApp.password)])
        #expect(answer.status == 403)
    }

    @Test("English can be chosen before signing in and is remembered per account")
    func language() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        #expect(try browser.post("/language", [("lang", "en"), ("next", "/")]).status == 303)
        let page = try browser.get("/")
        #expect(page.text.contains("My profile"))
        #expect(page.text.contains("<html lang=\"en\">"))
        var again = try app.signIn("demo.pegawai")
        #expect(try again.get("/").text.contains("My profile"))
    }
}
