import Foundation
import GRDB

/// Certificates of completion: issued when a run finishes, verified publicly by code,
/// revoked by a coordinator. Title, dates and JP come from the ledger entry written at
/// completion, so later catalogue edits do not change what a certificate says.
public struct Certificates: Sendable {
    let database: AppDatabase

    /// Certificates in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// What a code certifies: holder, course, dates, JP and whether it was revoked; `nil` for
    /// an unknown (or malformed) code.
    public func verify(code: String) throws -> CertificateVerification? {
        guard code.range(of: #"^[A-Za-z0-9_-]{20,64}$"#, options: .regularExpression) != nil else { return nil }
        return try database.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT p.name, h.title, h.started_on, h.ended_on, h.jp, c.revoked_at IS NOT NULL AS revoked
                \(Self.joins) WHERE c.code = ?
                """, arguments: [code]).map {
                CertificateVerification(holderName: $0["name"], courseTitle: $0["title"], startedOn: $0["started_on"],
                                        endedOn: $0["ended_on"], jp: $0["jp"], revoked: $0["revoked"])
            }
        }
    }

    /// The certificates of `employeeId`, newest first.
    public func held(employeeId: Int64) throws -> [HeldCertificate] {
        try database.pool.read { try Self.held(employeeId: employeeId, in: $0) }
    }

    /// ``held(employeeId:)`` inside the caller's read.
    static func held(employeeId: Int64, in db: Database) throws -> [HeldCertificate] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.*, h.title, h.started_on, h.ended_on, h.jp \(joins)
            WHERE e.employee_id = ? ORDER BY c.issued_at DESC, c.id DESC
            """), arguments: [employeeId]).map {
            HeldCertificate(certificate: try Certificate(row: $0), courseTitle: $0["title"], startedOn: $0["started_on"],
                            endedOn: $0["ended_on"], jp: $0["jp"])
        }
    }

    /// A coordinator revokes a certificate with a reason; verification then reports it revoked.
    public func revoke(certificateId: Int64, reason: String, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<Certificate, WorkshopProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.attempt(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw WorkshopProblem.notPermitted }
            guard !reason.isEmpty else { throw WorkshopProblem.reasonRequired }
            guard var certificate = try Certificate.fetchOne(db, keptKey: certificateId) else { throw WorkshopProblem.certificateNotFound }
            guard certificate.revokedAt == nil else { throw WorkshopProblem.certificateRevoked }
            certificate.revokedAt = now
            certificate.revokedReason = reason
            try certificate.update(db)
            try AuditLog.record("certificate.revoke", actor: actor.userId, ip: ip, subject: "certificate:\(certificate.number)",
                                detail: reason, in: db)
            return certificate
        }
    }

    /// Issues the certificate of a completed place, numbered after those already issued in the run.
    static func issue(for enrolment: Enrolment, in run: Run, now: Int64, db: Database) throws -> Certificate {
        let issued = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id WHERE e.run_id = ?
            """), arguments: [run.id]) ?? 0
        var certificate = Certificate(enrolmentId: enrolment.id!, code: SecureToken.generate(byteCount: 16),
                                      number: String(format: "ASAH/%d/%@/%04d", run.endsOn.year, run.code, issued + 1),
                                      issuedAt: now)
        try certificate.insert(db)
        return certificate
    }

    /// From a certificate to its holder and ledger entry.
    private static let joins = """
        FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id JOIN employees p ON p.id = e.employee_id
        JOIN training_hours h ON h.employee_id = e.employee_id AND h.run_id = e.run_id
        """
}
