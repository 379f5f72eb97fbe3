@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Pages")
struct PageTests {
    @Test("each role's dashboard shows what that role needs", arguments: [
        ("demo.pegawai", "Profil saya"), ("demo.atasan", "Tim saya"), ("demo.instruktur", "Instruktur"),
        ("demo.koordinator", "Ringkasan organisasi"), ("demo.admin", "Aktivitas terbaru"),
    ])
    func dashboards(login: String, heading: String) throws {
        let app = try TestApp()
        var browser = try app.signIn(login)
        let page = try browser.get("/")
        #expect(page.status == 200)
        #expect(page.text.contains(heading))
        #expect(page.header("Cache-Control") == "no-store")
    }

    @Test("a supervisor's home counts every direct report and names the first eight by name")
    func supervisorTeam() throws {
        let app = try TestApp()
        let atasan = try app.database.pool.write { db in
            let atasan = try Int64.fetchOne(db, sql: "SELECT employee_id FROM users WHERE login = 'demo.atasan'")!
            let unit = try Int64.fetchOne(db, sql: "SELECT unit_id FROM employees WHERE id = ?", arguments: [atasan])!
            for index in 1...10 {
                try db.execute(sql: "INSERT INTO employees (nip, name, unit_id, employment, supervisor_id) VALUES (?, ?, ?, 'pns', ?)",
                               arguments: [String(format: "1990010120150110%02d", index), String(format: "Anggota Tim %02d", index), unit, atasan])
            }
            return atasan
        }
        let names = try app.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM employees WHERE supervisor_id = ? AND active ORDER BY name COLLATE NOCASE, id",
                                arguments: [atasan])
        }
        var browser = try app.signIn("demo.atasan")
        let team = try #require(try browser.get("/").text.components(separatedBy: "id=\"my-team\"").dropFirst().first?
            .components(separatedBy: "</section>").first)
        #expect(team.contains("<span class=\"value\">\(names.count)</span>"))
        let shown = team.components(separatedBy: "<li><a href=\"/people/").dropFirst().compactMap { $0.split(separator: ">").dropFirst().first }
            .map { $0.split(separator: "<").first.map(String.init) ?? "" }
        #expect(shown == Array(names.prefix(8)))
    }

    @Test("dates are written the Indonesian way")
    func indonesianDates() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        let page = try browser.get("/")
        let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                      "November", "Desember"]
        #expect(months.contains { page.text.contains(" \($0) 19") || page.text.contains(" \($0) 20") })
    }

    @Test("the directory searches by name and pages through results")
    func directory() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.koordinator")
        let nip = try app.nip(of: "demo.pegawai")
        let found = try browser.get("/people?q=\(nip)")
        #expect(found.text.contains(nip))
        #expect(found.text.contains("1 pegawai ditemukan"))
        let none = try browser.get("/people?q=zzzzzz")
        #expect(none.text.contains("Tidak ada pegawai"))
    }

    @Test("the unit filter lists every unit, subunits indented, the chosen one selected, names escaped; a renamed unit shows at once")
    func unitFilter() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.koordinator")
        let (count, child, parent) = try app.database.pool.read { db -> (Int, Int64, Int64) in
            let row = try Row.fetchOne(db, sql: "SELECT id, parent_id FROM units WHERE parent_id IS NOT NULL LIMIT 1")!
            return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM units")!, row["id"], row["parent_id"])
        }
        _ = try browser.get("/people")
        try app.database.pool.write { try $0.execute(sql: "UPDATE units SET name = 'Bagian <Uji> & \"Coba\"' WHERE id = ?", arguments: [child]) }
        let page = try browser.get("/people?unit=\(child)")
        let select = try #require(page.text.components(separatedBy: "id=\"unit\"").last?.components(separatedBy: "</select>").first)
        #expect(select.components(separatedBy: "<option value=\"").count - 1 == count + 1, "every unit and \"all units\"")
        #expect(select.contains("<option value=\"\(child)\" selected>\u{2003}"))
        #expect(select.contains("\u{2003}Bagian &lt;Uji&gt; &amp; &quot;Coba&quot;</option>"), "indented, escaped, renamed")
        #expect(select.contains("<option value=\"\(parent)\">") && !select.contains("<Uji>"))
    }

    @Test("unknown pages get a friendly 404 and wrong methods a 405 with Allow")
    func notFoundAndMethod() throws {
        let app = try TestApp()
        let missing = try app.client.get("/tidak-ada")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Halaman tidak ditemukan"))
        let wrong = try app.client.request("PUT", "/login")
        #expect(wrong.status == 405)
        #expect(wrong.header("Allow")?.contains("POST") == true)
    }

    @Test("broken percent-encoding or invalid UTF-8 in a form gets a clear 400")
    func brokenForms() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        for body in ["name=%ZZ", "name=%C3%28"] {
            let answer = try browser.request("POST", "/account/tokens", headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("X-CSRF-Token", browser.csrf),
            ], body: Array(body.utf8))
            #expect(answer.status == 400)
            #expect(answer.text.contains("rusak"))
        }
        #expect(try browser.get("/").status == 200)
    }

    @Test("HTML typed into a text field is shown as text, never run")
    func escapedOutput() throws {
        let app = try TestApp()
        var admin = try app.signIn("demo.admin")
        let payload = "<script>alert('x')</script><img src=x onerror=alert(1)>"
        let added = try admin.post("/admin/users", [("login", "uji.xss"), ("name", payload), ("password", "kata-sandi-panjang-1")])
        #expect(added.status == 200)
        #expect(!added.text.contains(payload))
        #expect(added.text.contains("&lt;script&gt;"))
        let token = try admin.post("/account/tokens", [("name", payload)])
        #expect(!token.text.contains("<img src=x"))
    }

    @Test("a request body over the limit gets 413")
    func oversizedBody() throws {
        let app = try TestApp { $0.maxBodyBytes = 10_000 }
        let answer = try app.client.request("POST", "/login", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                            body: [UInt8](repeating: UInt8(ascii: "a"), count: 20_000))
        #expect(answer.status == 413)
    }

    @Test("a repeated page shows a change as soon as it is written, and never another person's page")
    func pageCacheFollowsWrites() throws {
        let app = try TestApp()
        let nip = try app.nip(of: "demo.pegawai")
        var coordinator = try app.signIn("demo.koordinator")
        let before = try coordinator.get("/people/\(nip)")
        #expect(before.status == 200)
        #expect(try coordinator.get("/people/\(nip)").text == before.text)
        try app.database.pool.write {
            try $0.execute(sql: "UPDATE employees SET jabatan = 'Pranata Komputer Ahli Pertama' WHERE nip = ?", arguments: [nip])
        }
        #expect(try coordinator.get("/people/\(nip)").text.contains("Pranata Komputer Ahli Pertama"))
        var employee = try app.signIn("demo.pegawai")
        let own = try employee.get("/")
        #expect(!own.text.contains("Ringkasan organisasi"))
        #expect(try coordinator.get("/").text.contains("Ringkasan organisasi"))
    }

    @Test("unread notifications are counted in the menu, and the count goes when they are read")
    func unreadCount() throws {
        let app = try TestApp()
        let unread = try app.database.pool.write { db -> Int in
            try db.execute(sql: """
                INSERT INTO notifications (employee_id, kind, message, created_at)
                SELECT employee_id, 'approval_asked', 'Uji', 0 FROM users WHERE login = 'demo.pegawai'
                """)
            return try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM notifications n JOIN users u ON u.employee_id = n.employee_id
                WHERE u.login = 'demo.pegawai' AND n.read_at IS NULL
                """)!
        }
        var browser = try app.signIn("demo.pegawai")
        let page = try browser.get("/")
        #expect(page.text.contains("class=\"nav-count\" aria-label=\"\(unread) belum dibaca\">\(unread)</span>"))
        try browser.get("/notifications")
        #expect(try browser.post("/notifications/read", []).status == 303)
        #expect(!(try browser.get("/").text.contains("nav-count")))
    }

    @Test("opening a notification marks it read and leads to its page; the list is newest first and paged; keys never show")
    func notificationsOpenAndPage() throws {
        let app = try TestApp()
        let employee = try app.database.pool.write { db -> Int64 in
            let employee = try Int64.fetchOne(db, sql: "SELECT employee_id FROM users WHERE login = 'demo.pegawai'")!
            try db.execute(sql: "DELETE FROM notifications WHERE employee_id = ?", arguments: [employee])
            for index in 1...35 {
                try db.execute(sql: """
                    INSERT INTO notifications (employee_id, kind, message, link, created_at) VALUES (?, ?, ?, '/my/trainings', ?)
                    """, arguments: [employee, index == 35 ? "behaviour_check_due" : "approved", "Pemberitahuan nomor \(index).",
                                     1_790_000_000 + (index % 2 == 0 ? index : 100 - index) * 60])
            }
            return employee
        }
        var browser = try app.signIn("demo.pegawai")
        let first = try browser.get("/notifications").text
        #expect(!first.contains("notification_kind_"), "every kind has a label")
        #expect(first.contains("Evaluasi perilaku"))
        let order = first.matches(of: /Pemberitahuan nomor (\d+)\./).map { Int($0.1)! }
        let times = order.map { 1_790_000_000 + ($0 % 2 == 0 ? $0 : 100 - $0) * 60 }
        #expect(order.count == 30 && times == times.sorted(by: >), "newest first, 30 on a page")
        #expect(first.contains("/notifications?page=2"))
        #expect(try browser.get("/notifications?page=2").text.matches(of: /Pemberitahuan nomor/).count == 5)
        let id = try app.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM notifications WHERE employee_id = ? AND message = 'Pemberitahuan nomor 7.'",
                               arguments: [employee])!
        }
        #expect(first.contains("href=\"/notifications/\(id)/open\""))
        let opened = try browser.get("/notifications/\(id)/open")
        #expect(opened.status == 303 && opened.header("Location") == "/my/trainings")
        let read = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT read_at FROM notifications WHERE id = ?", arguments: [id]) }
        #expect(read != nil && read! % 3600 == 0, "marked read, to the hour")
        var other = try app.signIn("demo.atasan")
        #expect(try other.get("/notifications/\(id)/open").status == 404, "nobody opens another's notification")
    }

    @Test("a page's own count never shows in the menu (the catalogue's, the gallery's, the overdue checks')")
    func menuWithoutPageCounts() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        for path in ["/courses", "/gallery", "/evaluation/overdue"] {
            let page = try coordinator.get(path)
            #expect(page.status == 200, "\(path)")
            let menu = try #require(page.text.firstMatch(of: /<nav aria-label="[^"]*" class="main-nav">[\s\S]*?<\/nav>/)).output
            #expect(menu.matches(of: /class="nav-count"/).count <= 1, "\(path): only the notifications entry may carry a count")
        }
    }

    @Test("the account list pages through every account instead of stopping at 200; the audit log's first page links nowhere before it")
    func adminPaging() throws {
        let app = try TestApp()
        let total = try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM users")! }
        #expect(total > 200)
        var admin = try app.signIn("demo.admin")
        var seen = Set<String>()
        var page = 1
        while page < 20 {
            let text = try admin.get("/admin/users?page=\(page)").text
            let logins = text.matches(of: /action="\/admin\/users\/(\d+)\/roles"/).map { String($0.1) }
            seen.formUnion(logins)
            guard text.contains("/admin/users?q=&amp;page=\(page + 1)") || text.contains("/admin/users?q=&page=\(page + 1)") else { break }
            page += 1
        }
        #expect(seen.count == total, "every account is reachable")
        #expect(try admin.get("/admin/users").text.contains("\(total) akun"))
        let audit = try admin.get("/admin/audit").text
        #expect(!audit.contains("page=0"))
        #expect(audit.contains("/admin/audit?page=2") == (try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log")! } > 100))
    }

    @Test("the health check answers when the database does")
    func health() throws {
        let app = try TestApp()
        let answer = try app.client.get("/healthz")
        #expect(answer.status == 200)
        #expect(answer.text == "ok")
    }

    @Test("an admin resets a password: the old one stops working, the new one works")
    func passwordReset() throws {
        let app = try TestApp()
        var admin = try app.signIn("demo.admin")
        let id = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE login = 'demo.pegawai'")! }
        #expect(try admin.post("/admin/users/\(id)/password", [("password", "sandi-baru-yang-panjang")]).status == 200)
        #expect(throws: Browser.SignInFailed.self) { try app.signIn("demo.pegawai") }
        _ = try app.signIn("demo.pegawai", password: "sandi-baru-yang-panjang")
    }

    @Test("changing one's own password needs the current one and keeps this session")
    func passwordChange() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        try browser.get("/account")
        let wrong = try browser.post("/account/password", [("current_password", "salah-salah-salah"),
                                                          ("new_password", "sandi-baru-1234"), ("confirm_password", "sandi-baru-1234")])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("Kata sandi saat ini salah"))
        let short = try browser.post("/account/password", [("current_password", TestApp.password),
                                                          ("new_password", "pendek"), ("confirm_password", "pendek")])
        #expect(short.text.contains("minimal 10 karakter"))
        let ok = try browser.post("/account/password", [("current_password", TestApp.password),
                                                       ("new_password", "sandi-baru-1234"), ("confirm_password", "sandi-baru-1234")])
        #expect(ok.status == 200)
        #expect(try browser.get("/").status == 200)
    }
}
