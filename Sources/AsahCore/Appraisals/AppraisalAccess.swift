import GRDB

/// Who may see one person's appraisals (personal data under UU 27/2022): the person, their
/// supervisors up the chain, and coordinators. Everyone else sees aggregates only.
public enum AppraisalAccess {
    /// Refused: `principal` may not see the records of this employee.
    public struct Denied: Error, Sendable, Equatable {
        public let employeeId: Int64
    }

    /// Whether `principal` may see the appraisals of `employeeId`. The same rule as for
    /// training records, ``WorkshopAccess/maySeePerson(_:employeeId:in:)``.
    public static func maySee(principal: Principal, employeeId: Int64, in db: Database) throws -> Bool {
        try WorkshopAccess.maySeePerson(principal, employeeId: employeeId, in: db)
    }

    /// The records of `employeeId` for `principal`, ordered as
    /// ``AppraisalQueries/records(employeeId:in:)``, with an `appraisal.read` audit entry
    /// (subject: the employee's NIP) in the same transaction; run it in a write. Throws
    /// ``Denied`` (writing nothing) when the principal may not see them.
    public static func read(_ principal: Principal, employeeId: Int64, ip: String?, in db: Database) throws -> [Appraisal] {
        guard try maySee(principal: principal, employeeId: employeeId, in: db) else {
            throw Denied(employeeId: employeeId)
        }
        let records = try AppraisalQueries.records(employeeId: employeeId, in: db)
        let nip = try String.fetchOne(db.cachedStatement(sql: "SELECT nip FROM employees WHERE id = ?"), arguments: [employeeId])
        try AuditLog.record("appraisal.read", actor: principal.userId, ip: ip, subject: nip ?? String(employeeId),
                            detail: "records:\(records.count)", in: db)
        return records
    }
}
