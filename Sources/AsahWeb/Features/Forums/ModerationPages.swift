import AsahCore
import Foundation
import HTTPServer

/// The moderation queue (posts enough people flagged, appeals to decide) and a post's edit
/// history, for coordinators holding the moderation right.
enum ModerationPages {
    static func queue(_ context: Context, error: String? = nil, status: Int = 200) throws -> Response {
        let localizer = context.localizer
        let forums = try ForumValues.forums(context)
        let user = context.user
        let moderation = try forums.queue(viewer: user)
        let (isModerator, queued) = (moderation != nil, moderation?.posts ?? [])
        let appeals = (moderation?.appeals ?? []).map { action, number -> [String: Any] in
                templateValues([
                    "id": action.id!, "threadId": action.threadId, "number": number,
                    "action": localizer.t("forum_action_\(action.action.rawValue)"), "reason": action.reason,
                    "appeal": action.appealText, "date": action.appealedAt.map { localizer.moment($0) },
                    "mayDecide": action.moderatorUserId != user.userId,
                ])
        }
        let notice = try context.query().text("notice").flatMap { ThreadPage.notices.contains($0) ? localizer.t("forum_notice_\($0)") : nil }
        return context.page("forum_queue", title: localizer.t("forum_queue_title"), [
            "isModerator": isModerator, "error": error as Any, "notice": notice as Any,
            "queued": queued.map { item in
                templateValues([
                    "threadId": item.post.post.threadId, "postId": item.post.post.id!, "number": item.post.post.number,
                    "title": item.threadTitle, "author": ForumValues.authorName(item.post.author, localizer), "html": ForumText.html(item.post.post.body),
                    "reasons": item.reasons, "mine": item.post.isMine,
                ])
            },
            "hasQueued": !queued.isEmpty,
            "appeals": appeals, "hasAppeals": !appeals.isEmpty,
        ], status: status)
    }

    static func history(_ context: Context) throws -> Response {
        let (threadId, postId) = try ThreadActions.threadPost(context)
        let localizer = context.localizer
        guard let (post, revisions) = try ForumValues.forums(context).history(postId: postId, viewer: context.user) else {
            return context.forbidden()
        }
        return context.page("forum_history", title: localizer.t("forum_history_title"), [
            "threadId": threadId, "number": post.number, "current": post.body,
            "revisions": revisions.map { ["body": $0.body, "date": localizer.moment($0.replacedAt)] },
            "hasRevisions": !revisions.isEmpty,
        ])
    }

    static func proposals(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let proposals = try ForumValues.forums(context).proposals()
        return context.page("forum_proposals", title: localizer.t("forum_proposals_title"), [
            "proposals": proposals.map { ["id": $0.id!, "code": $0.code, "title": $0.title, "threadId": $0.threadId,
                                          "date": localizer.date($0.createdAt)] },
            "hasProposals": !proposals.isEmpty,
        ])
    }

    /// The draft course file of a proposal, as a download to save under `courses/`.
    static func draft(_ context: Context) throws -> Response {
        guard let id = context.pathID(),
              let proposal = try ForumValues.forums(context).proposal(id) else {
            return context.notFound()
        }
        var response = Response.text(proposal.draft)
        response.headers.set("Content-Type", "text/markdown; charset=utf-8")
        response.headers.add("Content-Disposition", "attachment; filename=\"\(proposal.code.lowercased()).md\"")
        return response
    }
}
