import HTTPServer
import Testing

@Suite("Trusted reverse proxies")
struct TrustedProxyTests {
    static func headers(_ pairs: [(String, String)]) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in pairs { headers.add(name, value) }
        return headers
    }

    @Test("addresses and CIDR networks, IPv4 and IPv6; anything else is refused")
    func parsing() throws {
        let proxies = try #require(TrustedProxies(["10.0.0.0/8", "192.168.1.5", "fd00::/8"]))
        #expect(proxies.trusts("10.200.3.4") && proxies.trusts("192.168.1.5") && proxies.trusts("fd12::1"))
        #expect(!proxies.trusts("11.0.0.1") && !proxies.trusts("192.168.1.6") && !proxies.trusts("fe80::1") && !proxies.trusts("x"))
        #expect(TrustedProxies(["10.0.0.0/33"]) == nil && TrustedProxies(["proxy.local"]) == nil)
    }

    @Test("from a trusted proxy: the right-most forwarded address that is not a proxy, and https from X-Forwarded-Proto")
    func fromProxy() throws {
        let proxies = try #require(TrustedProxies(["127.0.0.1", "10.0.0.2"]))
        let forwarded = Self.headers([("X-Forwarded-For", "198.51.100.9, 203.0.113.7, 10.0.0.2"), ("X-Forwarded-Proto", "https")])
        let client = proxies.client(peer: "127.0.0.1", headers: forwarded, secure: false)
        #expect(client.address == "203.0.113.7", "the address the client wrote for itself (198.51.100.9) is not believed")
        #expect(client.secure)
        let garbled = proxies.client(peer: "127.0.0.1", headers: Self.headers([("X-Forwarded-For", "nonsense")]), secure: false)
        #expect(garbled.address == "127.0.0.1" && !garbled.secure)
    }

    @Test("from anyone else the headers are ignored")
    func fromStranger() throws {
        let proxies = try #require(TrustedProxies(["10.0.0.2"]))
        let forged = Self.headers([("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https")])
        let client = proxies.client(peer: "198.51.100.20", headers: forged, secure: false)
        #expect(client.address == "198.51.100.20" && !client.secure)
        #expect(TrustedProxies.none.client(peer: "127.0.0.1", headers: forged, secure: false).address == "127.0.0.1")
    }
}
