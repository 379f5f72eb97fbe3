import AsahCore
import HTTPServer

/// A calendar to subscribe to: the person makes (or replaces, or ends) a secret address of their
/// schedule that Google Calendar, Outlook or Thunderbird fetch without signing in, with the steps
/// for each on the page. The address is shown once: only its digest is kept.
struct CalendarSubscriptionFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/my/calendar", .signedIn(.useAccount)) { try page($0) },
            RouteSpec(.post, "/my/calendar/subscription", .signedIn(.useAccount), issue),
            RouteSpec(.post, "/my/calendar/subscription/revoke", .signedIn(.useAccount), revoke),
            RouteSpec(.get, "/calendar/:file", .anyone, feed),
        ]
    }

    private static let notices: Set<String> = ["calendar_feed_revoked"]

    private func page(_ context: Context, newAddress: String? = nil) throws -> Response {
        let localizer = context.localizer
        let issuedAt = try CalendarSubscriptions(database: context.services.database).issuedAt(userId: context.user.userId)
        return context.page("calendar_subscription", title: localizer.t("calendar_feed_title"), [
            "notice": Notice.message(context, allowed: Self.notices) as Any,
            "newAddress": newAddress as Any,
            "issued": issuedAt.map { localizer.t("calendar_feed_issued", ["date": localizer.moment($0)]) } as Any,
            "hasFeed": issuedAt != nil,
        ])
    }

    private func issue(_ context: Context) throws -> Response {
        let secret = try CalendarSubscriptions(database: context.services.database).issue(for: context.user, ip: context.ip)
        return try page(context, newAddress: try SiteAddress.base(context) + "/calendar/" + secret + ".ics")
    }

    private func revoke(_ context: Context) throws -> Response {
        _ = try CalendarSubscriptions(database: context.services.database).revoke(for: context.user, ip: context.ip)
        return Notice.redirect("/my/calendar", notice: "calendar_feed_revoked")
    }

    /// The feed itself, worded in its owner's language; an unknown address is a plain 404.
    private func feed(_ context: Context) throws -> Response {
        let file = context.request.parameters["file"] ?? ""
        guard file.hasSuffix(".ics"),
              let (locale, sessions) = try CalendarSubscriptions(database: context.services.database)
                  .schedule(secret: String(file.dropLast(4))) else { return context.notFound() }
        let localizer = context.services.messages.localizer(locale)
        return try CalendarFeature.ics(context, localizer, name: localizer.t("calendar_my_name"), sessions, filename: "jadwal-asah.ics")
    }
}
