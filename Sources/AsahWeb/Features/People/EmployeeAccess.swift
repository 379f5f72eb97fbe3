import AsahCore
import GRDB

/// Whose employee record a principal may read: their own, anyone below them in the supervisor
/// chain, and everyone for coordinators and admins. Everyone else is told it does not exist.
enum EmployeeAccess {
    static func canView(employeeId: Int64, principal: Principal, in db: Database) throws -> Bool {
        if Policy.allows(principal, .viewDirectory) || principal.employeeId == employeeId { return true }
        guard let own = principal.employeeId, principal.has(.atasan) else { return false }
        return try EmployeeDirectory.isInSupervisorChain(supervisorId: own, employeeId: employeeId, in: db)
    }
}
