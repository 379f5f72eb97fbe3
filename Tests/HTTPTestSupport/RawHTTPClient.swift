// A small HTTP/1.1 client over a plain POSIX TCP socket, for tests that must send exactly the
// bytes they mean (broken percent-encoding, `..` paths, huge headers, invalid UTF-8) and read
// exactly what the server answers. It has no dependency beyond the C library on purpose: nothing
// between the test and the socket normalises, escapes or retries anything.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Errors

/// Why a raw exchange failed.
public enum RawHTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The host is neither an IP address nor `localhost`.
    case invalidAddress(String)
    /// `connect` failed; `code` is the `errno` value (`ECONNREFUSED` when nothing listens).
    case cannotConnect(host: String, port: UInt16, code: Int32)
    /// Sending failed; `code` is the `errno` value (`EPIPE`, `ECONNRESET`...).
    case writeFailed(code: Int32)
    /// Receiving failed; `code` is the `errno` value.
    case readFailed(code: Int32)
    /// No complete response arrived before the receive timeout.
    case timedOut(afterSeconds: Double)
    /// The server closed the connection before a complete response arrived.
    case closedBeforeResponse(receivedBytes: Int)
    /// The bytes received are not an HTTP/1.x response.
    case malformedResponse(String)

    /// Whether this is a refused connection (nothing listening on the port).
    public var isConnectionRefused: Bool {
        if case .cannotConnect(_, _, let code) = self { return code == ECONNREFUSED }
        return false
    }

    public var description: String {
        switch self {
        case .invalidAddress(let host): "not an IP address: \(host)"
        case .cannotConnect(let host, let port, let code): "cannot connect to \(host):\(port): \(errorText(code))"
        case .writeFailed(let code): "send failed: \(errorText(code))"
        case .readFailed(let code): "receive failed: \(errorText(code))"
        case .timedOut(let seconds): "no complete response within \(seconds) s"
        case .closedBeforeResponse(let count): "connection closed after \(count) bytes, before a complete response"
        case .malformedResponse(let why): "malformed response: \(why)"
        }
    }
}

private func errorText(_ code: Int32) -> String {
    String(cString: strerror(code)) + " (errno \(code))"
}

// MARK: - Response

/// One HTTP response exactly as received: status, header fields in order, and body bytes.
public struct RawHTTPResponse: Sendable {
    /// The status code (`200`, `404`...).
    public var status: Int
    /// The reason phrase after the status code (may be empty).
    public var reason: String
    /// The protocol version from the status line (`HTTP/1.1`).
    public var version: String
    /// Every header field in the order received, names as sent.
    public var headers: [(String, String)]
    /// The body, de-chunked when it was sent chunked; empty for HEAD, 1xx, 204 and 304.
    public var body: [UInt8]

    public init(status: Int, reason: String = "", version: String = "HTTP/1.1",
                headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.reason = reason
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }

    /// Every value of the header `name`, in order (for `Set-Cookie`).
    public func headers(named name: String) -> [String] {
        let lower = name.lowercased()
        return headers.filter { $0.0.lowercased() == lower }.map(\.1)
    }

    /// The body decoded as UTF-8 (invalid sequences become U+FFFD).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Whether the server announced it will close the connection after this response.
    public var closesConnection: Bool {
        header("Connection")?.lowercased().contains("close") ?? false
    }

    /// Parses one complete response held in memory (handy to test the parser itself).
    /// - Parameter requestMethod: the method of the request answered (`HEAD` answers carry no body).
    public static func parse(_ bytes: [UInt8], requestMethod: String = "GET") throws -> RawHTTPResponse {
        var reader = ResponseReader(buffer: bytes)
        guard let response = try reader.next(requestMethod: requestMethod, atEOF: true) else {
            throw RawHTTPError.closedBeforeResponse(receivedBytes: bytes.count)
        }
        return response
    }
}

// MARK: - Client

/// Sends each request on a fresh TCP connection and reads one response.
///
/// ```swift
/// let client = RawHTTPClient(port: server.port)
/// let answer = try client.send(raw: Array("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
/// #expect(answer.status == 400)
/// ```
public struct RawHTTPClient: Sendable {
    public let host: String
    public let port: UInt16
    /// Seconds to wait for a complete response (and for a send to progress) before giving up.
    public let timeout: Double
    /// The local IPv4 address to connect from (any of 127.0.0.0/8 on Linux), to act as
    /// another client address; nil lets the system choose.
    public let source: String?

    public init(host: String = "127.0.0.1", port: UInt16, timeout: Double = 10, source: String? = nil) {
        self.host = host
        self.port = port
        self.timeout = timeout
        self.source = source
    }

