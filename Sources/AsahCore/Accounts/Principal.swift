import GRDB

/// Who is making a request: the account, its employee record and every role it holds.
public struct Principal: Sendable, Equatable {
    public let userId: Int64
    public let login: String
    public let displayName: String
    public let employeeId: Int64?
    public let roles: Set<Role>
    public let locale: String

    /// A principal as ``load(userId:in:)`` derives it (the demo builds its people's directly).
    package init(userId: Int64, login: String, displayName: String, employeeId: Int64?, roles: Set<Role>, locale: String) {
        self.userId = userId
        self.login = login
        self.displayName = displayName
        self.employeeId = employeeId
        self.roles = roles
        self.locale = locale
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// Loads the principal for an active account; nil when the account is gone or disabled.
    public static func load(userId: Int64, in db: Database) throws -> Principal? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT u.login, u.display_name, u.employee_id, u.locale,
                   EXISTS (SELECT 1 FROM employees s WHERE s.supervisor_id = u.employee_id AND s.active) AS supervises
            FROM users u WHERE u.id = ? AND u.active
            """), arguments: [userId]) else { return nil }
        let granted = try db.cachedStatement(sql: "SELECT role FROM user_roles WHERE user_id = ?")
        var roles = Set(try String.fetchAll(granted, arguments: [userId]).compactMap(Role.init(rawValue:)))
        let employeeId: Int64? = row["employee_id"]
        if employeeId != nil { roles.insert(.pegawai) }
        if row["supervises"] as Bool { roles.insert(.atasan) }
        return Principal(userId: userId, login: row["login"], displayName: row["display_name"],
                         employeeId: employeeId, roles: roles, locale: row["locale"])
    }
}
