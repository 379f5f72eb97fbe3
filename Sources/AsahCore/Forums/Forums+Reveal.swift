import Foundation
import GRDB

/// Revealing who wrote a pseudonymous post: a deliberate admin act against abuse, with a
/// written reason, recorded in the audit log (the only entry that names the author).
extension Forums {
    /// Who is behind a pseudonymous post.
    public struct Revealed: Sendable {
        public let login: String
        public let displayName: String
        public let nip: String?
    }

    /// Why a reveal was refused (the command line words it).
    public enum RevealProblem: Error, Sendable, Hashable {
        /// The login is no active admin account, or the password typed is not its password.
        case notAnAdmin
        case reasonRequired
        case postNotFound
        case notPseudonymous
        case sealUnreadable
    }

    /// The author of pseudonymous `postId`, revealed by the admin `adminLogin` for `reason`.
    /// The admin proves who they are with their password; a refused attempt is in the audit
    /// log too, so trying names and passwords from the server's shell leaves a trace.
    public func reveal(postId: Int64, reason: String, adminLogin: String, password: String, now: Int64 = Clock.now()) throws
        -> Result<Revealed, RevealProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= 10 else { return .failure(.reasonRequired) }
        let account = try database.pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT id, password_hash FROM users WHERE login = ? AND active"), arguments: [adminLogin])
        }
        let hash: String? = account?["password_hash"]
        let proven = hash.map { PasswordHasher.verify(password, against: $0) } ?? false
        return try database.pool.write { db in
            guard proven, let adminId: Int64 = account?["id"],
                  let admin = try Principal.load(userId: adminId, in: db), admin.has(.admin) else {
                try AuditLog.record("forum.pseudonym.reveal.refused", actor: account?["id"], ip: "cli", subject: "post:\(postId)",
                                    detail: String(adminLogin.prefix(100)), in: db)
                return .failure(.notAnAdmin)
            }
            guard let post = try ForumPost.fetchOne(db, keptKey: postId) else { return .failure(.postNotFound) }
            guard post.pseudonym != nil else { return .failure(.notPseudonymous) }
            guard let userId = try authorUserId(of: post, db: db),
                  let row = try Row.fetchOne(db.cachedStatement(sql: """
                      SELECT u.login, u.display_name, e.nip FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE u.id = ?
                      """), arguments: [userId]) else { return .failure(.sealUnreadable) }
            let revealed = Revealed(login: row["login"], displayName: row["display_name"], nip: row["nip"])
            try AuditLog.record("forum.pseudonym.reveal", actor: adminId, ip: "cli", subject: "post:\(postId)",
                                detail: "pseudonym:\(post.pseudonym!) login:\(revealed.login) reason:\(reason)", in: db)
            return .success(revealed)
        }
    }
}
