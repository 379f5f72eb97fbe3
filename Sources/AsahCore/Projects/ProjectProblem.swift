/// Why a project action was refused (see ``Refusal``; the web layer words it).
public enum ProjectProblem: Refusable, Sendable, Hashable {
    /// Not found, or not visible to the person (they get the same answer).
    case notFound
    case notPermitted
    case notProjectBased
    case notParticipant
    case alreadyHasProject
    case runNotActive
    /// Each rule the description, submission, review or schedule breaks.
    case invalid([Refusal])
    case projectClosed
    case milestoneNotOpen
    case notReviewer
    case nothingToReview
    /// The rubric scores are missing or out of range.
    case scoresRequired(Refusal)
    case employeeNotFound(String)
    case teamFull(Int)
    case teamsNotAllowed
    case notCompleted

    /// How it refuses (the web layer words it; statuses as before: 404, 403, 409, else 422).
    public var refusal: Refusal {
        switch self {
        case .notFound: Refusal(.notFound, "problem_project_not_found")
        case .notPermitted: Refusal(.notPermitted, "problem_project_not_permitted")
        case .notReviewer: Refusal(.notPermitted, "problem_project_not_reviewer")
        case .alreadyHasProject: Refusal(.conflict, "problem_project_already_has_project")
        case .projectClosed: Refusal(.conflict, "problem_project_project_closed")
        case .milestoneNotOpen: Refusal(.conflict, "problem_project_milestone_not_open")
        case .nothingToReview: Refusal(.conflict, "problem_project_nothing_to_review")
        case .notProjectBased: Refusal(.invalid, "problem_project_not_project_based")
        case .notParticipant: Refusal(.invalid, "problem_project_not_participant")
        case .runNotActive: Refusal(.invalid, "problem_project_run_not_active")
        case .invalid(let parts): Refusal(.invalid, "", parts: parts)
        case .scoresRequired(let reason): reason
        case .employeeNotFound(let nip): Refusal(.invalid, "problem_project_employee_not_found", ["nip": nip])
        case .teamFull(let size): Refusal(.invalid, "problem_project_team_full", ["size": String(size)])
        case .teamsNotAllowed: Refusal(.invalid, "problem_project_teams_not_allowed")
        case .notCompleted: Refusal(.invalid, "problem_project_not_completed")
        }
    }
}
