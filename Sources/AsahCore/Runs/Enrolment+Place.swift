import GRDB

extension Enrolment {
    /// A person's place in a run (one per person and run), whatever its state: the one lookup
    /// the enrolment service, the run page and project completion share.
    static func place(runId: Int64, employeeId: Int64, in db: Database) throws -> Enrolment? {
        try Enrolment.fetchOne(db.cachedStatement(sql: "SELECT * FROM enrolments WHERE run_id = ? AND employee_id = ?"),
                               arguments: [runId, employeeId])
    }
}
