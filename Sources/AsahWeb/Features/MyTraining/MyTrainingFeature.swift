import AsahCore
import Foundation
import HTTPServer

/// The person's own training: their places in runs, check-in for today's sessions,
/// certificates, the JP ledger of a year with the form to record an external training, and
/// their notifications (see `NotificationRoutes`).
struct MyTrainingFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/my/trainings", .signedIn(.useAccount)) { try page($0) },
            RouteSpec(.post, "/my/trainings/external", .signedIn(.useAccount), recordExternal),
            // Where notifications about reviewed trainings point (WorkshopLinks.trainingHours).
            RouteSpec(.get, "/training-hours", .signedIn(.useAccount)) { _ in .redirect(to: "/my/trainings") },
            RouteSpec(.get, "/api/v1/my/trainings", .signedIn(.useAccount), api),
        ] + NotificationRoutes.routes()
    }

    /// Today's sessions the person may check in to now, for the page.
    static func checkIns(_ sessions: [Attendance.CheckInSession], _ localizer: Localizer) -> [[String: Any]] {
        sessions.map { session -> [String: Any] in
            ["id": session.id, "title": session.runTitle, "when": localizer.moment(session.startsAt)]
        }
    }

    func page(_ context: Context, error: String? = nil, form: FormData? = nil, status: Int = 200) throws -> Response {
        let localizer = context.localizer
        var data: [String: Any] = ["notice": TrainingFormat.notice(context) as Any, "error": error as Any]
        guard let employeeId = context.user.employeeId else {
            data["noEmployee"] = true
            return context.page("my_trainings", title: localizer.t("my_title"), data, status: status)
        }
        let year = try TrainingFormat.year(context)
        let training = try PersonalTrainingPages(database: context.services.database).page(employeeId: employeeId, year: year)
        let places = training.places
        data["places"] = places.map { place -> [String: Any] in
            [
                "runId": place.run.id ?? 0, "title": place.run.title,
                "dates": TrainingFormat.dates(place.run.startsOn, place.run.endsOn, localizer),
                "state": localizer.t("my_state_\(place.standing.enrolment.state.rawValue)"),
                "stateClass": place.standing.enrolment.state.rawValue,
                "runStatus": localizer.t("my_run_\(place.run.status.rawValue)"),
                "position": place.standing.waitlist.map { localizer.t("my_waitlist_position", ["position": String($0.position), "total": String($0.total)]) } as Any,
                "message": RunText.explanation(place.standing, localizer),
            ]
        }
        data["hasPlaces"] = !places.isEmpty
        let checkIns = Self.checkIns(training.checkIns, localizer)
        data["checkIns"] = checkIns
        data["hasCheckIns"] = !checkIns.isEmpty
        let certificates = training.certificates
        data["certificates"] = certificates.map { held -> [String: Any] in
            ["id": held.certificate.id ?? 0, "number": held.certificate.number, "title": held.courseTitle,
             "dates": TrainingFormat.dates(held.startedOn, held.endedOn, localizer), "jp": TrainingFormat.jp(held.jp, localizer),
             "revoked": held.certificate.revokedAt != nil]
        }
        data["hasCertificates"] = !certificates.isEmpty
        let ledger = training.ledger
        data["year"] = year
        data["years"] = (max(2020, TrainingFormat.currentYear - 4)...TrainingFormat.currentYear + 1).reversed().map {
            ["value": $0, "selected": $0 == year] as [String: Any]
        }
        data["progress"] = TrainingFormat.progress(ledger, localizer)
        data["entries"] = ledger.entries.map { TrainingFormat.entry($0, localizer) }
        data["hasEntries"] = !ledger.entries.isEmpty
        let form = form ?? FormData()
        data["form"] = ["title": form["title"] ?? "", "organiser": form["organiser"] ?? "", "kind": form["kind"] ?? "",
                        "started_on": form["started_on"] ?? "", "ended_on": form["ended_on"] ?? "", "jp": form["jp"] ?? "",
                        "certificate_number": form["certificate_number"] ?? ""]
        data["maxMB"] = EvidenceStore.maximumBytes / (1024 * 1024)
        return context.page("my_trainings", title: localizer.t("my_title"), data, status: status)
    }

    private func recordExternal(_ context: Context) throws -> Response {
        let form = try context.form()
        let localizer = context.localizer
        guard let employeeId = context.user.employeeId else { return context.notFound() }
        let fail = { (message: String) throws -> Response in try page(context, error: message, form: form, status: 422) }
        guard let started = form.trimmed("started_on").flatMap(CalendarDate.init(iso:)),
              let ended = form.trimmed("ended_on").flatMap(CalendarDate.init(iso:)) else {
            return try fail(localizer.t("hours_error_dates"))
        }
        guard let jp = form.trimmed("jp").flatMap({ Double($0.replacingOccurrences(of: ",", with: ".")) }), jp > 0, jp <= 1000 else {
            return try fail(localizer.t("hours_error_jp"))
        }
        let store = EvidenceStore.store(context.services.database)
        let file = context.request.files.first { $0.field == "evidence" }
        let stored: FileStore.Stored
        switch store.keep(file) {
        case .success(let kept): stored = kept
        case .failure(.missing): return try fail(localizer.t("hours_error_evidence_missing"))
        case .failure(.tooLarge): return try fail(localizer.t("hours_error_evidence_large", ["mb": String(EvidenceStore.maximumBytes / 1024 / 1024)]))
        case .failure(.wrongType): return try fail(localizer.t("hours_error_evidence_type"))
        }
        let training = ExternalTraining(
            title: form.trimmed("title") ?? "", organiser: form.trimmed("organiser") ?? "", kind: form.trimmed("kind"),
            startedOn: started, endedOn: ended, jp: jp, certificateNumber: form.trimmed("certificate_number"),
            evidencePath: stored.name, evidenceName: stored.displayName)
        switch try TrainingHours(database: context.services.database).recordExternal(
            employeeId: employeeId, training, actor: context.user, ip: context.ip) {
        case .success(let entry):
            return Notice.redirect("/my/trainings?year=\(entry.year)", notice: "hours_recorded")
        case .failure(let problem): return try fail(context.message(problem))
        }
    }

    private struct PlaceJSON: Encodable {
        let run_id: Int64
        let run_title: String
        let starts_on: String
        let ends_on: String
        let run_status: String
        let state: String
        let waitlist_position: Int?
        let waitlist_total: Int?
        let message: String
    }

    private struct CertificateJSON: Encodable {
        let id: Int64
        let number: String
        let course_title: String
        let started_on: String
        let ended_on: String
        let jp: Double
        let revoked: Bool
    }

    private struct MyTrainingsJSON: Encodable {
        let places: [PlaceJSON]
        let certificates: [CertificateJSON]
        let training_hours: LedgerJSON
    }

    private func api(_ context: Context) throws -> Response {
        guard let employeeId = context.user.employeeId else { return context.notFound() }
        let training = try PersonalTrainingPages(database: context.services.database)
            .page(employeeId: employeeId, year: try TrainingFormat.year(context))
        let places = training.places.map { place in
            PlaceJSON(run_id: place.run.id ?? 0, run_title: place.run.title, starts_on: place.run.startsOn.iso,
                      ends_on: place.run.endsOn.iso, run_status: place.run.status.rawValue,
                      state: place.standing.enrolment.state.rawValue, waitlist_position: place.standing.waitlist?.position,
                      waitlist_total: place.standing.waitlist?.total, message: RunText.explanation(place.standing, context.localizer))
        }
        let certificates = training.certificates.map { held in
            CertificateJSON(id: held.certificate.id ?? 0, number: held.certificate.number, course_title: held.courseTitle,
                            started_on: held.startedOn.iso, ended_on: held.endedOn.iso, jp: held.jp,
                            revoked: held.certificate.revokedAt != nil)
        }
        return .json(MyTrainingsJSON(places: places, certificates: certificates, training_hours: LedgerJSON(training.ledger)))
    }
}

