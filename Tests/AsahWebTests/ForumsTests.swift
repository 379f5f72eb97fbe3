@testable import AsahCore
@testable import AsahWeb
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Forums over HTTP")
struct ForumsTests {
    @Test("parallel PUT and DELETE of supports by the same people: the count always equals the distinct supporters")
    func parallelSupports() throws {
        let app = try TestApp()
        let people = try ForumCaller.employees(app, 24)
        let author = people[0]
        let thread = try author.openThread(category: app.forumCategory("pelatihan"), title: "Pelatihan analisis data untuk perencana",
                                           body: "Mohon pelatihan analisis data dasar.")
        // Everyone supports four times at once; a third of them also withdraw once in between.
        let attempts = (0..<4).flatMap { round in people.enumerated().map { (round, $0.offset, $0.element) } }
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 12) { worker in
            for index in stride(from: worker, to: attempts.count, by: 12) {
                let (round, number, person) = attempts[index]
                let method = round == 1 && number % 3 == 0 ? "DELETE" : "PUT"
                statuses.add((try? person.call(method, "/api/v1/suggestions/\(thread)/support").status) ?? 0)
            }
        }
        #expect(statuses.count(where: { $0 != 200 }) == 0)
        // Settle: everyone supports once more, sequentially, so the expected total is known.
        for person in people { try person.call("PUT", "/api/v1/suggestions/\(thread)/support") }
        let (count, rows) = try app.database.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT support_count FROM forum_threads WHERE id = ?", arguments: [thread])!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM forum_supports WHERE thread_id = ?", arguments: [thread])!)
        }
        #expect(rows == people.count)
        #expect(count == people.count)
        let again = try people[1].call("PUT", "/api/v1/suggestions/\(thread)/support")
        #expect(again.text.contains("\"support_count\":\(people.count)"), "a repeated support is not counted")
        let withdrawn = try people[1].call("DELETE", "/api/v1/suggestions/\(thread)/support")
        #expect(withdrawn.text.contains("\"support_count\":\(people.count - 1)"))
    }

    @Test("nothing about a pseudonymous author shows in pages, API answers, search, notifications or the audit log")
    func pseudonymity() throws {
        let app = try TestApp()
        let people = try ForumCaller.employees(app, 4)
        let (author, supporter, flaggers) = (people[0], people[1], Array(people[1...3]))
        let secrets = try app.database.pool.read { db -> [String] in
            let row = try Row.fetchOne(db, sql: """
                SELECT u.login, u.display_name, e.nip, e.name, un.name AS unit, e.golongan FROM users u
                JOIN employees e ON e.id = u.employee_id LEFT JOIN units un ON un.id = e.unit_id WHERE u.id = ?
                """, arguments: [author.userId])!
            return ["login", "display_name", "nip", "name", "unit"].compactMap { row[$0] as String? }
        }
        let thread = try author.openThread(category: app.forumCategory("penilaian-kinerja"),
                                           title: "Penilai kinerja wajib menjelaskan nilai di bawah ekspektasi",
                                           body: "Nilai di bawah ekspektasi diberikan tanpa penjelasan tertulis.", pseudonymous: true)
        try supporter.call("PUT", "/api/v1/suggestions/\(thread)/support")
        let postId = try app.openingPost(of: thread)
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/forums/threads/\(thread)")
        #expect(try coordinator.post("/forums/threads/\(thread)/status",
                                     [("status", "ditinjau"), ("reason", "Akan dibahas bersama tim penilai.")]).status == 303)
        try coordinator.post("/forums/threads/\(thread)/reply", [("body", "Terima kasih, kami tindak lanjuti."), ("official", "on")])
        // Three people flag it: the post goes to the moderator's queue.
        let forums = try Forums(database: app.database)
        for flagger in flaggers {
            let principal = try app.database.pool.read { try Principal.load(userId: flagger.userId, in: $0)! }
            _ = try forums.flag(postId, reason: "Uji laporan", by: principal).get()
        }

        var pages: [(String, String)] = []
        for path in ["/forums", "/forums/threads/\(thread)", "/forums/board", "/forums/search?q=penilai+kinerja",
                     "/forums/categories/\(try app.forumCategory("penilaian-kinerja"))", "/forums/queue", "/forums/board?agenda=1"] {
            let page = try coordinator.get(path)
            #expect(page.status == 200, "\(path)")
            pages.append((path, page.text))
        }
        for path in ["/api/v1/threads/\(thread)", "/api/v1/search?q=penilai", "/api/v1/suggestions", "/api/v1/threads",
                     "/api/v1/suggestions/similar?title=penilai+kinerja"] {
            let answer = try supporter.call("GET", path)
            #expect(answer.status == 200, "\(path)")
            pages.append((path, answer.text))
            #expect(!answer.text.contains("author_user_id") && !answer.text.contains("\"user_id\""), "\(path)")
        }
        let queue = try ForumCaller.login(app, "demo.koordinator").call("GET", "/api/v1/forums/queue")
        #expect(queue.status == 200)
        #expect(queue.text.contains("Pegawai #1"))
        pages.append(("/api/v1/forums/queue", queue.text))
        #expect(try supporter.call("GET", "/api/v1/forums/queue").status == 403)
        let mine = try author.call("GET", "/api/v1/forums/mine").text
        #expect(mine.contains("Penilai kinerja wajib menjelaskan") && mine.contains("Pegawai #1"), "the author finds their own post")
        #expect(!(try supporter.call("GET", "/api/v1/forums/mine").text.contains("\"Pegawai #1\"")))
        // The forum's audit entries and notifications (the account's earlier training activity aside).
        let (audit, notifications) = try app.database.pool.read { db in
            (try AuditLog.recent(limit: 1000, in: db).filter { $0.action.hasPrefix("forum.") }
                .map { [$0.action, $0.actorLogin ?? "", $0.subject ?? "", $0.detail ?? ""].joined(separator: " ") },
             try String.fetchAll(db, sql: "SELECT message FROM notifications WHERE kind LIKE 'forum_%'"))
        }
        #expect(!audit.isEmpty && !notifications.isEmpty)
        pages.append(("audit", audit.joined(separator: "\n")))
        pages.append(("notifications", notifications.joined(separator: "\n")))
        for (path, text) in pages {
            for secret in secrets {
                #expect(!text.contains(secret), "\(path) shows \(secret)")
            }
        }
        #expect(pages[1].1.contains("Pegawai #1"))
        let authorEmployee = try #require(author.employeeId)
        let namedToAuthor = try app.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notifications WHERE employee_id = ? AND link LIKE ?",
                             arguments: [authorEmployee, "/forums/threads/\(thread)%"])
        }
        #expect(namedToAuthor == 0, "no forum notice names the pseudonymous author in the database")
        let listed = try author.call("GET", "/api/v1/notifications").text
        #expect(listed.contains("kini berstatus Ditinjau"), "the pseudonymous author is still notified")
        #expect(listed.contains("Jawaban resmi") && listed.contains("\"id\":-"), "and reads it, under a pseudonym notice id")

        let revealed = try forums.reveal(postId: postId, reason: "Uji pembukaan nama samaran", adminLogin: "demo.admin",
                                         password: TestApp.password).get()
        #expect(revealed.login == author.login)
        var admin = try app.signIn("demo.admin")
        #expect(try admin.get("/admin/audit").text.contains("forum.pseudonym.reveal"))
    }

    @Test("following or unfollowing a thread that does not exist gets 404 (it was a 500: the route fuzzer found it)")
    func followMissingThread() throws {
        let app = try TestApp()
        var employee = try app.signIn("demo.pegawai")
        _ = try employee.get("/forums")
        #expect(try employee.post("/forums/threads/999999/follow", []).status == 404)
        #expect(try employee.post("/forums/threads/999999/unfollow", []).status == 404)
    }

    @Test("the edit form opens only for the author's own visible post: others and hidden posts get 404")
    func editFormOwnPostOnly() throws {
        let app = try TestApp()
        let people = try ForumCaller.employees(app, 2)
        let thread = try people[0].openThread(category: app.forumCategory("pelatihan"), title: "Ruang laktasi di kantor kecamatan",
                                              body: "Isi rahasia yang belum siap dibaca orang lain.", pseudonymous: true)
        let post = try app.openingPost(of: thread)
        let path = "/forums/threads/\(thread)/posts/\(post)/edit"
        let author = try people[0].call("GET", path)
        #expect(author.status == 200)
        #expect(author.text.contains("Isi rahasia"))
        let stranger = try people[1].call("GET", path)
        #expect(stranger.status == 404)
        #expect(!stranger.text.contains("Isi rahasia"))
        try app.database.pool.write { try $0.execute(sql: "UPDATE forum_posts SET hidden = 1 WHERE id = ?", arguments: [post]) }
        #expect(try people[0].call("GET", path).status == 404)
    }

    @Test("the API flags posts, lets authors edit and coordinators change a status with a reason")
    func apiModeration() throws {
        let app = try TestApp()
        let people = try ForumCaller.employees(app, 4)
        let thread = try people[0].openThread(category: app.forumCategory("pelayanan-publik"), title: "Tempat parkir sepeda di MPP",
                                              body: "Mohon disediakan parkir sepeda.")
        let postId = try app.openingPost(of: thread)
        #expect(try people[1].call("POST", "/api/v1/posts/\(postId)/flags", #"{"reason":" "}"#).status == 422)
        #expect(try people[1].call("POST", "/api/v1/posts/\(postId)/flags", #"{"reason":"Iklan"}"#).text.contains("\"queued\":false"))
        #expect(try people[1].call("POST", "/api/v1/posts/\(postId)/flags", #"{"reason":"Iklan"}"#).status == 409)
        try people[2].call("POST", "/api/v1/posts/\(postId)/flags", #"{"reason":"Iklan"}"#)
        #expect(try people[3].call("POST", "/api/v1/posts/\(postId)/flags", #"{"reason":"Iklan"}"#).text.contains("\"queued\":true"))
        #expect(try people[1].call("POST", "/api/v1/suggestions/\(thread)/status", #"{"status":"diterima","reason":"Ya"}"#).status == 403)
        let coordinator = try ForumCaller.login(app, "demo.koordinator")
        #expect(try coordinator.call("POST", "/api/v1/suggestions/\(thread)/status", #"{"status":"diterima","reason":""}"#).status == 422)
        #expect(try people[1].call("PUT", "/api/v1/posts/\(postId)", #"{"body":"Diubah orang lain"}"#).status == 404,
                "only the author edits")
        let edited = try people[0].call("PUT", "/api/v1/posts/\(postId)", #"{"body":"Mohon disediakan parkir sepeda beratap."}"#)
        #expect(edited.status == 200)
        #expect(edited.text.contains("beratap") && edited.text.contains("\"edited_at\""))
        let changed = try coordinator.call("POST", "/api/v1/suggestions/\(thread)/status",
                                           #"{"status":"diterima","reason":"Disediakan bulan depan."}"#)
        #expect(changed.status == 200)
        #expect(changed.text.contains("\"reason\":\"Disediakan bulan depan.\""))
    }

    @Test("the sixth post in ten minutes is refused with 429, a wait time and a clear message")
    func rateLimit() throws {
        let app = try TestApp()
        let person = try ForumCaller.employees(app, 1)[0]
        let thread = try person.openThread(category: app.forumCategory("umum"), title: "Jadwal senam pagi di kantor bupati",
                                           body: "Siapa yang ikut?", kind: "discussion")
        for number in 1...4 {
            #expect(try person.call("POST", "/api/v1/threads/\(thread)/posts", #"{"body":"Tambahan \#(number)"}"#).status == 201)
        }
        let refused = try person.call("POST", "/api/v1/threads/\(thread)/posts", #"{"body":"Satu lagi"}"#)
        #expect(refused.status == 429)
        #expect(refused.header("Retry-After") != nil)
        #expect(refused.text.contains("terlalu banyak tulisan"))
    }

    @Test("moderation over the pages: a reason is required, nobody moderates their own post, employees cannot moderate")
    func moderation() throws {
        let app = try TestApp()
        let person = try ForumCaller.employees(app, 1)[0]
        let thread = try person.openThread(category: app.forumCategory("pelayanan-publik"), title: "Loket khusus lansia di MPP",
                                           body: "Warga lansia perlu loket khusus.")
        let postId = try app.openingPost(of: thread)
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/forums/threads/\(thread)")
        #expect(try employee.post("/forums/threads/\(thread)/posts/\(postId)/hide", [("reason", "Uji")]).status == 403)
        #expect(try employee.post("/forums/threads/\(thread)/status", [("status", "diterima"), ("reason", "Uji")]).status == 403)
        let flagged = try employee.post("/forums/threads/\(thread)/posts/\(postId)/flag", [("reason", "Di luar topik")])
        #expect(flagged.status == 303)
        #expect(try !app.database.pool.read { try Bool.fetchOne($0, sql: "SELECT hidden FROM forum_posts WHERE id = ?", arguments: [postId])! },
                "one flag never hides")

        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/forums/threads/\(thread)")
        let noReason = try coordinator.post("/forums/threads/\(thread)/posts/\(postId)/hide", [("reason", "  ")])
        #expect(noReason.status == 422)
        #expect(noReason.text.contains("Alasan wajib diisi."))
        #expect(try coordinator.post("/forums/threads/\(thread)/posts/\(postId)/hide",
                                     [("reason", "Berisi data pribadi warga.")]).status == 303)
        let page = try employee.get("/forums/threads/\(thread)").text
        #expect(page.contains("Berisi data pribadi warga."), "everyone sees the reason")
        #expect(!page.contains("Warga lansia perlu loket khusus."), "the text is hidden from others")

        try coordinator.post("/forums/threads/\(thread)/reply", [("body", "Tanggapan koordinator.")])
        let own = try app.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM forum_posts WHERE thread_id = ? ORDER BY id DESC LIMIT 1", arguments: [thread])!
        }
        let selfModeration = try coordinator.post("/forums/threads/\(thread)/posts/\(own)/hide", [("reason", "Uji")])
        #expect(selfModeration.status == 403)
        #expect(selfModeration.text.contains("tulisan Anda sendiri"))
    }

    @Test("a post's report and moderation forms open for the post chosen; a refused one comes back open with the reason typed")
    func postActionForms() throws {
        let app = try TestApp()
        let person = try ForumCaller.employees(app, 1)[0]
        let thread = try person.openThread(category: app.forumCategory("pelayanan-publik"), title: "Antrean loket pajak kendaraan",
                                           body: "Antrean terlalu panjang setiap pagi.")
        let postId = try app.openingPost(of: thread)
        let flagAction = "action=\"/forums/threads/\(thread)/posts/\(postId)/flag\""
        let hideAction = "action=\"/forums/threads/\(thread)/posts/\(postId)/hide\""
        var coordinator = try app.signIn("demo.koordinator")
        let plain = try coordinator.get("/forums/threads/\(thread)").text
        #expect(!plain.contains(flagAction) && !plain.contains(hideAction), "no forms under the posts until asked")
        #expect(plain.contains("href=\"/forums/threads/\(thread)?act=1#flag-1\"") && plain.contains("?act=1#moderate-1\""))
        let open = try coordinator.get("/forums/threads/\(thread)?act=1").text
        #expect(open.contains(flagAction) && open.contains(hideAction))
        #expect(try coordinator.post("/forums/threads/\(thread)/posts/\(postId)/flag", [("reason", "Perlu ditinjau")]).status == 303)
        let again = try coordinator.post("/forums/threads/\(thread)/posts/\(postId)/flag", [("reason", "Kedua kali <ya>")])
        #expect(again.status >= 400 && again.text.contains(flagAction))
        #expect(again.text.contains("value=\"Kedua kali &lt;ya&gt;\""), "the reason comes back in the open form")
        let noReason = try coordinator.post("/forums/threads/\(thread)/posts/\(postId)/hide", [("reason", " ")])
        #expect(noReason.status == 422 && noReason.text.contains(hideAction) && noReason.text.contains("id=\"moderate-1\""))
    }

    @Test("a status change with a reason shows on the thread and in the followers' notifications")
    func statusChange() throws {
        let app = try TestApp()
        let people = try ForumCaller.employees(app, 2)
        let thread = try people[0].openThread(category: app.forumCategory("pelatihan"), title: "Kelas bahasa Inggris untuk staf protokol",
                                              body: "Staf protokol sering menerima tamu asing.")
        try people[1].call("PUT", "/api/v1/suggestions/\(thread)/support")
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/forums/threads/\(thread)")
        let missing = try coordinator.post("/forums/threads/\(thread)/status", [("status", "ditolak"), ("reason", "")])
        #expect(missing.status == 422)
        #expect(try coordinator.post("/forums/threads/\(thread)/status",
                                     [("status", "ditolak"), ("reason", "Sudah ada kursus daring dari LAN.")]).status == 303)
        let page = try coordinator.get("/forums/threads/\(thread)").text
        #expect(page.contains("Sudah ada kursus daring dari LAN."))
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/forums/threads/\(thread)")
        try employee.post("/forums/threads/\(thread)/follow", [])
        try coordinator.post("/forums/threads/\(thread)/reply", [("body", "Tautan kursus LAN ada di katalog."), ("official", "on")])
        let inbox = try employee.get("/notifications").text
        #expect(inbox.contains("Jawaban resmi untuk «Kelas bahasa Inggris untuk staf protokol» sudah terbit."))
        #expect(!inbox.contains("notification_kind_"), "forum notifications have a label")
        for person in people {
            let notes = try person.call("GET", "/api/v1/notifications").text
            #expect(notes.contains("kini berstatus Ditolak: Sudah ada kursus daring dari LAN."), "\(person.login)")
        }
    }

    @Test("posted HTML and script come back as text in the thread page and the API")
    func safeText() throws {
        let app = try TestApp()
        let person = try ForumCaller.employees(app, 1)[0]
        let thread = try person.openThread(category: app.forumCategory("umum"), title: "Uji <script>alert(1)</script> judul",
                                           body: "<img src=x onerror=alert(1)> [klik](javascript:alert(1)) <script>alert(2)</script>",
                                           kind: "discussion")
        var browser = try app.signIn("demo.pegawai")
        let page = try browser.get("/forums/threads/\(thread)").text
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("href=\"javascript:"))
        #expect(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        let api = try JSONSerialization.jsonObject(with: Data(person.call("GET", "/api/v1/threads/\(thread)").body)) as? [String: Any]
        let html = (api?["posts"] as? [[String: Any]])?.first?["html"] as? String
        #expect(html == "<p>&lt;img src=x onerror=alert(1)&gt; klik &lt;script&gt;alert(2)&lt;/script&gt;</p>",
                "the API's html is the same safe rendering; titles are plain text for the client to escape")
    }
}

