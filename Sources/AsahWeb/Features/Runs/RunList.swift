import AsahCore
import HTTPServer

/// `GET /runs`: the coordinator's list of runs, newest first, filtered by status, 50 a page.
enum RunList {
    static let pageSize = 50

    static func list(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let query = try context.query()
        let chosen = try query.choice("status", RunStatus.self)
        let requested = try query.page()
        let listing = RunListing(database: context.services.database)
        var (runs, total) = try listing.page(status: chosen, limit: Self.pageSize,
                                             offset: Pager.offset(page: requested, pageSize: Self.pageSize))
        let pager = Pager(page: requested, total: total, pageSize: Self.pageSize)
        if runs.isEmpty, total > 0 {  // a page past the end shows the last one
            (runs, total) = try listing.page(status: chosen, limit: Self.pageSize, offset: pager.offset)
        }
        let rows = runs.map { entry -> [String: Any] in
            let run = entry.run
            return [
                "id": run.id!, "code": run.code, "title": run.title,
                "course": entry.courseTitle.text(locale: localizer.locale),
                "courseCode": entry.courseCode, "dates": RunText.dates(run, localizer),
                "status": RunText.status(run.status, localizer), "statusCode": run.status.rawValue,
                "capacity": run.capacity, "seatsLeft": max(0, run.capacity - entry.held),
                "waiting": entry.waiting, "pending": entry.pending,
            ]
        }
        let links = pager.values(localizer) { "/runs?status=\(chosen?.rawValue ?? "")&page=\($0)" }
        return context.page("runs", title: localizer.t("run_list_title"), links.merging([
            "runs": rows, "hasRuns": !rows.isEmpty,
            "statuses": RunStatus.allCases.map { status in
                ["value": status.rawValue, "label": RunText.status(status, localizer), "selected": status == chosen] as [String: Any]
            },
        ]) { $1 })
    }
}
