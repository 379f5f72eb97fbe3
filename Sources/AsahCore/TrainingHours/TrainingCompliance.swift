import Foundation
import GRDB

extension TrainingHours {
    /// The direct reports of `supervisorEmployeeId` with their JP for `year`, by name.
    public func team(supervisorEmployeeId: Int64, year: Int) throws -> [MemberHours] {
        try database.pool.read { try Self.members("p.supervisor_id = ?", supervisorEmployeeId, year: year, in: $0) }
    }

    /// The active employees working directly in `unitId` with their JP for `year`: the
    /// drill-down of ``compliance(year:)``.
    public func unitMembers(unitId: Int64, year: Int) throws -> [MemberHours] {
        try database.pool.read { try Self.members("p.unit_id = ?", unitId, year: year, in: $0) }
    }

    /// Unit `unitId`'s code and name with its ``unitMembers(unitId:year:)``, in one
    /// read; `nil` for an unknown unit.
    public func unitPage(unitId: Int64, year: Int) throws
        -> (unit: (code: String, name: String), members: [MemberHours])? {
        try database.pool.read { db in
            guard let unit = try WorkshopLookups.unit(unitId, in: db) else { return nil }
            return (unit, try Self.members("p.unit_id = ?", unitId, year: year, in: db))
        }
    }

    /// Every unit in tree order with how many of its active employees owed a target
    /// (``EmploymentRules``: by default PNS, not PPPK) reached it in verified JP in `year`. Each employee counts in their own unit only; units of fewer than
    /// ``SmallCell/minimum`` (and the units hidden with them) are marked hidden.
    public func compliance(year: Int) throws -> [UnitCompliance] {
        try database.pool.read { try Self.compliance(year: year, in: $0) }
    }

    /// ``compliance(year:)`` read in a transaction the caller holds; the same for every
    /// coordinator, so kept while the training-hours data version stays (``SharedFacts``).
    public static func compliance(year: Int, in db: Database) throws -> [UnitCompliance] {
        try SharedFacts.value("compliance:\(year)", version: .trainingHours, in: db) { try computeCompliance(year: year, in: db) }
    }

    private static func computeCompliance(year: Int, in db: Database) throws -> [UnitCompliance] {
        var counts: [Int64: (employees: Int, reached: Int)] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.unit_id, COUNT(*) AS employees, SUM(COALESCE((
                SELECT SUM(h.jp) FROM training_hours h WHERE h.year = ? AND h.employee_id = p.id AND h.status = 'verified'
            ), 0) >= r.target_jp) AS reached
            FROM employees p JOIN employment_rules r ON r.employment = p.employment AND r.target_jp IS NOT NULL
            WHERE p.active AND p.unit_id IS NOT NULL GROUP BY p.unit_id
            """), arguments: [year]) {
            counts[row["unit_id"]] = (row["employees"], row["reached"])
        }
        let tree = try EmployeeDirectory.unitTree(in: db)
        let hidden = SmallCell.hiddenGroups(tree.map { counts[$0.id]?.employees ?? 0 })
        return tree.enumerated().map { index, unit in
            let count = counts[unit.id] ?? (0, 0)
            return UnitCompliance(unitId: unit.id, code: unit.code, name: unit.name, depth: unit.depth,
                                  employees: count.employees, reached: count.reached, hidden: hidden.contains(index))
        }
    }

    /// Active employees matching `filter` (one `?`, bound to `value`) with their JP for `year`
    /// and the target and cap of their employment type.
    static func members(_ filter: String, _ value: Int64, year: Int, in db: Database) throws -> [MemberHours] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.id, p.nip, p.name, p.jabatan, u.name AS unit_name,
                   COALESCE(SUM(CASE WHEN h.status = 'verified' THEN h.jp END), 0) AS verified_jp,
                   COALESCE(SUM(CASE WHEN h.status = 'pending' THEN h.jp END), 0) AS pending_jp,
                   r.target_jp, r.cap_jp
            FROM employees p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN employment_rules r ON r.employment = p.employment
            LEFT JOIN training_hours h ON h.employee_id = p.id AND h.year = ?
            WHERE p.active AND \(filter)
            GROUP BY p.id ORDER BY p.name COLLATE NOCASE, p.id
            """), arguments: [year, value]).map { row in
            MemberHours(employeeId: row["id"], nip: row["nip"], name: row["name"], jabatan: row["jabatan"],
                        unitName: row["unit_name"], verifiedJP: row["verified_jp"], pendingJP: row["pending_jp"],
                        target: row["target_jp"], cap: row["cap_jp"])
        }
    }
}
