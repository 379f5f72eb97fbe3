import AsahCore
import Foundation
import HTTPServer

/// `GET/POST /forums/new`: opening a discussion or a suggestion, with the similar
/// suggestions shown while typing the title (by `static/js/forum.js`; without script, the
/// "check similar suggestions" button and any refusal show the form again with them). Also the
/// author's edit form.
enum NewThreadPage {
    /// What the form held.
    struct Input {
        var categoryId: Int64?
        var kind: ThreadKind = .suggestion
        var title = ""
        var body = ""
        var pseudonymous = false
    }

    static func page(_ context: Context) throws -> Response {
        let query = try context.query()
        var input = Input()
        input.categoryId = try query.id("category")
        input.kind = try query.choice("kind", ThreadKind.self) ?? .suggestion
        return try show(context, input)
    }

    static func show(_ context: Context, _ input: Input, error: String? = nil, status: Int = 200, checked: Bool = false) throws
        -> Response {
        let localizer = context.localizer
        let similarTo = (error == nil && !checked) || input.title.isEmpty ? nil : input.title
        let (categories, similar) = try ForumValues.forums(context).newThreadChoices(viewer: context.user, similarTo: similarTo)
        return context.page("forum_new", title: localizer.t("forum_new_title"), [
            "categories": categories.map { category in
                ["id": category.id!, "name": category.name, "selected": category.id == input.categoryId,
                 "pseudonyms": category.allowsPseudonyms]
            },
            "isSuggestion": input.kind == .suggestion, "threadTitle": input.title, "body": input.body,
            "pseudonymous": input.pseudonymous, "error": error as Any,
            "similar": similar.map { ["id": $0.id, "title": $0.title, "status": ForumValues.statusName($0.status, localizer),
                                      "supports": localizer.count("forum_supports", $0.supportCount)] },
            "hasSimilar": !similar.isEmpty, "noneSimilar": checked && similar.isEmpty,
            "titleMin": ForumRules.titleLength.lowerBound, "titleMax": ForumRules.titleLength.upperBound,
            "bodyMax": ForumRules.bodyLength.upperBound,
        ], status: status)
    }

    static func create(_ context: Context) throws -> Response {
        let form = try context.form()
        let input = Input(categoryId: form.id("category"),
                          kind: form["kind"].flatMap(ThreadKind.init(rawValue:)) ?? .suggestion,
                          title: form["title"] ?? "", body: form["body"] ?? "", pseudonymous: form["pseudonymous"] != nil)
        if form["check"] != nil { return try show(context, input, checked: true) }
        guard let categoryId = input.categoryId else {
            return try show(context, input, error: context.localizer.t("forum_category_required"), status: 422)
        }
        let result = try ForumValues.forums(context).open(
            Forums.NewThread(categoryId: categoryId, kind: input.kind, title: input.title, body: input.body,
                             pseudonymous: input.pseudonymous), by: context.user)
        switch result {
        case .success(let thread): return ThreadPage.done(thread.id!, "posted")
        case .failure(let problem): return try show(context, input, error: context.message(problem), status: context.status(problem))
        }
    }

    static func editPage(_ context: Context) throws -> Response {
        let (threadId, postId) = try ThreadActions.threadPost(context)
        guard let post = try ForumValues.forums(context).ownPost(postId, by: context.user) else { return context.notFound() }
        return try showEdit(context, threadId: threadId, post: post, body: post.body)
    }

    static func edit(_ context: Context) throws -> Response {
        let (threadId, postId) = try ThreadActions.threadPost(context)
        let body = try context.form()["body"] ?? ""
        switch try ForumValues.forums(context).edit(postId: postId, body: body, by: context.user) {
        case .success(let post): return ThreadPage.done(threadId, "edited", at: post.number)
        case .failure(.notFound): return context.notFound()
        case .failure(let problem):
            guard let post = try ForumValues.forums(context).ownPost(postId, by: context.user) else { return context.notFound() }
            return try showEdit(context, threadId: threadId, post: post, body: body, error: context.message(problem), status: context.status(problem))
        }
    }

    private static func showEdit(_ context: Context, threadId: Int64, post: ForumPost, body: String, error: String? = nil,
                                 status: Int = 200) throws -> Response {
        context.page("forum_edit", title: context.localizer.t("forum_edit_title"), [
            "threadId": threadId, "postId": post.id!, "number": post.number, "body": body, "error": error as Any,
            "bodyMax": ForumRules.bodyLength.upperBound,
        ], status: status)
    }
}
