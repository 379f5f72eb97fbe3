import AsahCore
import Foundation
import HTTPServer

/// `GET /forums/threads/:id`: the thread with its posts, the viewer's support and follow, the
/// status history, and the coordinator's and moderator's forms. Posting forms answer with a
/// 303 back here, or this page again with the refusal. The report and moderation forms of a
/// post are shown for the post the viewer chose (`?act=number`), not under all 200 of them.
/// Posts come ``postsPerPage`` at a time by number: `?page=`, or the page holding the post
/// linked to (`?post=number`, as every link to a post is), quoted or acted on.
enum ThreadPage {
    /// Posts on one page: posts 1-50 on the first, 51-100 on the second, and so on.
    static let postsPerPage = 50

    /// The page showing post `number`.
    static func page(of number: Int) -> Int {
        (max(1, number) - 1) / postsPerPage + 1
    }

    /// The notices a redirect may ask the page to show (`?notice=...`).
    static let notices: Set<String> = [
        "posted", "supported", "unsupported", "followed", "unfollowed", "status", "owner", "merged", "proposal", "flagged",
        "queued", "hidden", "restored", "kept", "locked", "unlocked", "appealed", "appeal_decided", "edited",
    ]

    /// What the reply form held when shown again after a refusal.
    struct ReplyInput {
        var body = ""
        var replyTo: Int64?
        var pseudonymous = false
    }

    /// The post whose report or moderation form was refused, with the reason as typed.
    struct PostActionInput {
        let postId: Int64
        var flagReason = ""
        var moderationReason = ""
    }

    static func show(_ context: Context, error: String? = nil, status: Int = 200, reply: ReplyInput? = nil,
                     postAction: PostActionInput? = nil) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let forums = try ForumValues.forums(context)
        let user = context.user
        let localizer = context.localizer
        let query = try context.query()
        let quoteNumber = try query.integer("quote", in: 1...1_000_000)
        let askedNumber = try query.integer("act", in: 1...1_000_000)
        let linkedNumber = try query.integer("post", in: 1...1_000_000)
        let postActionNumber = try postAction.map { try forums.post($0.postId, in: id, viewer: user)?.post.number }
        let page = try (postActionNumber ?? nil).map(page(of:)) ?? askedNumber.map(page(of:)) ?? quoteNumber.map(page(of:))
            ?? linkedNumber.map(page(of:)) ?? query.page()
        let first = (page - 1) * postsPerPage + 1
        guard let loaded = try forums.threadPage(id, viewer: user, numbers: first...(first + postsPerPage - 1)),
              page == 1 || first <= loaded.lastNumber else { return context.notFound() }
        let moderator = Policy.allows(user, .moderateForums) && loaded.moderator
        let thread = loaded.thread
        let coordinates = Forums.coordinates(user)
        let today = ForumValues.today()
        // Someone who wrote here under a pseudonym keeps it for replies unless they untick it:
        // one reply by name beside "Pegawai #n" would give them away.
        let myPseudonym = loaded.viewerPseudonym.map { ForumValues.pseudonymName($0, localizer) }
        var replyInput = reply ?? ReplyInput(pseudonymous: myPseudonym != nil && loaded.category.allowsPseudonyms)
        if reply == nil, let quoted = loaded.posts.first(where: { $0.post.number == quoteNumber }), !quoted.post.hidden {
            replyInput.body = ForumText.quote(quoted.post.body, author: ForumValues.authorName(quoted.author, localizer))
            replyInput.replyTo = quoted.post.id
        }
        let latestByPost = Dictionary(loaded.actions.compactMap { action in action.postId.map { ($0, action) } },
                                      uniquingKeysWith: { _, later in later })
        let actingNumber = postActionNumber ?? askedNumber

