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
    /// The caller's counts shown in the menu.
    let menuCounts: MenuCounts
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

    /// The decoded form, or a 400 explaining the broken encoding or the control character.
    func form() throws -> FormData {
        do { return try request.form() } catch { throw HTTPFailure(response: refusal(error)) }
    }

    /// The query string, read through typed accessors; a 400 when its encoding is broken.
    func query() throws -> Query {
        do { return Query(fields: try request.query(), context: self) } catch { throw HTTPFailure(response: refusal(error)) }
    }

    /// The answer to a form body that cannot be read (broken encoding, a control character),
    /// given before the CSRF check, which reads the same form: nil when the body is not a form
    /// or reads well.
    func unreadableFormAnswer() -> Response? {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/form-data") else { return nil }
        do { _ = try request.form(); return nil } catch { return refusal(error) }
    }

    private func refusal(_ error: FormDecodingError) -> Response {
        switch error {
        case .controlCharacter(let field):
            self.error(400, "error_control_character", code: "bad_request", values: ["field": field])
        case .brokenPercentEncoding, .invalidUTF8:
            self.error(400, "error_bad_encoding", code: "bad_request")
        }
    }

    /// The JSON body decoded as `T`, or a 400 saying what is wrong: not JSON, a field missing
    /// or of the wrong type, a key `T` does not know, or a control character in text.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        guard CSRF.isJSON(request) else {
            throw HTTPFailure(response: APIError.response(status: 415, code: "unsupported_media_type",
                                                         message: localizer.t("error_json_required")))
        }
        let value: T
        do { value = try request.decodeJSON(T.self) } catch let DecodingError.keyNotFound(key, context) {
            throw jsonFailure("error_json_field_missing", field: Self.path(context.codingPath + [key]))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw jsonFailure("error_json_field_type", field: Self.path(context.codingPath))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw jsonFailure("error_json_field_type", field: Self.path(context.codingPath))
        } catch {
            throw HTTPFailure(response: APIError.response(status: 400, code: "bad_request", message: localizer.t("error_bad_json")))
        }
        switch JSONBodyCheck.problem(in: request.body, decoded: value) {
        case .unknownKey(let field)?: throw jsonFailure("error_json_field_unknown", field: field)
        case .controlCharacter(let field)?: throw jsonFailure("error_control_character", field: field)
        case nil: return value
        }
    }

    private func jsonFailure(_ key: String, field: String) -> HTTPFailure {
        HTTPFailure(response: APIError.response(status: 400, code: "bad_request", message: localizer.t(key, ["field": field]),
                                                details: ["field": field]))
    }

    /// A coding path as a JSON field name: `answers.q1`, `scores[2].nip`.
    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }
}

/// Thrown by helpers to end a handler early with a ready answer.
struct HTTPFailure: Error {
    let response: Response
}

extension Context {
    /// The path parameter `name` as a record id; nil (answer 404) when it is not a positive
    /// 64-bit number.
    func pathID(_ name: String = "id") -> Int64? {
        BoundedNumbers.id(request.parameters[name])
    }

    /// The path parameter `name` as a whole number inside `range`; nil (answer 404) otherwise.
    func pathInteger(_ name: String, in range: ClosedRange<Int>) -> Int? {
        BoundedNumbers.integer(request.parameters[name], in: range)
    }
}
