@testable import AsahCore
import Foundation
import GRDB
import HTTPServer
import HTTPTestSupport
import Testing

/// `--trusted-proxy` against a real server: which address a failed sign-in is counted under
/// (the login throttle's per-address bucket) and written to the audit log.
@Suite("Trusted proxies and the login throttle")
struct TrustedProxyHTTPTests {
    /// A wrong password sent with `forwardedFor`; answers the address the failure was counted
    /// under and the address the audit log names.
    private func failedSignIn(_ app: TestApp, forwardedFor: String) throws -> (bucket: String?, audited: String?) {
        let body = Array(#"{"login":"demo.pegawai","password":"bukan-sandinya"}"#.utf8)
        let answer = try app.client.request("POST", "/api/v1/session", headers: [
            ("Content-Type", "application/json"), ("X-Forwarded-For", forwardedFor), ("X-Forwarded-Proto", "https"),
        ], body: body)
        #expect(answer.status == 401)
        return try app.database.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT ip FROM login_failures ORDER BY id DESC LIMIT 1"),
             try String.fetchOne(db, sql: "SELECT ip FROM audit_log WHERE action = 'login.failed' ORDER BY id DESC LIMIT 1"))
        }
    }

    @Test("from a peer that is not a trusted proxy, a forged X-Forwarded-For changes neither the throttle bucket nor the audit address")
    func forgedHeadersIgnored() throws {
        let direct = try TestApp()
        for forged in ["203.0.113.9", "198.51.100.1, 203.0.113.9"] {
            let seen = try failedSignIn(direct, forwardedFor: forged)
            #expect(seen.bucket == "127.0.0.1" && seen.audited == "127.0.0.1", "\(forged)")
        }
        let elsewhere = try TestApp { $0.trustedProxies = TrustedProxies(["10.0.0.0/8"])! }
        let seen = try failedSignIn(elsewhere, forwardedFor: "203.0.113.9")
        #expect(seen.bucket == "127.0.0.1", "trusting other proxies does not make this peer one")
    }

    @Test("behind a trusted proxy each client has its own bucket: the right-most forwarded address, not what the client wrote")
    func clientsBehindTheProxy() throws {
        let proxied = try TestApp { $0.trustedProxies = TrustedProxies(["127.0.0.1"])! }
        #expect(try failedSignIn(proxied, forwardedFor: "203.0.113.7") == ("203.0.113.7", "203.0.113.7"))
        #expect(try failedSignIn(proxied, forwardedFor: "1.1.1.1, 203.0.113.8") == ("203.0.113.8", "203.0.113.8"),
                "the left-most entry is the client's own claim")
        #expect(try failedSignIn(proxied, forwardedFor: "not-an-address") == ("127.0.0.1", "127.0.0.1"),
                "a malformed header falls back to the peer")
    }
}
