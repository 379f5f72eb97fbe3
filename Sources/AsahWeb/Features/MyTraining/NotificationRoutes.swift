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
                // Negative ids are notices to the person's pseudonyms (see `Notifications`).
                guard let id = context.pathInteger("id", in: -Int(Int64.max)...Int(Int64.max)).map(Int64.init), id != 0 else {
                    return context.notFound()
                }
                if let employeeId = context.user.employeeId {
                    try context.services.notifications.markRead(id: id, employeeId: employeeId)
                    context.services.identities.invalidate(userId: context.user.userId)
                }
                return Notice.redirect("/notifications", notice: "notification_read_done")
            },
            RouteSpec(.get, "/api/v1/notifications", .signedIn(.useAccount), api),
        ]
    }

    /// What a notification says, in the reader's language (earlier ones keep their stored text).
    private static func text(_ note: AppNotification, _ localizer: Localizer) -> String {
        note.notice.map { MessageArguments.text($0, localizer) } ?? note.message
    }

    /// Only local paths are offered as links.
    private static func safeLink(_ link: String?) -> String? {
        guard let link, URLEncoding.safeReturnPath(link) == link else { return nil }
        return link
    }

    private static func page(_ context: Context) throws -> Response {
        let notifications = try context.user.employeeId.map {
            try context.services.notifications.recent(employeeId: $0, limit: 100)
        } ?? []
        let items = notifications.map { note -> [String: Any] in
            ["id": note.id ?? 0, "message": text(note, context.localizer), "link": safeLink(note.link) as Any,
             "when": context.localizer.dateTime(note.createdAt), "unread": note.readAt == nil,
             "kind": context.localizer.t("notification_kind_\(note.kind.rawValue)")]
        }
        let unread = notifications.filter { $0.readAt == nil }.count
        return context.page("notifications", title: context.localizer.t("notification_title"), [
            "notice": TrainingFormat.notice(context) as Any, "items": items, "hasItems": !items.isEmpty,
            "hasUnread": unread > 0, "unreadText": context.localizer.t("notification_unread_count", ["count": String(unread)]),
        ])
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