/// Answer statuses collected from many threads.
private final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []

    func add(_ status: Int) { lock.withLock { values.append(status) } }

    func count(where predicate: (Int) -> Bool) -> Int { lock.withLock { values.filter(predicate).count } }
}

@Suite("Forum pages over the demo data")
struct ForumPagesTests {
    @Test("the board filters by status and overdue, the agenda lists suggestions over the threshold")
    func board() throws {
        let app = try TestApp()
        var employee = try app.signIn("demo.pegawai")
        let overdue = try employee.get("/forums/board?overdue=1").text
        #expect(overdue.contains("Potongan TPP karena terlambat absen saat dinas luar"))
        #expect(overdue.contains("forum-overdue"))
        #expect(!overdue.contains("Ruang laktasi di setiap kantor pelayanan"))
        let agenda = try employee.get("/forums/board?agenda=1").text
        #expect(agenda.contains("Kalibrasi nilai SKP antarunit kerja"))
        #expect(!agenda.contains("TPP dibayar paling lambat tanggal 5"), "decided suggestions leave the agenda")
        let rejected = try employee.get("/forums/board?status=ditolak").text
        #expect(rejected.contains("Jadwal diklat diumumkan tiga bulan sebelumnya"))
        #expect(!rejected.contains("Antrean daring untuk layanan Dukcapil"))
        let api = try employee.get("/api/v1/suggestions?status=duplikat", headers: [("Accept", "application/json")]).text
        #expect(api.contains("Diklat naskah dinas elektronik untuk operator"))
    }

