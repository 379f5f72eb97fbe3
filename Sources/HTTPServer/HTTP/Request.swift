import Foundation

/// One HTTP request as the application sees it: decoded path, query, headers, body and form.
public final class Request: @unchecked Sendable {
    public let method: HTTPMethod
    /// The percent-decoded path, always starting with `/`.
    public let path: String
    /// The raw query string without `?` (empty when absent).
    public let rawQuery: String
    public let headers: HTTPHeaders
    public let body: [UInt8]
    /// Files from a multipart body, streamed to temporary files.
    public let files: [UploadedFile]
    /// Fields from a multipart body.
    public let multipartFields: [String: [String]]
    public let clientAddress: String
    public let isSecure: Bool
    /// Path parameters filled in by the router (`/people/:nip` gives `["nip": ...]`).
    public internal(set) var parameters: [String: String] = [:]
    /// Free slots for middleware to hand values to handlers (the session, the user).
    public var storage: [String: any Sendable] = [:]

    public init(method: HTTPMethod, path: String, rawQuery: String = "", headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = [], files: [UploadedFile] = [], multipartFields: [String: [String]] = [:],
                clientAddress: String = "127.0.0.1", isSecure: Bool = false) {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.files = files
        self.multipartFields = multipartFields
        self.clientAddress = clientAddress
        self.isSecure = isSecure
    }

    public private(set) lazy var cookies: [String: String] = parseCookies(headers["Cookie"])

    /// The decoded query; throws `FormDecodingError` on broken encoding.
    public func query() throws(FormDecodingError) -> FormData { try FormData(urlEncoded: rawQuery) }

    /// The decoded body of an urlencoded or multipart form; throws `FormDecodingError` on broken input.
    /// Decoded once per request (the CSRF check and the handler both read it).
    public func form() throws(FormDecodingError) -> FormData {
        try decodedForm.get()
    }

    private lazy var decodedForm: Result<FormData, FormDecodingError> = {
        let type = headers["Content-Type"]?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            return Result { () throws(FormDecodingError) in try FormData(checking: multipartFields) }
        }
        guard let text = String(validating: body, as: UTF8.self) else { return .failure(.invalidUTF8) }
        return Result { () throws(FormDecodingError) in try FormData(urlEncoded: text) }
    }()

    /// The body decoded as JSON into `T`.
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(body))
    }

    /// Whether the client asked for JSON rather than HTML.
    public var wantsJSON: Bool {
        path.hasPrefix("/api/") || (headers["Accept"]?.contains("application/json") ?? false)
    }
}

/// A file from a multipart upload, kept on disk until the request completes.
public struct UploadedFile: Sendable {
    public let field: String
    /// The name the client gave; display text only, never a path to trust.
    public let clientFilename: String
    public let contentType: String
    public let temporaryPath: String
    public let size: Int
}
