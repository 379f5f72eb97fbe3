import AsahCore
import Foundation
import HTTPServer

/// The runs and enrolments JSON API under `/api/v1`. Runs and places the caller may not see
/// answer 404; refusals carry the domain's Indonesian message.
enum RunsAPI {
    static func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/api/v1/runs/:id", .signedIn(.useAccount), run),
            RouteSpec(.post, "/api/v1/runs/:id/enrolments", .signedIn(.useAccount), enrol),
            RouteSpec(.delete, "/api/v1/enrolments/:id", .signedIn(.useAccount), cancel),
            RouteSpec(.post, "/api/v1/enrolments/:id/approval", .signedIn(.approveEnrolments), approve),
            RouteSpec(.post, "/api/v1/enrolments/:id/decline", .signedIn(.approveEnrolments), decline),
        ]
    }

    // MARK: JSON shapes

    struct SessionJSON: Encodable {
        let id: Int64
        let starts_at: Int64
        let ends_at: Int64
        let place: String?
        let online_url: String?
        let instructor_name: String?
    }

    struct StandingJSON: Encodable {
        let enrolment_id: Int64
        let run_id: Int64
        let employee_nip: String?
        let state: String
        let mandatory: Bool
        let waitlist_position: Int?
        let waitlist_total: Int?
        let offer_expires_at: Int64?
        let reason: String?
        /// Where the place stands, in the caller's language.
        let message: String

        init(_ standing: EnrolmentStanding, nip: String?, _ localizer: Localizer) {
            let enrolment = standing.enrolment
            enrolment_id = enrolment.id!
            run_id = enrolment.runId
            employee_nip = nip
            state = enrolment.state.rawValue
            mandatory = enrolment.mandatory
            waitlist_position = standing.waitlist?.position
            waitlist_total = standing.waitlist?.total
            offer_expires_at = enrolment.state == .offered ? enrolment.offerExpiresAt : nil
            reason = enrolment.reasonNotice.map { MessageArguments.text($0, localizer) }
            message = RunText.explanation(standing, localizer)
        }
    }

    struct RunJSON: Encodable {
        let id: Int64
        let code: String
        let title: String
        let course_code: String
        let course_title: String
        let status: String
        let starts_on: String
        let ends_on: String
        let capacity: Int
        let seats_left: Int
        let waitlist_length: Int
        let enrol_opens_at: Int64?
        let enrol_closes_at: Int64?
        let offer_window_hours: Int
        let offer_cutoff_hours: Int
        let cancelled_reason: String?
        let sessions: [SessionJSON]
        /// The caller's own place; absent when they have none.
        let standing: StandingJSON?
    }

    // MARK: Handlers

    private static func run(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        guard let (facts, standing) = try RunPages(database: context.services.database).facts(id, viewer: context.user) else {
            return context.notFound()
        }
        let run = facts.run
        return .json(RunJSON(
            id: id, code: run.code, title: run.title, course_code: facts.courseCode,
            course_title: facts.courseTitle.text(locale: context.localizer.locale), status: run.status.rawValue,
            starts_on: run.startsOn.iso, ends_on: run.endsOn.iso, capacity: run.capacity, seats_left: facts.seatsLeft,
            waitlist_length: facts.waitlistLength, enrol_opens_at: run.enrolOpensAt, enrol_closes_at: run.enrolClosesAt,
            offer_window_hours: run.offerWindowHours, offer_cutoff_hours: run.offerCutoffHours,
            cancelled_reason: run.cancelledReason,
            sessions: facts.sessions.map {
                SessionJSON(id: $0.session.id!, starts_at: $0.session.startsAt, ends_at: $0.session.endsAt, place: $0.session.place,
                            online_url: $0.session.onlineUrl, instructor_name: $0.instructorName)
            },
            standing: standing.map { StandingJSON($0, nip: nil, context.localizer) }))
    }

    private struct EnrolBody: Decodable {
        let employee_nip: String?
        let mandatory: Bool?
    }

    private static func enrol(_ context: Context) throws -> Response {
        guard let id = context.pathID(), try RunPages(database: context.services.database).run(id, viewer: context.user) != nil
        else { return context.notFound() }
        let body = context.request.body.isEmpty ? nil : try context.json(EnrolBody.self)
        let service = EnrolmentService(database: context.services.database)
        let result: Result<Enrolment, WorkshopProblem>
        if let nip = body?.employee_nip?.filter({ !$0.isWhitespace }), !nip.isEmpty {
            guard Policy.allows(context.user, .approveEnrolments) else { return context.forbidden() }
            guard let employee = try People(database: context.services.database).employee(nip: nip) else {
                return context.refused(.employeeNotFound as WorkshopProblem)
            }
            result = try service.nominate(runId: id, employeeId: employee.id!, mandatory: body?.mandatory ?? false,
                                          actor: context.user, ip: context.ip)
        } else {
            guard let employeeId = context.user.employeeId else { return context.refused(.notPermitted as WorkshopProblem) }
            result = try service.request(runId: id, employeeId: employeeId, actor: context.user, ip: context.ip)
        }
        return try respond(context, result, status: 201)
    }

    /// The enrolment `:id` if the caller may see it (their own, someone below them, or any for
    /// a coordinator); otherwise a thrown 404.
    private static func visibleEnrolment(_ context: Context) throws -> Enrolment {
        let user = context.user
        guard let id = context.pathID("id"), let found = try RunPages(database: context.services.database).enrolment(id, viewer: user)
        else { throw HTTPFailure(response: context.notFound()) }
        return found
    }

    private static func cancel(_ context: Context) throws -> Response {
        let enrolment = try visibleEnrolment(context)
        let result = try EnrolmentService(database: context.services.database)
            .cancel(enrolmentId: enrolment.id!, actor: context.user, ip: context.ip)
        return try respond(context, result, status: 200)
    }

    private static func approve(_ context: Context) throws -> Response {
        let enrolment = try visibleEnrolment(context)
        let result = try EnrolmentService(database: context.services.database)
            .approve(enrolmentId: enrolment.id!, actor: context.user, ip: context.ip)
        return try respond(context, result, status: 200)
    }

    private struct DeclineBody: Decodable {
        let reason: String?
    }

    private static func decline(_ context: Context) throws -> Response {
        let enrolment = try visibleEnrolment(context)
        let body = context.request.body.isEmpty ? nil : try context.json(DeclineBody.self)
        let result = try EnrolmentService(database: context.services.database)
            .decline(enrolmentId: enrolment.id!, reason: body?.reason ?? "", actor: context.user, ip: context.ip)
        return try respond(context, result, status: 200)
    }

    /// The place after a change, with its waitlist position, or the refusal.
    private static func respond(_ context: Context, _ result: Result<Enrolment, WorkshopProblem>, status: Int) throws -> Response {
        switch result {
        case .failure(let problem): return context.refused(problem as WorkshopProblem)
        case .success(let enrolment):
            guard let (standing, nip) = try EnrolmentService(database: context.services.database).standingAfterChange(enrolment) else {
                return context.notFound()
            }
            return .json(StandingJSON(standing, nip: nip, context.localizer), status: status)
        }
    }
}