    @Test("the author finds their pseudonymous suggestion under My posts; nobody else sees it there")
    func mine() throws {
        let app = try TestApp()
        var author = try app.signIn("demo.pegawai")
        let mine = try author.get("/forums/mine").text
        #expect(mine.contains("Transparansi penilaian perilaku kerja"))
        #expect(mine.contains("Pegawai #1"))
        var other = try app.signIn("demo.atasan")
        #expect(!(try other.get("/forums/mine").text.contains("Transparansi penilaian perilaku kerja")))
    }

    @Test("in a thread where the viewer wrote under a pseudonym, the reply form keeps it ticked and warns; others start unticked")
    func replyKeepsPseudonym() throws {
        let app = try TestApp()
        let threadId = try app.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM forum_threads WHERE title LIKE 'Transparansi penilaian perilaku kerja%'")!
        }
        var author = try app.signIn("demo.pegawai")
        let page = try author.get("/forums/threads/\(threadId)").text
        #expect(page.contains(#"<input type="checkbox" name="pseudonymous" checked>"#))
        #expect(page.contains("Anda menulis di topik ini sebagai Pegawai #1"))
        var other = try app.signIn("demo.atasan")
        let seen = try other.get("/forums/threads/\(threadId)").text
        #expect(seen.contains(#"<input type="checkbox" name="pseudonymous" >"#))
        #expect(!seen.contains("Anda menulis di topik ini sebagai"))
    }

    @Test("search shows how many results and snippets without Markdown marks; English counts are singular for one")
    func searchCountAndPlainSnippets() throws {
        let app = try TestApp()
        let author = try ForumCaller.employees(app, 1)[0]
        _ = try author.openThread(category: app.forumCategory("pelatihan"), title: "Pelatihan kearsipan digital",
                                           body: "Mohon **pelatihan** _kearsipan_ digital: [panduan ANRI](https://anri.go.id) ada.")
        var employee = try app.signIn("demo.pegawai")
        let page = try employee.get("/forums/search?q=kearsipan").text
        #expect(page.contains("1 hasil"))
        #expect(page.contains("<mark>kearsipan</mark>"))
        #expect(!page.contains("**") && !page.contains("](https") && !page.contains("_<mark>"), "no Markdown marks in snippets")
        #expect(try employee.post("/language", [("lang", "en"), ("next", "/")]).status == 303)
        let english = try employee.get("/forums/categories/\(try app.forumCategory("pelatihan"))").text
        #expect(english.contains("1 post") && !english.contains("1 posts"))
    }

    @Test("a search's hits, rendered once for everyone who asks the same, show a new post at once and each reader's language")
    func sharedSearchStaysTrue() throws {
        let app = try TestApp()
        let author = try ForumCaller.employees(app, 1)[0]
        let thread = try author.openThread(category: app.forumCategory("pelatihan"), title: "Pelatihan kearsipan digital",
                                           body: "Mohon pelatihan kearsipan digital.")
        var reader = try app.signIn("demo.pegawai"), other = try app.signIn("demo.atasan")
        #expect(try reader.get("/forums/search?q=kearsipan").text.contains("1 hasil"))
        #expect(try other.get("/forums/search?q=kearsipan").text.contains(">Baru</span>"))

        #expect(try author.call("POST", "/api/v1/threads/\(thread)/posts", #"{"body":"Kearsipan di kecamatan juga perlu."}"#).status == 201)
        let after = try reader.get("/forums/search?q=kearsipan").text
        #expect(after.contains("2 hasil") && after.contains("di kecamatan juga perlu"), "the new post is found on the next search")

        #expect(try other.post("/language", [("lang", "en"), ("next", "/")]).status == 303)
        let english = try other.get("/forums/search?q=kearsipan").text
        #expect(english.contains("2 results") && english.contains(">New</span>") && !english.contains(">Baru</span>"))
        #expect(try reader.get("/forums/search?q=kearsipan").text.contains(">Baru</span>"))
    }

    @Test("a post rendered once for every reader shows its edit at once, and never the author's own marks to others")
    func sharedPostsStayTrue() throws {
        let app = try TestApp()
        let author = try ForumCaller.employees(app, 1)[0]
        let thread = try author.openThread(category: app.forumCategory("pelatihan"), title: "Pelatihan tata naskah dinas",
                                           body: "Mohon pelatihan **tata naskah** dinas.")
        let post = try app.openingPost(of: thread)
        var reader = try app.signIn("demo.pegawai"), other = try app.signIn("demo.atasan")
        for _ in 1...2 { #expect(try reader.get("/forums/threads/\(thread)").text.contains("<strong>tata naskah</strong>")) }
        #expect(try author.call("PUT", "/api/v1/posts/\(post)", #"{"body":"Mohon pelatihan **surat elektronik**."}"#).status == 200)
        let after = try other.get("/forums/threads/\(thread)").text
        #expect(after.contains("<strong>surat elektronik</strong>") && !after.contains("tata naskah</strong>"), "the edit shows at once")
        #expect(!after.contains("Tulisan Anda") && !after.contains("/posts/\(post)/edit"), "no author's marks for another reader")
        #expect(after.contains("?act=1#flag-1"), "another reader may report it")
        // Moderators share their own rendering: their link never reaches other readers, nor theirs a moderator.
        var moderator = try app.signIn("demo.koordinator")
        for _ in 1...2 {
            #expect(try moderator.get("/forums/threads/\(thread)").text.contains("?act=1#moderate-1\""), "a moderator may moderate it")
            #expect(!(try reader.get("/forums/threads/\(thread)").text.contains("#moderate-1")), "no moderation link for a reader")
        }
    }

    @Test("a long thread comes 50 posts a page; links to a post, replies and redirects open the page that holds it")
    func threadPages() throws {
        let app = try TestApp()
        let author = try ForumCaller.employees(app, 1)[0]
        let thread = try author.openThread(category: app.forumCategory("pelatihan"), title: "Jadwal pelatihan kearsipan",
                                           body: "Kapan jadwalnya?")
        try app.database.pool.write { db in
            for number in 2...119 {
                try db.execute(sql: """
                    INSERT INTO forum_posts (thread_id, number, author_user_id, body, official, hidden, flag_count, created_at)
                    VALUES (?, ?, ?, ?, 0, 0, 0, ?)
                    """, arguments: [thread, number, author.userId, "Tanggapan nomor \(number).", 1_790_000_000 + number])
            }
            try db.execute(sql: "UPDATE forum_threads SET post_count = 119 WHERE id = ?", arguments: [thread])
        }
        let tenth = try app.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM forum_posts WHERE thread_id = ? AND number = 10", arguments: [thread])!
        }
        #expect(try author.call("POST", "/api/v1/threads/\(thread)/posts", #"{"body":"Menjawab nomor 10.","reply_to_id":\#(tenth)}"#)
            .status == 201)
        var reader = try app.signIn("demo.pegawai")
        let first = try reader.get("/forums/threads/\(thread)").text
        #expect(first.contains("id=\"tulisan-50\"") && !first.contains("id=\"tulisan-51\""))
        #expect(first.contains("Halaman 1 dari 3") && first.contains("/forums/threads/\(thread)?page=2"))
        let last = try reader.get("/forums/threads/\(thread)?page=3").text
        #expect(last.contains("id=\"tulisan-120\"") && !last.contains("id=\"tulisan-100\""))
        #expect(last.contains("href=\"/forums/threads/\(thread)?post=10#tulisan-10\""), "a reply links to the page of the post it answers")
        #expect(try reader.get("/forums/threads/\(thread)?post=75").text.contains("id=\"tulisan-75\""))
        #expect(try reader.get("/forums/threads/\(thread)?quote=60").text.contains("Tanggapan nomor 60."))
        #expect(try reader.get("/forums/threads/\(thread)?page=4").status == 404)
        let posted = try reader.post("/forums/threads/\(thread)/reply", [("body", "Terima kasih.")])
        #expect(posted.status == 303)
        #expect(posted.header("Location")?.contains("?post=121&notice=posted#tulisan-121") == true)
    }

    @Test("a snippet loses the Markdown marks of its post and keeps its words", arguments: [
        ("Mohon **pelatihan** _kearsipan_", "Mohon pelatihan kearsipan"),
        ("lihat [panduan ANRI](https://anri.go.id) ada", "lihat panduan ANRI ada"),
        ("terpotong [panduan](https://anri.go", "terpotong panduan"),
        ("## Judul\n> kutipan `kode`", " Judul\n kutipan kode"),
        ("harga #1 dan a>b tetap", "harga #1 dan a>b tetap"),
        ("####### tujuh", "####### tujuh"),
    ])
    func plainSnippet(markdown: String, shown: String) {
        #expect(ForumValues.plain(markdown) == shown)
    }

    @Test("a coordinator's status choice offers only the statuses the suggestion can move to, none preselected")
    func statusChoices() throws {
        let app = try TestApp()
        let author = try ForumCaller.employees(app, 1)[0]
        let thread = try author.openThread(category: app.forumCategory("pelatihan"), title: "Pelatihan penulisan naskah dinas",
                                           body: "Mohon pelatihan penulisan naskah dinas.")
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.post("/forums/threads/\(thread)/status", [("status", "ditinjau"), ("reason", "Dibahas tim.")])
        let page = try coordinator.get("/forums/threads/\(thread)").text
        let select = try #require(page.firstMatch(of: /<select id="new-status"[\s\S]*?<\/select>/)).output
        #expect(select.contains(#"<option value="" selected disabled>"#))
        #expect(!select.contains(#"value="ditinjau""#) && !select.contains(#"value="duplikat""#))
        #expect(select.contains(#"value="diterima""#) && select.contains(#"value="baru""#))
    }

    @Test("a coordinator downloads the draft course file of a proposal; employees cannot")
    func proposals() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        let list = try coordinator.get("/forums/proposals").text
        #expect(list.contains("Pelatihan Microsoft Excel lanjutan untuk bendahara"))
        let id = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM forum_course_proposals LIMIT 1")! }
        let draft = try coordinator.get("/forums/proposals/\(id)/draft")
        #expect(draft.status == 200)
        #expect(draft.header("Content-Disposition")?.contains(".md") == true)
        #expect(try CourseFileParser.parse(draft.text, file: "usl.md").title.indonesian == "Pelatihan Microsoft Excel lanjutan untuk bendahara")
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/forums/proposals/\(id)/draft").status == 403)
    }

    @Test("an appeal against a hidden post is decided by the other moderator, and overturning shows the post again")
    func appeal() throws {
        let app = try TestApp()
        let (actionId, threadId, postId, secondLogin) = try app.database.pool.read { db -> (Int64, Int64, Int64, String) in
            let row = try Row.fetchOne(db, sql: """
                SELECT m.id, m.thread_id, m.post_id, m.moderator_user_id FROM forum_moderation m WHERE m.appealed_at IS NOT NULL
                """)!
            let second = try String.fetchOne(db, sql: """
                SELECT u.login FROM forum_moderators f JOIN users u ON u.id = f.user_id WHERE f.user_id != ?
                """, arguments: [row["moderator_user_id"] as Int64])!
            return (row["id"], row["thread_id"], row["post_id"], second)
        }
        var coordinator = try app.signIn("demo.koordinator")
        let queue = try coordinator.get("/forums/queue").text
        #expect(queue.contains("moderator lain yang memutuskan bandingnya"), "the moderator who hid it cannot decide")
        let refused = try coordinator.post("/forums/appeals/\(actionId)/decide", [("outcome", "overturn"), ("reason", "Saya sendiri")])
        #expect(refused.status == 403)
        // The second moderator has no password in the demo; give it one to sign in.
        let userId = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE login = ?", arguments: [secondLogin])! }
        _ = try Accounts(database: app.database).resetPassword(userId: userId, to: TestApp.password, actor: nil, ip: nil)
        var second = try app.signIn(secondLogin)
        try second.get("/forums/queue")
        #expect(try second.post("/forums/appeals/\(actionId)/decide",
                                [("outcome", "overturn"), ("reason", "Kritik umum, tidak menyerang orang tertentu.")]).status == 303)
        let hidden = try app.database.pool.read { try Bool.fetchOne($0, sql: "SELECT hidden FROM forum_posts WHERE id = ?", arguments: [postId])! }
        #expect(!hidden)
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/forums/threads/\(threadId)").text.contains("Petugas loket di sana memang malas semua"))
    }
}

