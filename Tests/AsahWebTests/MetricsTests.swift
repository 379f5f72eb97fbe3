@testable import AsahCore
import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Metrics for Prometheus")
struct MetricsTests {
    @Test("from this machine /metrics counts requests by route pattern and status, times them, and reports the installation")
    func loopback() throws {
        let app = try TestApp()
        _ = try app.signIn("demo.pegawai")
        #expect(try app.client.get("/runs/999999").status >= 300)
        _ = try InstallationBackup.write(app.database, to: app.database.path + "-cadangan", includeKey: false).get()
        let answer = try app.client.get("/metrics")
        #expect(answer.status == 200)
        #expect(answer.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = answer.text
        #expect(text.contains(#"asah_http_requests_total{route="GET /login",status="200"}"#))
        #expect(text.contains(#"route="GET /runs/:id""#), "patterns, not addresses")
        #expect(!text.contains("999999"))
        #expect(text.contains(#"asah_http_request_duration_seconds_bucket{route="GET /login",le="0.005"}"#))
        #expect(text.contains("asah_sessions_live 1") || text.contains("asah_sessions_live 1.0"))
        #expect(text.contains("asah_database_bytes ") && text.contains("asah_database_wal_bytes "))
        #expect(!text.contains("asah_last_backup_timestamp_seconds 0\n"), "the backup just made is reported")
    }

    @Test("from another machine (behind the trusted proxy) only the metrics token opens /metrics")
    func remote() throws {
        let app = try TestApp(metricsToken: "rahasia-pemantauan") { $0.trustedProxies = TrustedProxies(["127.0.0.1"])! }
        let remote = [("X-Forwarded-For", "203.0.113.9")]
        #expect(try app.client.get("/metrics", headers: remote).status == 403)
        #expect(try app.client.get("/metrics", headers: remote + [("Authorization", "Bearer salah")]).status == 403)
        #expect(try app.client.get("/metrics", headers: remote + [("Authorization", "Bearer rahasia-pemantauan")]).status == 200)
    }
}
