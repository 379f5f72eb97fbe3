import GRDB

/// Why an evaluation action was refused (see ``Refusal``; the web layer words it).
public enum EvaluationProblem: Refusable, Sendable, Hashable {
    case notPermitted
    case runNotFound
    case notAttended
    case surveyNotYetOpen
    case alreadyAnswered
    /// Each wrong or missing answer (see ``SurveyTemplate/problems(in:)``, ``BehaviourChecks/answer(_:actor:answers:now:)``).
    case invalidAnswers([Refusal])
    case checkNotFound
    case checkNotDue
    case notParticipant(String)
    /// Each wrong score, row or participant.
    case invalidScores([Refusal])
    /// Each rule the programme breaks.
    case invalidProgramme([Refusal])
    case testClosed
    case timeUp

    /// How it refuses (the web layer words it; statuses as before: 403, 404, 409, else 422).
    public var refusal: Refusal {
        switch self {
        case .notPermitted: Refusal(.notPermitted, "problem_evaluation_not_permitted")
        case .runNotFound: Refusal(.notFound, "problem_evaluation_run_not_found")
        case .notAttended: Refusal(.notFound, "problem_evaluation_not_attended")
        case .checkNotFound: Refusal(.notFound, "problem_evaluation_check_not_found")
        case .surveyNotYetOpen: Refusal(.conflict, "problem_evaluation_survey_not_yet_open")
        case .alreadyAnswered: Refusal(.conflict, "problem_evaluation_already_answered")
        case .checkNotDue: Refusal(.conflict, "problem_evaluation_check_not_due")
        case .testClosed: Refusal(.conflict, "problem_evaluation_test_closed")
        case .timeUp: Refusal(.conflict, "problem_evaluation_time_up")
        case .notParticipant(let nip): Refusal(.invalid, "problem_evaluation_not_participant", ["nip": nip])
        case .invalidAnswers(let parts), .invalidScores(let parts), .invalidProgramme(let parts):
            Refusal(.invalid, "", parts: parts)
        }
    }
}

extension AppDatabase {
    /// ``attempt(at:_:)`` for evaluation: an ``EvaluationProblem`` thrown inside rolls the
    /// transaction back and comes back as the failure.
    func evaluate<T>(at now: Int64?, _ body: (Database, Int64) throws -> T) throws -> Result<T, EvaluationProblem> {
        try attempt(at: now, body)
    }
}