@Suite("Forum categories")
struct ForumCategoryTests {
    @Test("coordinators add and change categories with their rules; a bad threshold is explained; employees cannot")
    func categories() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/forums")
        let bad = try coordinator.post("/forums/categories", [("name", "Kesejahteraan Pegawai"), ("threshold", "lima")])
        #expect(bad.header("Location") == "/forums?error=forum_category_threshold_invalid")
        #expect(try coordinator.get("/forums?error=forum_category_threshold_invalid").text.contains("Ambang harus angka"))
        let made = try coordinator.post("/forums/categories", [("name", "Kesejahteraan Pegawai"), ("threshold", "2,5"),
                                                               ("pseudonyms", "on")])
        #expect(made.header("Location") == "/forums?notice=category")
        let category = try app.database.pool.read {
            try ForumCategory.fetchOne($0, sql: "SELECT * FROM forum_categories WHERE slug = 'kesejahteraan-pegawai'")!
        }
        #expect(category.agendaThresholdPermille == 25)
        #expect(category.allowsPseudonyms)
        #expect(try coordinator.post("/forums/categories", [("name", "Kesejahteraan Pegawai")]).header("Location")
                == "/forums?error=forum_category_exists")
        let page = try coordinator.get("/forums/categories/\(category.id!)").text
        #expect(page.contains("value=\"2.5\""))
        try coordinator.post("/forums/categories/\(category.id!)", [("name", "Kesejahteraan Pegawai"), ("coordinators_only", "on")])
        let changed = try app.database.pool.read { try ForumCategory.fetchOne($0, key: category.id!)! }
        #expect(changed.posting == .coordinators)
        #expect(!changed.allowsPseudonyms)
        #expect(changed.agendaThresholdPermille == nil)
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/forums")
        #expect(try employee.post("/forums/categories", [("name", "Kategori pegawai")]).status == 403)
        #expect(!(try employee.get("/forums/categories/\(category.id!)").text.contains("Ubah kategori")))
    }
}

@Suite("New thread form without script")
struct ForumNewThreadTests {
    @Test("checking the title lists similar suggestions and keeps the form; sending then opens the thread")
    func similarWithoutScript() throws {
        let app = try TestApp()
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/forums/new")
        let category = try app.forumCategory("pelatihan")
        let fields = [("category", String(category)), ("kind", "suggestion"), ("title", "Pelatihan Excel bagi bendahara desa"),
                      ("body", "Mohon pelatihan Excel.")]
        let checked = try employee.post("/forums/new", fields + [("check", "1")])
        #expect(checked.status == 200)
        #expect(checked.text.contains("Pelatihan Microsoft Excel lanjutan untuk bendahara"))
        #expect(checked.text.contains("Pelatihan Excel bagi bendahara desa"), "the typed title stays")
        let threads = try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM forum_threads")! }
        let sent = try employee.post("/forums/new", fields)
        #expect(sent.status == 303)
        #expect(try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM forum_threads")! } == threads + 1)
    }
}
