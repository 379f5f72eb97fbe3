import AsahCore
import Foundation
import HTTPServer

/// The forms posted from a thread page: reply, support, follow, decide, flag, moderate, appeal.
enum ThreadActions {
    static func reply(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let form = try context.form()
        let input = ThreadPage.ReplyInput(body: form["body"] ?? "", replyTo: form.id("reply_to"),
                                          pseudonymous: form["pseudonymous"] != nil)
        let result = try ForumValues.forums(context).reply(to: id, body: input.body, replyTo: input.replyTo,
                                                           pseudonymous: input.pseudonymous, official: form["official"] != nil,
                                                           by: context.user)
        switch result {
        case .success(let post): return ThreadPage.done(id, "posted", at: post.number)
        case .failure(let problem): return try ThreadPage.refused(context, problem, reply: input)
        }
    }

    static func support(_ context: Context) throws -> Response {
        try onSuggestion(context, notice: "supported") { try $0.support($1, employeeId: $2) }
    }

    static func withdrawSupport(_ context: Context) throws -> Response {
        try onSuggestion(context, notice: "unsupported") { try $0.withdrawSupport($1, employeeId: $2) }
    }

    static func follow(_ context: Context) throws -> Response {
        try onSuggestion(context, notice: "followed") { try $0.setFollowing($1, employeeId: $2, true) }
    }

    static func unfollow(_ context: Context) throws -> Response {
        try onSuggestion(context, notice: "unfollowed") { try $0.setFollowing($1, employeeId: $2, false) }
    }

    static func setStatus(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let form = try context.form()
        guard let status = form["status"].flatMap(SuggestionStatus.init(rawValue:)) else {
            return try ThreadPage.show(context, error: context.localizer.t("forum_status_unknown"), status: 422)
        }
        let result = try ForumValues.forums(context).setStatus(id, to: status, reason: form["reason"] ?? "", by: context.user,
                                                               ip: context.ip)
        return try ThreadPage.answer(context, id, result, notice: "status")
    }

    static func assignOwner(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let form = try context.form()
        guard let owner = form.id("owner") else { return try ThreadPage.refused(context, .ownerNotCoordinator) }
        guard let due = form.trimmed("due").flatMap(CalendarDate.init(iso:)) else { return try ThreadPage.refused(context, .invalidDueDate) }
        let result = try ForumValues.forums(context).assignOwner(id, ownerUserId: owner, due: due, by: context.user, ip: context.ip)
        return try ThreadPage.answer(context, id, result, notice: "owner")
    }

    static func merge(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let form = try context.form()
        guard let target = form.trimmed("into").map({ $0.filter(\.isNumber) }).flatMap(BoundedNumbers.id) else {
            return try ThreadPage.refused(context, .mergeTarget)
        }
        let result = try ForumValues.forums(context).merge(id, into: target, reason: form["reason"] ?? "", by: context.user,
                                                           ip: context.ip)
        return try ThreadPage.answer(context, id, result, notice: "merged")
    }

    static func propose(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let result = try ForumValues.forums(context).propose(id, by: context.user, ip: context.ip)
        return try ThreadPage.answer(context, id, result, notice: "proposal")
    }

    static func flag(_ context: Context) throws -> Response {
        let (threadId, postId) = try threadPost(context)
        let reason = try context.form()["reason"] ?? ""
        let result = try ForumValues.forums(context).flag(postId, reason: reason, by: context.user, ip: context.ip)
        switch result {
        case .success(let queued): return ThreadPage.done(threadId, queued ? "queued" : "flagged")
        case .failure(let problem):
            return try ThreadPage.refused(context, problem, postAction: .init(postId: postId, flagReason: reason))
        }
    }

    static func hide(_ context: Context) throws -> Response {
        try moderate(context, notice: "hidden") { try $0.hide($1, reason: $2, by: context.user, ip: context.ip) }
    }

    static func restore(_ context: Context) throws -> Response {
        try moderate(context, notice: "restored") { try $0.restore($1, reason: $2, by: context.user, ip: context.ip) }
    }

    static func keep(_ context: Context) throws -> Response {
        try moderate(context, notice: "kept") { try $0.keep($1, reason: $2, by: context.user, ip: context.ip) }
    }

    static func lock(_ context: Context) throws -> Response {
        try setLocked(context, true)
    }

    static func unlock(_ context: Context) throws -> Response {
        try setLocked(context, false)
    }

    static func appeal(_ context: Context) throws -> Response {
        guard let id = context.pathID(), let actionId = context.pathID("action") else {
            return context.notFound()
        }
        let result = try ForumValues.forums(context).appeal(actionId, text: try context.form()["text"] ?? "", by: context.user)
        return try ThreadPage.answer(context, id, result, notice: "appealed")
    }

    /// A moderator decides an appeal (from the queue); answers with the queue.
    static func decideAppeal(_ context: Context) throws -> Response {
        guard let actionId = context.pathID("action") else { return context.notFound() }
        let form = try context.form()
        let result = try ForumValues.forums(context).decideAppeal(actionId, overturn: form["outcome"] == "overturn",
                                                                  reason: form["reason"] ?? "", by: context.user, ip: context.ip)
        switch result {
        case .success: return .redirect(to: "/forums/queue?notice=appeal_decided")
        case .failure(let problem): return try ModerationPages.queue(context, error: context.message(problem), status: context.status(problem))
        }
    }

    // MARK: Helpers

    private static func onSuggestion<T>(_ context: Context, notice: String,
                                        _ action: (Forums, Int64, Int64) throws -> Result<T, ForumProblem>) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        guard let employee = context.user.employeeId else { return try ThreadPage.refused(context, .notPermitted) }
        return try ThreadPage.answer(context, id, try action(ForumValues.forums(context), id, employee), notice: notice)
    }

    private static func setLocked(_ context: Context, _ locked: Bool) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let result = try ForumValues.forums(context).setLocked(id, locked, reason: try context.form()["reason"] ?? "",
                                                               by: context.user, ip: context.ip)
        return try ThreadPage.answer(context, id, result, notice: locked ? "locked" : "unlocked")
    }

    private static func moderate(_ context: Context, notice: String,
                                 _ action: (Forums, Int64, String) throws -> Result<ModerationAction, ForumProblem>) throws
        -> Response {
        let (threadId, postId) = try threadPost(context)
        let form = try context.form()
        let reason = form["reason"] ?? ""
        let result = try action(ForumValues.forums(context), postId, reason)
        if case .success = result, form["back"] == "queue" { return .redirect(to: "/forums/queue?notice=\(notice)") }
        return try ThreadPage.answer(context, threadId, result, notice: notice,
                                     postAction: .init(postId: postId, moderationReason: reason))
    }

    /// The thread `:id` and its post `:post`; a thrown 404 when the post is not in the thread.
    static func threadPost(_ context: Context) throws -> (Int64, Int64) {
        guard let threadId = context.pathID(), let postId = context.pathID("post"),
              try ForumValues.forums(context).threadOf(postId: postId) == threadId else {
            throw HTTPFailure(response: context.notFound())
        }
        return (threadId, postId)
    }
}
