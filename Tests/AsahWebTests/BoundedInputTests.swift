@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

/// Values from a request that once stopped the server or changed what a request meant: each is
/// refused with a clear answer, or brought within bounds, and the server keeps serving.
@Suite("Bounded request input")
struct BoundedInputTests {
    static let hugePages = ["366845182096078592", "9223372036854775807"]

    @Test("A huge page number is brought within bounds on every paged list and API", arguments: hugePages)
    func hugePageNumbers(page: String) throws {
        let app = try TestApp()
        let coordinator = try ForumCaller.login(app, "demo.koordinator")
        let admin = try ForumCaller.login(app, "demo.admin")
        let category = try app.forumCategory("penggajian")
        for path in ["/api/v1/threads", "/api/v1/suggestions", "/api/v1/employees", "/forums/board", "/forums/categories/\(category)",
                     "/people", "/runs", "/approvals"] {
            let answer = try coordinator.call("GET", "\(path)?page=\(page)")
            #expect(answer.status == 200, "\(path)?page=\(page): \(answer.status)")
        }
        for path in ["/admin/audit", "/api/v1/audit"] {
            #expect(try admin.call("GET", "\(path)?page=\(page)").status == 200, "\(path)?page=\(page)")
        }
        #expect(try app.client.get("/healthz").status == 200)
    }

    @Test("A query value that cannot be read is refused naming the parameter, on pages and APIs",
          arguments: [("/api/v1/courses?max_jp=null", "max_jp"), ("/api/v1/threads?page=0", "page"), ("/api/v1/threads?page=-3", "page"), ("/api/v1/threads?page=99999999999999999999999", "page"),
                      ("/api/v1/employees?unit=abc", "unit"), ("/api/v1/suggestions?status=entah", "status"),
                      ("/api/v1/suggestions?agenda=ya", "agenda"), ("/api/v1/search?q=gaji&from=kemarin", "from"),
                      ("/forums/board?order=acak", "order"), ("/courses?form=daring", "form")])
    func unreadableQueryValue(path: String, field: String) throws {
        let app = try TestApp()
        let caller = try ForumCaller.login(app, "demo.koordinator")
        let answer = try caller.call("GET", path)
        #expect(answer.status == 400, "\(path)")
        #expect(answer.text.contains(field), "\(path): \(answer.text)")
    }

    @Test("Empty query values mean 'any', as an HTML form sends them")
    func emptyQueryValues() throws {
        let app = try TestApp()
        let caller = try ForumCaller.login(app, "demo.koordinator")
        for path in ["/api/v1/courses?max_jp=&form=&competency=&q=", "/api/v1/suggestions?status=&category=&agenda=&page=",
                     "/forums/board?status=&order=&overdue="] {
            #expect(try caller.call("GET", path).status == 200, "\(path)")
        }
    }

    @Test("A NUL in a JSON title is refused naming the field, and nothing is stored")
    func nulInJSONText() throws {
        let app = try TestApp()
        let caller = try ForumCaller.login(app, "demo.pegawai")
        let category = try app.forumCategory("penggajian")
        let before = try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM forum_threads")! }
        let title = "A\\u0000" + String(repeating: "b", count: 30)
        let answer = try caller.call("POST", "/api/v1/threads", """
            {"category_id": \(category), "title": "\(title)", "body": "Isi usulan yang cukup panjang untuk disimpan."}
            """)
        #expect(answer.status == 400)
        #expect(answer.text.contains("title"))
        #expect(answer.text.contains("karakter kendali"))
        let after = try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM forum_threads")! }
        #expect(after == before)
    }

    @Test("A NUL in a search or a form field is refused with 400, on pages and APIs",
          arguments: ["/people?q=abc%00", "/api/v1/employees?q=abc%00", "/courses?q=a%00b", "/api/v1/threads?category=1%00", "/forums/search?q=gaji%01"])
    func nulInQuery(path: String) throws {
        let app = try TestApp()
        let caller = try ForumCaller.login(app, "demo.koordinator")
        let answer = try caller.call("GET", path)
        #expect(answer.status == 400)
        #expect(try app.client.get("/healthz").status == 200)
    }

