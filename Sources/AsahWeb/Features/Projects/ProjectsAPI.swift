import AsahCore
import Foundation
import HTTPServer

/// The JSON API of projects (documented in `OpenAPI/projects.paths.json`): my projects, one
/// project, submitting and reviewing a milestone, the review queue, the run board, the gallery.
enum ProjectsAPI {
    static func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/api/v1/my/projects", .signedIn(.useAccount), mine),
            RouteSpec(.get, "/api/v1/projects/:id", .signedIn(.useAccount), project),
            RouteSpec(.post, "/api/v1/projects/:id/milestones/:position/submissions", .signedIn(.useAccount), submit),
            RouteSpec(.post, "/api/v1/projects/:id/milestones/:position/reviews", .signedIn(.useAccount), review),
            RouteSpec(.get, "/api/v1/reviews", .signedIn(.useAccount), queue),
            RouteSpec(.get, "/api/v1/runs/:id/board", .signedIn(.useAccount), board),
            RouteSpec(.get, "/api/v1/gallery", .signedIn(.useAccount), gallery),
        ]
    }

    private static func mine(_ context: Context) throws -> Response {
        guard let employeeId = context.user.employeeId else {
            return .json(MyProjectsJSON(projects: [], reviewing: [], startable_runs: []))
        }
        let lists = ProjectLists(database: context.services.database)
        return .json(MyProjectsJSON(projects: try lists.mine(employeeId: employeeId).map(SummaryJSON.init),
                                    reviewing: try lists.guided(employeeId: employeeId).map(SummaryJSON.init),
                                    startable_runs: try lists.startable(employeeId: employeeId).map {
                                        StartableJSON(run_id: $0.runId, title: $0.title, course_title: $0.courseTitle)
                                    }))
    }

    private static func project(_ context: Context) throws -> Response {
        guard let id = context.pathID(),
              let folder = try ProjectFolder.load(id, for: context.user, database: context.services.database) else {
            return context.notFound()
        }
        return .json(ProjectJSON(folder))
    }

    private static func submit(_ context: Context) throws -> Response {
        switch try ProjectUploads.submit(context) {
        case .notFound: return context.notFound()
        case .refused(let refusal):
            return APIError.response(status: refusal.status, code: APIError.code(for: refusal.status), message: refusal.message)
        case .failed(let failure): return context.refused(failure)
        case .submitted(let submission, let files):
            return .json(SubmittedJSON(id: submission.id!, position: submission.position, round: submission.round,
                                       files: files), status: 201)
        }
    }

    private struct ReviewBody: Decodable {
        let decision: String
        let comment: String?
        let scores: [Int]?
    }

    private static func review(_ context: Context) throws -> Response {
        let body = try context.json(ReviewBody.self)
        guard let id = context.pathID(), let position = context.pathInteger("position", in: 0...1_000) else {
            return context.notFound()
        }
        guard let decision = ReviewDecision(rawValue: body.decision) else {
            return APIError.response(status: 422, code: "invalid", message: context.localizer.t("project_error_decision"))
        }
        switch try ProjectReviews(database: context.services.database).review(
            projectId: id, position: position, decision: decision, comment: body.comment ?? "", scores: body.scores,
            actor: context.user, ip: context.ip) {
        case .success(let review):
            return .json(ReviewJSON(review: review, reviewer: context.user.displayName), status: 201)
        case .failure(let failure): return context.refused(failure)
        }
    }

    private static func queue(_ context: Context) throws -> Response {
        let items = try context.user.employeeId.map { try ProjectLists(database: context.services.database).reviewQueue(employeeId: $0) } ?? []
        return .json(QueueJSON(items: items.map {
            QueueJSON.Item(project_id: $0.projectId, project_title: $0.projectTitle, owner: $0.ownerName, run_title: $0.runTitle,
                           position: $0.position, milestone: ProjectView.milestoneName($0, context.localizer), submission_id: $0.submissionId, round: $0.round,
                           role: $0.role.rawValue, submitted_at: $0.submittedAt)
        }))
    }

    private static func board(_ context: Context) throws -> Response {
        guard let runId = context.pathID(),
              let board = try ProjectBoard.load(runId: runId, for: context.user, database: context.services.database) else {
            return context.notFound()
        }
        return .json(BoardJSON(board))
    }

    private static func gallery(_ context: Context) throws -> Response {
        let query = try context.query().text("q") ?? ""
        let entries = try ProjectGallery(database: context.services.database).search(String(query.prefix(200)))
        return .json(GalleryJSON(entries: entries.map(GalleryJSON.Entry.init)))
    }
}
