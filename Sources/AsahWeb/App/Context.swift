import AsahCore
import Foundation
import HTTPServer

/// Everything a handler needs for one request: the request, who made it, their language,
/// the services, and helpers to answer with a page, JSON or an error.
public struct Context: Sendable {
    public let request: Request
    public let principal: Principal?
    /// The session behind a cookie-authenticated request (nil for bearer tokens and visitors).
    public let session: SessionStore.Session?
    /// Unread notifications of the caller, for the menu.
    let unreadNotifications: Int
    public let localizer: Localizer
    let services: Services

    var ip: String { request.clientAddress }

    /// The signed-in user; only call on routes whose access rule requires sign-in.
    var user: Principal { principal! }

    /// The CSRF token to embed in forms.
    var csrfToken: String {
        session?.csrfToken ?? request.cookies[CSRF.anonymousCookie] ?? ""
    }

    /// Renders `template` inside the layout with `data`.
    func page(_ template: String, title: String, _ data: [String: Any] = [:], status: Int = 200) -> Response {
        services.views.render(template, title: title, data: data, context: self, status: status)
    }

    /// Answers with the error page or JSON error for `status`.
    func error(_ status: Int, _ messageKey: String, code: String? = nil, values: [String: String] = [:]) -> Response {
        let message = localizer.t(messageKey, values)
        if request.wantsJSON { return APIError.response(status: status, code: code ?? APIError.code(for: status), message: message) }
        return page("error", title: localizer.t("error_title_\(status)"), ["status": status, "message": message], status: status)
    }

    func notFound() -> Response { error(404, "error_not_found") }
    func forbidden() -> Response { error(403, "error_forbidden") }

    /// The decoded form, or a 400 explaining the broken encoding.
    func form() throws -> FormData {
        do { return try request.form() } catch { throw HTTPFailure(response: self.error(400, "error_bad_encoding", code: "bad_request")) }
    }

    /// The decoded query, or a 400 explaining the broken encoding.
    func query() throws -> FormData {
        do { return try request.query() } catch { throw HTTPFailure(response: self.error(400, "error_bad_encoding", code: "bad_request")) }
    }

    /// The JSON body decoded as `T`, or a 400 saying what is wrong.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        guard request.headers["Content-Type"]?.lowercased().hasPrefix("application/json") == true else {
            throw HTTPFailure(response: APIError.response(status: 415, code: "unsupported_media_type",
                                                         message: localizer.t("error_json_required")))
        }
        do { return try request.decodeJSON(T.self) } catch {
            throw HTTPFailure(response: APIError.response(status: 400, code: "bad_request", message: localizer.t("error_bad_json")))
        }
    }
}

/// Thrown by helpers to end a handler early with a ready answer.
struct HTTPFailure: Error {
    let response: Response
}
