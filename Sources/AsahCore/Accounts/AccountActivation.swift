import Foundation
import GRDB

/// Switching Asah on for a whole agency: accounts made in bulk for the employees who have none
/// (login = NIP, no password), and a one-time activation code per account, printed or mailed
/// per unit, with which the employee sets their own password on first visit (NIP + code). No
/// password is ever sent. Codes expire after ``lifetime``; issuing again replaces an account's
/// code; attempts are throttled like logins; every step is audited.
public struct AccountActivation: Sendable {
    /// Why an activation was refused.
    public enum Problem: Error, Equatable, Sendable {
        /// Unknown NIP, wrong or expired code, or an account already active: one answer for all,
        /// so the form tells no one which NIPs have accounts.
        case invalidCode
        case throttled(retryAfterSeconds: Int64)
        case weakPassword(PasswordPolicy.Problem)
    }

    /// A code issued to one person, to print or mail; only this value ever holds the code.
    public struct Issued: Sendable, Hashable {
        public let nip: String
        public let name: String
        public let unitCode: String
        public let unitName: String
        public let login: String
        /// "ABCDE-FGHJK".
        public let code: String
        public let expiresAt: Int64
    }

    /// How long a code can be used.
    public static let lifetime: Int64 = 30 * 86400
    /// Letters and digits that cannot be misread for one another (no I, O, 0, 1).
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    let database: AppDatabase
    public var throttle = LoginThrottle()

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Makes an account for each active employee of `unitId` (and its sub-units; every unit
    /// when nil) who has none; answers how many were made.
    public func createAccounts(unitId: Int64?, actor: Int64?, ip: String?) throws -> Int {
        try database.pool.write { db in
            let made = try Self.createAccounts(where: Self.inUnit(unitId), arguments: Self.unitArguments(unitId), in: db)
            if made > 0 {
                try AuditLog.record("user.bulk_add", actor: actor, ip: ip, subject: unitId.map(String.init), detail: String(made), in: db)
            }
            return made
        }
    }

    /// How many of `unitId`'s active employees (every unit's when nil) have no account, and
    /// how many of their accounts have never been activated.
    public func pending(unitId: Int64?) throws -> (withoutAccount: Int, awaitingActivation: Int) {
        try database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) FILTER (WHERE u.id IS NULL) AS without_account,
                       COUNT(*) FILTER (WHERE u.id IS NOT NULL AND u.active AND u.password_hash IS NULL) AS awaiting
                FROM employees e LEFT JOIN users u ON u.employee_id = e.id
                WHERE e.active AND \(Self.inUnit(unitId))
                """, arguments: Self.unitArguments(unitId))
            return (row?["without_account"] ?? 0, row?["awaiting"] ?? 0)
        }
    }

    /// Makes accounts for the active employees with `nips` who have none (after an import).
    static func createAccounts(nips: [String], in db: Database) throws -> Int {
        guard !nips.isEmpty else { return 0 }
        return try createAccounts(where: "e.nip IN (SELECT value FROM json_each(?))",
                                  arguments: [String(decoding: try JSONEncoder().encode(nips), as: UTF8.self)], in: db)
    }

    private static func createAccounts(where condition: String, arguments: StatementArguments, in db: Database) throws -> Int {
        try db.execute(sql: """
            INSERT INTO users (login, employee_id, display_name, created_at)
            SELECT e.nip, e.id, e.name, ? FROM employees e
            WHERE e.active AND \(condition)
              AND NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = e.id)
              AND NOT EXISTS (SELECT 1 FROM users u WHERE u.login = e.nip)
            """, arguments: [Clock.now()] + arguments)
        return db.changesCount
    }

    /// A fresh code for every account of `unitId`'s employees (every unit when nil) that has
    /// never been activated; codes issued before for them stop working. Sorted by unit and name.
    public func issue(unitId: Int64?, actor: Int64?, ip: String?) throws -> [Issued] {
        try database.pool.write { db in
            let issued = try Self.issue(where: Self.inUnit(unitId), arguments: Self.unitArguments(unitId), in: db)
            if !issued.isEmpty {
                try AuditLog.record("user.activation_issued", actor: actor, ip: ip, subject: unitId.map(String.init),
                                    detail: String(issued.count), in: db)
            }
            return issued
        }
    }

    /// A fresh code for the account `userId` if it has never been activated (an admin's re-issue).
    public func reissue(userId: Int64, actor: Int64?, ip: String?) throws -> Issued? {
        try database.pool.write { db in
            let issued = try Self.issue(where: "u.id = ?", arguments: [userId], in: db).first
            if let issued {
                try AuditLog.record("user.activation_issued", actor: actor, ip: ip, subject: issued.login, detail: "1", in: db)
            }
            return issued
        }
    }

    private static func issue(where condition: String, arguments: StatementArguments, in db: Database) throws -> [Issued] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT u.id, u.login, e.nip, e.name, n.code AS unit_code, n.name AS unit_name
            FROM users u JOIN employees e ON e.id = u.employee_id JOIN units n ON n.id = e.unit_id
            WHERE u.password_hash IS NULL AND u.active AND e.active AND \(condition)
            ORDER BY n.code, e.name
            """, arguments: arguments)
        let now = Clock.now()
        return try rows.map { row in
            let code = newCode()
            try db.execute(sql: """
                INSERT INTO account_activations (user_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at,
                    expires_at = excluded.expires_at
                """, arguments: [row["id"], SecureToken.digest(normalized(code)), now, now + lifetime])
            return Issued(nip: row["nip"], name: row["name"], unitCode: row["unit_code"], unitName: row["unit_name"],
                          login: row["login"], code: code, expiresAt: now + lifetime)
        }
    }

    /// Sets the password of the account of the employee with `nip` when `code` is its live
    /// code; the code is then spent. Answers the account's id.
    public func activate(nip: String, code: String, password: String, ip: String) throws -> Result<Int64, Problem> {
        let nip = nip.filter { !$0.isWhitespace }
        let attempt = try database.pool.write { db -> Result<(userId: Int64?, login: String?, key: String), Problem> in
            let account = try Row.fetchOne(db, sql: """
                SELECT id, login FROM users WHERE employee_id = (SELECT id FROM employees WHERE nip = ?)
                  AND \(AccountAccess.usable) AND password_hash IS NULL
                """, arguments: [nip])
            let key = "activation:" + LoginThrottle.key(accountId: account?["id"], typed: nip)
            if let wait = try throttle.retryAfter(key: key, ip: ip, in: db) { return .failure(.throttled(retryAfterSeconds: wait)) }
            try throttle.reserve(key: key, ip: ip, in: db)
            return .success((account?["id"], account?["login"], key))
        }
        let userId: Int64?, login: String?, key: String
        switch attempt {
        case .failure(let problem): return .failure(problem)
        case .success(let reserved): (userId, login, key) = reserved
        }
        let hash = PasswordHasher.hash(password)
        return try database.pool.write { db in
            guard let userId, let login,
                  let stored = try Row.fetchOne(db.cachedStatement(sql: "SELECT code_hash, expires_at FROM account_activations WHERE user_id = ?"),
                                                arguments: [userId]),
                  (stored["expires_at"] as Int64) > Clock.now(),
                  SecureToken.equal(stored["code_hash"], SecureToken.digest(Self.normalized(code))) else {
                try AuditLog.record("user.activation_failed", actor: userId, ip: ip, subject: String(nip.prefix(30)), in: db)
                return .failure(.invalidCode)
            }
            try throttle.forgive(key: key, in: db)
            if let problem = PasswordPolicy.check(password, login: login) { return .failure(.weakPassword(problem)) }
            try db.execute(sql: "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                           arguments: [hash, Clock.now(), userId])
            try db.execute(sql: "DELETE FROM account_activations WHERE user_id = ?", arguments: [userId])
            try AuditLog.record("user.activated", actor: userId, ip: ip, subject: login, in: db)
            return .success(userId)
        }
    }

    /// A new code: ten characters of ``alphabet`` (50 bits) in two groups of five.
    static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<10).map { _ in alphabet.randomElement(using: &generator)! }
        return String(characters[0..<5]) + "-" + String(characters[5...])
    }

    /// `code` as typed, in capitals without spaces or dashes.
    static func normalized(_ code: String) -> String {
        code.uppercased().filter { $0.isLetter || $0.isNumber }
    }

    private static func inUnit(_ unitId: Int64?) -> String {
        unitId == nil ? "1" : """
            e.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT u2.id FROM units u2 JOIN sub ON u2.parent_id = sub.id)
                          SELECT id FROM sub)
            """
    }

    private static func unitArguments(_ unitId: Int64?) -> StatementArguments {
        unitId.map { [$0] } ?? []
    }
}
