import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Connections on a running server")
struct ConnectionTests {
    @Test("Several requests on one keep-alive connection are all answered")
    func keepAlive() throws {
        let server = try TestServer()
        let connection = try server.client.connect()
        defer { connection.close() }
        for id in 1...3 {
            let response = try connection.request("GET", "/people/\(id)")
            #expect(response.status == 200)
            #expect(response.text == "person \(id)")
            #expect(!response.closesConnection)
        }
        let form = try connection.request("POST", "/form",
                                          headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                          body: Array("a=1&b=x+y".utf8))
        #expect(form.status == 200)
        #expect(form.text == "a=1\nb=x y")
        let head = try connection.request("HEAD", "/static/hello.txt")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        let missing = try connection.request("GET", "/missing")
        #expect(missing.status == 404)
        let file = try connection.request("GET", "/static/hello.txt")
        #expect(file.status == 200)
        #expect(file.text == TestServer.helloText)
        let last = try connection.request("GET", "/hello", headers: [("Connection", "close")])
        #expect(last.text == "Hello")
        #expect(connection.waitForServerClose(within: 10))
    }

    @Test("Pipelined requests sent in one write are answered in order")
    func pipelining() throws {
        let server = try TestServer()
        let connection = try server.client.connect()
        defer { connection.close() }
        let host = connection.hostHeader
        try connection.write("GET /people/1 HTTP/1.1\r\nHost: \(host)\r\n\r\n"
            + "GET /people/2 HTTP/1.1\r\nHost: \(host)\r\n\r\n"
            + "GET /people/3 HTTP/1.1\r\nHost: \(host)\r\n\r\n")
        for id in 1...3 {
            #expect(try connection.readResponse().text == "person \(id)")
        }
    }

    @Test("An HTTP/1.0 request is answered and the connection closed")
    func http10() throws {
        let server = try TestServer()
        let connection = try server.client.connect()
        defer { connection.close() }
        let response = try connection.send(raw: Array("GET /hello HTTP/1.0\r\n\r\n".utf8))
        #expect(response.status == 200)
        #expect(response.text == "Hello")
        #expect(connection.waitForServerClose(within: 10))
    }

    @Test("A connection that sends half a request line is closed after the idle timeout")
    func idleTimeout() throws {
        let server = try TestServer { $0.connectionTimeout = 1 }
        let connection = try server.client.connect()
        defer { connection.close() }
        try connection.write("GET /hel")
        #expect(connection.waitForServerClose(within: 10), "the server kept a stalled connection open")
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("An idle keep-alive connection is closed after the idle timeout")
    func idleKeepAliveTimeout() throws {
        let server = try TestServer { $0.connectionTimeout = 1 }
        let connection = try server.client.connect()
        defer { connection.close() }
        #expect(try connection.request("GET", "/hello").status == 200)
        #expect(connection.waitForServerClose(within: 10), "the server kept an idle connection open")
    }

    @Test("A request in flight completes when the server stops; new connections are then refused")
    func gracefulStop() throws {
        let server = try TestServer()
        let client = server.client
        let inFlight = Background { try client.get("/slow") }
        #expect(server.slowStarted.wait(timeout: .now() + 10) == .success, "the slow handler never started")
        server.server.stop()
        let result = try #require(inFlight.wait(seconds: 10), "the request in flight never finished")
        let response = try result.get()
        #expect(response.status == 200)
        #expect(response.text == "slept")
        do {
            _ = try client.get("/hello")
            Issue.record("the stopped server still answered")
        } catch let error as RawHTTPError {
            #expect(error.isConnectionRefused, "\(error)")
        }
    }

    @Test("Stopping an idle server returns promptly and can be repeated")
    func stopIdle() throws {
        let server = try TestServer()
        let client = server.client
        #expect(try client.get("/hello").status == 200)
        let stopping = Background { server.server.stop() }
        #expect(stopping.wait(seconds: 10) != nil, "stop() did not return")
        server.server.stop()
        #expect(throws: RawHTTPError.self) { try client.get("/hello") }
    }

    @Test("Requests from several clients at once are all answered")
    func concurrentClients() throws {
        let server = try TestServer()
        let client = server.client
        let workers = (0..<8).map { worker in
            Background { () -> [String] in
                try (0..<10).map { _ in try client.get("/people/\(worker)").text }
            }
        }
        for (worker, background) in workers.enumerated() {
            let texts = try #require(background.wait(seconds: 30)).get()
            #expect(texts == Array(repeating: "person \(worker)", count: 10))
        }
    }

    @Test("The server reports the port it bound when asked for port 0")
    func boundPort() throws {
        let server = try TestServer()
        #expect(server.server.port != 0)
        #expect(server.server.configuration.port == 0)
    }

    @Test("Starting on a port already in use fails with cannotStart")
    func portInUse() throws {
        let first = try TestServer()
        var configuration = ServerConfiguration()
        configuration.port = first.server.port
        configuration.threads = 1
        let second = HTTPServer(configuration: configuration) { _ in .text("second") }
        #expect(throws: HTTPServerError.self) { try second.start() }
    }

    @Test("A host that is not an IP address is refused")
    func invalidHost() {
        var configuration = ServerConfiguration()
        configuration.host = "not-an-address"
        configuration.port = 0
        let server = HTTPServer(configuration: configuration) { _ in .text("x") }
        #expect(throws: HTTPServerError.self) { try server.start() }
    }
}