/// A year's JP ledger as the API returns it.
struct LedgerJSON: Encodable {
    struct Entry: Encodable {
        let id: Int64
        let title: String
        let source: String
        let organiser: String?
        let kind: String?
        let started_on: String?
        let ended_on: String?
        let jp: Double
        let status: String
        let certificate_number: String?
        let review_note: String?
    }

    let year: Int
    let target_jp: Double?
    let cap_jp: Double?
    let beyond_cap_jp: Double
    let verified_jp: Double
    let pending_jp: Double
    let remaining_jp: Double
    let reached: Bool
    let entries: [Entry]

    init(_ ledger: TrainingLedger) {
        year = ledger.year
        target_jp = ledger.target
        cap_jp = ledger.cap
        beyond_cap_jp = ledger.beyondCapJP
        verified_jp = ledger.verifiedJP
        pending_jp = ledger.pendingJP
        remaining_jp = ledger.remainingJP
        reached = ledger.reached
        entries = ledger.entries.map {
            Entry(id: $0.id ?? 0, title: $0.title, source: $0.source.rawValue, organiser: $0.organiser, kind: $0.kind,
                  started_on: $0.startedOn?.iso, ended_on: $0.endedOn?.iso, jp: $0.jp, status: $0.status.rawValue,
                  certificate_number: $0.certificateNumber, review_note: $0.reviewNote)
        }
    }
}
