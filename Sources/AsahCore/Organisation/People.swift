import Foundation
import GRDB

/// The people directory, profiles and teams, each read in one snapshot, with who may see whom:
/// their own record, anyone below them in the supervisor chain, coordinators, and those who
/// keep the directory. Everyone else is told the person does not exist.
public struct People: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// A profile: the record, the direct reports, and whether the viewer may open the appraisals.
    public struct Profile: Sendable {
        public let record: PersonRecord
        public let subordinates: [Employee]
        public let maySeeAppraisals: Bool
    }

    /// One page of the directory.
    public func search(_ text: String?, unitId: Int64?, page: Int, pageSize: Int) throws -> DirectoryPage {
        try database.pool.read { try EmployeeDirectory.search(text, unitId: unitId, page: page, pageSize: pageSize, in: $0) }
    }

    /// The profile of the employee with `nip` for `viewer`; nil when there is none or the viewer may not see it.
    public func profile(nip: String, viewer: Principal) throws -> Profile? {
        try database.pool.read { db in
            guard let id = try EmployeeDirectory.employee(nip: nip, in: db)?.id,
                  try Self.mayView(employeeId: id, viewer: viewer, in: db),
                  let record = try PersonRecord.load(id: id, in: db) else { return nil }
            return Profile(record: record, subordinates: try EmployeeDirectory.directSubordinates(of: id, in: db),
                           maySeeAppraisals: try AppraisalAccess.maySee(principal: viewer, employeeId: id, in: db))
        }
    }

    /// A supervisor's direct reports, each with how many report to them, and the size of the whole line below.
    public func team(of supervisorId: Int64) throws -> (members: [(member: Employee, reports: Int)], chain: Int) {
        try database.pool.read { db in
            let members = try EmployeeDirectory.directSubordinates(of: supervisorId, in: db).map { member in
                (member, try EmployeeDirectory.directSubordinates(of: member.id!, in: db).count)
            }
            return (members, try EmployeeDirectory.chainSize(below: supervisorId, in: db))
        }
    }

    /// The employee with record id `id`.
    public func employee(id: Int64) throws -> Employee? {
        try database.pool.read { try EmployeeDirectory.employee(id: id, in: $0) }
    }

    /// The employee with `nip` (written without spaces).
    public func employee(nip: String) throws -> Employee? {
        try database.pool.read { try EmployeeDirectory.employee(nip: nip, in: $0) }
    }

    /// The ids of the units with these codes (upper case), by code; unknown codes are left out.
    public func unitIds(codes: [String]) throws -> [String: Int64] {
        try database.pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT code, id FROM units WHERE code IN (SELECT value FROM json_each(?))"),
                             arguments: [String(decoding: try JSONEncoder().encode(codes), as: UTF8.self)])
                .reduce(into: [:]) { $0[($1["code"] as String).uppercased()] = $1["id"] as Int64 }
        }
    }

    /// The unit tree, for filters.
    public func unitTree() throws -> [UnitTreeEntry] {
        try database.pool.read { try EmployeeDirectory.unitTree(in: $0) }
    }

    /// Whether `viewer` may read the record of `employeeId`.
    static func mayView(employeeId: Int64, viewer: Principal, in db: Database) throws -> Bool {
        try Policy.allows(viewer, .viewDirectory) || WorkshopAccess.maySeePerson(viewer, employeeId: employeeId, in: db)
    }
}
