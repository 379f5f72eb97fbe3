@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Switching Asah on for a whole unit: accounts in bulk and activation codes")
struct ActivationTests {
    /// A unit without sub-units with a few active employees who have no account yet, and how
    /// many of its employees will get a code (those and any accounts never activated).
    private func smallUnit(_ app: TestApp) throws -> (id: Int64, count: Int) {
        try app.database.pool.read { db in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT e.unit_id, COUNT(*) AS n FROM employees e LEFT JOIN users u ON u.employee_id = e.id
                WHERE e.active AND (u.id IS NULL OR (u.active AND u.password_hash IS NULL))
                  AND NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = e.unit_id)
                GROUP BY e.unit_id HAVING n BETWEEN 2 AND 40 ORDER BY n LIMIT 1
                """))
            return (row["unit_id"], row["n"])
        }
    }

    @Test("an admin makes a unit's accounts and prints their codes; an employee activates with NIP and code and is signed in")
    func wholeFlow() throws {
        let app = try TestApp()
        let unit = try smallUnit(app)
        var admin = try app.signIn("demo.admin")
        let page = try admin.get("/admin/activation")
        #expect(page.status == 200 && page.text.contains("belum punya akun"))
        let letters = try admin.post("/admin/activation", [("unit", String(unit.id)), ("create_accounts", "on"), ("format", "letters")])
        #expect(letters.status == 200)
        #expect(letters.header("Cache-Control") == "no-store")
        let codes = letters.text.matches(of: /<strong class="activation-code">([A-Z0-9]{5}-[A-Z0-9]{5})<\/strong>/).map { String($0.1) }
        let nips = letters.text.matches(of: /<dt>NIP<\/dt><dd>(\d{18})<\/dd>/).map { String($0.1) }
        #expect(codes.count == unit.count && nips.count == unit.count, "one letter per employee without an account")

        var employee = Browser(client: app.client)
        #expect(try employee.get("/login").text.contains("href=\"/activate\""))
        try employee.get("/activate")
        let wrong = try employee.post("/activate", [("nip", nips[0]), ("code", "AAAAA-AAAAA"), ("password", "tiga kata acak"),
                                                    ("password_repeat", "tiga kata acak")])
        #expect(wrong.status == 422 && wrong.text.contains("tidak cocok"))
        #expect(wrong.text.contains("value=\"\(nips[0])\""), "the NIP typed stays")
        let mismatch = try employee.post("/activate", [("nip", nips[0]), ("code", codes[0]), ("password", "tiga kata acak"),
                                                       ("password_repeat", "tiga kata lain")])
        #expect(mismatch.status == 422)
        let done = try employee.post("/activate", [("nip", nips[0]), ("code", codes[0].lowercased()), ("password", "tiga kata acak"),
                                                   ("password_repeat", "tiga kata acak")])
        #expect(done.status == 303 && done.header("Location") == "/")
        #expect(try employee.get("/").status == 200, "signed in at once")
        var again = Browser(client: app.client)
        try again.get("/activate")
        #expect(try again.post("/activate", [("nip", nips[0]), ("code", codes[0]), ("password", "lain kata acak"),
                                             ("password_repeat", "lain kata acak")]).status == 422, "a code works once")
        var later = Browser(client: app.client)
        try later.signIn(nips[0], password: "tiga kata acak")

        let csv = try admin.post("/admin/activation", [("unit", String(unit.id)), ("format", "csv")])
        #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
        let rows = csv.text.split(separator: "\n")
        #expect(rows.first == "nip,nama,kode_unit,unit,login,kode_aktivasi,berlaku_sampai,alamat")
        #expect(rows.count == unit.count, "the others get new codes; the activated one none")
        #expect(!csv.text.contains(nips[0]))
        var old = Browser(client: app.client)
        try old.get("/activate")
        #expect(try old.post("/activate", [("nip", nips[1]), ("code", codes[1]), ("password", "tiga kata acak"),
                                           ("password_repeat", "tiga kata acak")]).status == 422, "printing again replaces the codes")
    }

    @Test("one account's code is made again from the account list; an active account gets none")
    func reissueOne() throws {
        let app = try TestApp()
        let unit = try smallUnit(app)
        _ = try AccountActivation(database: app.database).createAccounts(unitId: unit.id, actor: nil, ip: nil)
        let waiting = try app.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE password_hash IS NULL AND employee_id IS NOT NULL ORDER BY id LIMIT 1")!
        }
        var admin = try app.signIn("demo.admin")
        try admin.get("/admin/users")
        let letter = try admin.post("/admin/users/\(waiting)/activation", [])
        #expect(letter.status == 200 && letter.text.contains("activation-code"))
        let active = try app.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE login = 'demo.pegawai'")!
        }
        let refused = try admin.post("/admin/users/\(active)/activation", [])
        #expect(refused.status == 303)
        #expect(try admin.get(refused.header("Location") ?? "/").text.contains("sudah aktif"))
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/admin/activation").status == 403)
    }
}
