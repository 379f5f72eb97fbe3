import AsahCore
import HTTPServer

/// iCalendar feeds: one run's sessions and the signed-in person's own schedule.
struct CalendarFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/runs/:id/calendar.ics", .signedIn(.useAccount)) { context in
                guard let id = context.pathID(), try RunPages(database: context.services.database).run(id, viewer: context.user) != nil,
                      let text = try calendar(context).run(runId: id) else { return context.notFound() }
                return Self.ics(text, filename: "angkatan-\(id).ics")
            },
            RouteSpec(.get, "/my/calendar.ics", .signedIn(.useAccount)) { context in
                guard let employeeId = context.user.employeeId else {
                    return Self.ics(ICalendar.document(name: "Jadwal pelatihan Asah", events: [], stamp: Clock.now()),
                                    filename: "jadwal-asah.ics")
                }
                return Self.ics(try calendar(context).person(employeeId: employeeId), filename: "jadwal-asah.ics")
            },
        ]
    }

    private func calendar(_ context: Context) -> WorkshopCalendar {
        WorkshopCalendar(database: context.services.database, baseURL: CertificatesFeature.origin(context))
    }

    static func ics(_ text: String, filename: String) -> Response {
        var response = Response(status: 200, body: Array(text.utf8))
        response.headers.set("Content-Type", "text/calendar; charset=utf-8")
        response.headers.set("Content-Disposition", "inline; filename=\"\(filename)\"")
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}