    /// The `Host` header value for this server (`127.0.0.1:8080`).
    public var hostHeader: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Opens a connection that stays open for several requests (keep-alive, pipelining, timeouts).
    public func connect() throws -> RawHTTPConnection {
        try RawHTTPConnection(host: host, port: port, timeout: timeout, source: source)
    }

    /// Sends `raw` exactly as given on a fresh connection and reads the response.
    ///
    /// The request method is read from the first word of `raw`, so a `HEAD` answer is not
    /// expected to carry a body. If the server answers and closes while the request is still
    /// being sent (a 413 or 431 before the whole request was read), the answer is still returned.
    public func send(raw: [UInt8]) throws -> RawHTTPResponse {
        let connection = try connect()
        defer { connection.close() }
        return try connection.send(raw: raw)
    }

    /// Sends `raw` exactly as given on a fresh connection and reads the response.
    public func send(raw: String) throws -> RawHTTPResponse {
        try send(raw: Array(raw.utf8))
    }

    /// Sends a request on a fresh connection, adding `Host`, `Content-Length` (when there is a body
    /// or the method usually has one) and `Connection: close` unless `headers` already has them.
    /// `path` is sent byte for byte: escape it yourself.
    public func request(_ method: String, _ path: String, headers: [(String, String)] = [],
                        body: [UInt8] = []) throws -> RawHTTPResponse {
        try send(raw: RawHTTPClient.encodeRequest(method, path, host: hostHeader, headers: headers, body: body,
                                                  closeConnection: true))
    }

    /// `GET path`.
    public func get(_ path: String, headers: [(String, String)] = []) throws -> RawHTTPResponse {
        try request("GET", path, headers: headers)
    }

    /// `POST path` with an `application/x-www-form-urlencoded` body built from `fields`.
    public func postForm(_ path: String, fields: [(String, String)],
                         headers: [(String, String)] = []) throws -> RawHTTPResponse {
        try request("POST", path,
                    headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers,
                    body: RawHTTPClient.urlEncoded(fields))
    }

    /// `POST path` with a `multipart/form-data` body built from `fields` and `files`.
    public func postMultipart(_ path: String, fields: [(String, String)] = [], files: [MultipartFile] = [],
                              headers: [(String, String)] = []) throws -> RawHTTPResponse {
        let (contentType, body) = RawHTTPClient.multipart(fields: fields, files: files)
        return try request("POST", path, headers: [("Content-Type", contentType)] + headers, body: body)
    }

    // MARK: Building requests

    /// The bytes of a request: request line, `Host`, the given headers, `Content-Length` when
    /// needed, `Connection: close` when asked, a blank line and the body.
    public static func encodeRequest(_ method: String, _ path: String, host: String,
                                     headers: [(String, String)] = [], body: [UInt8] = [],
                                     closeConnection: Bool) -> [UInt8] {
        func has(_ name: String) -> Bool { headers.contains { $0.0.lowercased() == name.lowercased() } }
        var head = "\(method) \(path) HTTP/1.1\r\n"
        if !has("Host") { head += "Host: \(host)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let usuallyHasBody = ["POST", "PUT", "PATCH"].contains(method.uppercased())
        if (!body.isEmpty || usuallyHasBody), !has("Content-Length"), !has("Transfer-Encoding") {
            head += "Content-Length: \(body.count)\r\n"
        }
        if closeConnection, !has("Connection") { head += "Connection: close\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    /// An `application/x-www-form-urlencoded` body: unreserved characters kept, space as `+`,
    /// everything else as `%XX` of its UTF-8 bytes.
    public static func urlEncoded(_ fields: [(String, String)]) -> [UInt8] {
        Array(fields.map { "\(formEscape($0.0))=\(formEscape($0.1))" }.joined(separator: "&").utf8)
    }

    /// Escapes one form component the way browsers do (`a b€` gives `a+b%E2%82%AC`).
    public static func formEscape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%" + hexByte(byte)
            }
        }
        return out
    }

    /// A `multipart/form-data` body with a random boundary, and the `Content-Type` naming it.
    public static func multipart(fields: [(String, String)],
                                 files: [MultipartFile] = []) -> (contentType: String, body: [UInt8]) {
        let boundary = "RawHTTPBoundary" + hexByte(UInt8.random(in: 0...255))
            + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8)
            body += Array(value.utf8) + Array("\r\n".utf8)
        }
        for file in files {
            body += Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; "
                + "filename=\"\(file.filename)\"\r\nContent-Type: \(file.contentType)\r\n\r\n").utf8)
            body += file.content + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", body)
    }
}

