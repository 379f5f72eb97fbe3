import GRDB

/// The periodic work of the workshops, for a timer (every few minutes): expire unconfirmed
/// offers and pass the seats on, and remind participants of sessions starting within a day.
public struct WorkshopSweep: Sendable {
    let database: AppDatabase

    /// The sweep over `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Runs the sweep; returns how many offers expired and how many reminders were sent.
    @discardableResult
    public func run(now: Int64 = Clock.now()) throws -> (expiredOffers: Int, reminders: Int) {
        let expired = try EnrolmentService(database: database).expireOffers(now: now)
        return (expired, try remindSessions(now: now))
    }

    /// Tells each enrolled participant of a session starting within 24 hours, once per session.
    private func remindSessions(now: Int64) throws -> Int {
        try database.pool.write { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT s.id, s.run_id, s.starts_at, s.place, s.online_url, r.title, e.employee_id
                FROM run_sessions s JOIN runs r ON r.id = s.run_id AND r.status IN ('open', 'closed', 'running')
                JOIN enrolments e ON e.run_id = s.run_id AND e.state = 'enrolled'
                WHERE s.starts_at > ? AND s.starts_at <= ?
                """), arguments: [now, now + 24 * 3600])
            var sent = 0
            for row in rows {
                let link = WorkshopLinks.session(row["id"], of: row["run_id"])
                let employeeId: Int64 = row["employee_id"]
                let reminded = try Bool.fetchOne(db.cachedStatement(sql: """
                    SELECT EXISTS (SELECT 1 FROM notifications WHERE employee_id = ? AND kind = ? AND link = ?)
                    """), arguments: [employeeId, NotificationKind.sessionTomorrow, link]) ?? false
                if reminded { continue }
                var facts: [String: String] = ["title": row["title"], "startsAt": String(row["starts_at"] as Int64)]
                let key: String
                if let place = row["place"] as String? {
                    (key, facts["place"]) = ("notice_workshop_session_tomorrow", place)
                } else if let url = row["online_url"] as String? {
                    (key, facts["url"]) = ("notice_workshop_session_tomorrow_online", url)
                } else {
                    (key, facts["place"]) = ("notice_workshop_session_tomorrow", "-")
                }
                try Notifications.send(to: employeeId, .sessionTomorrow, NotificationContent(key, facts), link: link, now: now, in: db)
                sent += 1
            }
            return sent
        }
    }
}
