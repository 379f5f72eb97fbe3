import AsahCore
import GRDB
import HTTPServer

/// Certificates: the printable A4 page for the holder, their supervisors and coordinators
/// (with the coordinator's revoke form), and the public verification page the QR code opens.
struct CertificatesFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/certificates/:id", .signedIn(.useAccount)) { try page($0) },
            RouteSpec(.post, "/certificates/:id/revoke", .signedIn(.useAccount), revoke),
            RouteSpec(.get, "/verify/:code", .anyone, verify),
        ]
    }

    /// A certificate with what its page shows.
    struct Details {
        let certificate: Certificate
        let employeeId: Int64
        let name: String
        let nip: String
        let title: String
        let startedOn: CalendarDate?
        let endedOn: CalendarDate?
        let jp: Double
        /// The title of the completed workplace project the run was completed with, if any.
        let projectTitle: String?
    }

    /// The certificate `id` when `principal` may see its holder; nil otherwise.
    static func details(_ id: Int64, for principal: Principal, database: AppDatabase) throws -> Details? {
        try database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.*, p.id AS holder_id, p.name AS holder_name, p.nip AS holder_nip, h.title AS course_title,
                       h.started_on AS course_started_on, h.ended_on AS course_ended_on, h.jp AS course_jp,
                       (SELECT pr.title FROM project_members m JOIN projects pr ON pr.id = m.project_id AND pr.status = 'completed'
                        WHERE m.run_id = e.run_id AND m.employee_id = e.employee_id) AS project_title
                FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id JOIN employees p ON p.id = e.employee_id
                JOIN training_hours h ON h.employee_id = e.employee_id AND h.run_id = e.run_id
                WHERE c.id = ?
                """, arguments: [id]) else { return nil }
            let employeeId: Int64 = row["holder_id"]
            guard try WorkshopAccess.maySeePerson(principal, employeeId: employeeId, in: db) else { return nil }
            return Details(certificate: try Certificate(row: row), employeeId: employeeId, name: row["holder_name"],
                           nip: row["holder_nip"], title: row["course_title"], startedOn: row["course_started_on"],
                           endedOn: row["course_ended_on"], jp: row["course_jp"], projectTitle: row["project_title"])
        }
    }

    /// The site's own address as the browser reached it, for the absolute verify URL.
    static func origin(_ context: Context) -> String {
        let host = context.request.headers["Host"].flatMap { host in
            host.range(of: #"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$"#, options: .regularExpression) != nil ? host : nil
        } ?? "localhost"
        return (context.request.isSecure ? "https://" : "http://") + host
    }

    private func page(_ context: Context, error: String? = nil, status: Int = 200) throws -> Response {
        guard let id = context.pathID(),
              let details = try Self.details(id, for: context.user, database: context.services.database) else {
            return context.notFound()
        }
        let localizer = context.localizer
        let verifyURL = Self.origin(context) + WorkshopLinks.verify(details.certificate.code)
        return context.page("certificate", title: localizer.t("certificate_title") + " " + details.certificate.number, [
            "notice": TrainingFormat.notice(context) as Any, "error": error as Any,
            "id": id, "name": details.name, "nip": details.nip, "course": details.title, "project": details.projectTitle as Any,
            "dates": TrainingFormat.dates(details.startedOn, details.endedOn, localizer),
            "jp": TrainingFormat.jp(details.jp, localizer), "number": details.certificate.number,
            "code": details.certificate.code, "verifyURL": verifyURL, "qr": QRCode.svg(verifyURL) ?? "",
            "issued": localizer.date(details.certificate.issuedAt),
            "revoked": details.certificate.revokedAt != nil,
            "revokedOn": details.certificate.revokedAt.map(localizer.date) ?? "",
            "revokedReason": details.certificate.revokedReason ?? "",
            "mayRevoke": WorkshopAccess.coordinates(context.user) && details.certificate.revokedAt == nil,
        ], status: status)
    }

    private func revoke(_ context: Context) throws -> Response {
        guard let id = context.pathID(),
              try Self.details(id, for: context.user, database: context.services.database) != nil else {
            return context.notFound()
        }
        guard WorkshopAccess.coordinates(context.user) else { return context.forbidden() }
        let form = try context.form()
        switch try Certificates(database: context.services.database).revoke(
            certificateId: id, reason: form["reason"] ?? "", actor: context.user, ip: context.ip) {
        case .success: return Notice.redirect("/certificates/\(id)", notice: "certificate_revoked_done")
        case .failure(let problem): return try page(context, error: problem.message, status: 422)
        }
    }

    private func verify(_ context: Context) throws -> Response {
        let code = context.request.parameters["code"] ?? ""
        let localizer = context.localizer
        guard let found = try Certificates(database: context.services.database).verify(code: code) else {
            return context.page("verify", title: localizer.t("verify_title"), ["unknown": true], status: 404)
        }
        return context.page("verify", title: localizer.t("verify_title"), [
            "found": true, "revoked": found.revoked, "valid": !found.revoked, "name": found.holderName,
            "course": found.courseTitle, "dates": TrainingFormat.dates(found.startedOn, found.endedOn, localizer),
            "jp": TrainingFormat.jp(found.jp, localizer),
        ])
    }
}
