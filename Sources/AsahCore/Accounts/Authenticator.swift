import Foundation
import GRDB

/// Checks a login and password (with throttling) and starts a session, against the agency's
/// directory first when one is configured, then against the local password.
public struct Authenticator: Sendable {
    /// Why a login was refused.
    public enum Failure: Error, Equatable, Sendable {
        case invalidCredentials
        case throttled(retryAfterSeconds: Int64)
        /// The directory could not be asked and no local password let the person in.
        case directoryUnavailable
        /// The directory accepted the password but no usable Asah account has the entry's NIP.
        case noLinkedAccount
    }

    let database: AppDatabase
    public let sessions: SessionStore
    public var throttle = LoginThrottle()
    /// The agency's directory, when sign-in checks passwords there.
    public var directory: Directory?
    /// Verified against when the login is unknown, so both cases take the same time.
    private static let decoyHash = PasswordHasher.hash(SecureToken.generate())

    public init(database: AppDatabase, sessions: SessionStore) {
        self.database = database
        self.sessions = sessions
    }

    /// Logs in by login name or NIP; returns the new session and its cookie token. The name is
    /// resolved to the account and the attempt counted against it before the password is hashed.
    public func login(_ login: String, password: String, ip: String,
                      userAgent: String?) throws -> Result<(token: String, session: SessionStore.Session), Failure> {
        let name = login.trimmingCharacters(in: .whitespaces)
        let attempt = try database.pool.write { db -> Result<(account: Row?, key: String), Failure> in
            let account = try Row.fetchOne(db, sql: """
                SELECT id, password_hash, (SELECT nip FROM employees WHERE id = users.employee_id) AS nip FROM users
                WHERE \(AccountAccess.usable) AND (login = ? OR employee_id = (SELECT id FROM employees WHERE nip = ?))
                """, arguments: [name, name.filter { !$0.isWhitespace }])
            let key = LoginThrottle.key(accountId: account?["id"], typed: name)
            if let wait = try throttle.retryAfter(key: key, ip: ip, in: db) { return .failure(.throttled(retryAfterSeconds: wait)) }
            try throttle.reserve(key: key, ip: ip, in: db)
            return .success((account, key))
        }
        let account: Row?, key: String
        switch attempt {
        case .failure(let failure): return .failure(failure)
        case .success(let reserved): (account, key) = reserved
        }
        // The directory is asked by the account's NIP when the typed name is an Asah login or NIP,
        // so a person the directory knows cannot get past it with an old local password.
        let outcome = directory?.check(login: account?["nip"] ?? name, password: password)
        let local = outcome.map { directory?.settings.directoryOnly != true && $0 != .wrongPassword && !$0.isVerified } ?? true
        let hash: String? = local ? account?["password_hash"] : nil
        let matches = local && PasswordHasher.verify(password, against: hash ?? Self.decoyHash) && hash != nil
        let rehashed = matches && hash.map(PasswordHasher.needsRehash) == true ? PasswordHasher.hash(password) : nil
        return try database.pool.write { db in
            let userId: Int64?
            if case .verified(let nip) = outcome {
                userId = try Int64.fetchOne(db, sql: """
                    SELECT id FROM users WHERE \(AccountAccess.usable) AND employee_id = (SELECT id FROM employees WHERE nip = ?)
                    """, arguments: [nip.filter { !$0.isWhitespace }])
            } else {
                userId = matches ? account?["id"] : nil
            }
            guard let userId else {
                let failure: Failure = switch outcome {
                case .verified?: .noLinkedAccount
                case .unavailable?: .directoryUnavailable
                default: .invalidCredentials
                }
                try AuditLog.record("login.failed", actor: account?["id"], ip: ip, subject: String(name.prefix(100)),
                                    detail: outcome.map { "directory: \($0.name)" }, in: db)
                return .failure(failure)
            }
            try throttle.forgive(key: key, in: db)
            if let rehashed {
                try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [rehashed, userId])
            }
            let created = try sessions.create(userId: userId, ip: ip, userAgent: userAgent, in: db)
            try AuditLog.record("login", actor: userId, ip: ip, detail: outcome?.isVerified == true ? "directory" : nil, in: db)
            return .success(created)
        }
    }

    /// Ends a session and records the logout.
    public func logout(sessionId: String, userId: Int64, ip: String) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [sessionId])
            try AuditLog.record("logout", actor: userId, ip: ip, in: db)
        }
    }
}
