import Foundation

/// An HTTP response: status, headers and a body held in memory.
public struct Response: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page in UTF-8.
    public static func html(_ text: String, status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/html; charset=utf-8")
        return Response(status: status, headers: headers, body: Array(text.utf8))
    }

    /// Plain text in UTF-8.
    public static func text(_ text: String, status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain; charset=utf-8")
        return Response(status: status, headers: headers, body: Array(text.utf8))
    }

    /// A JSON document encoded from `value`.
    public static func json<T: Encodable>(_ value: T, status: Int = 200) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return rawJSON(Array(data), status: status)
    }

    /// A JSON document whose bytes are already encoded.
    public static func rawJSON(_ bytes: [UInt8], status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        return Response(status: status, headers: headers, body: bytes)
    }

    /// A `303 See Other` redirect, the right answer after a successful form post.
    public static func redirect(to location: String, status: Int = 303) -> Response {
        var headers = HTTPHeaders()
        headers.add("Location", location)
        return Response(status: status, headers: headers)
    }

    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}
