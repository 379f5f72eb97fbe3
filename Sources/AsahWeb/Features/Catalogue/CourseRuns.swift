import AsahCore

/// The runs of a course shown on its page: those open, closed for enrolment or running,
/// soonest first, with their dates, seats left and waitlist length.
enum CourseRuns {
    static func values(_ runs: [RunListing.Entry], _ localizer: Localizer) -> [[String: Any]] {
        runs.map { entry -> [String: Any] in
            let run = entry.run
            let seats = RunText.seats((capacity: run.capacity, left: max(0, run.capacity - entry.held), waiting: entry.waiting),
                                      localizer)
            return ["id": run.id!, "title": run.title, "code": run.code, "dates": RunText.dates(run, localizer),
                    "status": RunText.status(run.status, localizer),
                    "seats": RunText.status(run.status, localizer) + " · " + seats]
        }
    }
}
