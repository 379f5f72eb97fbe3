import AsahCore
import Foundation
import GRDB

/// Bulk workshop history for measuring at province scale: `runs` runs of the catalogue's
/// courses spread over the past five years and the coming four months, each with two to four
/// daily sessions, and `enrolments` places in all (completed, not completed and cancelled on
/// past runs, with their JP in the ledger; enrolled, waitlisted and requested on open ones).
/// Written with prepared statements in one transaction: no notifications, no audit entries.
public enum WorkshopVolume {
    /// What was added.
    public struct Summary: Sendable, CustomStringConvertible {
        public let runs: Int
        public let sessions: Int
        public let enrolments: Int
        public let ledgerEntries: Int
        public var description: String {
            "\(runs) runs, \(sessions) sessions, \(enrolments) enrolments, \(ledgerEntries) JP ledger entries added"
        }
    }

    private struct CourseRow {
        let id: Int64
        let code: String
        let title: String
        let jp: Int
        let kind: String
    }

    static let day: Int64 = 86_400

    public static func generate(in database: AppDatabase, runs: Int, enrolments: Int, seed: UInt64,
                                now: Int64 = Clock.now()) throws -> Summary {
        var random = SeededRandom(seed: seed &+ 0x5EED)
        return try database.pool.write { db in
            let courses = try Row.fetchAll(db, sql: "SELECT id, code, title_id, jp, kind FROM courses WHERE archived = 0 ORDER BY code")
                .map { CourseRow(id: $0["id"], code: $0["code"], title: $0["title_id"], jp: $0["jp"], kind: $0["kind"]) }
            let employees = try Int64.fetchAll(db, sql: "SELECT id FROM employees WHERE active = 1 ORDER BY id")
            guard !courses.isEmpty, employees.count > 60 else { return Summary(runs: 0, sessions: 0, enrolments: 0, ledgerEntries: 0) }
            let insertRun = try db.makeStatement(sql: """
                INSERT INTO runs (course_id, code, title, capacity, enrol_opens_at, enrol_closes_at, starts_on, ends_on, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertSession = try db.makeStatement(sql: """
                INSERT INTO run_sessions (run_id, starts_at, ends_at, place, instructor_employee_id) VALUES (?, ?, ?, ?, ?)
                """)
            let insertEnrolment = try db.makeStatement(sql: """
                INSERT INTO enrolments (run_id, employee_id, state, requested_at, approved_at, completion_reason, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let insertHours = try db.makeStatement(sql: """
                INSERT INTO training_hours (employee_id, year, jp, source, run_id, title, organiser, kind, started_on, ended_on, created_at)
                VALUES (?, ?, ?, 'asah', ?, ?, 'BKPSDM', ?, ?, ?, ?)
                """)
            let instructors = (0..<200).map { _ in random.pick(employees) }
            let span = 5 * 365 + 120
            var sessions = 0, places = 0, ledger = 0
            for number in 0..<runs {
                let course = courses[number % courses.count]
                let startDay = Int64(number) * Int64(span) / Int64(max(runs, 1)) - Int64(5 * 365)
                let days = 2 + random.int(in: 0...2)
                let firstSession = IndonesianTime.clock(8, daysAfter: Int(startDay), from: now)
                let lastEnd = firstSession + Int64(days - 1) * day + 8 * 3600
                let starts = IndonesianTime.date(of: firstSession), ends = IndonesianTime.date(of: lastEnd)
                let cancelled = lastEnd < now && random.chance(0.03)
                let status = cancelled ? "cancelled" : lastEnd < now ? "finished" : firstSession < now ? "running" : "open"
                let target = enrolments / max(runs, 1) + (number < enrolments % max(runs, 1) ? 1 : 0)
                // A finished run had a seat for everyone who took part.
                let capacity = max(30 + random.int(in: 0...20), status == "finished" ? target : 0)
                try insertRun.execute(arguments: [
                    course.id, "\(course.code)-V\(number + 1)", "\(course.title) Angkatan \(number + 1)", capacity,
                    firstSession - 60 * day, firstSession - day, starts.description, ends.description, status, firstSession - 75 * day,
                ])
                let runId = db.lastInsertedRowID
                let instructor = instructors[number % instructors.count]
                for offset in 0..<days {
                    let start = firstSession + Int64(offset) * day
                    try insertSession.execute(arguments: [runId, start, start + 8 * 3600, "Aula BKPSDM", instructor])
                }
                sessions += days
                var chosen = Set<Int64>()
                while chosen.count < min(target, employees.count) { chosen.insert(random.pick(employees)) }
                for (index, employee) in chosen.sorted().enumerated() {
                    let requested = firstSession - Int64(30 + random.int(in: 0...25)) * day
                    let state: String
                    switch status {
                    case "cancelled": state = "cancelled"
                    case "finished": state = random.chance(0.9) ? "completed" : random.chance(0.6) ? "not_completed" : "cancelled"
                    default: state = index < capacity ? "enrolled" : random.chance(0.5) ? "waitlisted" : "requested"
                    }
                    let approved: Int64? = state == "requested" || state == "waitlisted" ? nil : requested + 2 * day
                    let reason: String? = state == "not_completed" ? "Kehadiran di bawah 80%" : nil
                    try insertEnrolment.execute(arguments: [runId, employee, state, requested, approved, reason, approved ?? requested])
                    places += 1
                    if state == "completed" {
                        try insertHours.execute(arguments: [employee, ends.year, course.jp, runId, course.title, course.kind,
                                                            starts.description, ends.description, lastEnd])
                        ledger += 1
                    }
                }
            }
            return Summary(runs: runs, sessions: sessions, enrolments: places, ledgerEntries: ledger)
        }
    }
}
