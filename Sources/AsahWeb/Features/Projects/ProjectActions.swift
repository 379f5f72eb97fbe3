import AsahCore
import Foundation
import HTTPServer

/// The form posts of projects; each answers with a redirect and a notice, or the page again
/// with the problem (422), or 404 for a project the person may not see.
enum ProjectActions {
    static func description(_ form: FormData) -> Project.Description {
        Project.Description(title: form["title"] ?? "", problem: form["problem"] ?? "", stakeholders: form["stakeholders"] ?? "",
                            outcome: form["outcome"] ?? "", measure: form["measure"] ?? "",
                            coreValues: form.all("values").compactMap(CoreValue.init(rawValue:)))
    }

    /// The project page again with the problem, or 404.
    static func failed(_ context: Context, _ problem: ProjectProblem, status: Int = 422) throws -> Response {
        if problem == .notFound { return context.notFound() }
        return try ProjectPages.project(context, error: context.message(problem), status: status)
    }

    static func start(_ context: Context) throws -> Response {
        let form = try context.form()
        guard let runId = context.pathID() else { return context.notFound() }
        switch try Projects(database: context.services.database).start(runId: runId, description(form), actor: context.user,
                                                                        ip: context.ip) {
        case .success(let project): return Notice.redirect(ProjectLinks.project(project.id!), notice: "project_started")
        case .failure(let problem):
            guard case .invalid = problem else { return context.notFound() }
            return try ProjectPages.startForm(context, error: context.message(problem), form: form, status: 422)
        }
    }

    static func update(_ context: Context) throws -> Response {
        let form = try context.form()
        guard let id = context.pathID() else { return context.notFound() }
        switch try Projects(database: context.services.database).update(projectId: id, description(form), actor: context.user,
                                                                         ip: context.ip) {
        case .success: return Notice.redirect(ProjectLinks.project(id), notice: "project_saved")
        case .failure(let problem): return try failed(context, problem)
        }
    }

    static func addMember(_ context: Context) throws -> Response {
        let form = try context.form()
        guard let id = context.pathID() else { return context.notFound() }
        switch try Projects(database: context.services.database).addMember(projectId: id, nip: form["nip"] ?? "",
                                                                            actor: context.user, ip: context.ip) {
        case .success: return Notice.redirect(ProjectLinks.project(id), notice: "project_member_added")
        case .failure(let problem): return try failed(context, problem)
        }
    }

    static func assign(_ context: Context) throws -> Response {
        let form = try context.form()
        guard let id = context.pathID() else { return context.notFound() }
        // Coach and mentor are typed by name or NIP, like every person field.
        let picker = PersonPicker(database: context.services.database)
        let coach: String, mentor: String
        switch (try PersonField.nip(of: form.trimmed("coach") ?? "", picker, context.localizer),
                try PersonField.nip(of: form.trimmed("mentor") ?? "", picker, context.localizer)) {
        case (.success(let coachNIP), .success(let mentorNIP)): (coach, mentor) = (coachNIP, mentorNIP)
        case (.failure(let problem), _), (_, .failure(let problem)):
            return try ProjectPages.project(context, error: problem.message, status: 422)
        }
        switch try Projects(database: context.services.database).assign(
            projectId: id, coachNIP: coach, mentorNIP: mentor, actor: context.user, ip: context.ip) {
        case .success: return Notice.redirect(ProjectLinks.project(id), notice: "project_staff_saved")
        case .failure(let problem): return try failed(context, problem)
        }
    }

    /// A milestone submission (see ``ProjectUploads/submit(_:)``).
    static func submit(_ context: Context) throws -> Response {
        switch try ProjectUploads.submit(context) {
        case .notFound: return context.notFound()
        case .refused(let refusal): return try ProjectPages.project(context, error: refusal.message, status: refusal.status)
        case .failed(let problem): return try failed(context, problem)
        case .submitted(let submission, _):
            return Notice.redirect(ProjectLinks.project(submission.projectId), notice: "project_submitted")
                .withFragment("kiriman-\(submission.id!)")
        }
    }

    static func review(_ context: Context) throws -> Response {
        let form = try context.form()
        guard let id = context.pathID(), let position = context.pathInteger("position", in: 0...1_000) else {
            return context.notFound()
        }
        guard let decision = ReviewDecision(rawValue: form["decision"] ?? "") else {
            return try failed(context, .invalid([Refusal(.invalid, "project_error_decision")]))
        }
        let rawScores = form.all("score")
        let scores = rawScores.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty })
            ? nil : rawScores.map { BoundedNumbers.integer($0.trimmingCharacters(in: .whitespaces), in: 0...1_000) ?? -1 }
        switch try ProjectReviews(database: context.services.database).review(
            projectId: id, position: position, decision: decision, comment: form["comment"] ?? "", scores: scores,
            actor: context.user, ip: context.ip) {
        case .success: return Notice.redirect(ProjectLinks.project(id), notice: "project_reviewed")
        case .failure(let problem): return try failed(context, problem)
        }
    }

    static func consent(_ context: Context) throws -> Response {
        let form = try context.form()
        guard let id = context.pathID() else { return context.notFound() }
        switch try ProjectGallery(database: context.services.database).consent(
            projectId: id, consent: form["consent"] == "yes", measuredResult: form["measured_result"] ?? "",
            actor: context.user, ip: context.ip) {
        case .success: return Notice.redirect(ProjectLinks.project(id), notice: "project_consent_saved")
        case .failure(let problem): return try failed(context, problem)
        }
    }

    static func feature(_ context: Context) throws -> Response {
        let form = try context.form()
        guard let id = context.pathID() else { return context.notFound() }
        switch try ProjectGallery(database: context.services.database).feature(
            projectId: id, featured: form["featured"] == "yes", actor: context.user, ip: context.ip) {
        case .success: return Notice.redirect(ProjectLinks.gallery(id), notice: "project_feature_saved")
        case .failure(let problem): return try failed(context, problem)
        }
    }
}

extension Response {
    /// The redirect with `#fragment` added to its location.
    func withFragment(_ fragment: String) -> Response {
        var response = self
        if let location = headers["Location"] { response.headers.set("Location", location + "#" + fragment) }
        return response
    }
}
