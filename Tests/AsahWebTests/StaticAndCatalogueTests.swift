import AsahCore
@testable import AsahWeb
import Foundation
import GRDB
import HTTPServer
import HTTPTestSupport
import Synchronization
import Testing

@Suite("Static files and message catalogues")
struct StaticAndCatalogueTests {
    @Test("the stylesheet is cached: ETag first, then 304 Not Modified")
    func staticCaching() throws {
        let app = try TestApp()
        let first = try app.client.get("/static/css/asah.css")
        #expect(first.status == 200)
        let etag = try #require(first.header("ETag"))
        #expect(first.header("Cache-Control")?.contains("max-age") == true)
        let again = try app.client.get("/static/css/asah.css", headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
    }

    @Test("a path that tries to leave the static folder is not found")
    func pathEscape() throws {
        let app = try TestApp()
        for path in ["/static/../Package.swift", "/static/%2e%2e/Package.swift", "/static/css/../../README.md"] {
            #expect(try app.client.get(path).status == 404, "\(path)")
        }
    }

    @Test("every message a template uses exists in Indonesian and English, and the catalogues match")
    func cataloguesComplete() throws {
        let catalogue = try MessageCatalogue()
        let id = try #require(catalogue.messages["id"])
        let en = try #require(catalogue.messages["en"])
        #expect(Set(id.keys) == Set(en.keys))
        let folder = TestApp.repositoryRoot + "/Sources/AsahWeb/Templates"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let keys = text.matches(of: /\{\{t\.([a-z0-9_]+)\}\}/).map { String($0.1) }
            for key in keys { #expect(id[key] != nil, "\(file) uses t.\(key), missing from id.json") }
        }
        for (file, text) in try SourceFiles.swift(in: "AsahWeb") {
            for match in text.matches(of: /\.t\("([a-z0-9_]+)"/) {
                #expect(id[String(match.1)] != nil, "\(file) uses \(match.1), missing from id.json")
            }
        }
    }

    @Test("no template carries inline script, which the Content-Security-Policy would block")
    func noInlineScript() throws {
        let folder = TestApp.repositoryRoot + "/Sources/AsahWeb/Templates"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).lowercased()
            #expect(!text.contains("<script>") && text.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil,
                    "\(file) has inline script")
        }
    }

    @Test("an empty value is left out at any depth, never printed as nil")
    func emptyValuesLeftOut() throws {
        let missing: String? = nil
        let data = TemplateData(["rows": [["name": "Siti", "position": missing as Any]], "top": missing as Any])
        #expect(data.child(named: "top") == nil)
        let rows = try #require(data.child(named: "rows") as? [TemplateData])
        #expect(rows.first?.child(named: "position") == nil)
        #expect(rows.first?.child(named: "name") as? String == "Siti")
    }

    @Test("dates and numbers follow the language")
    func localisedFormats() throws {
        let catalogue = try MessageCatalogue()
        let id = catalogue.localizer("id")
        let en = catalogue.localizer("en")
        #expect(id.date(year: 2026, month: 11, day: 24) == "24 November 2026")
        #expect(id.date(year: 2026, month: 8, day: 17) == "17 Agustus 2026")
        #expect(en.date(year: 2026, month: 8, day: 17) == "17 August 2026")
        #expect(id.number(5600) == "5.600")
        #expect(en.number(1234567) == "1,234,567")
        #expect(id.t("login_throttled", ["minutes": "3"]).contains("3 menit"))
        #expect(id.dateTime(1_790_000_000) == "21 September 2026 21.13" && en.dateTime(1_790_000_000) == "21 September 2026 21:13")
        #expect(id.dateTime(1_767_200_399) == "31 Desember 2025 23.59" && id.date(1_767_200_400) == "1 Januari 2026",
                "the day turns at midnight WIB, not UTC")
    }

    @Test("placeholders are filled in one pass; unknown ones and lone braces stay as typed")
    func placeholders() {
        #expect(Localizer.fill("{a} dan {b}, {c} {", ["a": "satu", "b": "{a}"]) == "satu dan {a}, {c} {")
        #expect(Localizer.fill("tanpa", ["a": "x"]) == "tanpa")
        #expect(Localizer.fill("{count} tulisan", ["count": "1.234"]) == "1.234 tulisan")
    }

    @Test("a name that ends in a full stop (an academic title) ends the sentence once")
    func titleAtTheEnd() {
        #expect(Localizer.fill("disetujui oleh {name}.", ["name": "Agus Suryanto, S.Sos."]) == "disetujui oleh Agus Suryanto, S.Sos.")
        #expect(Localizer.fill("oleh {name}. Anda", ["name": "Drs. Budi"]) == "oleh Drs. Budi. Anda")
    }
}

@Suite("Return paths")
struct ReturnPathTests {
    @Test("a return path stays on this site, whatever is smuggled into it", arguments: [
        "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example", "evil", "",
    ])
    func offSiteRefused(candidate: String) {
        #expect(URLEncoding.safeReturnPath(candidate) == "/")
    }

