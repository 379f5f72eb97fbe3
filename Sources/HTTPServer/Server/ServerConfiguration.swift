import Foundation

/// How the server listens and what it allows.
public struct ServerConfiguration: Sendable {
    /// Address to bind, IPv4 or IPv6 text (`127.0.0.1`, `0.0.0.0`, `::`).
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks a free one (read it back from `HTTPServer.port`).
    public var port: UInt16 = 8080
    /// Worker threads, each with its own epoll loop. Handlers may block on the database,
    /// so a few more threads than cores keeps one slow request from stalling its neighbours.
    public var threads = max(2, ProcessInfo.processInfo.activeProcessorCount) * 2
    /// Seconds an idle (or trickling) connection may stay open.
    public var connectionTimeout: UInt32 = 15
    /// Largest request body accepted; larger bodies get 413.
    public var maxBodyBytes = 8 * 1024 * 1024
    /// The largest body accepted for one request, asked once its headers have arrived and only
    /// when it announces a body (given the request without its body); capped by `maxBodyBytes`.
    /// An application lowers it for requests that carry no credentials, so nobody can make the
    /// server hold megabytes before sign-in and CSRF are checked. Without it: `maxBodyBytes`.
    public var bodyLimit: (@Sendable (Request) -> Int)?
    /// Memory per connection for the request line and headers; more gets 431.
    public var headerMemoryBytes = 32 * 1024
    /// Most connections at once.
    public var connectionLimit: UInt32 = 4096
    /// Most connections at once from one client address (0: no limit); more are closed as soon
    /// as they are accepted. Behind a reverse proxy every client shares the proxy's address:
    /// raise it or turn it off there.
    public var perAddressConnectionLimit: UInt32 = 128
    /// Reverse proxies whose `X-Forwarded-For`/`X-Forwarded-Proto` give the client's address
    /// and scheme (none by default).
    public var trustedProxies = TrustedProxies.none
    /// Where multipart file parts are streamed while a request is processed.
    public var uploadDirectory = NSTemporaryDirectory()
    /// PEM key and certificate; when both are set the server speaks HTTPS only.
    public var tlsKeyPEM: String?
    public var tlsCertificatePEM: String?
    /// Headers added to every response that does not set them itself.
    public var defaultHeaders = SecurityHeaders.standard
    /// The answer to a request whose body goes over its limit (`maxBodyBytes` or `bodyLimit`),
    /// given that request without its body and the limit (so an application can explain it in the user's language); it is
    /// always sent as 413. Without it the server answers a plain-text 413.
    public var payloadTooLarge: (@Sendable (Request, Int) -> Response)?
    /// The answer to a request the server refuses on its own before any handler (see
    /// ``BadRequest``), given that request as far as it could be read (without its body; with
    /// its path undecoded when the path itself could not be decoded); always sent as 400.
    /// Without it the server answers plain text.
    public var badRequest: (@Sendable (Request, BadRequest) -> Response)?

    public init() {}

    public var usesTLS: Bool { tlsKeyPEM != nil && tlsCertificatePEM != nil }
}
