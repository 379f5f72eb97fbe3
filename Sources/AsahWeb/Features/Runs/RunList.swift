import AsahCore
import GRDB
import HTTPServer

/// `GET /runs`: the coordinator's list of runs, newest first, filtered by status, 50 a page.
enum RunList {
    static let pageSize = 50

    static func list(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let query = try context.query()
        let chosen = try query.choice("status", RunStatus.self)
        let (pager, rows) = try context.services.database.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE ?1 IS NULL OR status = ?1",
                                         arguments: [chosen?.rawValue]) ?? 0
            let pager = Pager(page: try query.page(), total: total, pageSize: Self.pageSize)
            return (pager, try Row.fetchAll(db, sql: """
                SELECT r.*, c.code AS course_code, c.title_id, c.title_en,
                       (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state IN ('enrolled', 'offered')) AS held,
                       (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state = 'waitlisted') AS waiting,
                       (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state = 'requested') AS pending
                FROM runs r JOIN courses c ON c.id = r.course_id
                WHERE ?1 IS NULL OR r.status = ?1
                ORDER BY r.starts_on DESC, r.id DESC
                LIMIT ?2 OFFSET ?3
                """, arguments: [chosen?.rawValue, Self.pageSize, pager.offset]).map { row -> [String: Any] in
                let run = try Run(row: row)
                let held: Int = row["held"]
                return [
                    "id": run.id!, "code": run.code, "title": run.title,
                    "course": BilingualText(row["title_id"], english: row["title_en"]).text(locale: localizer.locale),
                    "courseCode": row["course_code"] as String, "dates": RunText.dates(run, localizer),
                    "status": RunText.status(run.status, localizer), "statusCode": run.status.rawValue,
                    "capacity": run.capacity, "seatsLeft": max(0, run.capacity - held),
                    "waiting": row["waiting"] as Int, "pending": row["pending"] as Int,
                ]
            })
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
