import GRDB

/// Creating accounts, setting passwords and granting roles, each recorded in the audit log.
public struct Accounts: Sendable {
    /// Why an account change was refused.
    public enum Problem: Error, Equatable, Sendable {
        case loginTaken
        case loginInvalid
        case unknownEmployee
        case employeeHasAccount
        case weakPassword(PasswordPolicy.Problem)
        case wrongCurrentPassword
        case unknownUser
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Creates an account, optionally for the employee with `nip`, with `roles` granted.
    @discardableResult
    public func add(login: String, nip: String?, displayName: String?, password: String, roles: Set<Role>,
                    actor: Int64?, ip: String?) throws -> Result<Int64, Problem> {
        guard login.range(of: #"^[A-Za-z0-9._-]{3,64}$"#, options: .regularExpression) != nil else {
            return .failure(.loginInvalid)
        }
        if let problem = PasswordPolicy.check(password, login: login) { return .failure(.weakPassword(problem)) }
        let hash = PasswordHasher.hash(password)
        return try database.pool.write { db in
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM users WHERE login = ?)"), arguments: [login]) == true {
                return .failure(.loginTaken)
            }
            var employeeId: Int64?
            var name = displayName ?? login
            if let nip {
                guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name FROM employees WHERE nip = ?"), arguments: [nip]) else {
                    return .failure(.unknownEmployee)
                }
                employeeId = row["id"]
                name = displayName ?? row["name"]
                if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM users WHERE employee_id = ?)"),
                                     arguments: [employeeId]) == true {
                    return .failure(.employeeHasAccount)
                }
            }
            var user = User(login: login, employeeId: employeeId, displayName: name)
            user.passwordHash = hash
            user.passwordChangedAt = Clock.now()
            try user.insert(db)
            for role in roles where Role.grantable.contains(role) {
                try db.execute(sql: "INSERT INTO user_roles (user_id, role) VALUES (?, ?)", arguments: [user.id, role.rawValue])
            }
            try AuditLog.record("user.add", actor: actor, ip: ip, subject: login,
                                detail: roles.map(\.rawValue).sorted().joined(separator: ","), in: db)
            return .success(user.id!)
        }
    }

    /// Sets a new password chosen by an administrator and ends the user's sessions and tokens.
    public func resetPassword(userId: Int64, to password: String, actor: Int64?, ip: String?) throws -> Problem? {
        guard let login = try database.pool.read({
            try String.fetchOne($0, sql: "SELECT login FROM users WHERE id = ?", arguments: [userId])
        }) else { return .unknownUser }
        if let problem = PasswordPolicy.check(password, login: login) { return .weakPassword(problem) }
        let hash = PasswordHasher.hash(password)
        try database.pool.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                           arguments: [hash, Clock.now(), userId])
            try AccountAccess.end(userId: userId, in: db)
            try AuditLog.record("user.password_reset", actor: actor, ip: ip, subject: login, in: db)
        }
        return nil
    }

    /// The user changes their own password; other sessions and every token end, the current
    /// session stays.
    public func changePassword(userId: Int64, current: String, new: String, keepSession: String?,
                               ip: String?) throws -> Problem? {
        guard let row = try database.pool.read({
            try Row.fetchOne($0, sql: "SELECT login, password_hash FROM users WHERE id = ?", arguments: [userId])
        }) else { return .unknownUser }
        guard let hash: String = row["password_hash"], PasswordHasher.verify(current, against: hash) else {
            return .wrongCurrentPassword
        }
        if let problem = PasswordPolicy.check(new, login: row["login"]) { return .weakPassword(problem) }
        let newHash = PasswordHasher.hash(new)
        try database.pool.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                           arguments: [newHash, Clock.now(), userId])
            try AccountAccess.end(userId: userId, keepSession: keepSession, in: db)
            try AuditLog.record("user.password_change", actor: userId, ip: ip, in: db)
        }
        return nil
    }

    /// The id of the account named `login`, if any.
    public func userId(login: String) throws -> Int64? {
        try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE login = ?", arguments: [login]) }
    }

    /// Deactivates an account (every session and API token ends at once; it cannot sign in) or
    /// activates it again. False when there is no such account.
    @discardableResult
    public func setActive(userId: Int64, _ active: Bool, actor: Int64?, ip: String?) throws -> Bool {
        try database.pool.write { db in
            guard let login = try String.fetchOne(db.cachedStatement(sql: "SELECT login FROM users WHERE id = ?"), arguments: [userId]) else {
                return false
            }
            try db.execute(sql: "UPDATE users SET active = ? WHERE id = ?", arguments: [active, userId])
            if !active { try AccountAccess.end(userId: userId, in: db) }
            try AuditLog.record(active ? "user.activated" : "user.deactivated", actor: actor, ip: ip, subject: login, in: db)
            return true
        }
    }

    /// Replaces the granted roles of a user.
    public func setRoles(userId: Int64, roles: Set<Role>, actor: Int64?, ip: String?) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM user_roles WHERE user_id = ?", arguments: [userId])
            for role in roles where Role.grantable.contains(role) {
                try db.execute(sql: "INSERT INTO user_roles (user_id, role) VALUES (?, ?)", arguments: [userId, role.rawValue])
            }
            try AuditLog.record("user.roles", actor: actor, ip: ip, subject: String(userId),
                                detail: roles.map(\.rawValue).sorted().joined(separator: ","), in: db)
        }
    }

    /// Sets the interface language of a user (`id` or `en`).
    public func setLocale(userId: Int64, locale: String) throws {
        guard ["id", "en"].contains(locale) else { return }
        try database.pool.write {
            try $0.execute(sql: "UPDATE users SET locale = ? WHERE id = ?", arguments: [locale, userId])
        }
    }

    /// Accounts for the admin list, with their granted roles.
    public func list(search: String?, limit: Int, offset: Int) throws -> (accounts: [(user: User, roles: [Role])], total: Int) {
        try database.pool.read { db in
            let pattern = "%\(search ?? "")%"
            let users = try User.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM users WHERE login LIKE ? OR display_name LIKE ? ORDER BY login LIMIT ? OFFSET ?
                """), arguments: [pattern, pattern, limit, offset])
            let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM users WHERE login LIKE ? OR display_name LIKE ?"),
                                         arguments: [pattern, pattern]) ?? 0
            let accounts = try users.map { user in
                let roles = try String.fetchAll(db.cachedStatement(sql: "SELECT role FROM user_roles WHERE user_id = ?"), arguments: [user.id])
                return (user, roles.compactMap(Role.init(rawValue:)).sorted())
            }
            return (accounts, total)
        }
    }

    /// The principal of an active account.
    public func principal(userId: Int64) throws -> Principal? {
        try database.pool.read { try Principal.load(userId: userId, in: $0) }
    }
}

import Foundation
