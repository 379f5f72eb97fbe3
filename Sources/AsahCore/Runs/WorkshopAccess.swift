import GRDB

/// Who may act on runs and on someone's place in them. Coordinators (BKPSDM staff) manage
/// runs and may act on anyone's behalf; supervisors act for the people below them; everyone
/// acts for themselves. Nobody decides on their own request.
public enum WorkshopAccess {
    /// Whether `principal` plans runs, finishes them and reviews training records.
    public static func coordinates(_ principal: Principal) -> Bool {
        principal.has(.koordinator)
    }

    /// Whether `principal` may approve or decline a request of `employee`: their direct
    /// supervisor, or a coordinator on the supervisor's behalf.
    public static func mayDecide(_ principal: Principal, for employee: Employee) -> Bool {
        guard principal.employeeId != employee.id else { return false }
        return coordinates(principal) || (principal.employeeId != nil && principal.employeeId == employee.supervisorId)
    }

    /// Whether `principal` may nominate `employeeId`: a supervisor anywhere above them in the
    /// chain, or a coordinator.
    public static func mayNominate(_ principal: Principal, employeeId: Int64, in db: Database) throws -> Bool {
        if coordinates(principal) { return principal.employeeId != employeeId }
        guard let own = principal.employeeId else { return false }
        return try EmployeeDirectory.isInSupervisorChain(supervisorId: own, employeeId: employeeId, in: db)
    }

    /// Whether `principal` may see the training hours, places and certificates of
    /// `employeeId`: the person, anyone above them in the chain, or a coordinator.
    public static func maySeePerson(_ principal: Principal, employeeId: Int64, in db: Database) throws -> Bool {
        if principal.employeeId == employeeId || coordinates(principal) { return true }
        guard let own = principal.employeeId else { return false }
        return try EmployeeDirectory.isInSupervisorChain(supervisorId: own, employeeId: employeeId, in: db)
    }
}
