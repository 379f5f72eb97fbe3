import Foundation
import GRDB

/// Attendance per session: the instructor marks the whole list on one form, or participants
/// check themselves in with the short code shown in the room.
public struct Attendance: Sendable {
    let database: AppDatabase

    /// Participants may check in from this long before a session starts until it ends.
    public static let checkInLead: Int64 = 30 * 60

    /// Attendance in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// The form of a session: every enrolled participant by name with their mark so far.
    public func sheet(sessionId: Int64) throws -> [AttendanceMark] {
        try database.pool.read { db in try Self.marks(of: try WorkshopLookup.session(sessionId, in: db), in: db) }
    }

    /// Session `sessionId`, its run and its ``sheet(sessionId:)``, in one read, when `viewer`
    /// teaches it or coordinates; `nil` otherwise.
    public func sheet(sessionId: Int64, for viewer: Principal) throws -> (session: RunSession, run: Run, marks: [AttendanceMark])? {
        try database.pool.read { db in
            guard let (session, run) = try WorkshopLookups.taughtSession(sessionId, by: viewer, in: db) else { return nil }
            return (session, run, try Self.marks(of: session, in: db))
        }
    }

    /// Every enrolled participant of `session`'s run by name with their mark so far.
    private static func marks(of session: RunSession, in db: Database) throws -> [AttendanceMark] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.id, p.nip, p.name, a.status
            FROM enrolments e JOIN employees p ON p.id = e.employee_id
            LEFT JOIN attendance a ON a.session_id = ? AND a.employee_id = e.employee_id
            WHERE e.run_id = ? AND e.state IN ('enrolled', 'completed', 'not_completed')
            ORDER BY p.name COLLATE NOCASE, p.id
            """), arguments: [session.id!, session.runId]).map {
            AttendanceMark(employeeId: $0["id"], nip: $0["nip"], name: $0["name"], status: $0["status"])
        }
    }

    /// The session's instructor (or a coordinator) marks the whole list at once, once the session
    /// has started: the people in `present` hadir, those in `excused` izin or sakit as given,
    /// every other enrolled participant alpa. Returns how many were marked.
    public func mark(sessionId: Int64, present: Set<Int64>, excused: [Int64: AttendanceStatus] = [:], actor: Principal,
                     ip: String? = nil, now: Int64? = nil) throws -> Result<Int, WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            let session = try WorkshopLookup.session(sessionId, in: db)
            guard WorkshopAccess.coordinates(actor)
                    || (actor.employeeId != nil && actor.employeeId == session.instructorEmployeeId) else {
                throw WorkshopProblem.notPermitted
            }
            let run = try WorkshopLookup.run(session.runId, in: db)
            guard [.open, .closed, .running].contains(run.status) else { throw WorkshopProblem.runNotOpen(run.status) }
            guard now >= session.startsAt else { throw WorkshopProblem.sessionNotStarted(session.startsAt) }
            guard excused.values.allSatisfy(AttendanceStatus.excuses.contains) else { throw WorkshopProblem.attendanceStatusInvalid }
            let participants = Set(try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT employee_id FROM enrolments WHERE run_id = ? AND state = 'enrolled'
                """), arguments: [session.runId]))
            let strangers = present.union(excused.keys).subtracting(participants)
            guard strangers.isEmpty else { throw WorkshopProblem.notParticipants(strangers.sorted()) }
            var counts: [AttendanceStatus: Int] = [:]
            for employeeId in participants {
                let status = present.contains(employeeId) ? .hadir : excused[employeeId] ?? .alpa
                counts[status, default: 0] += 1
                try Self.record(sessionId, employeeId: employeeId, status: status, by: actor.userId, now: now, in: db)
            }
            let detail = AttendanceStatus.allCases.map { "\($0.rawValue):\(counts[$0] ?? 0)" }.joined(separator: " ")
            try AuditLog.record("attendance.mark", actor: actor.userId, ip: ip, subject: "session:\(sessionId)", detail: detail, in: db)
            return participants.count
        }
    }

    /// A participant checks in with the code shown in the room, from ``checkInLead`` before a
    /// session of one of their runs until its end. Returns the session.
    public func checkIn(employeeId: Int64, code: String, sessionId: Int64? = nil, actor: Principal, ip: String? = nil,
                        now: Int64? = nil) throws -> Result<RunSession, WorkshopProblem> {
        let code = code.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        return try database.attempt(at: now) { db, now in
            guard actor.employeeId == employeeId else { throw WorkshopProblem.notPermitted }
            guard !code.isEmpty, let session = try RunSession.fetchOne(db.cachedStatement(sql: """
                SELECT s.* FROM run_sessions s
                JOIN enrolments e INDEXED BY enrolments_employee ON e.run_id = s.run_id AND e.employee_id = ? AND e.state = 'enrolled'
                JOIN runs r ON r.id = s.run_id AND r.status IN ('open', 'closed', 'running')
                WHERE s.checkin_code = ? AND ? BETWEEN s.starts_at - ? AND s.ends_at AND (? IS NULL OR s.id = ?)
                """), arguments: [employeeId, code, now, Self.checkInLead, sessionId, sessionId]) else {
                throw WorkshopProblem.checkInCodeInvalid
            }
            try Self.record(session.id!, employeeId: employeeId, status: .hadir, by: actor.userId, now: now, in: db)
            try AuditLog.record("attendance.checkin", actor: actor.userId, ip: ip, subject: "session:\(session.id!)", in: db)
            return session
        }
    }

    /// Each participant's attendance over the run's sessions, by employee id.
    public func rates(runId: Int64) throws -> [Int64: AttendanceRate] {
        try database.pool.read { try Self.rates(runId: runId, in: $0) }
    }

    static func rates(runId: Int64, in db: Database) throws -> [Int64: AttendanceRate] {
        let sessions = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM run_sessions WHERE run_id = ?"), arguments: [runId]) ?? 0
        var rates: [Int64: AttendanceRate] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.employee_id, (SELECT COUNT(*) FROM attendance a JOIN run_sessions s ON s.id = a.session_id
                                   WHERE s.run_id = e.run_id AND a.employee_id = e.employee_id AND a.present) AS attended
            FROM enrolments e WHERE e.run_id = ? AND e.state IN ('enrolled', 'completed', 'not_completed')
            """), arguments: [runId]) {
            rates[row["employee_id"]] = AttendanceRate(attended: row["attended"], sessions: sessions)
        }
        return rates
    }

    private static func record(_ sessionId: Int64, employeeId: Int64, status: AttendanceStatus, by userId: Int64, now: Int64,
                               in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO attendance (session_id, employee_id, present, status, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, employee_id) DO UPDATE SET present = excluded.present, status = excluded.status,
                marked_by = excluded.marked_by, marked_at = excluded.marked_at
            """, arguments: [sessionId, employeeId, status == .hadir, status.rawValue, userId, now])
    }
}
