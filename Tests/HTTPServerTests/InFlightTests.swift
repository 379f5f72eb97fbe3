import Foundation
@testable import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Requests in flight")
struct InFlightTests {
    /// `stop()` waits for the in-flight count to reach zero, so a request that is counted but
    /// never completed would make every shutdown wait for the whole grace period.
    @Test("No request stays counted as in flight after errors, aborts and timeouts")
    func countReturnsToZero() throws {
        let server = try TestServer {
            $0.maxBodyBytes = 1024
            $0.connectionTimeout = 1
        }
        let client = server.client
        func settles() -> Bool {
            eventually(within: 10) { server.server.activeRequests.load(ordering: .relaxed) == 0 }
        }

        #expect(try client.get("/hello").status == 200)
        #expect(settles(), "after a plain request")

        let big = String(repeating: "a", count: 40 * 1024)
        #expect(try client.send(raw: rawRequest("GET /hello HTTP/1.1", headers: ["X-Big: \(big)"])).status == 431)
        #expect(settles(), "after a 431")

        #expect(try client.request("POST", "/echo-size", body: [UInt8](repeating: 65, count: 2000)).status == 413)
        #expect(settles(), "after an announced 413")

        let chunked = rawRequest("POST /echo-size HTTP/1.1", headers: ["Transfer-Encoding: chunked"],
                                 body: chunk([UInt8](repeating: 66, count: 4096), size: 512))
        #expect(try client.send(raw: chunked).status == 413)
        #expect(settles(), "after a chunked 413")

        let aborted = try client.connect()
        try aborted.write("POST /echo-size HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nabc")
        #expect(try client.get("/hello").status == 200)
        aborted.close()
        #expect(settles(), "after a client gave up in the middle of a body")

        let stalled = try client.connect()
        try stalled.write("POST /echo-size HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nabc")
        #expect(stalled.waitForServerClose(within: 10), "a stalled body was not timed out")
        #expect(settles(), "after a stalled body timed out")

        let (contentType, body) = RawHTTPClient.multipart(fields: [("a", "1")])
        let cut = try client.connect()
        try cut.write(RawHTTPClient.encodeRequest("POST", "/upload", host: cut.hostHeader,
                                                  headers: [("Content-Type", contentType),
                                                            ("Content-Length", String(body.count + 100))],
                                                  body: body, closeConnection: true))
        cut.close()
        #expect(settles(), "after a multipart upload cut short")
    }
}
