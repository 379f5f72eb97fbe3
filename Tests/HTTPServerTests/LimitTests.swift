import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Size limits on a running server")
struct LimitTests {
    private func smallServer() throws -> TestServer {
        try TestServer { $0.maxBodyBytes = 1024 }
    }

    @Test("A body within the limit is accepted")
    func bodyWithinLimit() throws {
        let server = try smallServer()
        let response = try server.client.request("POST", "/echo-size", body: [UInt8](repeating: 65, count: 1024))
        #expect(response.status == 200)
        #expect(response.text == "received 1024")
    }

    @Test("An announced body over the limit answers 413 and the server keeps serving")
    func announcedBodyTooLarge() throws {
        let server = try smallServer()
        let response = try server.client.request("POST", "/echo-size", body: [UInt8](repeating: 65, count: 2000))
        #expect(response.status == 413)
        #expect(response.text.contains("1024"))
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("The application may answer an oversized body itself, announced or chunked; the status stays 413")
    func applicationAnswersTooLarge() throws {
        let server = try TestServer {
            $0.maxBodyBytes = 1024
            $0.payloadTooLarge = { request, limit in
                .text("\(request.method) \(request.path)?\(request.rawQuery) lang=\(request.headers["Accept-Language"] ?? "-") "
                      + "limit=\(limit) body=\(request.body.count)", status: 200)
            }
        }
        let announced = try server.client.request("POST", "/echo-size?x=1", headers: [("Accept-Language", "id")],
                                                  body: [UInt8](repeating: 65, count: 2000))
        #expect(announced.status == 413)
        #expect(announced.text == "POST /echo-size?x=1 lang=id limit=1024 body=0")
        let chunked = try server.client.send(raw: rawRequest(
            "POST /echo-size HTTP/1.1", headers: ["Transfer-Encoding: chunked"],
            body: chunk([UInt8](repeating: 66, count: 4096), size: 512)))
        #expect(chunked.status == 413)
        #expect(chunked.text == "POST /echo-size? lang=- limit=1024 body=0")
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("An announced body over the limit is refused before it is sent")
    func announcedBodyRefusedEarly() throws {
        let server = try smallServer()
        let response = try server.client.send(raw: rawRequest("POST /echo-size HTTP/1.1",
                                                              headers: ["Content-Length: 100000000"]))
        #expect(response.status == 413)
    }

    @Test("A chunked body within the limit is reassembled")
    func chunkedWithinLimit() throws {
        let server = try smallServer()
        let response = try server.client.send(raw: rawRequest(
            "POST /echo-size HTTP/1.1", headers: ["Transfer-Encoding: chunked"],
            body: chunk([UInt8](repeating: 66, count: 700), size: 256)))
        #expect(response.status == 200)
        #expect(response.text == "received 700")
    }

    @Test("A chunked body over the limit answers 413 and the server keeps serving")
    func chunkedBodyTooLarge() throws {
        let server = try smallServer()
        let response = try server.client.send(raw: rawRequest(
            "POST /echo-size HTTP/1.1", headers: ["Transfer-Encoding: chunked"],
            body: chunk([UInt8](repeating: 66, count: 4096), size: 512)))
        #expect(response.status == 413)
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("A chunked body over the limit in one big chunk answers 413")
    func oneBigChunkTooLarge() throws {
        let server = try smallServer()
        let response = try server.client.send(raw: rawRequest(
            "POST /echo-size HTTP/1.1", headers: ["Transfer-Encoding: chunked"],
            body: chunk([UInt8](repeating: 66, count: 3000), size: 3000)))
        #expect(response.status == 413)
    }

    @Test("A chunked body far over the limit gets the connection closed rather than read for ever")
    func endlessChunkedBody() throws {
        let server = try smallServer()
        // 8 MiB against a 1 kB limit: the server gives up after the limit plus 1 MiB.
        let body = chunk([UInt8](repeating: 67, count: 8 * 1024 * 1024), size: 64 * 1024)
        #expect(throws: RawHTTPError.self) {
            try server.client.send(raw: rawRequest("POST /echo-size HTTP/1.1",
                                                   headers: ["Transfer-Encoding: chunked"], body: body))
        }
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("After a chunked 413 the same keep-alive connection still serves requests")
    func keepAliveAfterChunked413() throws {
        let server = try smallServer()
        let connection = try server.client.connect()
        defer { connection.close() }
        let tooLarge = try connection.send(raw: Array(("POST /echo-size HTTP/1.1\r\nHost: x\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n").utf8) + chunk([UInt8](repeating: 66, count: 2048), size: 512))
        #expect(tooLarge.status == 413)
        #expect(!tooLarge.closesConnection)
        #expect(try connection.request("GET", "/hello").text == "Hello")
    }

    /// A server that takes 100 bytes from requests without `Authorization` and 1 kB from the
    /// others, counting how often it was asked.
    private func credentialServer(asked: Locked<Int>) throws -> TestServer {
        try TestServer {
            $0.maxBodyBytes = 1024
            $0.bodyLimit = { request in
                asked.withLock { $0 += 1 }
                return request.headers["Authorization"] == nil ? 100 : .max
            }
        }
    }

    @Test("A request without credentials announcing more than its limit gets 413 before sending the body, and the connection closes")
    func anonymousAnnouncedBody() throws {
        let server = try credentialServer(asked: Locked(0))
        let connection = try server.client.connect()
        defer { connection.close() }
        let response = try connection.send(raw: Array(("POST /echo-size HTTP/1.1\r\nHost: x\r\n"
            + "Content-Length: 200\r\n\r\n").utf8))
        #expect(response.status == 413)
        #expect(response.text.contains("100"))
        #expect(response.closesConnection)
        #expect(connection.waitForServerClose(within: 10))
    }

    @Test("A request without credentials streaming more than its limit gets 413")
    func anonymousChunkedBody() throws {
        let server = try credentialServer(asked: Locked(0))
        let response = try server.client.send(raw: rawRequest(
            "POST /echo-size HTTP/1.1", headers: ["Transfer-Encoding: chunked"],
            body: chunk([UInt8](repeating: 66, count: 300), size: 64)))
        #expect(response.status == 413)
        #expect(try server.client.request("POST", "/echo-size", body: [UInt8](repeating: 65, count: 100)).text
                == "received 100")
    }

    @Test("With credentials the server's own limit applies, and it still caps the application's")
    func credentialedBody() throws {
        let server = try credentialServer(asked: Locked(0))
        let bearer = [("Authorization", "Bearer t")]
        let within = try server.client.request("POST", "/echo-size", headers: bearer,
                                               body: [UInt8](repeating: 65, count: 1000))
        #expect(within.text == "received 1000")
        let over = try server.client.request("POST", "/echo-size", headers: bearer,
                                             body: [UInt8](repeating: 65, count: 1025))
        #expect(over.status == 413)
        #expect(over.text.contains("1024"))
    }

    @Test("A request without a body does not ask the application for a limit")
    func noBodyNoQuestion() throws {
        let asked = Locked(0)
        let server = try credentialServer(asked: asked)
        #expect(try server.client.get("/hello").status == 200)
        #expect(asked.withLock { $0 } == 0)
        _ = try server.client.request("POST", "/echo-size", body: [1])
        #expect(asked.withLock { $0 } == 1)
    }

    @Test("Request headers over the memory limit answer 431 and the server keeps serving")
    func headersTooLarge() throws {
        let server = try TestServer()
        let big = String(repeating: "a", count: 40 * 1024)
        let response = try server.client.send(raw: rawRequest("GET /hello HTTP/1.1", headers: ["X-Big: \(big)"]))
        #expect(response.status == 431)
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("Many small headers over the memory limit answer 431")
    func manyHeadersTooLarge() throws {
        let server = try TestServer()
        let headers = (0..<2000).map { "X-Header-\($0): value-\($0)" }
        let response = try server.client.send(raw: rawRequest("GET /hello HTTP/1.1", headers: headers))
        #expect(response.status == 431)
    }
}
