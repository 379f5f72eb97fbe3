/// Why a workshop action was refused (see ``Refusal``; the web layer words it).
public enum WorkshopProblem: Refusable, Sendable, Hashable {
    case notPermitted
    case runNotFound
    case sessionNotFound
    case enrolmentNotFound
    case employeeNotFound
    case employeeInactive
    case invalidPlan([RunPlanIssue])
    case statusChange(from: RunStatus, to: RunStatus)
    case runNotOpen(RunStatus)
    case enrolmentNotYetOpen(opensAt: Int64)
    case enrolmentClosed(closedAt: Int64)
    case alreadyInRun(EnrolmentState)
    case prerequisitesMissing([String])
    case outsideAudience([Refusal])
    case reasonRequired
    case wrongState(EnrolmentState)
    case offerExpired
    case notParticipants([Int64])
    case checkInCodeInvalid
    /// Attendance is taken once the session has started (at `startsAt`).
    case sessionNotStarted(Int64)
    /// An absence reason other than izin or sakit.
    case attendanceStatusInvalid
    case sessionsNotOver
    case certificateNotFound
    case certificateRevoked
    case invalidTraining([Refusal])
    case trainingEntryNotFound
    case alreadyReviewed

    /// How it refuses (the web layer words it; statuses as before: 403, 404, 409, else 422).
    public var refusal: Refusal {
        switch self {
        case .notPermitted: Refusal(.notPermitted, "problem_workshop_not_permitted")
        case .runNotFound: Refusal(.notFound, "problem_workshop_run_not_found")
        case .sessionNotFound: Refusal(.notFound, "problem_workshop_session_not_found")
        case .enrolmentNotFound: Refusal(.notFound, "problem_workshop_enrolment_not_found")
        case .employeeNotFound: Refusal(.notFound, "problem_workshop_employee_not_found")
        case .certificateNotFound: Refusal(.notFound, "problem_workshop_certificate_not_found")
        case .trainingEntryNotFound: Refusal(.notFound, "problem_workshop_training_entry_not_found")
        case .employeeInactive: Refusal(.invalid, "problem_workshop_employee_inactive")
        case .invalidPlan(let issues): Refusal(.invalid, "", parts: issues.map(\.refusal))
        case .statusChange(let from, let to):
            Refusal(.conflict, "problem_workshop_status_change", ["from": "@run_status_\(from.rawValue)", "to": "@run_status_\(to.rawValue)"])
        case .runNotOpen(let status): Refusal(.conflict, "problem_workshop_run_not_open", ["status": "@run_status_\(status.rawValue)"])
        case .enrolmentNotYetOpen(let opensAt): Refusal(.conflict, "problem_workshop_enrolment_not_yet_open", ["opensAt": String(opensAt)])
        case .enrolmentClosed(let closedAt): Refusal(.conflict, "problem_workshop_enrolment_closed", ["closedAt": String(closedAt)])
        case .alreadyInRun(let state): Refusal(.conflict, "problem_workshop_already_in_run", ["state": "@run_state_\(state.rawValue)"])
        case .prerequisitesMissing(let courses):
            Refusal(.invalid, "problem_workshop_prerequisites_missing", ["courses": courses.joined(separator: "; ")])
        case .outsideAudience(let reasons): Refusal(.invalid, "", parts: reasons)
        case .reasonRequired: Refusal(.invalid, "problem_workshop_reason_required")
        case .wrongState(let state): Refusal(.conflict, "problem_workshop_wrong_state", ["state": "@run_state_\(state.rawValue)"])
        case .offerExpired: Refusal(.conflict, "problem_workshop_offer_expired")
        case .notParticipants(let ids): Refusal(.invalid, "problem_workshop_not_participants", ["peopleCount": String(ids.count)])
        case .checkInCodeInvalid: Refusal(.invalid, "problem_workshop_check_in_code_invalid")
        case .sessionNotStarted(let startsAt): Refusal(.conflict, "problem_workshop_session_not_started", ["startsAt": String(startsAt)])
        case .attendanceStatusInvalid: Refusal(.invalid, "problem_workshop_attendance_status_invalid")
        case .sessionsNotOver: Refusal(.invalid, "problem_workshop_sessions_not_over")
        case .certificateRevoked: Refusal(.invalid, "problem_workshop_certificate_revoked")
        case .invalidTraining(let problems): Refusal(.invalid, "", parts: problems)
        case .alreadyReviewed: Refusal(.conflict, "problem_workshop_already_reviewed")
        }
    }
}
