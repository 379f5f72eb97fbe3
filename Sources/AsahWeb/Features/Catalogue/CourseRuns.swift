import AsahCore

/// The runs of a course shown on its page: those open, closed for enrolment or running,
/// soonest first, with their dates, seats left and waitlist length.
enum CourseRuns {
    static func upcoming(courseId: Int64, context: Context) throws -> [[String: Any]] {
        let localizer = context.localizer
        return try RunListing(database: context.services.database).upcoming(courseId: courseId).map { entry -> [String: Any] in
            let run = entry.run
            let seats = RunText.seats((capacity: run.capacity, left: max(0, run.capacity - entry.held), waiting: entry.waiting),
                                      localizer)
            return ["id": run.id!, "title": run.title, "code": run.code, "dates": RunText.dates(run, localizer),
                    "status": RunText.status(run.status, localizer),
                    "seats": RunText.status(run.status, localizer) + " · " + seats]
        }
    }
}
