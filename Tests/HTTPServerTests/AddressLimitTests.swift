import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Connections per client address")
struct AddressLimitTests {
    @Test("The default allows more than the benchmark's 64 connections and is not unlimited")
    func defaultLimit() {
        let limit = ServerConfiguration().perAddressConnectionLimit
        #expect(limit > 64 && limit <= 1024)
    }

    @Test("Connection N+1 from one address is refused; its open ones and other addresses are still answered")
    func limitPerAddress() throws {
        let server = try TestServer { $0.perAddressConnectionLimit = 3 }
        let open = try (0..<3).map { _ in try server.client.connect() }
        defer { open.forEach { $0.close() } }
        for connection in open {
            #expect(try connection.request("GET", "/hello").status == 200)
        }
        let extra = try server.client.connect()
        defer { extra.close() }
        #expect(throws: RawHTTPError.self, "a fourth connection from 127.0.0.1 was served") {
            try extra.request("GET", "/hello")
        }
        let elsewhere = RawHTTPClient(port: server.server.port, source: "127.0.0.2")
        #expect(try elsewhere.get("/hello").status == 200)
        for connection in open {
            #expect(try connection.request("GET", "/hello").status == 200)
        }
        open[0].close()
        #expect(eventually(within: 5) { (try? server.client.get("/hello").status) == 200 })
    }

    @Test("0 turns the limit off")
    func unlimited() throws {
        let server = try TestServer { $0.perAddressConnectionLimit = 0 }
        let open = try (0..<140).map { _ in try server.client.connect() }
        defer { open.forEach { $0.close() } }
        #expect(try open[139].request("GET", "/hello").status == 200)
    }
}
