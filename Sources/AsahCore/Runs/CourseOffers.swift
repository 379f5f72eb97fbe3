import GRDB

/// When a course is on offer: its runs still to come (open or closed for enrolment, not yet
/// started), for the catalogue's cards and its "open now" and month filters.
public struct CourseOffer: Sendable, Hashable {
    public let runId: Int64
    public let title: String
    public let startsOn: CalendarDate
    public let endsOn: CalendarDate
    public let seatsLeft: Int
    /// Whether a person may ask for a seat now.
    public let enrolmentOpen: Bool
    /// When enrolment closes, if it does.
    public let closesAt: Int64?
}

/// The runs to come of every course, soonest first.
enum CourseOffers {
    static func upcoming(now: Int64, in db: Database) throws -> [Int64: [CourseOffer]] {
        let today = IndonesianTime.date(of: now)
        let runs = try SharedFacts.value("runs-to-come:" + today.iso, in: db) { try RunToCome.fetchAll(from: today, in: db) }
        var offers: [Int64: [CourseOffer]] = [:]
        for run in runs {
            let open = run.status == RunStatus.open.rawValue && (run.opensAt ?? now) <= now && (run.closesAt.map { now < $0 } ?? true)
            offers[run.courseId, default: []].append(CourseOffer(
                runId: run.id, title: run.title, startsOn: run.startsOn, endsOn: run.endsOn,
                seatsLeft: max(0, run.capacity - run.held), enrolmentOpen: open, closesAt: run.closesAt))
        }
        return offers
    }

    /// A run still to come as stored, the same for every reader until the data changes (its
    /// being open for enrolment depends on the moment, so it is worked out per read).
    private struct RunToCome: Sendable {
        let id: Int64
        let courseId: Int64
        let title: String
        let startsOn: CalendarDate
        let endsOn: CalendarDate
        let capacity: Int
        let held: Int
        let status: String
        let opensAt: Int64?
        let closesAt: Int64?

        static func fetchAll(from today: CalendarDate, in db: Database) throws -> [RunToCome] {
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT r.id, r.course_id, r.title, r.starts_on, r.ends_on, r.capacity, r.status, r.enrol_opens_at, r.enrol_closes_at,
                       (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state IN ('enrolled', 'offered')) AS held
                FROM runs r WHERE r.status IN ('open', 'closed') AND r.starts_on >= ?
                ORDER BY r.starts_on, r.id
                """), arguments: [today.iso]).map { row in
                RunToCome(id: row["id"], courseId: row["course_id"], title: row["title"], startsOn: row["starts_on"],
                          endsOn: row["ends_on"], capacity: row["capacity"], held: row["held"], status: row["status"],
                          opensAt: row["enrol_opens_at"], closesAt: row["enrol_closes_at"])
            }
        }
    }
}
