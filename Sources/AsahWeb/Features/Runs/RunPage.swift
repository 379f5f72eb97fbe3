import AsahCore
import Foundation
import HTTPServer

/// `GET /runs/:id` and the forms posted from it. Every change answers with a 303 back to the
/// page and a short notice, or the page again with the refusal (status 422, 403 or 404).
enum RunPage {
    /// The notices a redirect may ask the page to show (`?notice=...`).
    static let notices: Set<String> = [
        "requested", "withdrawn", "offer_accepted", "offer_declined", "nominated", "status", "cancelled", "finished", "created",
        "updated",
    ]

    /// What the nominate form held when it is shown again after a refusal.
    struct NominateInput {
        /// What was typed: a NIP or words of a name.
        var nip = ""
        var mandatory = false
        /// The people a typed name fits, to choose from.
        var choices: [DirectoryEntry] = []
    }

    static func show(_ context: Context, error: String? = nil, status: Int = 200, nominate: NominateInput = NominateInput(),
                     cancelReasonMissing: Bool = false) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        // The run, the viewer's own place and everything else the page shows, in one read.
        guard let view = try RunPages(database: context.services.database).page(id, viewer: context.user) else {
            return context.notFound()
        }
        let (facts, standing) = (view.facts, view.standing)
        let localizer = context.localizer
        let locale = localizer.locale
        let run = facts.run
        let user = context.user
        let coordinates = WorkshopAccess.coordinates(user)

        var data: [String: Any] = [
            "id": id, "code": run.code, "runTitle": run.title, "courseTitle": facts.courseTitle.text(locale: locale),
            "courseCode": facts.courseCode, "status": RunText.status(run.status, localizer), "statusCode": run.status.rawValue,
            "dates": RunText.dates(run, localizer), "capacity": localizer.number(run.capacity),
            "seatsLeft": localizer.number(facts.seatsLeft), "waitlist": localizer.number(facts.waitlistLength),
            "cancelledReason": run.cancelledReason as Any,
            "enrolOpens": run.enrolOpensAt.map { RunText.moment($0, localizer) } as Any,
            "enrolCloses": run.enrolClosesAt.map { RunText.moment($0, localizer) } as Any,
            "sessions": facts.sessions.enumerated().map { index, item in
                var values = sessionValues(index, item, localizer)
                values["canMark"] = coordinates || (user.employeeId != nil && user.employeeId == item.session.instructorEmployeeId)
                return values
            },
            "hasSessions": !facts.sessions.isEmpty,
            "quotas": facts.quotas.map { quota in
                ["label": localizer.t("run_quota_line", ["unit": quota.unitName, "seats": localizer.number(quota.seats)]),
                 "unitCode": quota.unitCode]
            },
            "hasQuotas": !facts.quotas.isEmpty,
            "error": error as Any,
            "notice": try notice(context) as Any,
        ]

        if user.employeeId != nil {
            var mine: [String: Any] = ["canRequest": run.status == .open && (standing.map { $0.enrolment.state.allowsNewRequest } ?? true)]
            if let standing {
                let state = standing.enrolment.state
                mine["hasPlace"] = true
                mine["state"] = RunText.state(state, localizer)
                mine["stateCode"] = state.rawValue
                mine["explanation"] = RunText.explanation(standing, localizer)
                if let waitlist = standing.waitlist {
                    mine["position"] = localizer.t("run_position", ["position": String(waitlist.position),
                                                                    "total": String(waitlist.total)])
                }
                if state == .offered, let expires = standing.enrolment.offerExpiresAt {
                    mine["offerExpires"] = RunText.moment(expires, localizer)
                }
                mine["offered"] = state == .offered
                mine["canWithdraw"] = state.isActive && state != .offered
                mine["mandatory"] = standing.enrolment.mandatory
                mine["surveyLink"] = state == .completed || state == .notCompleted || (state == .enrolled && run.status == .running)
                if state == .enrolled || state == .completed || state == .notCompleted {
                    mine["testLinks"] = view.hasTests
                }
            }
            data["mine"] = mine
        }

