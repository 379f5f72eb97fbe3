import HTTPTestSupport
import Testing

@Suite("The raw test client itself")
struct RawHTTPClientTests {
    @Test("A Content-Length body is read exactly")
    func contentLength() throws {
        let response = try RawHTTPResponse.parse(Array(
            "HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nX-A: 1\r\nx-a: 2\r\n\r\nhello".utf8))
        #expect(response.status == 201)
        #expect(response.reason == "Created")
        #expect(response.text == "hello")
        #expect(response.header("content-type") == "text/plain")
        #expect(response.headers(named: "X-A") == ["1", "2"])
    }

    @Test("A chunked body is reassembled, with extensions and trailers")
    func chunked() throws {
        let response = try RawHTTPResponse.parse(Array(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-T: 1\r\n\r\n"
                .utf8))
        #expect(response.text == "hello, world")
    }

    @Test("HEAD, 204 and 304 answers have no body; 100 Continue is skipped")
    func noBody() throws {
        let head = try RawHTTPResponse.parse(Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n".utf8),
                                             requestMethod: "HEAD")
        #expect(head.body.isEmpty)
        let notModified = try RawHTTPResponse.parse(Array("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n".utf8))
        #expect(notModified.status == 304)
        let continued = try RawHTTPResponse.parse(Array(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n".utf8))
        #expect(continued.status == 204)
    }

    @Test("A body without a length runs to the end; a short body is an error")
    func lengths() throws {
        #expect(try RawHTTPResponse.parse(Array("HTTP/1.0 200 OK\r\n\r\nall of it".utf8)).text == "all of it")
        #expect(throws: RawHTTPError.self) {
            try RawHTTPResponse.parse(Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort".utf8))
        }
        #expect(throws: RawHTTPError.self) { try RawHTTPResponse.parse(Array("SSH-2.0\r\n\r\n".utf8)) }
    }

    @Test("Form and multipart helpers encode like a browser")
    func encoders() {
        #expect(RawHTTPClient.urlEncoded([("a b", "5€"), ("x", "1&2=3")]) == Array("a+b=5%E2%82%AC&x=1%262%3D3".utf8))
        let (type, body) = RawHTTPClient.multipart(
            fields: [("n", "v")], files: [MultipartFile(field: "f", filename: "a.txt", contentType: "text/plain",
                                                        content: Array("data".utf8))])
        let boundary = String(type.dropFirst("multipart/form-data; boundary=".count))
        #expect(type.hasPrefix("multipart/form-data; boundary="))
        #expect(String(decoding: body, as: UTF8.self) == "--\(boundary)\r\n"
            + "Content-Disposition: form-data; name=\"n\"\r\n\r\nv\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\ndata\r\n--\(boundary)--\r\n")
    }

    @Test("The request builder adds Host, Content-Length and Connection: close")
    func requestBuilder() {
        let bytes = RawHTTPClient.encodeRequest("POST", "/x", host: "h:1", body: Array("ab".utf8),
                                                closeConnection: true)
        #expect(String(decoding: bytes, as: UTF8.self)
            == "POST /x HTTP/1.1\r\nHost: h:1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab")
        let get = RawHTTPClient.encodeRequest("GET", "/", host: "h:1", headers: [("Host", "other")],
                                              closeConnection: false)
        #expect(String(decoding: get, as: UTF8.self) == "GET / HTTP/1.1\r\nHost: other\r\n\r\n")
    }

    @Test("The cookie jar keeps, replaces and forgets cookies like a browser")
    func cookieJar() {
        var jar = CookieJar()
        #expect(jar.header == nil)
        jar.absorb(RawHTTPResponse(status: 200, headers: [
            ("Set-Cookie", "sid=1; Path=/; HttpOnly"), ("set-cookie", "theme=dark; Max-Age=60"),
        ]))
        #expect(jar.header == "sid=1; theme=dark")
        jar.absorb(RawHTTPResponse(status: 200, headers: [("Set-Cookie", "sid=2; Path=/")]))
        #expect(jar["sid"] == "2")
        jar.absorb(RawHTTPResponse(status: 200, headers: [("Set-Cookie", "theme=; Path=/; Max-Age=0")]))
        #expect(jar.header == "sid=2")
        #expect(jar.requestHeaders.first?.1 == "sid=2")
    }

    @Test("Connecting to a port where nothing listens is refused")
    func refused() throws {
        // Port 1 is privileged and unused in a test environment.
        #expect(throws: RawHTTPError.self) { try RawHTTPClient(port: 1, timeout: 2).get("/") }
    }
}
