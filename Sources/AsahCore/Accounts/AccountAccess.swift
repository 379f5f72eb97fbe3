import GRDB

/// Ending an account's access at once, as offboarding needs (someone retires, moves or is
/// dismissed) and as a new password implies: every session deleted, every API token revoked.
public enum AccountAccess {
    /// Ends every session (but `keepSession`) and revokes every token of `userId`.
    static func end(userId: Int64, keepSession: String? = nil, now: Int64 = Clock.now(), in db: Database) throws {
        try SessionStore.deleteAll(userId: userId, except: keepSession, in: db)
        try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                       arguments: [now, userId])
    }

    /// Ends the access of every account whose employee record is not active (imported as
    /// `nonaktif`); answers how many accounts still had a session or token.
    @discardableResult
    static func endForInactiveEmployees(now: Int64 = Clock.now(), in db: Database) throws -> Int {
        let users = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT u.id FROM users u JOIN employees e ON e.id = u.employee_id
            WHERE NOT e.active AND (EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id)
                                    OR EXISTS (SELECT 1 FROM api_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL))
            """))
        for user in users {
            try end(userId: user, now: now, in: db)
            try AuditLog.record("user.access_ended", actor: nil, ip: nil, subject: "user:\(user)",
                                detail: "pegawai nonaktif", in: db)
        }
        return users.count
    }

    /// The condition (over `users`) that an account may sign in: the account is active and,
    /// when it belongs to an employee, that employee is active too.
    static let usable = "active AND (employee_id IS NULL OR employee_id IN (SELECT id FROM employees WHERE active))"
}