/// A file part of a multipart body.
public struct MultipartFile: Sendable {
    public var field: String
    public var filename: String
    public var contentType: String
    public var content: [UInt8]

    public init(field: String, filename: String, contentType: String = "application/octet-stream",
                content: [UInt8]) {
        self.field = field
        self.filename = filename
        self.contentType = contentType
        self.content = content
    }
}

private func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
}

// MARK: - Connection

/// One open TCP connection: send several requests on it (keep-alive, pipelining) and read the
/// responses in order, or watch whether the server closes it.
public final class RawHTTPConnection {
    public let host: String
    public let port: UInt16
    public let timeout: Double
    private var fd: Int32
    private var reader = ResponseReader(buffer: [])
    private var sawEOF = false

    /// Connects at once (from the IPv4 address `source` when given); throws
    /// `RawHTTPError.cannotConnect` when nothing listens.
    public init(host: String = "127.0.0.1", port: UInt16, timeout: Double = 10, source: String? = nil) throws {
        self.host = host
        self.port = port
        self.timeout = timeout
        fd = try openSocket(host: host, port: port, timeout: timeout, source: source)
    }

    deinit { close() }

    /// Whether the socket is still open on our side.
    public var isOpen: Bool { fd >= 0 }

    /// The `Host` header value for this server.
    public var hostHeader: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Closes our side of the connection.
    public func close() {
        if fd >= 0 {
            _ = closeSocket(fd)
            fd = -1
        }
    }

    /// Writes `bytes` as they are, all of them.
    public func write(_ bytes: [UInt8]) throws {
        guard fd >= 0 else { throw RawHTTPError.writeFailed(code: EBADF) }
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                sendBytes(fd, buffer.baseAddress! + sent, buffer.count - sent)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw RawHTTPError.writeFailed(code: errno)
            }
            sent += result
        }
    }

    /// Writes `text` as UTF-8.
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Reads the next response on this connection.
    /// - Parameter requestMethod: the method of the request it answers (`HEAD` answers carry no body).
    public func readResponse(requestMethod: String = "GET") throws -> RawHTTPResponse {
        let deadline = Deadline(seconds: timeout)
        while true {
            if let response = try reader.next(requestMethod: requestMethod, atEOF: sawEOF) {
                return response
            }
            if sawEOF { throw RawHTTPError.closedBeforeResponse(receivedBytes: reader.buffer.count) }
            try fill(until: deadline)
        }
    }

    /// Writes `raw` and reads the answer; the method is taken from the first word of `raw`.
    /// If the write fails because the server already answered and closed, the answer is returned.
    public func send(raw: [UInt8]) throws -> RawHTTPResponse {
        let method = String(decoding: raw.prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self)
        do {
            try write(raw)
        } catch let writeError {
            // A server may answer (413, 431) and close before reading everything we send.
            if let response = try? readResponse(requestMethod: method) { return response }
            throw writeError
        }
        return try readResponse(requestMethod: method)
    }

    /// Sends a request on this connection, adding `Host` and `Content-Length` (but not
    /// `Connection: close`, so the connection stays open), and reads the answer.
    public func request(_ method: String, _ path: String, headers: [(String, String)] = [],
                        body: [UInt8] = []) throws -> RawHTTPResponse {
        try send(raw: RawHTTPClient.encodeRequest(method, path, host: hostHeader, headers: headers, body: body,
                                                  closeConnection: false))
    }

    /// Waits until the server closes the connection (end of stream or reset), reading and
    /// discarding anything it sends. True when it closed within `seconds`, false otherwise.
    public func waitForServerClose(within seconds: Double) -> Bool {
        let deadline = Deadline(seconds: seconds)
        while !sawEOF {
            do {
                try fill(until: deadline)
            } catch RawHTTPError.timedOut {
                return false
            } catch {
                return true // reset or other error: the connection is gone
            }
        }
        return true
    }

    /// Receives at least one more byte into the reader, or notes end of stream.
    private func fill(until deadline: Deadline) throws {
        guard fd >= 0 else { throw RawHTTPError.readFailed(code: EBADF) }
        while true {
            let remaining = deadline.remainingMilliseconds
            if remaining <= 0 { throw RawHTTPError.timedOut(afterSeconds: deadline.seconds) }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(remaining, Int(Int32.max))))
            if ready < 0 {
                if errno == EINTR { continue }
                throw RawHTTPError.readFailed(code: errno)
            }
            if ready == 0 { continue } // the deadline check above ends the loop
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw RawHTTPError.readFailed(code: errno)
            }
            if count == 0 {
                sawEOF = true
            } else {
                reader.buffer += chunk[..<count]
            }
            return
        }
    }
}

