import GRDB

/// Loading the records an action is about inside its transaction, failing with the
/// ``WorkshopProblem`` the person should see when one is missing.
package enum WorkshopLookup {
    static func run(_ id: Int64, in db: Database) throws -> Run {
        guard let run = try Run.fetchOne(db, keptKey: id) else { throw WorkshopProblem.runNotFound }
        return run
    }

    static func session(_ id: Int64, in db: Database) throws -> RunSession {
        guard let session = try RunSession.fetchOne(db, keptKey: id) else { throw WorkshopProblem.sessionNotFound }
        return session
    }

    static func enrolment(_ id: Int64, in db: Database) throws -> Enrolment {
        guard let enrolment = try Enrolment.fetchOne(db, keptKey: id) else { throw WorkshopProblem.enrolmentNotFound }
        return enrolment
    }

    package static func employee(_ id: Int64, in db: Database) throws -> Employee {
        guard let employee = try Employee.fetchOne(db, keptKey: id) else { throw WorkshopProblem.employeeNotFound }
        return employee
    }

    /// The course of `run`; a run always has one (foreign key).
    static func course(of run: Run, in db: Database) throws -> CourseTerms {
        guard let course = try CourseTerms.load(id: run.courseId, in: db) else { throw WorkshopProblem.runNotFound }
        return course
    }

    /// The first session's start: the moment the offer cutoff counts back from.
    package static func firstSessionStart(of runId: Int64, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MIN(starts_at) FROM run_sessions WHERE run_id = ?"), arguments: [runId])
    }
}
