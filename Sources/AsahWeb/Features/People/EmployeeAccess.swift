import AsahCore
import GRDB

/// Whose employee record a principal may read: their own, anyone below them in the supervisor
/// chain, coordinators (WorkshopAccess.maySeePerson), and those who keep the directory.
/// Everyone else is told it does not exist.
enum EmployeeAccess {
    static func canView(employeeId: Int64, principal: Principal, in db: Database) throws -> Bool {
        try Policy.allows(principal, .viewDirectory) || WorkshopAccess.maySeePerson(principal, employeeId: employeeId, in: db)
    }
}
