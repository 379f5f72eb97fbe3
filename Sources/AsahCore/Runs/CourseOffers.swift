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
        var offers: [Int64: [CourseOffer]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.id, r.course_id, r.title, r.starts_on, r.ends_on, r.capacity, r.status, r.enrol_opens_at, r.enrol_closes_at,
                   (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state IN ('enrolled', 'offered')) AS held
            FROM runs r WHERE r.status IN ('open', 'closed') AND r.starts_on >= ?
            ORDER BY r.starts_on, r.id
            """), arguments: [today.iso]) {
            let opensAt: Int64? = row["enrol_opens_at"], closesAt: Int64? = row["enrol_closes_at"]
            let open = row["status"] == RunStatus.open.rawValue && (opensAt ?? now) <= now && (closesAt.map { now < $0 } ?? true)
            let capacity: Int = row["capacity"], held: Int = row["held"]
            offers[row["course_id"], default: []].append(CourseOffer(
                runId: row["id"], title: row["title"], startsOn: row["starts_on"], endsOn: row["ends_on"],
                seatsLeft: max(0, capacity - held), enrolmentOpen: open, closesAt: closesAt))
        }
        return offers
    }
}
