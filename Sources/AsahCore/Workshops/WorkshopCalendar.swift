import Foundation
import GRDB

/// iCalendar feeds of sessions: one per run, and one per person (the runs they are enrolled
/// in or offered a seat in, plus the sessions they teach).
public struct WorkshopCalendar: Sendable {
    let database: AppDatabase
    /// The site's address, e.g. "https://asah.asahmakmur.go.id", for links and UIDs.
    let baseURL: String

    /// Feeds of `database` linking to pages under `baseURL`.
    public init(database: AppDatabase, baseURL: String) {
        self.database = database
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// The sessions of one run; `nil` when there is no such run.
    public func run(runId: Int64, now: Int64 = Clock.now()) throws -> String? {
        try database.pool.read { db in
            guard let run = try Run.fetchOne(db, key: runId) else { return nil }
            return ICalendar.document(name: run.title, events: try events(where: "s.run_id = ?1", runId, in: db), stamp: now)
        }
    }

    /// One person's schedule: sessions of runs they are enrolled or offered in, and those they teach.
    public func person(employeeId: Int64, now: Int64 = Clock.now()) throws -> String {
        try database.pool.read { db in
            let events = try events(where: """
                r.status != 'draft' AND (s.instructor_employee_id = ?1 OR s.run_id IN
                    (SELECT run_id FROM enrolments WHERE employee_id = ?1 AND state IN ('enrolled', 'offered')))
                """, employeeId, in: db)
            return ICalendar.document(name: "Jadwal pelatihan Asah", events: events, stamp: now)
        }
    }

    /// The sessions matching `filter` (which may use `?1`, bound to `value`) as events.
    private func events(where filter: String, _ value: Int64, in db: Database) throws -> [ICalendarEvent] {
        let host = URL(string: baseURL)?.host ?? "asah"
        return try Row.fetchAll(db, sql: """
            SELECT s.id, s.run_id, s.starts_at, s.ends_at, s.place, s.online_url, r.title, r.status, i.name AS instructor,
                   n.number, n.total
            FROM run_sessions s JOIN runs r ON r.id = s.run_id
            JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY run_id ORDER BY starts_at, id) AS number,
                         COUNT(*) OVER (PARTITION BY run_id) AS total FROM run_sessions) n ON n.id = s.id
            LEFT JOIN employees i ON i.id = s.instructor_employee_id
            WHERE \(filter) ORDER BY s.starts_at, s.id
            """, arguments: [value]).map { row in
            let page = baseURL + WorkshopLinks.run(row["run_id"])
            let online: String? = row["online_url"]
            let details = [(row["instructor"] as String?).map { "Instruktur: \($0)" }, online.map { "Daring: \($0)" },
                           "Halaman angkatan: \(page)"].compactMap { $0 }
            return ICalendarEvent(uid: "session-\(row["id"] as Int64)@\(host)", startsAt: row["starts_at"], endsAt: row["ends_at"],
                                  summary: "\(row["title"] as String) (sesi \(row["number"] as Int) dari \(row["total"] as Int))",
                                  location: row["place"] ?? online.map { _ in "Daring" }, description: details.joined(separator: "\n"),
                                  url: online ?? page, cancelled: row["status"] == RunStatus.cancelled.rawValue)
        }
    }
}
