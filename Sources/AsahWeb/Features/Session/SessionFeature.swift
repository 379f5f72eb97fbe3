import AsahCore
import Foundation
import HTTPServer

/// Signing in and out, as pages and as the JSON API.
struct SessionFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/login", .anyone, loginPage),
            RouteSpec(.post, "/login", .anyone, loginForm),
            RouteSpec(.post, "/logout", .signedIn(.useAccount), logout),
            RouteSpec(.post, "/api/v1/session", .anyone, apiLogin),
            RouteSpec(.delete, "/api/v1/session", .signedIn(.useAccount), apiLogout),
        ]
    }

    private func loginPage(_ context: Context) throws -> Response {
        if context.principal != nil { return .redirect(to: "/") }
        guard context.request.rawQuery.isEmpty else { return renderLogin(context, login: "", error: nil, status: 200) }
        let (token, cookie) = CSRF.anonymousToken(context.request)
        var response = context.services.loginPages.response(locale: context.localizer.locale, token: token) { token in
            drawLogin(context, login: "", error: nil, status: 200, token: token)
        }
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func renderLogin(_ context: Context, login: String, error: String?, status: Int) -> Response {
        let (token, cookie) = CSRF.anonymousToken(context.request)
        var response = drawLogin(context, login: login, error: error, status: status, token: token)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func drawLogin(_ context: Context, login: String, error: String?, status: Int, token: String) -> Response {
        let next = URLEncoding.safeReturnPath((try? context.request.query())?["next"] ?? (try? context.request.form())?["next"])
        return context.page("login", title: context.localizer.t("login_title"),
                            ["login": login, "error": error as Any, "next": next, "csrf": token], status: status)
    }

    private func loginForm(_ context: Context) throws -> Response {
        let form = try context.form()
        let login = form.trimmed("login") ?? ""
        let password = form["password"] ?? ""
        guard !login.isEmpty, !password.isEmpty else {
            return renderLogin(context, login: login, error: context.localizer.t("login_missing"), status: 422)
        }
        switch try attempt(context, login: login, password: password) {
        case .success(let token):
            var response = Response.redirect(to: URLEncoding.safeReturnPath(form["next"]))
            response.setCookie(Self.sessionCookie(token, context))
            return response
        case .failure(let failure):
            return renderLogin(context, login: login, error: message(failure, context), status: status(failure))
        }
    }

    private func attempt(_ context: Context, login: String, password: String) throws -> Result<String, Authenticator.Failure> {
        if let session = context.session {
            try context.services.sessions.delete(id: session.id)
            context.services.identities.invalidate(userId: session.userId)
        }
        return try context.services.authenticator.login(login, password: password, ip: context.ip,
                                                        userAgent: context.request.headers["User-Agent"]).map(\.token)
    }

    private func logout(_ context: Context) throws -> Response {
        if let session = context.session {
            try context.services.authenticator.logout(sessionId: session.id, userId: session.userId, ip: context.ip)
            context.services.identities.invalidate(userId: session.userId)
        }
        var response = Response.redirect(to: "/login")
        response.setCookie(.expired(Authentication.sessionCookie, secure: context.request.isSecure))
        return response
    }

    private struct Credentials: Decodable {
        let login: String
        let password: String
    }

    private struct LoginAnswer: Encodable {
        let csrf_token: String
        let user: MeAPI.Me
    }

    private func apiLogin(_ context: Context) throws -> Response {
        let credentials = try context.json(Credentials.self)
        let result = try context.services.authenticator.login(credentials.login, password: credentials.password,
                                                              ip: context.ip, userAgent: context.request.headers["User-Agent"])
        switch result {
        case .success(let (token, session)):
            guard let principal = try context.services.accounts.principal(userId: session.userId) else {
                return context.error(401, "login_invalid")
            }
            var response = Response.json(LoginAnswer(csrf_token: session.csrfToken, user: MeAPI.Me(principal)))
            response.setCookie(Self.sessionCookie(token, context))
            return response
        case .failure(let failure):
            var response = APIError.response(status: status(failure), code: code(failure), message: message(failure, context))
            if case .throttled(let wait) = failure { response.headers.add("Retry-After", String(wait)) }
            return response
        }
    }

    private func apiLogout(_ context: Context) throws -> Response {
        if let session = context.session {
            try context.services.authenticator.logout(sessionId: session.id, userId: session.userId, ip: context.ip)
            context.services.identities.invalidate(userId: session.userId)
        }
        var response = Response(status: 204)
        response.setCookie(.expired(Authentication.sessionCookie, secure: context.request.isSecure))
        return response
    }

    /// The cookie holding a new session's token.
    static func sessionCookie(_ token: String, _ context: Context) -> SetCookie {
        SetCookie(name: Authentication.sessionCookie, value: token, secure: context.request.isSecure, sameSite: .lax)
    }

    private func message(_ failure: Authenticator.Failure, _ context: Context) -> String {
        switch failure {
        case .invalidCredentials: context.localizer.t("login_invalid")
        case .throttled(let wait):
            context.localizer.t("login_throttled", ["minutes": String(max(1, (wait + 59) / 60))])
        case .directoryUnavailable: context.localizer.t("login_directory_unavailable")
        case .noLinkedAccount: context.localizer.t("login_no_linked_account")
        }
    }

    private func status(_ failure: Authenticator.Failure) -> Int {
        switch failure {
        case .invalidCredentials, .noLinkedAccount: 401
        case .throttled: 429
        case .directoryUnavailable: 503
        }
    }

    /// The JSON API's error code for `failure`.
    private func code(_ failure: Authenticator.Failure) -> String {
        switch failure {
        case .invalidCredentials: "invalid_credentials"
        case .throttled: "too_many_attempts"
        case .directoryUnavailable: "directory_unavailable"
        case .noLinkedAccount: "no_linked_account"
        }
    }
}
