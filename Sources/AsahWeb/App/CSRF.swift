import AsahCore
import HTTPServer

/// Cross-site request forgery checks for every state-changing request.
///
/// - Signed in with the session cookie: the session's token must come back as the `_csrf`
///   form field or the `X-CSRF-Token` header.
/// - Signed in with a bearer token: nothing to forge (browsers never send it on their own).
/// - Not signed in (the login form): the `_csrf` field must match the `asah_csrf` cookie
///   (double submit); JSON API calls must really be JSON, which a cross-site form cannot send.
enum CSRF {
    static let anonymousCookie = "asah_csrf"
    static let header = "X-CSRF-Token"
    static let field = "_csrf"

    static func isValid(_ request: Request, session: SessionStore.Session?, viaBearer: Bool) -> Bool {
        guard request.method.isUnsafe, !viaBearer else { return true }
        let sent = request.headers[header] ?? submittedField(request)
        if let session { return sent.map { SecureToken.equal($0, session.csrfToken) } ?? false }
        if request.path.hasPrefix("/api/") { return isJSON(request) }
        guard let cookie = request.cookies[anonymousCookie], let sent else { return false }
        return SecureToken.equal(sent, cookie)
    }

    /// Whether the request says its body is JSON, which a cross-site form cannot send.
    static func isJSON(_ request: Request) -> Bool {
        request.headers["Content-Type"]?.lowercased().hasPrefix("application/json") ?? false
    }

    private static func submittedField(_ request: Request) -> String? {
        (try? request.form())?[field]
    }

    /// The visitor's anonymous token, creating one (and its cookie) when missing.
    static func anonymousToken(_ request: Request) -> (token: String, cookie: SetCookie?) {
        if let existing = request.cookies[anonymousCookie], existing.count >= 32 { return (existing, nil) }
        let token = SecureToken.generate()
        return (token, SetCookie(name: anonymousCookie, value: token, secure: request.isSecure, sameSite: .strict))
    }
}
