import Foundation
import HTTPTestSupport

/// Keeps cookies and the CSRF token between requests, like a browser with one tab.
struct Browser {
    let client: RawHTTPClient
    var jar = CookieJar()
    /// The CSRF token of the current page's forms.
    var csrf = ""

    init(client: RawHTTPClient) {
        self.client = client
    }

    private var cookieHeader: [(String, String)] { jar.header.map { [("Cookie", $0)] } ?? [] }

    /// GET a page, keeping its cookies and the CSRF token of its forms.
    @discardableResult
    mutating func get(_ path: String, headers: [(String, String)] = []) throws -> RawHTTPResponse {
        let response = try client.get(path, headers: cookieHeader + headers)
        jar.absorb(response)
        if let token = Self.csrfToken(in: response.text) { csrf = token }
        return response
    }

    /// POST a form, adding the CSRF token unless `withToken` is false.
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)], withToken: Bool = true) throws -> RawHTTPResponse {
        let response = try client.postForm(path, fields: (withToken ? [("_csrf", csrf)] : []) + fields, headers: cookieHeader)
        jar.absorb(response)
        if let token = Self.csrfToken(in: response.text) { csrf = token }
        return response
    }

    /// POST a multipart form with files, adding the CSRF token.
    @discardableResult
    mutating func postMultipart(_ path: String, fields: [(String, String)], files: [MultipartFile]) throws -> RawHTTPResponse {
        let response = try client.postMultipart(path, fields: [("_csrf", csrf)] + fields, files: files, headers: cookieHeader)
        jar.absorb(response)
        return response
    }

    /// Any request with this browser's cookies.
    @discardableResult
    mutating func request(_ method: String, _ path: String, headers: [(String, String)] = [],
                          body: [UInt8] = []) throws -> RawHTTPResponse {
        let response = try client.request(method, path, headers: cookieHeader + headers, body: body)
        jar.absorb(response)
        return response
    }

    /// Signs in through the login page as a person would.
    mutating func signIn(_ login: String, password: String) throws {
        try get("/login")
        let response = try post("/login", [("login", login), ("password", password), ("next", "/")])
        guard response.status == 303 else { throw SignInFailed(status: response.status, body: response.text) }
        try get("/")
    }

    struct SignInFailed: Error {
        let status: Int
        let body: String
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let token = String(rest[..<end])
        return token.isEmpty ? nil : token
    }
}
