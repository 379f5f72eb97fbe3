import GRDB

/// A certificate with what its page shows: holder, course, dates, hours, and the project it
/// was completed with.
public struct CertificateDetails: Sendable {
    public let certificate: Certificate
    public let employeeId: Int64
    public let name: String
    public let nip: String
    public let title: String
    public let startedOn: CalendarDate?
    public let endedOn: CalendarDate?
    public let jp: Double
    /// The title of the completed workplace project the run was completed with, if any.
    public let projectTitle: String?
    /// The agency that issues it, as the settings name it now (the same snapshot).
    public let agency: AgencySettings

    /// The certificate `id` when `principal` may see its holder; nil otherwise.
    public static func find(_ id: Int64, for principal: Principal, in database: AppDatabase) throws -> CertificateDetails? {
        try database.pool.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT c.*, p.id AS holder_id, p.name AS holder_name, p.nip AS holder_nip, h.title AS course_title,
                       h.started_on AS course_started_on, h.ended_on AS course_ended_on, h.jp AS course_jp,
                       (SELECT pr.title FROM project_members m JOIN projects pr ON pr.id = m.project_id AND pr.status = 'completed'
                        WHERE m.run_id = e.run_id AND m.employee_id = e.employee_id) AS project_title
                FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id JOIN employees p ON p.id = e.employee_id
                JOIN training_hours h ON h.employee_id = e.employee_id AND h.run_id = e.run_id
                WHERE c.id = ?
                """), arguments: [id]) else { return nil }
            let employeeId: Int64 = row["holder_id"]
            guard try WorkshopAccess.maySeePerson(principal, employeeId: employeeId, in: db) else { return nil }
            return CertificateDetails(certificate: try Certificate(row: row), employeeId: employeeId, name: row["holder_name"],
                                      nip: row["holder_nip"], title: row["course_title"], startedOn: row["course_started_on"],
                                      endedOn: row["course_ended_on"], jp: row["course_jp"], projectTitle: row["project_title"],
                                      agency: try AgencySettings.read(db))
        }
    }
}
