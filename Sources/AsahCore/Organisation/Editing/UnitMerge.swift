import Foundation
import GRDB

/// Merging unit A into unit B, as when two OPDs become one: A's people and sub-units move to
/// B; A stays as a row, inactive and marked as merged into B, so the runs' quotas, training
/// records and reports that named A still name it, and anyone can follow it to B.
public struct UnitMerge: Sendable {
    /// What a merge moved.
    public struct Outcome: Sendable, Equatable {
        public let employeesMoved: Int
        public let subunitsMoved: Int
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Merges the unit with `code` into the unit with code `target`: what moved, the problems
    /// (the field is `gabung_ke`), or `nil` when there is no unit with `code`.
    public func merge(code: String, into target: String, actor: Int64?, ip: String?) throws -> Result<Outcome, EditProblem>? {
        try database.pool.write { db in
            let known = try KnownUnits(db), merged = try UnitEdit.mergedIntoId(in: db)
            let targetKey = target.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
            guard let unit = known.unitByCode[code.uppercased()], let id = unit.id else { return nil }
            func refuse(_ key: String, _ arguments: [String: String] = [:]) -> Result<Outcome, EditProblem> {
                .failure(EditProblem([.init("gabung_ke", key, arguments)]))
            }
            guard merged[id] == nil else { return refuse("problem_unit_merged_already") }
            guard !targetKey.isEmpty else { return refuse("problem_unit_merge_target_required") }
            guard let into = known.unitByCode[targetKey], let intoId = into.id else {
                return refuse("import_parent_not_found", ["value": targetKey])
            }
            guard intoId != id else { return refuse("problem_unit_merge_self") }
            guard merged[intoId] == nil else { return refuse("problem_unit_merge_target_merged", ["value": into.code]) }
            var above: String? = targetKey
            while let current = above {
                if current == code.uppercased() { return refuse("problem_unit_merge_target_below", ["value": into.code]) }
                above = known.parentCodes[current]
            }
            try db.execute(sql: "UPDATE employees SET unit_id = ?, updated_at = ? WHERE unit_id = ?", arguments: [intoId, Date(), id])
            let employees = db.changesCount
            try db.execute(sql: "UPDATE units SET parent_id = ? WHERE parent_id = ?", arguments: [intoId, id])
            let subunits = db.changesCount
            try db.execute(sql: "UPDATE units SET merged_into_id = ?, merged_at = ?, active = 0 WHERE id = ?",
                           arguments: [intoId, Clock.now(), id])
            try AuditLog.record("unit.merge", actor: actor, ip: ip, subject: "unit:\(unit.code)",
                                detail: "gabung_ke: \(into.code); pegawai: \(employees); subunit: \(subunits)", in: db)
            return .success(Outcome(employeesMoved: employees, subunitsMoved: subunits))
        }
    }
}
