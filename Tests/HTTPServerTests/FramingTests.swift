import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Request framing on a running server")
struct FramingTests {
    @Test("Content-Length with Transfer-Encoding answers 400 and closes: the bytes after the body are not a second request")
    func contentLengthWithTransferEncoding() throws {
        let server = try TestServer()
        let connection = try server.client.connect()
        defer { connection.close() }
        try connection.write("POST /echo-size HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try connection.readResponse(requestMethod: "POST")
        #expect(response.status == 400)
        #expect(response.closesConnection)
        #expect(throws: RawHTTPError.self, "the smuggled request was answered") { try connection.readResponse() }
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("A transfer coding other than plain chunked answers 400 and closes",
          arguments: ["xchunked", "gzip, chunked", "chunked, chunked", "identity", "chunked;x=1"])
    func unknownTransferCoding(coding: String) throws {
        let server = try TestServer()
        let connection = try server.client.connect()
        defer { connection.close() }
        let response = try connection.send(raw: Array(("POST /echo-size HTTP/1.1\r\nHost: x\r\n"
            + "Transfer-Encoding: \(coding)\r\n\r\n0\r\n\r\n").utf8))
        #expect(response.status == 400)
        #expect(connection.waitForServerClose(within: 10))
    }

    @Test("Chunked is accepted whatever its case")
    func chunkedAnyCase() throws {
        let server = try TestServer()
        let response = try server.client.send(raw: rawRequest("POST /echo-size HTTP/1.1",
                                                              headers: ["Transfer-Encoding: Chunked"],
                                                              body: chunk([UInt8](repeating: 65, count: 10), size: 4)))
        #expect(response.status == 200)
        #expect(response.text == "received 10")
    }

    @Test("Two Transfer-Encoding or two Content-Length headers answer 400",
          arguments: [["Transfer-Encoding: chunked", "Transfer-Encoding: chunked"],
                      ["Content-Length: 0", "Content-Length: 0"]])
    func duplicatedFraming(headers: [String]) throws {
        let server = try TestServer()
        let response = try server.client.send(raw: rawRequest("POST /echo-size HTTP/1.1", headers: headers,
                                                              body: Array("0\r\n\r\n".utf8)))
        #expect(response.status == 400)
    }

    @Test("HTTP/1.1 without Host, or with two, answers 400; HTTP/1.0 needs none")
    func host() throws {
        let server = try TestServer()
        let missing = try server.client.send(raw: "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(missing.status == 400)
        let twice = try server.client.send(raw: "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n")
        #expect(twice.status == 400)
        #expect(try server.client.send(raw: "GET /hello HTTP/1.0\r\n\r\n").status == 200)
    }

    @Test("A path that decodes to a control character answers 400",
          arguments: ["/hello%00", "/static/hello.txt%00.css", "/hello%0a", "/hello%0D%0AX-Forged:%201", "/hello%1b[31m", "/hello%7f", "/%09"])
    func controlCharacters(path: String) throws {
        let server = try TestServer()
        #expect(try server.client.get(path).status == 400)
        #expect(try server.client.get("/hello").status == 200)
    }
}
