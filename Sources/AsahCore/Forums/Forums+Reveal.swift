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

    /// Why a reveal was refused.
    public enum RevealProblem: Error, Sendable, Hashable, CustomStringConvertible {
        case notAnAdmin
        case reasonRequired
        case postNotFound
        case notPseudonymous
        case sealUnreadable

        public var description: String {
            switch self {
            case .notAnAdmin: "hanya akun admin yang aktif dapat membuka nama samaran"
            case .reasonRequired: "alasan tertulis wajib diisi (--reason)"
            case .postNotFound: "tulisan tidak ditemukan"
            case .notPseudonymous: "tulisan ini tidak memakai nama samaran"
            case .sealUnreadable: "tautan penulis tidak dapat dibuka dengan kunci ini (berkas kunci salah atau hilang)"
            }
        }
    }

    /// The author of pseudonymous `postId`, revealed by the admin `adminLogin` for `reason`.
    public func reveal(postId: Int64, reason: String, adminLogin: String, now: Int64 = Clock.now()) throws
        -> Result<Revealed, RevealProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= 10 else { return .failure(.reasonRequired) }
        return try database.pool.write { db in
            guard let adminId = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [adminLogin]),
                  let admin = try Principal.load(userId: adminId, in: db), admin.has(.admin) else { return .failure(.notAnAdmin) }
            guard let post = try ForumPost.fetchOne(db, key: postId) else { return .failure(.postNotFound) }
            guard post.pseudonym != nil else { return .failure(.notPseudonymous) }
            guard let userId = try authorUserId(of: post, db: db),
                  let row = try Row.fetchOne(db, sql: """
                      SELECT u.login, u.display_name, e.nip FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE u.id = ?
                      """, arguments: [userId]) else { return .failure(.sealUnreadable) }
            let revealed = Revealed(login: row["login"], displayName: row["display_name"], nip: row["nip"])
            try AuditLog.record("forum.pseudonym.reveal", actor: adminId, ip: "cli", subject: "post:\(postId)",
                                detail: "\(post.pseudonymName!) = \(revealed.login). Alasan: \(reason)", in: db)
            return .success(revealed)
        }
    }
}
