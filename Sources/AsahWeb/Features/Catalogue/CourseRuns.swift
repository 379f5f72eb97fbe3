import AsahCore
import GRDB

/// The runs of a course shown on its page: those open, closed for enrolment or running,
/// soonest first, with their dates, seats left and waitlist length.
enum CourseRuns {
    static func upcoming(courseId: Int64, context: Context) throws -> [[String: Any]] {
        let localizer = context.localizer
        return try context.services.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*,
                       (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state IN ('enrolled', 'offered')) AS held,
                       (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state = 'waitlisted') AS waiting
                FROM runs r WHERE r.course_id = ? AND r.status IN ('open', 'closed', 'running')
                ORDER BY r.starts_on, r.id
                """, arguments: [courseId]).map { row -> [String: Any] in
                let run = try Run(row: row)
                let held: Int = row["held"]
                let seats = RunText.seats((capacity: run.capacity, left: max(0, run.capacity - held), waiting: row["waiting"]),
                                          localizer)
                return ["id": run.id!, "title": run.title, "code": run.code, "dates": RunText.dates(run, localizer),
                        "status": RunText.status(run.status, localizer),
                        "seats": RunText.status(run.status, localizer) + " · " + seats]
            }
        }
    }
}
