import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Request values in log lines")
struct LogTextTests {
    @Test("Control characters and backslash are written out; other text is kept",
          arguments: [("/plain/path", "/plain/path"), ("a\nb", "a\\nb"), ("a\r\nb", "a\\r\\nb"), ("tab\t", "tab\\t"),
                      ("nul\u{0}", "nul\\x00"), ("esc\u{1B}[31m", "esc\\x1b[31m"), ("del\u{7F}", "del\\x7f"),
                      ("back\\slash", "back\\\\slash"), ("nel\u{85}", "nel\\u{85}"), ("ls\u{2028}ps\u{2029}", "ls\\u{2028}ps\\u{2029}"),
                      ("Pegawai ñ €", "Pegawai ñ €")])
    func escaped(input: String, expected: String) {
        #expect(LogText.escaped(input) == expected)
    }

    @Test("The access log line cannot be split by a line separator in the path")
    func accessLogLine() throws {
        let log = CapturedLog()
        let server = try TestServer(log: log)
        _ = try server.client.get("/x%C2%85127.0.0.1%20GET%20/forged%20200%E2%80%A8y%5Cz")
        #expect(eventually(within: 5) { log.messages.contains { $0.contains("forged") } })
        let line = try #require(log.messages.first { $0.contains("forged") })
        #expect(line.hasPrefix("GET /x\\u{85}127.0.0.1 GET /forged 200\\u{2028}y\\\\z 404 "))
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 })
    }

    @Test("A refused target is logged as sent")
    func refusedTargetLogged() throws {
        let log = CapturedLog()
        let server = try TestServer(log: log)
        #expect(try server.client.get("/x%0aforged").status == 400)
        #expect(eventually(within: 5) { log.messages.contains { $0.hasPrefix("GET /x%0aforged 400 ") } })
    }
}
