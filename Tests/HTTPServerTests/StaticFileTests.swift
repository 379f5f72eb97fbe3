import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Static files on a running server")
struct StaticFileTests {
    @Test("A static file answers 200 with ETag, Last-Modified, Cache-Control and Content-Type")
    func servesFile() throws {
        let server = try TestServer()
        let response = try server.client.get("/static/hello.txt")
        #expect(response.status == 200)
        #expect(response.text == TestServer.helloText)
        let etag = try #require(response.header("ETag"))
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && etag.count > 2)
        #expect(response.header("Last-Modified") == TestServer.helloLastModified)
        #expect(response.header("Cache-Control") == "public, max-age=3600")
        #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(response.header("Content-Length") == String(TestServer.helloText.utf8.count))
    }

    @Test("Content-Type follows the file extension", arguments: [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/sub/page.html", "text/html; charset=utf-8"),
    ])
    func contentTypes(path: String, type: String) throws {
        let server = try TestServer()
        let response = try server.client.get(path)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == type)
    }

    @Test("A matching If-None-Match answers 304 without a body")
    func ifNoneMatch() throws {
        let server = try TestServer()
        let etag = try #require(try server.client.get("/static/hello.txt").header("ETag"))
        let again = try server.client.get("/static/hello.txt", headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.header("ETag") == etag)
        let inList = try server.client.get("/static/hello.txt", headers: [("If-None-Match", "\"other\", \(etag)")])
        #expect(inList.status == 304)
        let star = try server.client.get("/static/hello.txt", headers: [("If-None-Match", "*")])
        #expect(star.status == 304)
    }

    @Test("A different ETag in If-None-Match gets the full file")
    func ifNoneMatchMismatch() throws {
        let server = try TestServer()
        let response = try server.client.get("/static/hello.txt", headers: [("If-None-Match", "\"stale\"")])
        #expect(response.status == 200)
        #expect(response.text == TestServer.helloText)
    }

    @Test("If-Modified-Since at or after the modification time answers 304; before it, 200")
    func ifModifiedSince() throws {
        let server = try TestServer()
        let same = try server.client.get("/static/hello.txt",
                                         headers: [("If-Modified-Since", TestServer.helloLastModified)])
        #expect(same.status == 304)
        #expect(same.body.isEmpty)
        let later = try server.client.get("/static/hello.txt",
                                          headers: [("If-Modified-Since", "Tue, 02 Jan 2024 00:00:00 GMT")])
        #expect(later.status == 304)
        let earlier = try server.client.get("/static/hello.txt",
                                            headers: [("If-Modified-Since", "Sun, 31 Dec 2023 23:59:59 GMT")])
        #expect(earlier.status == 200)
        #expect(earlier.text == TestServer.helloText)
        let garbage = try server.client.get("/static/hello.txt", headers: [("If-Modified-Since", "yesterday")])
        #expect(garbage.status == 200)
    }

    @Test("HEAD on a static file answers 200 with its headers and no body")
    func headStatic() throws {
        let server = try TestServer()
        let response = try server.client.request("HEAD", "/static/hello.txt")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.header("ETag") != nil)
    }

    @Test("A symlink that stays inside the folder is served")
    func symlinkInside() throws {
        let server = try TestServer()
        let response = try server.client.get("/static/alias.txt")
        #expect(response.status == 200)
        #expect(response.text == TestServer.helloText)
    }

    @Test("Attempts to leave the static folder or reach hidden files answer 404", arguments: [
        "/static/../Package.swift",
        "/static/../secret",
        "/static/%2e%2e/secret",
        "/static/%2E%2E/Package.swift",
        "/static/..%2fsecret",
        "/static/sub/../../secret",
        "/static/sub/%2e%2e/%2e%2e/secret",
        "/static/./hello.txt",
        "/static/.hidden",
        "/static/%2ehidden",
        "/static/escape.txt",
        "/static/linkdir/secret",
        "/static/sub",
        "/static/missing.txt",
        "/static/sub%5c..%5c..%5csecret",
    ])
    func escapes(path: String) throws {
        let server = try TestServer()
        let response = try server.client.get(path)
        #expect(response.status == 404)
        #expect(!response.text.contains("secret"))
        #expect(!response.text.contains("not for you"))
    }
}
