import AsahCore
import HTTPServer

/// The person's in-app notifications: the list with links, marking read, and the API.
enum NotificationRoutes {
    static func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/notifications", .signedIn(.useAccount), page),
            RouteSpec(.post, "/notifications/read", .signedIn(.useAccount)) { context in
                if let employeeId = context.user.employeeId {
                    try context.services.notifications.markAllRead(employeeId: employeeId)
                    context.services.identities.invalidate(userId: context.user.userId)
                }
                return Notice.redirect("/notifications", notice: "notification_all_read")
            },
            RouteSpec(.post, "/notifications/:id/read", .signedIn(.useAccount)) { context in
                guard let id = notificationID(context) else { return context.notFound() }
                if let employeeId = context.user.employeeId {
                    try context.services.notifications.markRead(id: id, employeeId: employeeId)
                    context.services.identities.invalidate(userId: context.user.userId)
                }
                return Notice.redirect("/notifications", notice: "notification_read_done")
            },
            // Following a notification's link marks it read on the way.
            RouteSpec(.get, "/notifications/:id/open", .signedIn(.useAccount)) { context in
                guard let id = notificationID(context), let employeeId = context.user.employeeId,
                      let note = try context.services.notifications.open(id: id, employeeId: employeeId) else {
                    return context.notFound()
                }
                context.services.identities.invalidate(userId: context.user.userId)
                return .redirect(to: safeLink(note.link) ?? "/notifications")
            },
            RouteSpec(.get, "/api/v1/notifications", .signedIn(.useAccount), api),
        ]
    }

    /// The `:id` of a notification; negative ids are notices to the person's pseudonyms
    /// (see `Notifications`).
    private static func notificationID(_ context: Context) -> Int64? {
        guard let id = context.pathInteger("id", in: -Int(Int64.max)...Int(Int64.max)), id != 0 else { return nil }
        return Int64(id)
    }

    /// What a notification says, in the reader's language (earlier ones keep their stored text).
    /// What `note` says in `localizer`'s language (a page, the API, an e-mail).
    static func text(_ note: AppNotification, _ localizer: Localizer) -> String {
        note.notice.map { MessageArguments.text($0, localizer) } ?? note.message
    }

    /// Only local paths are offered as links.
    private static func safeLink(_ link: String?) -> String? {
        guard let link, URLEncoding.safeReturnPath(link) == link else { return nil }
        return link
    }

    static let pageSize = 30

    private static func page(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let requested = try context.query().page()
        let service = context.services.notifications
        let (notifications, total, unread) = try context.user.employeeId.map { employee -> ([AppNotification], Int, Int) in
            let found = try service.page(employeeId: employee, offset: Pager.offset(page: requested, pageSize: pageSize),
                                         limit: pageSize)
            return (found.notifications, found.total, try service.unreadCount(employeeId: employee))
        } ?? ([], 0, 0)
        let items = notifications.map { note -> [String: Any] in
            ["id": note.id ?? 0, "message": text(note, localizer), "link": safeLink(note.link) as Any,
             "when": localizer.moment(note.createdAt), "unread": note.readAt == nil,
             "kind": localizer.t("notification_kind_\(note.kind.rawValue)")]
        }
        let pager = Pager(page: requested, total: total, pageSize: pageSize)
        return context.page("notifications", title: localizer.t("notification_title"), pager.values(localizer) {
            "/notifications?page=\($0)"
        }.merging([
            "notice": TrainingFormat.notice(context) as Any, "items": items, "hasItems": !items.isEmpty,
            "hasUnread": unread > 0, "unreadText": localizer.t("notification_unread_count", ["count": String(unread)]),
            "paged": pager.pages > 1,
        ]) { $1 })
    }

    private struct NotificationJSON: Encodable {
        let id: Int64
        let kind: String
        let message: String
        let link: String?
        let created_at: Int64
        let read: Bool
    }

    private struct ListJSON: Encodable {
        let unread: Int
        let notifications: [NotificationJSON]
    }

    private static func api(_ context: Context) throws -> Response {
        guard let employeeId = context.user.employeeId else { return .json(ListJSON(unread: 0, notifications: [])) }
        let service = context.services.notifications
        let list = try service.recent(employeeId: employeeId, limit: 100).map {
            NotificationJSON(id: $0.id ?? 0, kind: $0.kind.rawValue, message: text($0, context.localizer), link: $0.link, created_at: $0.createdAt,
                             read: $0.readAt != nil)
        }
        return .json(ListJSON(unread: try service.unreadCount(employeeId: employeeId), notifications: list))
    }
}