// MARK: - Parsing

/// Splits received bytes into responses; keeps what is left for the next one.
struct ResponseReader {
    var buffer: [UInt8]

    /// The next complete response, or nil when more bytes are needed.
    /// Interim `1xx` responses (`100 Continue`) are skipped.
    mutating func next(requestMethod: String, atEOF: Bool) throws -> RawHTTPResponse? {
        while true {
            guard let headEnd = find([13, 10, 13, 10], in: buffer) else {
                if buffer.count > 1024 * 1024 { throw RawHTTPError.malformedResponse("no end of header") }
                return nil
            }
            var response = try parseHead(Array(buffer[..<headEnd]))
            let bodyStart = headEnd + 4
            if (100..<200).contains(response.status) {
                buffer.removeSubrange(..<bodyStart)
                continue
            }
            let noBody = requestMethod.uppercased() == "HEAD" || response.status == 204 || response.status == 304
            if noBody {
                buffer.removeSubrange(..<bodyStart)
                return response
            }
            if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
                guard let (body, end) = try dechunk(from: bodyStart) else {
                    if atEOF { throw RawHTTPError.closedBeforeResponse(receivedBytes: buffer.count) }
                    return nil
                }
                response.body = body
                buffer.removeSubrange(..<end)
                return response
            }
            if let lengthText = response.header("Content-Length") {
                guard let length = Int(lengthText.trimmingCharacters(), radix: 10), length >= 0 else {
                    throw RawHTTPError.malformedResponse("bad Content-Length \(lengthText)")
                }
                guard buffer.count - bodyStart >= length else {
                    if atEOF { throw RawHTTPError.closedBeforeResponse(receivedBytes: buffer.count) }
                    return nil
                }
                response.body = Array(buffer[bodyStart..<(bodyStart + length)])
                buffer.removeSubrange(..<(bodyStart + length))
                return response
            }
            // No length: the body runs to the end of the connection.
            guard atEOF else { return nil }
            response.body = Array(buffer[bodyStart...])
            buffer = []
            return response
        }
    }

    private func parseHead(_ head: [UInt8]) throws -> RawHTTPResponse {
        let lines = split(head, on: [13, 10]).map { String(decoding: $0, as: UTF8.self) }
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else {
            throw RawHTTPError.malformedResponse("status line \(lines.first ?? "")")
        }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw RawHTTPError.malformedResponse("status line \(statusLine)")
        }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw RawHTTPError.malformedResponse("header line \(line)")
            }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters()))
        }
        return RawHTTPResponse(status: status, reason: parts.count > 2 ? String(parts[2]) : "",
                               version: String(parts[0]), headers: headers)
    }

    /// Decodes a chunked body starting at `start`: the body and the index after the trailers,
    /// or nil when it is not complete yet.
    private func dechunk(from start: Int) throws -> ([UInt8], Int)? {
        var body: [UInt8] = []
        var index = start
        while true {
            guard let lineEnd = find([13, 10], in: buffer, from: index) else { return nil }
            let sizeLine = String(decoding: buffer[index..<lineEnd], as: UTF8.self)
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(), radix: 16), size >= 0 else {
                throw RawHTTPError.malformedResponse("chunk size \(sizeLine)")
            }
            index = lineEnd + 2
            if size == 0 {
                // Trailers, up to an empty line.
                while true {
                    guard let trailerEnd = find([13, 10], in: buffer, from: index) else { return nil }
                    let empty = trailerEnd == index
                    index = trailerEnd + 2
                    if empty { return (body, index) }
                }
            }
            guard buffer.count >= index + size + 2 else { return nil }
            body += buffer[index..<(index + size)]
            guard buffer[index + size] == 13, buffer[index + size + 1] == 10 else {
                throw RawHTTPError.malformedResponse("chunk not followed by CRLF")
            }
            index += size + 2
        }
    }
}

private func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
    guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    var index = start
    while index <= haystack.count - needle.count {
        if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
        index += 1
    }
    return nil
}