        var data: [String: Any] = ForumValues.summary(loaded.summary, localizer, today: today)
        data["categoryId"] = loaded.category.id!
        data["notice"] = try notice(context) as Any
        data["error"] = error as Any
        data["posts"] = loaded.posts.map { view -> String in
            let replyNumber = view.replyToNumber
            let acting = view.post.number == actingNumber
            func render() -> String {
                var values = postValues(view, latest: latestByPost[view.post.id!], replyNumber: replyNumber,
                                        moderator: moderator, localizer: localizer, threadId: id)
                values["id"] = id
                values["csrf"] = context.csrfToken
                if acting {
                    values["acting"] = true
                    values["flagReason"] = postAction?.flagReason ?? ""
                    values["moderationReason"] = postAction?.moderationReason ?? ""
                }
                return context.services.views.fragment("forum_post", values, locale: localizer.locale)
            }
            guard !view.isMine, !acting else { return render() }
            return context.services.postFragments.html(
                for: PostFragments.Key(postId: view.post.id!, locale: localizer.locale, moderator: moderator),
                facts: PostFragments.Facts(post: view.post, author: view.author, replyNumber: replyNumber, zone: .current),
                render: render)
        }.joined()
        let pager = Pager(page: page, total: loaded.lastNumber, pageSize: postsPerPage)
        data["paged"] = pager.pages > 1 ? pager.values(localizer) { "/forums/threads/\(id)?page=\($0)" } : nil
        data["history"] = loaded.history.map { change in
            ["status": ForumValues.statusName(change.toStatus, localizer), "statusCode": change.toStatus.rawValue, "reason": change.reason,
             "date": localizer.date(change.createdAt)]
        }
        data["hasHistory"] = !loaded.history.isEmpty
        data["supportsThis"] = loaded.supports
        data["canSupport"] = thread.kind == .suggestion && thread.status != .duplikat && user.employeeId != nil
        data["canFollow"] = user.employeeId != nil
        data["following"] = loaded.follows
        data["mergedIntoId"] = loaded.mergedInto?.id as Any
        data["mergedIntoTitle"] = loaded.mergedInto?.title as Any
        if let threshold = loaded.threshold, thread.kind == .suggestion {
            data["threshold"] = localizer.t("forum_threshold", ["count": localizer.number(threshold)])
        }
        data["canReply"] = !thread.locked || coordinates
        data["allowsPseudonyms"] = loaded.category.allowsPseudonyms
        data["replyBody"] = replyInput.body
        data["replyTo"] = replyInput.replyTo as Any
        data["replyPseudonymous"] = replyInput.pseudonymous
        data["myPseudonymWarning"] = myPseudonym.map { localizer.t("forum_keep_pseudonym_warning", ["pseudonym": $0]) } as Any
        data["mayAnswer"] = coordinates
        if let lock = loaded.actions.last(where: { $0.postId == nil }), thread.locked {
            data["lockReason"] = lock.reason
            if loaded.openedByViewer, lock.appealedAt == nil { data["lockAppealId"] = lock.id! }
        }
        if coordinates, thread.kind == .suggestion {
            data["decide"] = templateValues([
                "statuses": ForumValues.statuses(selected: nil, includeDuplicate: false, localizer).filter { option in
                    thread.status.map { current in SuggestionStatus(rawValue: option["value"] as? String ?? "").map(current.canMove) ?? false }
                        ?? true
                },
                "canDecide": thread.status != .duplikat,
                "mergeTargets": loaded.mergeTargets.map { ["id": $0.id, "title": "#\($0.id) " + $0.title] },
                "coordinators": loaded.coordinators.map { ["id": $0.id, "name": $0.name, "selected": $0.id == thread.ownerUserId] },
                "due": thread.decisionDue?.iso ?? "",
                "canPropose": loaded.category.isTraining && loaded.proposal == nil,
            ])
        }
        if let proposal = loaded.proposal, coordinates {
            data["proposalId"] = proposal.id!
            data["proposalCode"] = proposal.code
        }
        data["moderator"] = moderator && !loaded.openedByViewer
        return context.page("forum_thread", title: thread.title, data, status: status)
    }

    private static func postValues(_ view: PostView, latest: ModerationAction?, replyNumber: Int?, moderator: Bool,
                                   localizer: Localizer, threadId: Int64) -> [String: Any] {
        let post = view.post
        var values: [String: Any] = templateValues([
            "postId": post.id!, "number": post.number, "author": ForumValues.authorName(view.author, localizer), "pseudonymous": view.isPseudonymous,
            "official": post.official, "date": localizer.moment(post.createdAt),
            "edited": post.editedAt.map { localizer.t("forum_edited", ["date": localizer.moment($0)]) },
            "replyNumber": replyNumber, "replyLink": replyNumber.map { postLink(threadId, number: $0, from: post.number) },
            "mine": view.isMine, "hidden": post.hidden, "hiddenReason": post.hiddenReason,
            "queued": post.queuedAt != nil && moderator,
            "canEdit": view.isMine && !post.hidden && ForumRules.mayEdit(postedAt: post.createdAt, now: Clock.now()),
            "canFlag": !view.isMine, "moderate": moderator && !view.isMine, "historyLink": moderator && post.editedAt != nil,
        ])
        // A hidden post's text stays readable to its author and to moderators (to restore or decide an appeal).
        if !post.hidden || view.isMine || moderator { values["html"] = ForumText.html(post.body) }
        if view.isMine, post.hidden, let latest, latest.action == .hide, latest.appealedAt == nil { values["appealId"] = latest.id! }
        if view.isMine, let latest, latest.appealedAt != nil, latest.appealOutcome == nil { values["appealPending"] = true }
        return values
    }

    /// The address of post `number` of thread `threadId` from post `from`'s page: the anchor
    /// alone on the same page.
    static func postLink(_ threadId: Int64, number: Int, from: Int) -> String {
        page(of: number) == page(of: from) ? "#tulisan-\(number)" : "/forums/threads/\(threadId)?post=\(number)#tulisan-\(number)"
    }

    private static func notice(_ context: Context) throws -> String? {
        guard let code = try context.query().text("notice"), notices.contains(code) else { return nil }
        return context.localizer.t("forum_notice_\(code)")
    }

    /// The thread page with a notice after a successful change, at post `number` if given.
    static func done(_ id: Int64, _ notice: String, at number: Int? = nil) -> Response {
        .redirect(to: "/forums/threads/\(id)?" + (number.map { "post=\($0)&" } ?? "") + "notice=\(notice)"
                  + (number.map { "#tulisan-\($0)" } ?? ""))
    }

    /// The page again with `problem`'s message (or the not-found page).
    static func refused(_ context: Context, _ problem: ForumProblem, reply: ReplyInput? = nil,
                        postAction: PostActionInput? = nil) throws -> Response {
        if problem == .notFound { return context.notFound() }
        return try show(context, error: context.message(problem), status: context.status(problem), reply: reply, postAction: postAction)
    }

    /// Answers a page form: back to the thread with a notice, or the refusal.
    static func answer<T>(_ context: Context, _ threadId: Int64, _ result: Result<T, ForumProblem>, notice: String,
                          at number: Int? = nil, postAction: PostActionInput? = nil) throws -> Response {
        switch result {
        case .success: return done(threadId, notice, at: number)
        case .failure(let problem): return try refused(context, problem, postAction: postAction)
        }
    }
}
