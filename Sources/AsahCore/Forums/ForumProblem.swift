/// Why a forum action was refused (see ``Refusal``; the web layer words it).
public enum ForumProblem: Refusable, Sendable, Hashable {
    case notPermitted
    case notFound
    case titleLength(min: Int, max: Int)
    case bodyLength(min: Int, max: Int)
    case reasonRequired
    case tooManyPosts(retryAfterMinutes: Int)
    case locked
    case pseudonymsNotAllowed
    case coordinatorsOnly
    case notASuggestion
    case statusChange(from: SuggestionStatus, to: SuggestionStatus)
    case editWindowClosed(minutes: Int)
    case tooManyEdits(limit: Int)
    case ownPost
    case alreadyFlagged
    case appealUsed
    case appealNotPossible
    case sameModerator
    case notAModerator
    case mergeTarget
    case supportDuplicate
    case notTraining
    case proposalExists
    case invalidDueDate
    case ownerNotCoordinator
    case moderatorNotCoordinator
    case categoryExists

    /// How it refuses: the kind decides the status, the key names the sentence.
    public var refusal: Refusal {
        switch self {
        case .notPermitted: Refusal(.notPermitted, "problem_forum_not_permitted")
        case .coordinatorsOnly: Refusal(.notPermitted, "problem_forum_coordinators_only")
        case .ownPost: Refusal(.notPermitted, "problem_forum_own_post")
        case .notAModerator: Refusal(.notPermitted, "problem_forum_not_a_moderator")
        case .sameModerator: Refusal(.notPermitted, "problem_forum_same_moderator")
        case .notFound: Refusal(.notFound, "problem_forum_not_found")
        case .tooManyPosts(let minutes): Refusal(.tooMany, "problem_forum_too_many_posts", ["minutesCount": String(minutes)])
        case .locked: Refusal(.conflict, "problem_forum_locked")
        case .alreadyFlagged: Refusal(.conflict, "problem_forum_already_flagged")
        case .appealUsed: Refusal(.conflict, "problem_forum_appeal_used")
        case .statusChange(let from, let to):
            Refusal(.conflict, "problem_forum_status_change", ["from": from.messageKey, "to": to.messageKey])
        case .proposalExists: Refusal(.conflict, "problem_forum_proposal_exists")
        case .categoryExists: Refusal(.conflict, "forum_category_exists")
        case .editWindowClosed(let minutes): Refusal(.conflict, "problem_forum_edit_window_closed", ["minutesCount": String(minutes)])
        case .tooManyEdits(let limit): Refusal(.conflict, "problem_forum_too_many_edits", ["limitCount": String(limit)])
        case .titleLength(let min, let max):
            Refusal(.invalid, "problem_forum_title_length", ["minCount": String(min), "maxCount": String(max)])
        case .bodyLength(let min, let max):
            Refusal(.invalid, "problem_forum_body_length", ["minCount": String(min), "maxCount": String(max)])
        case .reasonRequired: Refusal(.invalid, "problem_forum_reason_required")
        case .pseudonymsNotAllowed: Refusal(.invalid, "problem_forum_pseudonyms_not_allowed")
        case .notASuggestion: Refusal(.invalid, "problem_forum_not_a_suggestion")
        case .appealNotPossible: Refusal(.invalid, "problem_forum_appeal_not_possible")
        case .mergeTarget: Refusal(.invalid, "problem_forum_merge_target")
        case .supportDuplicate: Refusal(.invalid, "problem_forum_support_duplicate")
        case .notTraining: Refusal(.invalid, "problem_forum_not_training")
        case .invalidDueDate: Refusal(.invalid, "problem_forum_invalid_due_date")
        case .ownerNotCoordinator: Refusal(.invalid, "problem_forum_owner_not_coordinator")
        case .moderatorNotCoordinator: Refusal(.invalid, "problem_forum_moderator_not_coordinator")
        }
    }
}
