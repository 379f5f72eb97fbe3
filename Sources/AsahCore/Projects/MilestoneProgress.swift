/// Where one milestone of a project stands, read from its latest submission and that
/// submission's reviews.
public enum MilestoneState: Sendable, Hashable {
    case notSubmitted
    /// Submitted; no decision yet from the coach (nor a revision request from the mentor).
    case waitingForReview(since: Int64)
    /// A reviewer asked for a revision of the latest submission.
    case revisionRequested
    /// The coach accepted the latest submission.
    case accepted

    /// A short name for the API and CSS classes.
    public var code: String {
        switch self {
        case .notSubmitted: "not_submitted"
        case .waitingForReview: "waiting"
        case .revisionRequested: "revision"
        case .accepted: "accepted"
        }
    }
}

/// A scheduled milestone with its state on a given day.
public struct MilestoneStatus: Sendable, Hashable {
    public let scheduled: ScheduledMilestone
    public let state: MilestoneState
    /// The latest submission, if any.
    public let latest: MilestoneSubmission?
    /// Days past the due date while the participant still owes work (0 when not late).
    public let daysLate: Int

    public var isLate: Bool { daysLate > 0 }
}

/// The review rule, pure. **Whose acceptance counts:** the coach's. The coach (the examiner)
/// accepts a milestone or asks for a revision; the mentor (the supervisor who sees the work
/// at the workplace) comments, may score, and may also ask for a revision, which the
/// participant must answer with a new submission before the coach can accept. A mentor's
/// "accept" is recorded as their agreement and does not accept the milestone alone.
/// Milestones are done in order: the next one opens when the one before is accepted.
public enum MilestoneProgress {
    /// The state of a milestone from its latest submission and that submission's reviews.
    public static func state(latest: MilestoneSubmission?, reviews: [MilestoneReview]) -> MilestoneState {
        guard let latest else { return .notSubmitted }
        let own = reviews.filter { $0.submissionId == latest.id }
        if own.contains(where: { $0.role == .coach && $0.decision == .accept }) { return .accepted }
        if own.contains(where: { $0.decision == .revise }) { return .revisionRequested }
        return .waitingForReview(since: latest.submittedAt)
    }

    /// Every milestone of `schedule` with its state on `today`, from all of a project's
    /// submissions and reviews.
    public static func statuses(_ schedule: [ScheduledMilestone], submissions: [MilestoneSubmission],
                                reviews: [MilestoneReview], today: CalendarDate) -> [MilestoneStatus] {
        schedule.map { item in
            let latest = submissions.filter { $0.position == item.position }.max { $0.round < $1.round }
            let state = state(latest: latest, reviews: reviews)
            let owesWork = state == .notSubmitted || state == .revisionRequested
            let late = owesWork ? max(0, item.dueOn.days(until: today)) : 0
            return MilestoneStatus(scheduled: item, state: state, latest: latest, daysLate: late)
        }
    }

    /// The milestone the team may submit now: the first not accepted, unless it is waiting
    /// for review; `nil` when everything is accepted or a submission waits.
    public static func open(_ statuses: [MilestoneStatus]) -> Int? {
        guard let first = statuses.first(where: { $0.state != .accepted }) else { return nil }
        if case .waitingForReview = first.state { return nil }
        return first.scheduled.position
    }

    /// The weighted score (0–100) of one reviewer's criterion scores on a rubric scored out of `scale`.
    public static func weightedScore(_ scores: [Int], rubric: [RubricCriterion], scale: Int) -> Double {
        guard scores.count == rubric.count, scale > 0 else { return 0 }
        let total = zip(scores, rubric).reduce(0.0) { $0 + Double($1.0) / Double(scale) * Double($1.1.weight) }
        return (total * 10).rounded() / 10
    }

    /// Why `scores` cannot be a rubric scoring; `nil` when they can.
    public static func scoreProblem(_ scores: [Int], plan: ProjectPlan) -> Refusal? {
        guard scores.count == plan.rubric.count else {
            return Refusal(.invalid, "problem_project_scores_count", ["criteria": String(plan.rubric.count)])
        }
        guard scores.allSatisfy({ (0...plan.rubricScale).contains($0) }) else {
            return Refusal(.invalid, "problem_project_scores_range", ["scale": String(plan.rubricScale)])
        }
        return nil
    }

    /// The project's final score: the mean of the weighted scores the coach and the mentor
    /// gave the accepted final submission (each reviewer's latest scored review counts once).
    public static func finalScore(reviews: [MilestoneReview], plan: ProjectPlan) -> Double? {
        var latest: [ReviewerRole: MilestoneReview] = [:]
        for review in reviews where review.scores != nil {
            if let known = latest[review.role], known.reviewedAt > review.reviewedAt { continue }
            latest[review.role] = review
        }
        let weighted = latest.values.compactMap { $0.scores }.map { weightedScore($0, rubric: plan.rubric, scale: plan.rubricScale) }
        guard !weighted.isEmpty else { return nil }
        return ((weighted.reduce(0, +) / Double(weighted.count)) * 10).rounded() / 10
    }
}
