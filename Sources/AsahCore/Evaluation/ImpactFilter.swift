import GRDB

/// Which runs and people an impact figure covers: the runs ending in a year, of a programme,
/// a course or one run, and the participants working in a unit (with its sub-units).
/// Each condition is optional; none means every run.
public struct ImpactFilter: Sendable, Hashable {
    public var year: Int?
    public var programmeId: Int64?
    public var courseId: Int64?
    public var runId: Int64?
    public var unitId: Int64?

    public init(year: Int? = nil, programmeId: Int64? = nil, courseId: Int64? = nil, runId: Int64? = nil, unitId: Int64? = nil) {
        self.year = year
        self.programmeId = programmeId
        self.courseId = courseId
        self.runId = runId
        self.unitId = unitId
    }

    /// SQL conditions over `runs r` (the run conditions) with their arguments.
    public var runs: (sql: String, arguments: StatementArguments) {
        var parts = ["r.status = 'finished'"]
        var arguments: StatementArguments = []
        if let year {
            parts.append("r.ends_on BETWEEN ? AND ?")
            arguments += [String(format: "%04d-01-01", year), String(format: "%04d-12-31", year)]
        }
        if let programmeId {
            parts.append("""
                r.course_id IN (SELECT k.id FROM courses k JOIN programme_courses pc ON pc.course_code = k.code
                                WHERE pc.programme_id = ?)
                """)
            arguments += [programmeId]
        }
        if let courseId {
            parts.append("r.course_id = ?")
            arguments += [courseId]
        }
        if let runId {
            parts.append("r.id = ?")
            arguments += [runId]
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    /// The run conditions and, with a unit, a condition on the participant `p` (an employee
    /// joined by the query) working in that unit or below it.
    public var people: (sql: String, arguments: StatementArguments) {
        var (sql, arguments) = runs
        if let unitId {
            sql += """
                 AND p.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION
                    SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)
                """
            arguments += [unitId]
        }
        return (sql, arguments)
    }

    /// `JOIN employees p ON p.id = column` when `condition` (from ``people``) reads the
    /// participant `p`, else nothing: at province scale the join costs a lookup per row.
    public static func participantJoin(_ condition: String, on column: String) -> String {
        condition.contains("p.unit_id") ? "JOIN employees p ON p.id = \(column)" : ""
    }
}
