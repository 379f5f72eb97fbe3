import AsahCore
import Foundation
import HTTPServer

/// Administration: accounts, roles, password resets and the audit log.
struct AdminFeature: Feature {
    static let pageSize = 50

    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/admin/users", .signedIn(.manageAccounts)) {
                try users($0, notice: Notice.message($0, allowed: ["activation_already_active"]))
            },
            RouteSpec(.post, "/admin/users", .signedIn(.manageAccounts), addUser),
            RouteSpec(.post, "/admin/users/:id/password", .signedIn(.manageAccounts), resetPassword),
            RouteSpec(.post, "/admin/users/:id/roles", .signedIn(.manageAccounts), setRoles),
            RouteSpec(.post, "/admin/users/:id/active", .signedIn(.manageAccounts), setActive),
            RouteSpec(.get, "/admin/audit", .signedIn(.viewAuditLog), audit),
            RouteSpec(.get, "/api/v1/audit", .signedIn(.viewAuditLog)) { context in
                let page = try context.query().page()
                return .json(try AuditLog.page(limit: 100, offset: Pager.offset(page: page, pageSize: 100),
                                               in: context.services.database).entries.map(AuditJSON.init))
            },
        ] + AdminTokens.routes()
    }

    /// The account list, filtered by `?q=` or by `search` (the account just added).
    private func users(_ context: Context, notice: String? = nil, error: String? = nil, search chosen: String? = nil,
                       status: Int = 200) throws -> Response {
        let search = try chosen ?? context.query().trimmed("q")
        let requested = try context.query().page()
        let (accounts, total) = try context.services.accounts.list(search: search, limit: Self.pageSize,
                                                                   offset: Pager.offset(page: requested, pageSize: Self.pageSize))
        let pager = Pager(page: requested, total: total, pageSize: Self.pageSize)
        let rows = accounts.map { entry -> [String: Any] in
            [
                "id": entry.user.id ?? 0, "login": entry.user.login, "name": entry.user.displayName,
                "active": entry.user.active, "hasEmployee": entry.user.employeeId != nil,
                "awaitingActivation": entry.user.active && entry.user.employeeId != nil && entry.user.passwordHash == nil,
                "roles": Role.grantable.map { role in
                    ["role": role.rawValue, "label": context.localizer.t("role_\(role.rawValue)"),
                     "checked": entry.roles.contains(role)] as [String: Any]
                },
            ]
        }
        return context.page("admin_users", title: context.localizer.t("users_title"), pager.values(context.localizer) {
            "/admin/users?q=\(URLEncoding.component(search ?? ""))&page=\($0)"
        }.merging([
            "users": rows, "q": search ?? "", "notice": notice as Any, "error": error as Any,
            "grantable": Role.grantable.map { ["role": $0.rawValue, "label": context.localizer.t("role_\($0.rawValue)")] },
            "summary": context.localizer.count("users_count", total), "paged": pager.pages > 1,
        ]) { $1 }, status: status)
    }

    private func addUser(_ context: Context) throws -> Response {
        let form = try context.form()
        let roles = Set(form.all("roles").compactMap(Role.init(rawValue:)))
        let result = try context.services.accounts.add(
            login: form.trimmed("login") ?? "", nip: form.trimmed("nip")?.filter { !$0.isWhitespace },
            displayName: form.trimmed("name"), password: form["password"] ?? "", roles: roles,
            actor: context.user.userId, ip: context.ip)
        switch result {
        case .success: return try users(context, notice: context.localizer.t("users_added"), search: form.trimmed("login"))
        case .failure(let problem):
            return try users(context, error: AccountMessages.text(problem, context.localizer), status: 422)
        }
    }

    private func resetPassword(_ context: Context) throws -> Response {
        guard let id = context.pathID("id") else { return context.notFound() }
        let form = try context.form()
        defer { context.services.identities.invalidate(userId: id) }
        if let problem = try context.services.accounts.resetPassword(userId: id, to: form["password"] ?? "",
                                                                     actor: context.user.userId, ip: context.ip) {
            if problem == .unknownUser { return context.notFound() }
            return try users(context, error: AccountMessages.text(problem, context.localizer), status: 422)
        }
        return try users(context, notice: context.localizer.t("users_password_reset"))
    }

    /// Deactivates (offboarding: sessions and tokens end at once) or reactivates an account.
    private func setActive(_ context: Context) throws -> Response {
        guard let id = context.pathID("id") else { return context.notFound() }
        let active = try context.form()["active"] == "1"
        if id == context.user.userId, !active {
            return try users(context, error: context.localizer.t("users_cannot_deactivate_self"), status: 422)
        }
        guard try context.services.accounts.setActive(userId: id, active, actor: context.user.userId, ip: context.ip) else {
            return context.notFound()
        }
        context.services.identities.invalidate(userId: id)
        return try users(context, notice: context.localizer.t(active ? "users_activated" : "users_deactivated"))
    }

    private func setRoles(_ context: Context) throws -> Response {
        guard let id = context.pathID("id") else { return context.notFound() }
        let form = try context.form()
        let roles = Set(form.all("roles").compactMap(Role.init(rawValue:)))
        if id == context.user.userId, !roles.contains(.admin) {
            return try users(context, error: context.localizer.t("users_cannot_drop_own_admin"), status: 422)
        }
        try context.services.accounts.setRoles(userId: id, roles: roles, actor: context.user.userId, ip: context.ip)
        context.services.identities.invalidate(userId: id)
        return try users(context, notice: context.localizer.t("users_roles_saved"))
    }

    private func audit(_ context: Context) throws -> Response {
        let requested = try context.query().page()
        let (found, total) = try AuditLog.page(limit: 100, offset: Pager.offset(page: requested, pageSize: 100),
                                               in: context.services.database)
        let pager = Pager(page: requested, total: total, pageSize: 100)
        let entries = found.map { entry -> [String: Any] in
            ["at": context.localizer.moment(entry.at), "actor": entry.actorLogin ?? "-", "ip": entry.ip ?? "",
             "action": entry.action, "subject": entry.subject ?? "", "detail": entry.detail ?? ""]
        }
        return context.page("audit", title: context.localizer.t("audit_title"), pager.values(context.localizer) {
            "/admin/audit?page=\($0)"
        }.merging(["entries": entries]) { $1 })
    }

    private struct AuditJSON: Encodable {
        let id: Int64
        let at: Int64
        let actor: String?
        let ip: String?
        let action: String
        let subject: String?
        let detail: String?

        init(_ entry: AuditLog.Entry) {
            id = entry.id
            at = entry.at
            actor = entry.actorLogin
            ip = entry.ip
            action = entry.action
            subject = entry.subject
            detail = entry.detail
        }
    }
}
