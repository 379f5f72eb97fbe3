import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Security headers on a running server")
struct SecurityHeaderTests {
    private func expectSecurityHeaders(_ response: RawHTTPResponse, _ what: String,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        let csp = response.headers(named: "Content-Security-Policy")
        #expect(csp.count == 1, "\(what): one Content-Security-Policy", sourceLocation: sourceLocation)
        #expect(csp.first?.contains("frame-ancestors 'none'") == true, "\(what): \(csp)", sourceLocation: sourceLocation)
        #expect(csp.first?.contains("unsafe-inline") == false, "\(what): \(csp)", sourceLocation: sourceLocation)
        #expect(response.header("X-Content-Type-Options") == "nosniff", "\(what)", sourceLocation: sourceLocation)
        #expect(response.header("Referrer-Policy") == "strict-origin-when-cross-origin", "\(what)",
                sourceLocation: sourceLocation)
        #expect(response.header("X-Frame-Options") == "DENY", "\(what)", sourceLocation: sourceLocation)
    }

    @Test("Every answer carries the security headers: 200, 201, 304, 400, 404, 405, 413")
    func everyAnswer() throws {
        let server = try TestServer { $0.maxBodyBytes = 1024 }
        let client = server.client
        let ok = try client.get("/hello")
        #expect(ok.status == 200)
        expectSecurityHeaders(ok, "200")
        let created = try client.request("POST", "/items")
        #expect(created.status == 201)
        expectSecurityHeaders(created, "201")
        let file = try client.get("/static/hello.txt")
        expectSecurityHeaders(file, "static 200")
        let notModified = try client.get("/static/hello.txt", headers: [("If-None-Match", file.header("ETag") ?? "")])
        #expect(notModified.status == 304)
        expectSecurityHeaders(notModified, "304")
        let badPath = try client.get("/hello%zz")
        #expect(badPath.status == 400)
        expectSecurityHeaders(badPath, "400")
        let missing = try client.get("/missing")
        #expect(missing.status == 404)
        expectSecurityHeaders(missing, "404")
        let staticMissing = try client.get("/static/../secret")
        #expect(staticMissing.status == 404)
        expectSecurityHeaders(staticMissing, "static 404")
        let wrongMethod = try client.request("DELETE", "/hello")
        #expect(wrongMethod.status == 405)
        expectSecurityHeaders(wrongMethod, "405")
        let tooLarge = try client.request("POST", "/echo-size", body: [UInt8](repeating: 1, count: 2000))
        #expect(tooLarge.status == 413)
        expectSecurityHeaders(tooLarge, "413")
        let head = try client.request("HEAD", "/hello")
        expectSecurityHeaders(head, "HEAD")
    }

    @Test("A handler's own Content-Security-Policy replaces the default one")
    func handlerOverrides() throws {
        let server = try TestServer()
        let response = try server.client.get("/own-csp")
        #expect(response.headers(named: "Content-Security-Policy") == ["default-src 'none'"])
        #expect(response.header("X-Content-Type-Options") == "nosniff")
    }
}
