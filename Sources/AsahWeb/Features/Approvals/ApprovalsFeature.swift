import AsahCore
import Foundation
import HTTPServer

/// The supervisor's inbox of seat requests to approve or decline. Coordinators see every
/// pending request and decide on the supervisor's behalf.
struct ApprovalsFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/approvals", .signedIn(.approveEnrolments)) { try Self.inbox($0) },
            RouteSpec(.post, "/approvals/:id/approve", .signedIn(.approveEnrolments), Self.approve),
            RouteSpec(.post, "/approvals/:id/decline", .signedIn(.approveEnrolments), Self.decline),
            RouteSpec(.get, "/api/v1/approvals", .signedIn(.approveEnrolments)) { context in
                .json(try EnrolmentService(database: context.services.database).inbox(for: context.user).decisions.map(ApprovalJSON.init))
            },
        ]
    }

    static let notices: Set<String> = ["enrolled", "waitlisted", "offered", "declined"]
    /// Requests shown per page of the inbox, oldest first.
    static let pageSize = 50

    static func inbox(_ context: Context, error: String? = nil, errorFor: Int64? = nil, reason: String = "",
                      status: Int = 200) throws -> Response {
        let localizer = context.localizer
        let page = try context.query().page()
        let service = EnrolmentService(database: context.services.database)
        let requested = Pager.offset(page: max(1, page), pageSize: Self.pageSize)
        var inbox = try service.inbox(for: context.user, offset: requested, limit: Self.pageSize)
        let pager = Pager(page: page, total: inbox.total, pageSize: Self.pageSize)
        if pager.offset != requested {  // a page past the end shows the last one
            inbox = try service.inbox(for: context.user, offset: pager.offset, limit: Self.pageSize)
        }
        let items = inbox.decisions.map { item -> [String: Any] in
            let request = item.request
            let hasError = errorFor == request.enrolmentId
            return templateValues([
                "id": request.enrolmentId, "runId": request.runId, "runTitle": request.runTitle,
                "dates": request.startsOn == request.endsOn ? RunText.date(request.startsOn, localizer)
                    : RunText.date(request.startsOn, localizer) + " – " + RunText.date(request.endsOn, localizer),
                "name": request.name, "nip": request.nip, "jabatan": request.jabatan,
                "requested": RunText.moment(request.requestedAt, localizer),
                "onBehalf": item.onBehalf,
                "onBehalfText": localizer.t("approval_on_behalf", ["name": item.supervisorName ?? localizer.t("approval_no_supervisor")]),
                "rowError": hasError ? error : nil, "reason": hasError ? reason : "",
            ])
        }
        var notice: String?
        if let code = try context.query().text("notice"), notices.contains(code) { notice = localizer.t("approval_notice_\(code)") }
        return context.page("approvals", title: localizer.t("approval_title"), pager.values(localizer) { "/approvals?page=\($0)" }.merging([
            "items": items, "hasItems": !items.isEmpty, "notice": notice as Any,
            "error": (errorFor == nil ? error : nil) as Any, "rowErrorSummary": (errorFor != nil ? error : nil) as Any,
            "isCoordinator": WorkshopAccess.coordinates(context.user),
            "total": localizer.number(inbox.total), "paged": pager.pages > 1,
        ]) { $1 }, status: status)
    }

    /// The enrolment `:id` if the viewer may see whose it is; otherwise a thrown 404.
    private static func visibleEnrolment(_ context: Context) throws -> Enrolment {
        let user = context.user
        guard let id = context.pathID("id"), let found = try RunPages(database: context.services.database).enrolment(id, viewer: user)
        else { throw HTTPFailure(response: context.notFound()) }
        return found
    }

    private static func refused(_ context: Context, _ problem: WorkshopProblem, id: Int64, reason: String = "") throws -> Response {
        let status = context.status(problem)
        if status == 404 { return context.notFound() }
        if status == 403 { return context.page("error", title: context.localizer.t("error_title_403"),
                                               ["status": 403, "message": context.message(problem)], status: 403) }
        return try inbox(context, error: context.message(problem), errorFor: id, reason: reason, status: 422)
    }

    private static func approve(_ context: Context) throws -> Response {
        let enrolment = try visibleEnrolment(context)
        switch try EnrolmentService(database: context.services.database)
            .approve(enrolmentId: enrolment.id!, actor: context.user, ip: context.ip) {
        case .success(let placed):
            let code = notices.contains(placed.state.rawValue) ? placed.state.rawValue : "enrolled"
            return .redirect(to: "/approvals?notice=\(code)")
        case .failure(let problem): return try refused(context, problem, id: enrolment.id!)
        }
    }

    private static func decline(_ context: Context) throws -> Response {
        let enrolment = try visibleEnrolment(context)
        let reason = try context.form()["reason"] ?? ""
        switch try EnrolmentService(database: context.services.database)
            .decline(enrolmentId: enrolment.id!, reason: reason, actor: context.user, ip: context.ip) {
        case .success: return .redirect(to: "/approvals?notice=declined")
        case .failure(let problem): return try refused(context, problem, id: enrolment.id!, reason: reason)
        }
    }

    struct ApprovalJSON: Encodable {
        let enrolment_id: Int64
        let run_id: Int64
        let run_title: String
        let starts_on: String
        let ends_on: String
        let employee_nip: String
        let employee_name: String
        let jabatan: String?
        let requested_at: Int64
        let supervisor_name: String?
        /// True when the caller decides on the direct supervisor's behalf (a coordinator).
        let on_behalf: Bool

        init(_ item: PendingDecision) {
            let request = item.request
            enrolment_id = request.enrolmentId
            run_id = request.runId
            run_title = request.runTitle
            starts_on = request.startsOn.iso
            ends_on = request.endsOn.iso
            employee_nip = request.nip
            employee_name = request.name
            jabatan = request.jabatan
            requested_at = request.requestedAt
            supervisor_name = item.supervisorName
            on_behalf = item.onBehalf
        }
    }
}
