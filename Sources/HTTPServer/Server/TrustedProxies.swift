import Foundation

/// The reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed. Behind
/// nginx or Apache every connection comes from the proxy: without this, every user would
/// share one address (one login-throttle bucket, one address in the audit log) and the
/// server would think plain HTTP was used (no `Secure` cookies). Off unless configured; a
/// request from any other peer has these headers ignored, so nobody can forge an address.
public struct TrustedProxies: Sendable, Equatable {
    /// One trusted address or network.
    struct Network: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            let whole = prefix / 8, rest = prefix % 8
            guard address[..<whole] == bytes[..<whole] else { return false }
            guard rest > 0 else { return true }
            let mask = UInt8(0xFF) << UInt8(8 - rest)
            return address[whole] & mask == bytes[whole] & mask
        }
    }

    let networks: [Network]

    /// Nobody is trusted.
    public static let none = TrustedProxies(networks: [])

    /// Proxies given as addresses or CIDR networks ("127.0.0.1", "10.0.0.0/8", "::1");
    /// nil when one of them is not an address.
    public init?(_ entries: [String]) {
        var networks: [Network] = []
        for entry in entries {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(parts[0]) else { return nil }
            let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let prefix, (0...(bytes.count * 8)).contains(prefix) else { return nil }
            networks.append(Network(bytes: bytes, prefix: prefix))
        }
        self.init(networks: networks)
    }

    private init(networks: [Network]) {
        self.networks = networks
    }

    /// Whether `address` is one of the trusted proxies.
    public func trusts(_ address: String) -> Bool {
        guard let bytes = Self.bytes(address) else { return false }
        return networks.contains { $0.contains(bytes) }
    }

    /// The client's address and whether it used HTTPS, for a connection from `peer` with
    /// `headers`: from a trusted proxy, the right-most `X-Forwarded-For` address that is not
    /// itself a trusted proxy and `X-Forwarded-Proto`; from anyone else, the peer itself.
    public func client(peer: String, headers: HTTPHeaders, secure: Bool) -> (address: String, secure: Bool) {
        guard !networks.isEmpty, trusts(peer) else { return (peer, secure) }
        let forwarded = headers.filter { $0.name.lowercased() == "x-forwarded-for" }.flatMap { $0.value.split(separator: ",") }
        var address = peer
        for hop in forwarded.reversed() {
            let candidate = hop.trimmingCharacters(in: .whitespaces)
            guard Self.bytes(candidate) != nil else { break }
            address = candidate
            if !trusts(candidate) { break }
        }
        let proto = headers["X-Forwarded-Proto"]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return (address, secure || proto == "https")
    }

    /// The network-order bytes of an IPv4 or IPv6 address; nil when `text` is neither.
    static func bytes(_ text: String) -> [UInt8]? {
        guard text.utf8.count <= 64 else { return nil }
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
