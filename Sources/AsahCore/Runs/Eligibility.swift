import GRDB

/// Whether a person may take a course: every prerequisite completed (an enrolment in state
/// `completed` in a run of that course) and inside the target audience (the catalogue's
/// ``Audience`` rule).
enum Eligibility {
    /// The first reason `employee` may not take `course`, or `nil` when they may.
    static func problem(_ employee: Employee, course: CourseTerms, in db: Database) throws -> WorkshopProblem? {
        let missing = try missingPrerequisites(employeeId: employee.id!, codes: course.prerequisiteCodes, in: db)
        if !missing.isEmpty { return .prerequisitesMissing(missing) }
        let units = try unitCodes(from: employee.unitId, in: db)
        let check = course.audienceRule.check(employee: employee, unitCode: units.first, parentUnitCodes: Array(units.dropFirst()))
        return check.fits ? nil : .outsideAudience(check.reasons)
    }

    /// Whether `employee` may take each course asked about (prerequisites completed, inside the
    /// audience), reading their units and completed courses once: for lists of many runs.
    static func checker(for employee: Employee, in db: Database) throws -> (CourseTerms) -> Bool {
        let units = try unitCodes(from: employee.unitId, in: db)
        // INDEXED BY: without statistics SQLite takes the index on the state and reads every
        // completed enrolment of the region (a province's home spent most of its time there).
        let completed = Set(try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT c.code FROM enrolments e INDEXED BY enrolments_employee JOIN runs r ON r.id = e.run_id JOIN courses c ON c.id = r.course_id
            WHERE e.employee_id = ? AND e.state = 'completed'
            """), arguments: [employee.id]))
        return { course in
            course.prerequisiteCodes.allSatisfy(completed.contains)
                && course.audienceRule.check(employee: employee, unitCode: units.first, parentUnitCodes: Array(units.dropFirst())).fits
        }
    }

    /// The prerequisite courses not completed yet, as "CODE Judul" (or the bare code of a
    /// course missing from the catalogue).
    private static func missingPrerequisites(employeeId: Int64, codes: [String], in db: Database) throws -> [String] {
        try codes.compactMap { code in
            let done = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM enrolments e INDEXED BY enrolments_employee JOIN runs r ON r.id = e.run_id JOIN courses c ON c.id = r.course_id
                               WHERE e.employee_id = ? AND e.state = 'completed' AND c.code = ?)
                """), arguments: [employeeId, code]) ?? false
            if done { return nil }
            let title = try String.fetchOne(db.cachedStatement(sql: "SELECT title_id FROM courses WHERE code = ?"), arguments: [code])
            return title.map { "\(code) \($0)" } ?? code
        }
    }

    /// The code of `unitId` followed by those of the units above it, nearest first (from every
    /// unit's parent, read once per data change on a read-only connection: ``SharedFacts``).
    private static func unitCodes(from unitId: Int64?, in db: Database) throws -> [String] {
        guard let unitId else { return [] }
        let units = try SharedFacts.value("unit-parents", in: db) {
            var units: [Int64: (code: String, parentId: Int64?)] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, code, parent_id FROM units")) {
                units[row["id"]] = (row["code"], row["parent_id"])
            }
            return units
        }
        var codes: [String] = [], next: Int64? = unitId, seen: Set<Int64> = []
        // A parent cycle (bad data) ends the chain where it repeats, as the query's depth limit did.
        while let id = next, seen.insert(id).inserted, let unit = units[id] {
            codes.append(unit.code)
            next = unit.parentId
        }
        return codes
    }
}
