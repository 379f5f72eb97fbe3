import CMicroHTTPD
import Foundation

/// The checks that keep a request's framing unambiguous, made when its headers arrive.
///
/// A body whose length two parties could read differently is the shape of request smuggling:
/// a proxy in front takes one length, this server the other, and the bytes left over are answered
/// as a second request nobody sent through the proxy. So a request is refused (400, connection
/// closed) when it carries both `Content-Length` and `Transfer-Encoding`, a transfer coding
/// other than plain `chunked`, a header among these three more than once, or (HTTP/1.1) no `Host`.
struct RequestFraming {
    private var hosts = 0
    private var contentLengths = 0
    private var transferEncodings: [String] = []
    /// The bytes of every header's name and value, separators included (near enough), counted
    /// in the same pass: with the target they are what the request head uses of the
    /// connection's memory.
    private(set) var headerBytes = 0

    /// Reads the headers of the request on `connection` once.
    init(connection: OpaquePointer) {
        withUnsafeMutablePointer(to: &self) { pointer in
            _ = MHD_get_connection_values(connection, .HEADER_KIND, { cls, _, key, value in
                guard let cls, let key else { return .YES }
                let framing = cls.assumingMemoryBound(to: RequestFraming.self)
                framing.pointee.headerBytes += strlen(key) + (value.map { strlen($0) } ?? 0) + 4
                if strcasecmp(key, "Host") == 0 {
                    framing.pointee.hosts += 1
                } else if strcasecmp(key, "Content-Length") == 0 {
                    framing.pointee.contentLengths += 1
                } else if strcasecmp(key, "Transfer-Encoding") == 0 {
                    framing.pointee.transferEncodings.append(value.map { String(cString: $0) } ?? "")
                }
                return .YES
            }, pointer)
        }
    }

    /// Why the request is refused, or nil when its framing is sound.
    /// - Parameter version: the protocol version of the request line (`HTTP/1.1`).
    func problem(version: String) -> String? {
        let isHTTP10 = version == "HTTP/1.0"
        if hosts > 1 || (hosts == 0 && !isHTTP10) { return "exactly one Host header is required" }
        if contentLengths > 1 { return "more than one Content-Length" }
        guard let coding = transferEncodings.first else { return nil }
        if transferEncodings.count > 1 || contentLengths > 0 {
            return "Transfer-Encoding with Content-Length or twice"
        }
        if isHTTP10 { return "Transfer-Encoding in an HTTP/1.0 request" }
        if coding.trimmingCharacters(in: .whitespaces).lowercased() != "chunked" {
            return "only the chunked transfer coding is accepted"
        }
        return nil
    }
}
