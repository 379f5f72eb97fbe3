import AsahCore
import Foundation
import HTTPServer

/// Feedback forums: categories, discussions and suggestions with support, status and owner,
/// pseudonymous posting, flags and moderation, search, and the JSON API.
struct ForumsFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/forums", .signedIn(.useAccount), ForumPages.index),
            RouteSpec(.post, "/forums/categories", .signedIn(.decideSuggestions), CategoryForm.create),
            RouteSpec(.get, "/forums/categories/:id", .signedIn(.useAccount), ForumPages.category),
            RouteSpec(.post, "/forums/categories/:id", .signedIn(.decideSuggestions), CategoryForm.update),
            RouteSpec(.get, "/forums/board", .signedIn(.useAccount), ForumPages.board),
            RouteSpec(.get, "/forums/mine", .signedIn(.useAccount), ForumPages.mine),
            RouteSpec(.get, "/forums/search", .signedIn(.useAccount), ForumPages.search),
            RouteSpec(.get, "/forums/new", .signedIn(.useAccount), NewThreadPage.page),
            RouteSpec(.post, "/forums/new", .signedIn(.useAccount), NewThreadPage.create),
            RouteSpec(.get, "/forums/queue", .signedIn(.moderateForums)) { try ModerationPages.queue($0) },
            RouteSpec(.post, "/forums/appeals/:action/decide", .signedIn(.moderateForums), ThreadActions.decideAppeal),
            RouteSpec(.get, "/forums/proposals", .signedIn(.decideSuggestions), ModerationPages.proposals),
            RouteSpec(.get, "/forums/proposals/:id/draft", .signedIn(.decideSuggestions), ModerationPages.draft),
            RouteSpec(.get, "/forums/threads/:id", .signedIn(.useAccount)) { try ThreadPage.show($0) },
            RouteSpec(.post, "/forums/threads/:id/reply", .signedIn(.useAccount), ThreadActions.reply),
            RouteSpec(.post, "/forums/threads/:id/support", .signedIn(.useAccount), ThreadActions.support),
            RouteSpec(.post, "/forums/threads/:id/unsupport", .signedIn(.useAccount), ThreadActions.withdrawSupport),
            RouteSpec(.post, "/forums/threads/:id/follow", .signedIn(.useAccount), ThreadActions.follow),
            RouteSpec(.post, "/forums/threads/:id/unfollow", .signedIn(.useAccount), ThreadActions.unfollow),
            RouteSpec(.post, "/forums/threads/:id/status", .signedIn(.decideSuggestions), ThreadActions.setStatus),
            RouteSpec(.post, "/forums/threads/:id/owner", .signedIn(.decideSuggestions), ThreadActions.assignOwner),
            RouteSpec(.post, "/forums/threads/:id/merge", .signedIn(.decideSuggestions), ThreadActions.merge),
            RouteSpec(.post, "/forums/threads/:id/proposal", .signedIn(.decideSuggestions), ThreadActions.propose),
            RouteSpec(.post, "/forums/threads/:id/lock", .signedIn(.moderateForums), ThreadActions.lock),
            RouteSpec(.post, "/forums/threads/:id/unlock", .signedIn(.moderateForums), ThreadActions.unlock),
            RouteSpec(.post, "/forums/threads/:id/appeals/:action", .signedIn(.useAccount), ThreadActions.appeal),
            RouteSpec(.get, "/forums/threads/:id/posts/:post/edit", .signedIn(.useAccount), NewThreadPage.editPage),
            RouteSpec(.post, "/forums/threads/:id/posts/:post/edit", .signedIn(.useAccount), NewThreadPage.edit),
            RouteSpec(.get, "/forums/threads/:id/posts/:post/history", .signedIn(.moderateForums), ModerationPages.history),
            RouteSpec(.post, "/forums/threads/:id/posts/:post/flag", .signedIn(.useAccount), ThreadActions.flag),
            RouteSpec(.post, "/forums/threads/:id/posts/:post/hide", .signedIn(.moderateForums), ThreadActions.hide),
            RouteSpec(.post, "/forums/threads/:id/posts/:post/restore", .signedIn(.moderateForums), ThreadActions.restore),
            RouteSpec(.post, "/forums/threads/:id/posts/:post/keep", .signedIn(.moderateForums), ThreadActions.keep),
        ] + ForumsAPI.routes()
    }
}
