@testable import AsahCore
import Foundation
import HTTPTestSupport
import Testing

/// Signing in on /login with the password kept in the agency's directory: a real `slapd` on a
/// localhost port holding two people, `budi` (the demo employee's NIP, so an Asah account
/// exists) and `sari` (a NIP Asah does not know).
@Suite("Signing in through the agency's directory (LDAP)", .serialized,
       .disabled(if: Slapd.unavailable != nil, Comment(rawValue: Slapd.unavailable ?? "")))
struct DirectorySignInTests {
    static let budiPassword = "sandi-direktori-budi"
    static let sariNIP = "199002022015032002"

    /// Runs `body` with an Asah server whose sign-in asks a `slapd` holding budi and sari (kept
    /// running until `body` ends), that `slapd`, and budi's NIP.
    private func withWorld(directoryOnly: Bool = false, configure: (inout DirectorySettings) -> Void = { _ in },
                           _ body: (TestApp, Slapd, String) throws -> Void) throws {
        let nip = try Self.nip()
        let slapd = try Slapd(people: [
            Slapd.Person(uid: "budi", nip: nip, password: Self.budiPassword),
            Slapd.Person(uid: "sari", nip: Self.sariNIP, password: "sandi-direktori-sari"),
        ])
        var settings = Self.settings(url: slapd.url, directoryOnly: directoryOnly)
        configure(&settings)
        let app = try TestApp(directory: settings)
        try withExtendedLifetime(slapd) { try body(app, slapd, nip) }
    }

    /// The demo employee's NIP, read from a server without a directory (the LDIF needs it first).
    private static func nip() throws -> String {
        try TestApp().nip(of: "demo.pegawai")
    }

    static func settings(url: String, directoryOnly: Bool = false, timeout: Int = 10) -> DirectorySettings {
        var settings = DirectorySettings(url: url)
        settings.baseDN = "ou=people,\(Slapd.suffix)"
        settings.bindDN = Slapd.adminDN
        settings.bindPassword = Slapd.adminPassword
        settings.timeoutSeconds = timeout
        settings.directoryOnly = directoryOnly
        return settings
    }

    /// The answer to the login form for `login` and `password`, from a fresh visitor.
    private func attempt(_ app: TestApp, _ login: String, _ password: String) throws -> (RawHTTPResponse, Browser) {
        var browser = Browser(client: app.client)
        try browser.get("/login")
        let answer = try browser.post("/login", [("login", login), ("password", password), ("next", "/")])
        return (answer, browser)
    }

    @Test("the directory password signs a person in, by NIP or by directory user name, into the account with their NIP")
    func rightPassword() throws {
        try withWorld { app, _, nip throws in
            for login in [nip, "budi"] {
                var (answer, browser) = try attempt(app, login, Self.budiPassword)
                #expect(answer.status == 303, "signed in as \(login)")
                #expect(try browser.get("/").text.contains(nip), "the home is the account with the entry's NIP")
            }
            let audit = try app.database.pool.read { db in
                try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action = 'login' ORDER BY id")
            }
            #expect(audit.suffix(2) == ["directory", "directory"], "each sign-in is audited as one through the directory")
        }
    }

    @Test("a wrong directory password is refused, and so is the local Asah password of someone the directory knows")
    func wrongPassword() throws {
        try withWorld { app, _, nip throws in
            let (wrong, browser) = try attempt(app, nip, "bukan-sandinya")
            #expect(wrong.status == 401 && wrong.text.contains("kata sandi salah"))
            #expect(browser.jar["asah_session"] == nil)
            let (local, _) = try attempt(app, "demo.pegawai", TestApp.password)
            #expect(local.status == 401, "the directory decides for the people it knows")
        }
    }

    @Test("an unknown NIP and a filter typed as a name are refused; a directory person without an Asah account is told so")
    func unknownPeople() throws {
        try withWorld { app, _, _ throws in
            #expect(try attempt(app, "199912312020121001", Self.budiPassword).0.status == 401)
            #expect(try attempt(app, "*", Self.budiPassword).0.status == 401)
            #expect(try attempt(app, "budi)(uid=*", Self.budiPassword).0.status == 401)
            let (sari, _) = try attempt(app, "sari", "sandi-direktori-sari")
            #expect(sari.status == 401 && sari.text.contains("belum ada akun Asah untuk NIP Anda"))
        }
    }

    @Test("local accounts the directory does not know (the admin) still sign in with their Asah password")
    func localAdmin() throws {
        try withWorld { app, _, _ throws in
            #expect(try attempt(app, "demo.admin", TestApp.password).0.status == 303)
        }
    }

    @Test("a directory that is down or never answers gives a clear message, and the local admin still signs in")
    func directoryDown() throws {
        try withWorld { app, slapd, nip throws in
            slapd.stop()
            let (down, _) = try attempt(app, nip, Self.budiPassword)
            #expect(down.status == 503 && down.text.contains("tidak dapat dihubungi"))
            #expect(try attempt(app, "demo.admin", TestApp.password).0.status == 303)

            let silent = try SilentListener()
            let hanging = try TestApp(directory: Self.settings(url: "ldap://127.0.0.1:\(silent.port)", timeout: 1))
            let (waited, _) = try attempt(hanging, nip, Self.budiPassword)
            #expect(waited.status == 503 && waited.text.contains("tidak dapat dihubungi"), "the timeout ends the wait")
            #expect(try attempt(hanging, "demo.admin", TestApp.password).0.status == 303)
        }
    }

    @Test("directory-only: local passwords no longer sign anyone in, the directory's still do")
    func directoryOnly() throws {
        try withWorld(directoryOnly: true) { app, _, nip throws in
            #expect(try attempt(app, "demo.admin", TestApp.password).0.status == 401)
            #expect(try attempt(app, nip, Self.budiPassword).0.status == 303)
        }
    }

    @Test("the JSON API signs in through the directory too and names an unreachable directory")
    func api() throws {
        try withWorld { app, slapd, nip throws in
            let body = Array(#"{"login": "\#(nip)", "password": "\#(Self.budiPassword)"}"#.utf8)
            func post() throws -> RawHTTPResponse {
                try app.client.request("POST", "/api/v1/session", headers: [("Content-Type", "application/json")], body: body)
            }
            #expect(try post().status == 200)
            slapd.stop()
            let down = try post()
            #expect(down.status == 503 && down.text.contains("directory_unavailable"))
        }
    }

    @Test("the same person is throttled after repeated wrong directory passwords")
    func throttled() throws {
        try withWorld { app, _, nip throws in
            for _ in 0..<5 { _ = try attempt(app, nip, "bukan-sandinya") }
            #expect(try attempt(app, nip, Self.budiPassword).0.status == 429)
        }
    }

    @Test("binding straight to a DN template (no search account): the user name is escaped into the DN")
    func directDN() throws {
        try withWorld(configure: {
            $0.userDN = "uid={login},ou=people,\(Slapd.suffix)"
            $0.bindDN = ""
            $0.bindPassword = ""
        }) { app, _, _ throws in
            #expect(try attempt(app, "budi", Self.budiPassword).0.status == 303)
            #expect(try attempt(app, "budi,ou=people", Self.budiPassword).0.status == 401)
            #expect(try attempt(app, "budi", "bukan-sandinya").0.status == 401)
        }
    }
}
