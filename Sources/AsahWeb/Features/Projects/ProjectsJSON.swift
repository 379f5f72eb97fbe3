import AsahCore
import Foundation

/// A project in a list, as the API returns it.
struct SummaryJSON: Encodable {
    let id: Int64
    let title: String
    let run_id: Int64
    let run_title: String
    let owner: String
    let status: String
    let final_score: Double?

    init(_ summary: ProjectSummary) {
        id = summary.projectId
        title = summary.title
        run_id = summary.runId
        run_title = summary.runTitle
        owner = summary.ownerName
        status = summary.status.rawValue
        final_score = summary.finalScore
    }
}

/// A run in which the caller may start a project.
struct StartableJSON: Encodable {
    let run_id: Int64
    let title: String
    let course_title: String
}

/// The caller's projects, those they coach or mentor, and the runs where they may start one.
struct MyProjectsJSON: Encodable {
    let projects: [SummaryJSON]
    let reviewing: [SummaryJSON]
    let startable_runs: [StartableJSON]
}

/// The answer to a milestone submission.
struct SubmittedJSON: Encodable {
    let id: Int64
    let position: Int
    let round: Int
    let files: Int
}

/// One review of a submission.
struct ReviewJSON: Encodable {
    let id: Int64
    let role: String
    let decision: String
    let comment: String
    let scores: [Int]?
    let reviewer: String
    let reviewed_at: Int64

    init(review: MilestoneReview, reviewer: String) {
        id = review.id ?? 0
        role = review.role.rawValue
        decision = review.decision.rawValue
        comment = review.comment
        scores = review.scores
        self.reviewer = reviewer
        reviewed_at = review.reviewedAt
    }
}

/// A team member, coach or mentor.
struct PersonJSON: Encodable {
    let nip: String
    let name: String

    init?(_ person: ProjectFolder.Person?) {
        guard let person else { return nil }
        nip = person.nip
        name = person.name
    }
}

/// One project with every milestone, submission, file and review.
struct ProjectJSON: Encodable {
    struct FileJSON: Encodable {
        let id: Int64
        let name: String
        let content_type: String
        let size: Int
        let url: String
    }

    struct SubmissionJSON: Encodable {
        let id: Int64
        let round: Int
        let body: String
        let submitted_by: String
        let submitted_at: Int64
        let files: [FileJSON]
        let reviews: [ReviewJSON]
    }

    struct MilestoneJSON: Encodable {
        let position: Int
        let name: String
        let starts_on: String?
        let due_on: String
        let state: String
        let days_late: Int
        let submissions: [SubmissionJSON]
    }

    let id: Int64
    let title: String
    let problem: String
    let stakeholders: String
    let outcome: String
    let measure: String
    let core_values: [String]
    let status: String
    let final_score: Double?
    let pass_mark: Int
    let run_id: Int64
    let run_title: String
    let members: [PersonJSON]
    let coach: PersonJSON?
    let mentor: PersonJSON?
    let rubric: [RubricCriterion]
    let rubric_scale: Int
    let open_position: Int?
    let milestones: [MilestoneJSON]

    init(_ folder: ProjectFolder) {
        let project = folder.project
        id = project.id ?? 0
        title = project.title
        problem = project.problem
        stakeholders = project.stakeholders
        outcome = project.outcome
        measure = project.measure
        core_values = project.coreValues.map(\.rawValue)
        status = project.status.rawValue
        final_score = project.finalScore
        pass_mark = folder.setting.plan.passMark
        run_id = project.runId
        run_title = folder.setting.run.title
        members = folder.members.compactMap(PersonJSON.init)
        coach = PersonJSON(folder.coach)
        mentor = PersonJSON(folder.mentor)
        rubric = folder.setting.plan.rubric
        rubric_scale = folder.setting.plan.rubricScale
        open_position = folder.openPosition
        milestones = folder.statuses.map { status in
            MilestoneJSON(
                position: status.scheduled.position, name: status.scheduled.milestone.name,
                starts_on: status.scheduled.startsOn?.iso, due_on: status.scheduled.dueOn.iso, state: status.state.code,
                days_late: status.daysLate,
                submissions: (folder.rounds[status.scheduled.position] ?? []).map { round in
                    SubmissionJSON(
                        id: round.submission.id ?? 0, round: round.submission.round, body: round.submission.body,
                        submitted_by: round.submittedBy, submitted_at: round.submission.submittedAt,
                        files: round.files.map {
                            FileJSON(id: $0.id ?? 0, name: $0.displayName, content_type: $0.contentType, size: $0.size,
                                     url: "/projects/\(project.id ?? 0)/files/\($0.id ?? 0)")
                        },
                        reviews: round.reviews.map { ReviewJSON(review: $0.review, reviewer: $0.reviewer) })
                })
        }
    }
}

/// The submissions waiting for the caller's review.
struct QueueJSON: Encodable {
    struct Item: Encodable {
        let project_id: Int64
        let project_title: String
        let owner: String
        let run_title: String
        let position: Int
        let milestone: String
        let submission_id: Int64
        let round: Int
        let role: String
        let submitted_at: Int64
    }

    let items: [Item]
}

/// A run's board: every participant's milestones, late ones and waiting reviews.
struct BoardJSON: Encodable {
    struct Milestone: Encodable {
        let position: Int
        let name: String
        let due_on: String
    }

    struct Line: Encodable {
        let nip: String
        let name: String
        let project_id: Int64?
        let title: String?
        let status: String?
        let late: Int
        let waiting_since: Int64?
        let states: [String]
    }

    let run_id: Int64
    let run_title: String
    let milestones: [Milestone]
    let lines: [Line]

    init(_ board: ProjectBoard) {
        run_id = board.setting.run.id ?? 0
        run_title = board.setting.run.title
        milestones = board.setting.schedule.map { Milestone(position: $0.position, name: $0.milestone.name, due_on: $0.dueOn.iso) }
        lines = board.lines.map {
            Line(nip: $0.nip, name: $0.name, project_id: $0.project?.id, title: $0.project?.title,
                 status: $0.project?.status.rawValue, late: $0.lateCount, waiting_since: $0.waitingSince,
                 states: $0.statuses.map(\.state.code))
        }
    }
}

/// Gallery entries matching a search.
struct GalleryJSON: Encodable {
    struct Entry: Encodable {
        let id: Int64
        let title: String
        let unit: String?
        let people: [String]
        let course_title: String
        let problem: String
        let outcome: String
        let measured_result: String
        let final_score: Double?
        let featured: Bool
        let completed_at: Int64

        init(_ entry: GalleryEntry) {
            id = entry.projectId
            title = entry.title
            unit = entry.unitName
            people = entry.people
            course_title = entry.courseTitle
            problem = entry.problem
            outcome = entry.outcome
            measured_result = entry.measuredResult
            final_score = entry.finalScore
            featured = entry.featured
            completed_at = entry.completedAt
        }
    }

    let entries: [Entry]
}
