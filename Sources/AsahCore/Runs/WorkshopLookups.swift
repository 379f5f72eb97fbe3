import Foundation
import GRDB

/// Small reads the workshop pages need, each in one snapshot and each with its access rule.
public struct WorkshopLookups: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Who normally decides each of these employees' requests: their supervisor's id and name.
    static func supervisors(of employeeIds: Set<Int64>, in db: Database) throws -> [Int64: (id: Int64?, name: String?)] {
        var names: [Int64: (id: Int64?, name: String?)] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.id, e.supervisor_id, s.name FROM employees e LEFT JOIN employees s ON s.id = e.supervisor_id
            WHERE e.id IN (SELECT value FROM json_each(?))
            """), arguments: [String(describing: employeeIds.sorted())]) {
            names[row["id"]] = (row["supervisor_id"], row["name"])
        }
        return names
    }

    /// Session `id` and its run, when `viewer` teaches it or coordinates.
    public func taughtSession(_ id: Int64, by viewer: Principal) throws -> (session: RunSession, run: Run)? {
        try database.pool.read { try Self.taughtSession(id, by: viewer, in: $0) }
    }

    /// ``taughtSession(_:by:)`` inside the caller's read.
    static func taughtSession(_ id: Int64, by viewer: Principal, in db: Database) throws -> (session: RunSession, run: Run)? {
        guard let session = try RunSession.fetchOne(db, keptKey: id), let run = try Run.fetchOne(db, keptKey: session.runId),
              WorkshopAccess.coordinates(viewer) || (viewer.employeeId != nil && viewer.employeeId == session.instructorEmployeeId)
        else { return nil }
        return (session, run)
    }

    /// Training record `id` when `viewer` may see its holder.
    public func trainingEntry(_ id: Int64, for viewer: Principal) throws -> TrainingHoursEntry? {
        try database.pool.read { db in
            guard let entry = try TrainingHoursEntry.fetchOne(db, keptKey: id),
                  try WorkshopAccess.maySeePerson(viewer, employeeId: entry.employeeId, in: db) else { return nil }
            return entry
        }
    }

    /// The employee with `nip` when `viewer` may see their training.
    static func visibleEmployee(nip: String, for viewer: Principal, in db: Database) throws -> Int64? {
        guard let id = try EmployeeDirectory.employee(nip: nip, in: db)?.id,
              try WorkshopAccess.maySeePerson(viewer, employeeId: id, in: db) else { return nil }
        return id
    }

    /// Unit `id`'s code and name.
    static func unit(_ id: Int64, in db: Database) throws -> (code: String, name: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT code, name FROM units WHERE id = ?"), arguments: [id]).map { ($0["code"], $0["name"]) }
    }
}