    @Test("a local path with a query is kept")
    func localKept() {
        #expect(URLEncoding.safeReturnPath("/runs/7?notice=updated") == "/runs/7?notice=updated")
    }
}

@Suite("Page cache")
struct PageCacheTests {
    /// An in-memory database whose commits a `ChangeCounter` counts, as the app's are.
    static func countedDatabase() throws -> (ChangeCounter, DatabaseQueue) {
        let changes = ChangeCounter()
        let database = try DatabaseQueue()
        database.add(transactionObserver: changes)
        return (changes, database)
    }

    @Test("an answer is reused until a write commits, and the cache never grows past its memory budget")
    func versionAndBudget() throws {
        let (changes, database) = try Self.countedDatabase()
        try database.write { try $0.execute(sql: "CREATE TABLE t (x); CREATE TABLE sessions (id TEXT PRIMARY KEY, seen INT)") }
        let cache = PageCache(lifetime: 60, changes: changes)
        cache.store(.html("eins"), for: "a", version: changes.version)
        #expect(cache.response(for: "a")?.body == Array("eins".utf8))
        try database.write { try $0.execute(sql: "INSERT INTO t VALUES (1)") }
        #expect(cache.response(for: "a") == nil)
        let big = Response.html(String(repeating: "x", count: 9 * 1024 * 1024))
        cache.store(big, for: "b", version: changes.version)
        cache.store(big, for: "c", version: changes.version)
        #expect(cache.response(for: "b") == nil, "the second large answer pushed the first out")
        #expect(cache.response(for: "c") != nil)
        cache.store(.html("set"), for: "d", version: changes.version)
        var withCookie = Response.html("private")
        withCookie.headers.add("Set-Cookie", "a=b")
        cache.store(withCookie, for: "e", version: changes.version)
        #expect(cache.response(for: "e") == nil, "answers that set cookies are never kept")
    }

    @Test("an answer past its lifetime is rendered again by one caller while the others get the old one; never after a write")
    func oneRefresh() throws {
        let (changes, database) = try Self.countedDatabase()
        try database.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        let clock = Mutex<Int64>(1_000)
        let cache = PageCache(lifetime: 10, changes: changes, now: { clock.withLock { $0 } })
        cache.store(.html("old"), for: "a", version: changes.version)
        clock.withLock { $0 = 1_011 }
        #expect(cache.response(for: "a") == nil, "the first caller after the lifetime renders")
        #expect(cache.response(for: "a")?.body == Array("old".utf8), "the others meanwhile get the old answer")
        clock.withLock { $0 = 1_014 }
        #expect(cache.response(for: "a") == nil, "a refresh that never came back lets another caller try")
        cache.store(.html("new"), for: "a", version: changes.version)
        #expect(cache.response(for: "a")?.body == Array("new".utf8))
        clock.withLock { $0 = 1_030 }
        #expect(cache.response(for: "a") == nil)
        try database.write { try $0.execute(sql: "INSERT INTO t VALUES (1)") }
        #expect(cache.response(for: "a") == nil, "after a write nobody gets the old answer")
    }

    @Test("callers asking at once for a page nobody has yet get one rendering of it")
    func oneRendering() throws {
        let cache = PageCache(lifetime: 60, changes: ChangeCounter())
        let renderings = Atomic<Int>(0)
        let bodies = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let answer = cache.answer(for: "board") {
                renderings.add(1, ordering: .relaxed)
                Thread.sleep(forTimeInterval: 0.2)
                return .html("board")
            }
            bodies.withLock { $0.append(String(decoding: answer.body, as: UTF8.self)) }
        }
        #expect(renderings.load(ordering: .relaxed) == 1)
        #expect(bodies.withLock { $0 } == Array(repeating: "board", count: 16))
    }

    @Test("a session's sign-in or touch keeps cached pages; any other write, even to a WITHOUT ROWID table, drops them")
    func whatCounts() throws {
        let (changes, database) = try Self.countedDatabase()
        try database.write {
            try $0.execute(sql: "CREATE TABLE sessions (id TEXT PRIMARY KEY, seen INT); CREATE TABLE tally (k TEXT PRIMARY KEY, n INT) WITHOUT ROWID")
        }
        let start = changes.version
        try database.write { try $0.execute(sql: "INSERT INTO sessions VALUES ('a', 1); UPDATE sessions SET seen = 2") }
        #expect(changes.version == start, "session bookkeeping is not a change pages show")
        struct Refused: Error {}
        _ = try? database.write { db in
            try db.execute(sql: "INSERT INTO tally VALUES ('x', 1)")
            throw Refused()
        }
        #expect(changes.version == start, "a rolled-back write changes nothing")
        try database.write { try $0.execute(sql: "INSERT INTO tally VALUES ('x', 1)") }
        #expect(changes.version == start + 1)
        try database.write { try $0.execute(sql: "UPDATE sessions SET seen = 3; UPDATE tally SET n = 2") }
        #expect(changes.version == start + 2, "a transaction that also writes a counted table counts")
    }
}
