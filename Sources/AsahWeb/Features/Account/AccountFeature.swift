import AsahCore
import Foundation
import HTTPServer

/// The signed-in user's own account: e-mail choices, password, language and personal access tokens.
struct AccountFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/account", .signedIn(.useAccount)) { try page($0) },
            RouteSpec(.post, "/account/password", .signedIn(.useAccount), changePassword),
            RouteSpec(.post, "/account/email", .signedIn(.useAccount)) { context in
                let form = try context.form()
                let on = form["email_notifications"] != nil
                let queue = EmailQueue(database: context.services.database)
                try queue.setEnabled(userId: context.user.userId, on)
                try queue.setDigest(userId: context.user.userId, form["email_digest"] == "daily")
                try queue.setKindsOff(userId: context.user.userId, EmailKindGroups.kindsOff { form[$0] != nil })
                return try page(context, notice: context.localizer.t(on ? "email_turned_on" : "email_turned_off"))
            },
            RouteSpec(.post, "/account/tokens", .signedIn(.useAccount), createToken),
            RouteSpec(.post, "/account/tokens/:id/revoke", .signedIn(.useAccount), revokeToken),
            RouteSpec(.get, "/api/v1/tokens", .signedIn(.useAccount)) { context in
                .json(try context.services.tokens.list(userId: context.user.userId).map(TokenJSON.init))
            },
            RouteSpec(.post, "/api/v1/tokens", .signedIn(.useAccount), apiCreateToken),
            RouteSpec(.delete, "/api/v1/tokens/:id", .signedIn(.useAccount), apiRevokeToken),
        ]
    }

    private func page(_ context: Context, notice: String? = nil, error: String? = nil, newToken: String? = nil,
                      status: Int = 200) throws -> Response {
        let localizer = context.localizer
        let tokens = try context.services.tokens.list(userId: context.user.userId).map { token -> [String: Any] in
            [
                "id": token.id, "name": token.name, "created": localizer.moment(token.createdAt),
                "lastUsed": token.lastUsedAt.map(localizer.dateTime) ?? localizer.t("account_token_never"),
                "expires": localizer.date(token.expiresAt),
                "revoked": token.revokedAt != nil, "expired": token.revokedAt == nil && !token.isLive(),
                "live": token.isLive(),
            ]
        }
        let lifetimes = APITokens.Lifetime.allCases.map { lifetime -> [String: Any] in
            ["days": lifetime.days, "label": localizer.count("token_lifetime_days", lifetime.days),
             "selected": lifetime == .standard]
        }
        let queue = EmailQueue(database: context.services.database)
        return context.page("account", title: context.localizer.t("account_title"), [
            "notice": notice as Any, "error": error as Any, "newToken": newToken as Any, "tokens": tokens,
            "hasTokens": !tokens.isEmpty, "minLength": PasswordPolicy.minimumLength, "lifetimes": lifetimes,
            "isEnglish": context.localizer.locale == "en",
            "emailOn": try queue.isEnabled(userId: context.user.userId),
            "emailDigest": try queue.isDigest(userId: context.user.userId),
            "emailKinds": EmailKindGroups.view(off: try queue.kindsOff(userId: context.user.userId), localizer),
        ], status: status)
    }

    private func changePassword(_ context: Context) throws -> Response {
        let form = try context.form()
        let new = form["new_password"] ?? ""
        guard new == form["confirm_password"] else {
            return try page(context, error: context.localizer.t("password_mismatch"), status: 422)
        }
        defer { context.services.identities.invalidate(userId: context.user.userId) }
        let problem = try context.services.accounts.changePassword(
            userId: context.user.userId, current: form["current_password"] ?? "", new: new,
            keepSession: context.session?.id, ip: context.ip)
        if let problem { return try page(context, error: AccountMessages.text(problem, context.localizer), status: 422) }
        return try page(context, notice: context.localizer.t("password_changed"))
    }

    /// A token must not be able to mint more (a stolen one would outlive its own expiry and
    /// revocation): making one, by the form or the API, takes a signed-in browser session.
    private func refusalWithoutSession(_ context: Context) -> Response? {
        context.session == nil ? context.error(403, "token_needs_session", code: "forbidden") : nil
    }

    private func createToken(_ context: Context) throws -> Response {
        if let refusal = refusalWithoutSession(context) { return refusal }
        let form = try context.form()
        guard let name = form.trimmed("name"), name.count <= 100 else {
            return try page(context, error: context.localizer.t("token_name_required"), status: 422)
        }
        // Only the lifetimes offered: a forged or mistyped one is refused, never lengthened.
        let chosen = form.trimmed("days").map { BoundedNumbers.integer($0, in: 1...365).flatMap(APITokens.Lifetime.init) }
        guard let lifetime = chosen ?? .standard else {
            return try page(context, error: context.localizer.t("token_lifetime_invalid"), status: 422)
        }
        let secret = try context.services.tokens.create(userId: context.user.userId, name: name, lifetime: lifetime, ip: context.ip)
        return try page(context, notice: context.localizer.t("token_created"), newToken: secret)
    }

    private func revokeToken(_ context: Context) throws -> Response {
        guard let id = context.pathID("id"),
              try context.services.tokens.revoke(id: id, userId: context.user.userId, ip: context.ip) else {
            return context.notFound()
        }
        context.services.identities.invalidate(userId: context.user.userId)
        return .redirect(to: "/account")
    }

    private struct TokenJSON: Encodable {
        let id: Int64
        let name: String
        let created_at: Int64
        let last_used_at: Int64?
        let expires_at: Int64
        let revoked: Bool
        let expired: Bool

        init(_ token: APITokens.Token) {
            id = token.id
            name = token.name
            created_at = token.createdAt
            last_used_at = token.lastUsedAt
            expires_at = token.expiresAt
            revoked = token.revokedAt != nil
            expired = token.revokedAt == nil && !token.isLive()
        }
    }

    private struct NewToken: Decodable {
        let name: String
        let days: Int?
    }
    private struct CreatedToken: Encodable { let token: String; let name: String }

    private func apiCreateToken(_ context: Context) throws -> Response {
        if let refusal = refusalWithoutSession(context) { return refusal }
        let body = try context.json(NewToken.self)
        let name = body.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else {
            return APIError.response(status: 422, code: "invalid", message: context.localizer.t("token_name_required"))
        }
        guard let lifetime = body.days.map(APITokens.Lifetime.init) ?? .standard else {
            return APIError.response(status: 422, code: "invalid", message: context.localizer.t("token_lifetime_invalid"))
        }
        let secret = try context.services.tokens.create(userId: context.user.userId, name: name, lifetime: lifetime, ip: context.ip)
        return .json(CreatedToken(token: secret, name: name), status: 201)
    }

    private func apiRevokeToken(_ context: Context) throws -> Response {
        guard let id = context.pathID("id"),
              try context.services.tokens.revoke(id: id, userId: context.user.userId, ip: context.ip) else {
            return context.notFound()
        }
        context.services.identities.invalidate(userId: context.user.userId)
        return Response(status: 204)
    }
}

/// User-facing text for account problems.
enum AccountMessages {
    static func text(_ problem: Accounts.Problem, _ localizer: Localizer) -> String {
        switch problem {
        case .loginTaken: localizer.t("account_login_taken")
        case .loginInvalid: localizer.t("account_login_invalid")
        case .unknownEmployee: localizer.t("account_unknown_employee")
        case .employeeHasAccount: localizer.t("account_employee_has_account")
        case .wrongCurrentPassword: localizer.t("password_wrong_current")
        case .unknownUser: localizer.t("error_not_found")
        case .weakPassword(.tooShort): localizer.t("password_too_short", ["n": String(PasswordPolicy.minimumLength)])
        case .weakPassword(.tooLong): localizer.t("password_too_long")
        case .weakPassword(.sameAsLogin): localizer.t("password_same_as_login")
        }
    }
}
