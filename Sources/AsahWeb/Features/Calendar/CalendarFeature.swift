import AsahCore
import Foundation
import HTTPServer

/// iCalendar feeds: one run's sessions and the signed-in person's own schedule, worded in
/// their language.
struct CalendarFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/runs/:id/calendar.ics", .signedIn(.useAccount)) { context in
                guard let id = context.pathID(), try RunPages(database: context.services.database).run(id, viewer: context.user) != nil,
                      let (title, sessions) = try WorkshopCalendar(database: context.services.database).run(runId: id)
                else { return context.notFound() }
                return try Self.ics(context, context.localizer, name: title, sessions, filename: "angkatan-\(id).ics")
            },
            RouteSpec(.get, "/my/calendar.ics", .signedIn(.useAccount)) { context in
                let sessions = try context.user.employeeId.map { try WorkshopCalendar(database: context.services.database).person(employeeId: $0) }
                return try Self.ics(context, context.localizer, name: context.localizer.t("calendar_my_name"), sessions ?? [],
                                filename: "jadwal-asah.ics")
            },
        ]
    }

    /// A feed named `name` of `sessions` worded by `localizer`, each linking to its run's page on this site.
    static func ics(_ context: Context, _ localizer: Localizer, name: String, _ sessions: [CalendarSession],
                    filename: String) throws -> Response {
        let origin = try SiteAddress.base(context)
        let host = URL(string: origin)?.host ?? "asah"
        let events = sessions.map { session in
            let page = origin + WorkshopLinks.run(session.runId)
            let details = [session.instructor.map { localizer.t("calendar_instructor", ["name": $0]) },
                           session.onlineURL.map { localizer.t("calendar_online_link", ["url": $0]) },
                           localizer.t("calendar_run_page", ["url": page])].compactMap { $0 }
            return ICalendarEvent(uid: "session-\(session.sessionId)@\(host)", startsAt: session.startsAt, endsAt: session.endsAt,
                                  summary: localizer.t("calendar_session_summary", ["title": session.title,
                                                                                    "number": String(session.number),
                                                                                    "total": String(session.total)]),
                                  location: session.place ?? session.onlineURL.map { _ in localizer.t("calendar_online") },
                                  description: details.joined(separator: "\n"), url: session.onlineURL ?? page,
                                  cancelled: session.cancelled)
        }
        let text = ICalendar.document(name: name, events: events, stamp: Clock.now())
        var response = Response(status: 200, body: Array(text.utf8))
        response.headers.set("Content-Type", "text/calendar; charset=utf-8")
        response.headers.set("Content-Disposition", "inline; filename=\"\(filename)\"")
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}
