import AsahCore
import HTTPServer

/// `GET /admin/tokens`: every live personal access token of every account, for the admin who
/// must end a departed person's scripts; each can be revoked (audited with the owner's login).
enum AdminTokens {
    static let pageSize = 50

    static func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/admin/tokens", .signedIn(.manageAccounts), page),
            RouteSpec(.post, "/admin/tokens/:id/revoke", .signedIn(.manageAccounts)) { context in
                guard let id = context.pathID(),
                      let owner = try context.services.tokens.revokeAny(id: id, actor: context.user.userId, ip: context.ip) else {
                    return context.notFound()
                }
                context.services.identities.invalidate(userId: owner)
                return Notice.redirect("/admin/tokens", notice: "admin_token_revoked")
            },
        ]
    }

    private static func page(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let requested = try context.query().page()
        let (tokens, total) = try context.services.tokens.live(limit: pageSize, offset: Pager.offset(page: requested, pageSize: pageSize))
        let pager = Pager(page: requested, total: total, pageSize: pageSize)
        let notice = try context.query().text("notice") == "admin_token_revoked" ? localizer.t("admin_token_revoked") : nil
        return context.page("admin_tokens", title: localizer.t("admin_tokens_title"), pager.values(localizer) {
            "/admin/tokens?page=\($0)"
        }.merging([
            "tokens": tokens.map { token -> [String: Any] in
                ["id": token.id, "name": token.name, "owner": token.ownerName ?? "", "login": token.ownerLogin ?? "",
                 "created": localizer.date(token.createdAt), "expires": localizer.date(token.expiresAt),
                 "lastUsed": token.lastUsedAt.map(localizer.dateTime) ?? localizer.t("account_token_never")]
            },
            "hasTokens": !tokens.isEmpty, "paged": pager.pages > 1, "notice": notice as Any,
            "summary": localizer.count("admin_tokens_count", total),
        ]) { $1 })
    }
}