        if coordinates {
            data["coordinator"] = true
            let roster = (view.roster ?? []).map { entry -> [String: Any] in
                let state = entry.enrolment.state
                return templateValues(["name": entry.name, "nip": entry.nip, "unit": entry.unitName ?? "–",
                                       "state": RunText.state(state, localizer), "stateCode": state.rawValue,
                                       "position": entry.waitlistPosition.map(String.init) ?? "",
                                       "mandatory": entry.enrolment.mandatory,
                                       "reason": entry.enrolment.reasonNotice.map { MessageArguments.text($0, localizer) }])
            }
            data["roster"] = roster
            data["hasRoster"] = !roster.isEmpty
            data["moves"] = RunStatus.allCases.filter { run.status.canMove(to: $0) && $0 != .cancelled && $0 != .finished }
                .map { ["value": $0.rawValue, "label": localizer.t("run_move_\($0.rawValue)")] }
            data["canCancelRun"] = run.status.canMove(to: .cancelled)
            data["canEdit"] = run.status.isEditable
            data["canFinish"] = run.status.canMove(to: .finished)
            data["cancelReasonMissing"] = cancelReasonMissing
        }
        // The run's evaluation, participant list and attendance sheet (RunParticipants has the same rule).
        data["canEvaluate"] = coordinates || facts.sessions.contains {
            user.employeeId != nil && $0.session.instructorEmployeeId == user.employeeId
        }
        if run.status.placesPeople, coordinates || user.has(.atasan) {
            data["canNominate"] = true
            data["nominateNip"] = nominate.nip
            data["nominateMandatory"] = nominate.mandatory
            data["nominateChoices"] = PersonField.choices(nominate.choices)
            data["hasNominateChoices"] = !nominate.choices.isEmpty
            data["nominateTeam"] = try user.employeeId.map { coordinates ? [] : PersonField.options(
                try PersonPicker(database: context.services.database).team(of: $0)) } ?? []
            data["actingForChain"] = !coordinates
        }
        data["projectBoard"] = view.projectBoard
        return context.page("run", title: run.title, data, status: status)
    }

    private static func sessionValues(_ index: Int, _ item: RunFacts.SessionFacts, _ localizer: Localizer) -> [String: Any] {
        let session = item.session
        let link = session.onlineUrl.flatMap { url -> String? in
            let lower = url.lowercased()
            return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : nil
        }
        return templateValues([
            "id": session.id ?? 0, "number": index + 1, "date": localizer.date(session.startsAt),
            "time": RunText.hours(from: session.startsAt, to: session.endsAt, localizer),
            "place": session.place, "online": session.onlineUrl, "onlineLink": link, "instructor": item.instructorName,
        ])
    }

    private static func notice(_ context: Context) throws -> String? {
        guard let code = try context.query().text("notice"), notices.contains(code) else { return nil }
        return context.localizer.t("notice_run_\(code)")
    }

    /// The page with the notice after a successful change.
    static func done(_ id: Int64, _ notice: String) -> Response {
        .redirect(to: "/runs/\(id)?notice=\(notice)")
    }

    /// The page again with `problem`'s message, or the not-found page.
    static func refused(_ context: Context, _ problem: WorkshopProblem, nominate: NominateInput = NominateInput()) throws
        -> Response {
        let status = context.status(problem)
        if status == 404, problem == .runNotFound || problem == .enrolmentNotFound { return context.notFound() }
        return try show(context, error: context.message(problem), status: status == 403 ? 403 : 422, nominate: nominate,
                        cancelReasonMissing: problem == .reasonRequired)
    }

    /// The run if the user may see it; otherwise a thrown 404.
    private static func visibleRun(_ context: Context) throws -> Run {
        guard let id = context.pathID(), let run = try RunPages(database: context.services.database).run(id, viewer: context.user)
        else { throw HTTPFailure(response: context.notFound()) }
        return run
    }

    /// The user's own place in `run`, if any.
    private static func ownPlace(_ context: Context, _ run: Run) throws -> Enrolment? {
        guard let employeeId = context.user.employeeId else { return nil }
        return try RunPages(database: context.services.database).place(runId: run.id!, employeeId: employeeId)
    }

    private static func answer<T>(_ context: Context, _ run: Run, _ result: Result<T, WorkshopProblem>, notice: String,
                                  nominate: NominateInput = NominateInput()) throws -> Response {
        switch result {
        case .success: return done(run.id!, notice)
        case .failure(let problem): return try refused(context, problem, nominate: nominate)
        }
    }

    static func request(_ context: Context) throws -> Response {
        let run = try visibleRun(context)
        guard let employeeId = context.user.employeeId else { return try refused(context, .notPermitted) }
        let result = try EnrolmentService(database: context.services.database)
            .request(runId: run.id!, employeeId: employeeId, actor: context.user, ip: context.ip)
        return try answer(context, run, result, notice: "requested")
    }

    static func withdraw(_ context: Context) throws -> Response {
        if let confirmation = try SeatRelease.confirmation(context, .withdraw, run: try visibleRun(context)) { return confirmation }
        return try onOwnPlace(context, notice: "withdrawn") { try $0.cancel(enrolmentId: $1, actor: context.user, ip: context.ip) }
    }

    static func acceptOffer(_ context: Context) throws -> Response {
        try onOwnPlace(context, notice: "offer_accepted") { try $0.acceptOffer(enrolmentId: $1, actor: context.user, ip: context.ip) }
    }

    static func declineOffer(_ context: Context) throws -> Response {
        if let confirmation = try SeatRelease.confirmation(context, .declineOffer, run: try visibleRun(context)) { return confirmation }
        return try onOwnPlace(context, notice: "offer_declined") {
            try $0.declineOffer(enrolmentId: $1, actor: context.user, ip: context.ip)
        }
    }

    /// Applies `action` (given the service and the enrolment id) to the caller's own place in the run.
    private static func onOwnPlace(_ context: Context, notice: String,
                                   _ action: (EnrolmentService, Int64) throws -> Result<Enrolment, WorkshopProblem>) throws -> Response {
        let run = try visibleRun(context)
        guard let place = try ownPlace(context, run) else { return try refused(context, .enrolmentNotFound) }
        let result = try action(EnrolmentService(database: context.services.database), place.id!)
        return try answer(context, run, result, notice: notice)
    }

    static func nominate(_ context: Context) throws -> Response {
        let run = try visibleRun(context)
        let form = try context.form()
        var input = NominateInput(nip: form.trimmed("nip") ?? "", mandatory: form["mandatory"] != nil)
        guard !input.nip.isEmpty else {
            return try show(context, error: context.localizer.t("run_nominate_nip_required"), status: 422, nominate: input)
        }
        // A supervisor picks from their own chain; a coordinator from everyone.
        let chain = WorkshopAccess.coordinates(context.user) ? nil : context.user.employeeId
        let employee: DirectoryEntry
        switch try PersonPicker(database: context.services.database).resolve(input.nip, withinChainOf: chain) {
        case .found(let entry): employee = entry
        case .choices(let entries):
            input.choices = entries
            return try show(context, error: context.localizer.t("person_choose", ["typed": input.nip]), status: 422, nominate: input)
        case .none:
            return try show(context, error: context.localizer.t("person_not_found", ["typed": input.nip]), status: 422, nominate: input)
        }
        let result = try EnrolmentService(database: context.services.database)
            .nominate(runId: run.id!, employeeId: employee.id, mandatory: input.mandatory, actor: context.user, ip: context.ip)
        return try answer(context, run, result, notice: "nominated", nominate: input)
    }

    static func setStatus(_ context: Context) throws -> Response {
        let run = try visibleRun(context)
        guard let status = try context.form()["status"].flatMap(RunStatus.init(rawValue:)) else {
            return try show(context, error: context.localizer.t("run_status_unknown"), status: 422)
        }
        let result = try RunPlanning(database: context.services.database)
            .setStatus(runId: run.id!, to: status, actor: context.user, ip: context.ip)
        return try answer(context, run, result, notice: "status")
    }

    static func cancelRun(_ context: Context) throws -> Response {
        let run = try visibleRun(context)
        let result = try RunPlanning(database: context.services.database)
            .cancel(runId: run.id!, reason: try context.form()["reason"] ?? "", actor: context.user, ip: context.ip)
        return try answer(context, run, result, notice: "cancelled")
    }

    static func finish(_ context: Context) throws -> Response {
        let run = try visibleRun(context)
        let result = try Completion(database: context.services.database)
            .finish(runId: run.id!, actor: context.user, ip: context.ip)
        return try answer(context, run, result, notice: "finished")
    }
}
