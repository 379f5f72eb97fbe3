import AsahCore
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

    private func page(_ context: Context, error: String? = nil, status: Int = 200) throws -> Response {
        guard let id = context.pathID(),
              let details = try CertificateDetails.find(id, for: context.user, in: context.services.database) else {
            return context.notFound()
        }
        let localizer = context.localizer
        let verifyURL = SiteAddress.base(context, settings: details.agency).url + WorkshopLinks.verify(details.certificate.code)
        let issued = localizer.date(details.certificate.issuedAt)
        let agency = AgencyValues.printed(details.agency, date: issued, localizer)
        return context.page("certificate", title: localizer.t("certificate_title") + " " + details.certificate.number, agency.merging([
            "notice": TrainingFormat.notice(context) as Any, "error": error as Any,
            "id": id, "name": details.name, "nip": details.nip, "course": details.title, "project": details.projectTitle as Any,
            "dates": TrainingFormat.dates(details.startedOn, details.endedOn, localizer),
            "jp": TrainingFormat.jp(details.jp, localizer), "number": details.certificate.number,
            "code": details.certificate.code, "verifyURL": verifyURL, "qr": QRCode.svg(verifyURL) ?? "",
            "issued": issued,
            "revoked": details.certificate.revokedAt != nil,
            "revokedOn": details.certificate.revokedAt.map(localizer.date) ?? "",
            "revokedReason": details.certificate.revokedReason ?? "",
            "mayRevoke": WorkshopAccess.coordinates(context.user) && details.certificate.revokedAt == nil,
        ]) { $1 }, status: status)
    }

    private func revoke(_ context: Context) throws -> Response {
        guard let id = context.pathID(),
              try CertificateDetails.find(id, for: context.user, in: context.services.database) != nil else {
            return context.notFound()
        }
        guard WorkshopAccess.coordinates(context.user) else { return context.forbidden() }
        let form = try context.form()
        switch try Certificates(database: context.services.database).revoke(
            certificateId: id, reason: form["reason"] ?? "", actor: context.user, ip: context.ip) {
        case .success: return Notice.redirect("/certificates/\(id)", notice: "certificate_revoked_done")
        case .failure(let problem): return try page(context, error: context.message(problem), status: 422)
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
