@testable import AsahCore
import AsahWeb
import Foundation
import HTTPTestSupport
import Testing

/// SQL injection and search-syntax probes on every parameter a page offers and on every path
/// parameter in the router's table: nothing fails, nothing leaks, nothing changes.
@Suite("Injection probes")
struct InjectionProbeTests {
    static let payloads = [
        "' OR '1'='1", "1 OR 1=1", "1; DROP TABLE users; --", "\" OR \"\"=\"", "') UNION SELECT sql FROM sqlite_master --",
        "%' AND 1=0 --", "\"unterminated", "NEAR(a b", "*", "a AND OR b", "-1", "99999999999999999999999",
    ]
    static let leaks = ["sqlite", "syntax error", "sql logic", "fts5", "no such column", "unrecognized token"]

    @Test("query parameters of every crawled page, for each role, answer without a server error or a leaked SQL message")
    func queryParameters() throws {
        let app = try TestApp()
        let users = try app.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users")! }
        var failures: [String] = []
        for login in ["demo.pegawai", "demo.atasan", "demo.koordinator", "demo.admin"] {
            var browser = try app.signIn(login)
            var crawler = SiteCrawler()
            try crawler.crawl(&browser, limit: 60)
            #expect(crawler.pages.count > 5, "the crawl reached pages for \(login)")
            let names = crawler.parameterNames.union(["q", "page", "status", "notice", "next"])
            for page in crawler.pages {
                for payload in Self.payloads {
                    let query = names.sorted().map { "\($0)=\(Self.encoded(payload))" }.joined(separator: "&")
                    let answer = try browser.get(page + "?" + query)
                    if let problem = Self.problem(answer, payload: payload) { failures.append("\(login) GET \(page) [\(payload)]: \(problem)") }
                }
            }
        }
        let usersAfter = try app.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users")! }
        #expect(usersAfter == users)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("every path parameter in the router's table refuses injected values cleanly")
    func pathParameters() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.koordinator")
        var failures: [String] = []
        for route in app.routes where route.pattern.contains(":") && !route.method.isUnsafe {
            for payload in Self.payloads {
                let path = RoutePath.fill(route.pattern) { _ in Self.encoded(payload) }
                let answer = try browser.get(path)
                if let problem = Self.problem(answer, payload: payload) { failures.append("GET \(route.pattern) [\(payload)]: \(problem)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(try app.database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    /// A server error, or a database message in the answer (the payload echoed back is not one).
    static func problem(_ answer: RawHTTPResponse, payload: String) -> String? {
        if answer.status >= 500 { return "status \(answer.status)" }
        let escaped = payload.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "<", with: "&lt;")
        let text = [payload, escaped, encoded(payload)].reduce(answer.text) { $0.replacingOccurrences(of: $1, with: "") }.lowercased()
        return leaks.first(where: text.contains).map { "leaks \"\($0)\"" }
    }

    static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }
}