private func split(_ bytes: [UInt8], on separator: [UInt8]) -> [ArraySlice<UInt8>] {
    var parts: [ArraySlice<UInt8>] = []
    var start = 0
    while let index = find(separator, in: bytes, from: start) {
        parts.append(bytes[start..<index])
        start = index + separator.count
    }
    parts.append(bytes[start...])
    return parts
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

// MARK: - Cookie jar

/// Keeps the cookies a server sets, like a browser would for one site, and sends them back.
///
/// ```swift
/// var jar = CookieJar()
/// jar.absorb(try client.postForm("/login", fields: [...]))
/// let page = try client.get("/", headers: jar.header.map { [("Cookie", $0)] } ?? [])
/// ```
public struct CookieJar: Sendable {
    /// The cookies held, in the order first set.
    public private(set) var cookies: [(name: String, value: String)] = []

    public init() {}

    /// The value of the cookie `name`, if held.
    public subscript(name: String) -> String? {
        cookies.first { $0.name == name }?.value
    }

    /// Takes in every `Set-Cookie` of `response`: sets or replaces cookies, and forgets those
    /// sent with `Max-Age=0` (or a negative age), the way servers delete a cookie.
    public mutating func absorb(_ response: RawHTTPResponse) {
        for line in response.headers(named: "Set-Cookie") {
            let parts = line.split(separator: ";").map { String($0).trimmingCharacters() }
            guard let pair = parts.first, let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq])
            let value = String(pair[pair.index(after: eq)...])
            guard !name.isEmpty else { continue }
            let expired = parts.dropFirst().contains { attribute in
                let lower = attribute.lowercased()
                guard lower.hasPrefix("max-age=") else { return false }
                return (Int(lower.dropFirst("max-age=".count)) ?? 1) <= 0
            }
            if expired {
                cookies.removeAll { $0.name == name }
            } else if let index = cookies.firstIndex(where: { $0.name == name }) {
                cookies[index].value = value
            } else {
                cookies.append((name, value))
            }
        }
    }

    /// Sets a cookie by hand.
    public mutating func set(_ name: String, _ value: String) {
        if let index = cookies.firstIndex(where: { $0.name == name }) {
            cookies[index].value = value
        } else {
            cookies.append((name, value))
        }
    }

    /// Forgets every cookie.
    public mutating func removeAll() { cookies = [] }

    /// The `Cookie` request header value (`a=1; b=2`), or nil when the jar is empty.
    public var header: String? {
        cookies.isEmpty ? nil : cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// `[("Cookie", header)]`, or no headers when the jar is empty: ready to pass to `request`.
    public var requestHeaders: [(String, String)] {
        header.map { [("Cookie", $0)] } ?? []
    }
}

// MARK: - Sockets

private struct Deadline {
    let seconds: Double
    private let end: Double

    init(seconds: Double) {
        self.seconds = seconds
        end = monotonicSeconds() + seconds
    }

    var remainingMilliseconds: Int { Int(((end - monotonicSeconds()) * 1000).rounded(.up)) }
}

private func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
}

private func openSocket(host: String, port: UInt16, timeout: Double, source: String?) throws -> Int32 {
    let text = host == "localhost" ? "127.0.0.1" : host
    let isIPv6 = text.contains(":")
    #if canImport(Darwin)
    let streamType = SOCK_STREAM
    #else
    let streamType = Int32(SOCK_STREAM.rawValue)
    #endif
    let fd = socket(isIPv6 ? AF_INET6 : AF_INET, streamType, 0)
    guard fd >= 0 else { throw RawHTTPError.cannotConnect(host: host, port: port, code: errno) }
    var sendTimeout = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
    _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
    #if canImport(Darwin)
    var one: Int32 = 1
    _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
    #endif
    if let source {
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        let parsed = inet_pton(AF_INET, source, &local.sin_addr) == 1
        let bound = parsed ? withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } : -1
        guard bound == 0 else {
            _ = closeSocket(fd)
            throw RawHTTPError.invalidAddress(source)
        }
    }
    let result: Int32
    if isIPv6 {
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = port.bigEndian
        guard inet_pton(AF_INET6, text, &address.sin6_addr) == 1 else {
            _ = closeSocket(fd)
            throw RawHTTPError.invalidAddress(host)
        }
        result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
            }
        }
    } else {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, text, &address.sin_addr) == 1 else {
            _ = closeSocket(fd)
            throw RawHTTPError.invalidAddress(host)
        }
        result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
    if result != 0 {
        let code = errno
        _ = closeSocket(fd)
        throw RawHTTPError.cannotConnect(host: host, port: port, code: code)
    }
    return fd
}

private func sendBytes(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return send(fd, pointer, count, 0)
    #else
    return send(fd, pointer, count, Int32(MSG_NOSIGNAL))
    #endif
}

private func closeSocket(_ fd: Int32) -> Int32 {
    close(fd)
}
