import CMicroHTTPD
import Foundation
import Logging
import Synchronization

/// Why the server could not start.
public enum HTTPServerError: Error, CustomStringConvertible {
    case invalidAddress(String)
    case cannotStart(host: String, port: UInt16)

    public var description: String {
        switch self {
        case .invalidAddress(let host): "not an IP address: \(host)"
        case .cannotStart(let host, let port): "cannot listen on \(host):\(port) (in use, or not permitted)"
        }
    }
}

/// An HTTP/1.1 server on libmicrohttpd: a pool of epoll worker threads, each answering requests
/// with the synchronous `handler`.
public final class HTTPServer: @unchecked Sendable {
    public let configuration: ServerConfiguration
    let handler: Handler
    let logger: Logger
    private var daemon: OpaquePointer?
    private var tlsStrings: [UnsafeMutablePointer<CChar>] = []
    let activeRequests = Atomic<Int>(0)

    public init(configuration: ServerConfiguration, logger: Logger = Logger(label: "asah.http"),
                handler: @escaping Handler) {
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    /// The port actually bound (useful with port 0).
    public var port: UInt16 {
        daemon.map { asah_daemon_port($0) } ?? configuration.port
    }

    /// Binds and starts the worker threads; returns at once.
    public func start() throws {
        let isIPv6 = configuration.host.contains(":")
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_USE_ITC.rawValue
            | MHD_USE_ERROR_LOG.rawValue | MHD_USE_TURBO.rawValue
        if isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        var key: UnsafeMutablePointer<CChar>?
        var cert: UnsafeMutablePointer<CChar>?
        if configuration.usesTLS {
            key = strdup(configuration.tlsKeyPEM!)
            cert = strdup(configuration.tlsCertificatePEM!)
            tlsStrings = [key!, cert!]
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let started: OpaquePointer? = try withSocketAddress(host: configuration.host, port: configuration.port) { address in
            var options = asah_daemon_options(
                flags: flags, address: address, thread_pool_size: UInt32(max(1, configuration.threads)),
                connection_timeout: configuration.connectionTimeout,
                // Twice the request's share: what the request line and headers may use is checked
                // in `Exchange.begin`, so room for the answer's headers always remains (a request
                // just under a single limit left none, and the connection closed unanswered).
                connection_memory_limit: configuration.headerMemoryBytes * 2,
                connection_limit: configuration.connectionLimit,
                per_ip_connection_limit: configuration.perAddressConnectionLimit,
                tls_key_pem: key, tls_cert_pem: cert,
                handler: accessHandler, handler_cls: context,
                completed: requestCompleted, uri_logger: uriReceived, completed_cls: context)
            return asah_start_daemon(&options)
        }
        guard let started else { throw HTTPServerError.cannotStart(host: configuration.host, port: configuration.port) }
        daemon = started
    }

    /// Stops accepting, lets requests in flight finish (up to `grace` seconds), then stops.
    public func stop(grace: Double = 10) {
        guard let daemon else { return }
        let listener = MHD_quiesce_daemon(daemon)
        let deadline = Date().addingTimeInterval(grace)
        while activeRequests.load(ordering: .acquiring) > 0, Date() < deadline {
            usleep(10_000)
        }
        MHD_stop_daemon(daemon)
        if listener >= 0 { close(listener) }
        self.daemon = nil
        tlsStrings.forEach { free($0) }
        tlsStrings = []
    }

    deinit { stop(grace: 0) }

    private func withSocketAddress<T>(host: String, port: UInt16,
                                      _ body: (UnsafePointer<sockaddr>) -> T) throws -> T {
        if host.contains(":") {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { throw HTTPServerError.invalidAddress(host) }
            return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        let text = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, text, &address.sin_addr) == 1 else { throw HTTPServerError.invalidAddress(host) }
        return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
    }
}
