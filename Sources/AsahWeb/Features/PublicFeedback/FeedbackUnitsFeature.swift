import AsahCore
import HTTPServer

/// The coordinators' side of the public's voice: the units with their feedback counts, poster
/// and form links, and the comments waiting for a decision (`/feedback`); a unit's figures,
/// approved comments and imported survey results; and the printable QR poster for its desk.
struct FeedbackUnitsFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/feedback", .signedIn(.evaluateProgrammes)) { try overview($0) },
            RouteSpec(.post, "/feedback/comments/:id", .signedIn(.evaluateProgrammes), moderate),
            RouteSpec(.get, "/feedback/units/:id", .signedIn(.evaluateProgrammes), unit),
            RouteSpec(.get, "/feedback/units/:id/poster", .signedIn(.evaluateProgrammes), poster),
        ]
    }

    private func overview(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let overview = try FeedbackPages(database: context.services.database).overview()
        return context.page("feedback_units", title: localizer.t("feedback_title"), [
            "notice": Notice.message(context, allowed: ["feedback_approved", "feedback_rejected", "feedback_already_decided"]) as Any,
            "units": overview.units.map { line -> [String: Any] in
                ["id": line.unit.id, "name": line.unit.name, "unitCode": line.unit.unitCode, "path": "/suara/" + line.unit.code,
                 "responses": localizer.number(line.responses), "pending": localizer.number(line.pendingComments)]
            },
            "pending": overview.pending.map { comment -> [String: Any] in
                ["id": comment.id, "unit": comment.unitName, "comment": comment.comment,
                 "received": localizer.date(year: comment.receivedOn.year, month: comment.receivedOn.month, day: comment.receivedOn.day),
                 "overall": localizer.t("feedback_scale_\(comment.overall)")]
            },
            "hasPending": !overview.pending.isEmpty,
        ])
    }

    private func moderate(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let decision = try context.form()["decision"]
        guard decision == "approve" || decision == "reject" else { return context.error(400, "feedback_decision_missing") }
        let done = try PublicFeedback(database: context.services.database)
            .moderate(id, approve: decision == "approve", actor: context.user.userId, ip: context.ip)
        return Notice.redirect("/feedback", notice: done ? (decision == "approve" ? "feedback_approved" : "feedback_rejected")
                                                    : "feedback_already_decided")
    }

    private func unit(_ context: Context) throws -> Response {
        guard let id = context.pathID(), let page = try FeedbackPages(database: context.services.database).unit(id) else {
            return context.notFound()
        }
        let localizer = context.localizer
        return context.page("feedback_unit", title: page.unit.name, [
            "id": id, "name": page.unit.name, "responses": localizer.number(page.responses),
            "shown": !page.means.isEmpty, "minimum": SmallCell.minimum,
            "means": ServiceElement.allCases.map { element -> [String: Any] in
                ["question": localizer.t("feedback_element_\(element.rawValue)"),
                 "mean": EvaluationFormat.mean(page.means[element], localizer)]
            },
            "index": EvaluationFormat.mean(page.index, localizer),
            "comments": page.comments.map { comment -> [String: Any] in
                ["text": comment.text,
                 "received": localizer.date(year: comment.receivedOn.year, month: comment.receivedOn.month, day: comment.receivedOn.day)]
            },
            "surveys": page.surveys.map { survey -> [String: Any] in
                ["period": survey.period, "score": EvaluationFormat.decimal(survey.score, digits: 2, localizer),
                 "respondents": localizer.number(survey.respondents)]
            },
            "hasSurveys": !page.surveys.isEmpty,
        ])
    }

    private func poster(_ context: Context) throws -> Response {
        guard let id = context.pathID(), let page = try FeedbackPages(database: context.services.database).unit(id) else {
            return context.notFound()
        }
        let localizer = context.localizer
        let settings = try AgencySettings.current(in: context.services.database)
        let address = SiteAddress.base(context, settings: settings).url + "/suara/" + page.unit.code
        return context.page("feedback_poster", title: localizer.t("feedback_poster_title") + " " + page.unit.name, [
            "name": page.unit.name, "agency": settings.agencyName, "region": settings.regionName,
            "address": address, "qr": QRCode.svg(address, moduleSize: 8) ?? "",
        ])
    }
}