    @Test("A urlencoded form with a control character is refused before the handler")
    func nulInForm() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        _ = try browser.get("/forums")
        let answer = try browser.post("/forums/new", [("title", "Judul\u{0}yang cukup panjang"), ("body", "Isi")])
        #expect(answer.status == 400)
        #expect(answer.text.contains("title"))
    }

    @Test("A multipart body that cannot be read gets the API's JSON error, in the user's language")
    func malformedMultipart() throws {
        let app = try TestApp()
        let caller = try ForumCaller.login(app, "demo.pegawai")
        let answer = try app.client.request(
            "POST", "/api/v1/projects/1/milestones/0/submissions",
            headers: [("Authorization", "Bearer \(caller.token)"), ("Content-Type", "multipart/form-data; boundary=abc")],
            body: Array("--abc\r\nTrue--abc--\r\n".utf8))
        #expect(answer.status == 400)
        #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(answer.text.contains("formulir berkas rusak"))
    }

    @Test("A path with a control character gets the API's JSON error on /api, the error page elsewhere")
    func controlCharacterInPath() throws {
        let app = try TestApp()
        let api = try app.client.get("/api/v1/threads/%01")
        #expect(api.status == 400)
        #expect(api.header("Content-Type")?.hasPrefix("application/json") == true)
        let page = try app.client.get("/forums/threads/%0a")
        #expect(page.status == 400)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(page.text.contains("karakter kendali"))
    }

    @Test("A request line just under the 32 KiB limit still gets an answer (it was closed unanswered: no room was left for the answer's headers); over it, 431 or 414",
          arguments: [31_800, 32_000, 32_100, 40_000, 70_000])
    func requestLineNearTheLimit(length: Int) throws {
        let app = try TestApp()
        let path = "/certificates/" + String(repeating: "a", count: length)
        let answer = try app.client.request("POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                            body: Array("a=b".utf8))
        #expect(answer.status > 0, "answered, not closed")
        if length > 32 * 1024 { #expect([414, 431].contains(answer.status)) }
        #expect(try app.client.get("/healthz").status == 200)
    }

    @Test("A thousand-word search answers like a short one", arguments: ["/courses", "/api/v1/courses", "/people", "/api/v1/employees"])
    func longSearch(path: String) throws {
        let app = try TestApp()
        let caller = try ForumCaller.login(app, "demo.koordinator")
        let words = (0..<1_000).map { "kata\($0)" }.joined(separator: "+")
        #expect(try caller.call("GET", "\(path)?q=\(words)").status == 200)
    }

    @Test("An unknown JSON key is refused with the key named instead of changing what the request means")
    func unknownJSONKey() throws {
        let app = try TestApp()
        let coordinator = try ForumCaller.login(app, "demo.koordinator")
        let run = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM runs ORDER BY id LIMIT 1")! }
        let enrolments = { try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM enrolments")! } }
        let before = try enrolments()
        let answer = try coordinator.call("POST", "/api/v1/runs/\(run)/enrolments", #"{"nip": "\#(try app.nip(of: "demo.pegawai"))"}"#)
        #expect(answer.status == 400)
        #expect(answer.text.contains("nip"))
        #expect(try enrolments() == before)
    }

    @Test("A missing or mistyped JSON field is named in the error")
    func namedJSONFields() throws {
        let app = try TestApp()
        let caller = try ForumCaller.login(app, "demo.pegawai")
        let missing = try caller.call("POST", "/api/v1/threads", #"{"title": "Judul yang cukup panjang", "body": "Isi"}"#)
        #expect(missing.status == 400)
        #expect(missing.text.contains("category_id"))
        let mistyped = try caller.call("POST", "/api/v1/threads", #"{"category_id": "satu", "title": "Judul panjang", "body": "Isi"}"#)
        #expect(mistyped.status == 400)
        #expect(mistyped.text.contains("category_id"))
    }

    @Test("A run form with a session row numbered past Int's range is answered, not a trap")
    func hugeSessionRow() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.koordinator")
        _ = try browser.get("/runs/new")
        let answer = try browser.post("/runs/new", [("s9223372036854775807_date", "2027-01-05"), ("capacity", "99999999999999999999")])
        #expect(answer.status < 500)
        #expect(try app.client.get("/healthz").status == 200)
    }
}
