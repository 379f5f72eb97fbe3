import AsahCore
import Foundation

/// The JSON shapes of the forum API (snake_case, as in the OpenAPI fragment
/// `forums.paths.json`). Nothing in them names, numbers or places a pseudonymous author.
extension ForumsAPI {

    struct CategoryJSON: Encodable {
        let id: Int64
        let slug: String
        let name: String
        let description: String
        let coordinators_only: Bool
        let allows_pseudonyms: Bool
        let agenda_threshold_permille: Int?
    }

    struct ThreadJSON: Encodable {
        let id: Int64
        let category_id: Int64
        let category: String
        let kind: String
        let title: String
        let status: String?
        let support_count: Int
        let post_count: Int
        let owner: String?
        let decision_due: String?
        let overdue: Bool
        let on_agenda: Bool
        let locked: Bool
        let created_at: Int64
        let last_post_at: Int64

        init(_ thread: ThreadSummary, today: CalendarDate) {
            id = thread.id
            category_id = thread.categoryId
            category = thread.categoryName
            kind = thread.kind.rawValue
            title = thread.title
            status = thread.status?.rawValue
            support_count = thread.supportCount
            post_count = thread.postCount
            owner = thread.ownerName
            decision_due = thread.decisionDue?.iso
            overdue = thread.isOverdue(today: today)
            on_agenda = thread.agendaAt != nil
            locked = thread.locked
            created_at = thread.createdAt
            last_post_at = thread.lastPostAt
        }
    }

    struct PostJSON: Encodable {
        let id: Int64
        let thread_id: Int64
        let number: Int
        /// The author's display name or pseudonym ("Pegawai #3").
        let author: String
        let pseudonymous: Bool
        let official: Bool
        let hidden: Bool
        let hidden_reason: String?
        /// The rendered safe HTML; absent for a hidden post (except to its author).
        let html: String?
        let reply_to_id: Int64?
        let mine: Bool
        let created_at: Int64
        let edited_at: Int64?

        init(_ view: PostView, _ localizer: Localizer) {
            let post = view.post
            id = post.id!
            thread_id = post.threadId
            number = post.number
            author = ForumValues.authorName(view.author, localizer)
            pseudonymous = view.isPseudonymous
            official = post.official
            hidden = post.hidden
            hidden_reason = post.hiddenReason
            html = post.hidden && !view.isMine ? nil : ForumText.html(post.body)
            reply_to_id = post.replyToId
            mine = view.isMine
            created_at = post.createdAt
            edited_at = post.editedAt
        }
    }

    struct StatusChangeJSON: Encodable {
        let status: String
        let reason: String
        let at: Int64
    }

    struct ThreadDetailJSON: Encodable {
        let thread: ThreadJSON
        let supported: Bool
        let merged_into_id: Int64?
        let status_history: [StatusChangeJSON]
        let posts: [PostJSON]
    }

    struct SupportJSON: Encodable {
        let thread_id: Int64
        let supported: Bool
        let support_count: Int
    }

    struct HitJSON: Encodable {
        let thread_id: Int64
        let post_id: Int64
        let post_number: Int
        let title: String
        let category: String
        let status: String?
        let author: String
        let created_at: Int64
        /// The snippet in pieces; `match` pieces matched the query (mark them after escaping).
        let snippet: [FragmentJSON]
    }

    struct SimilarJSON: Encodable {
        let id: Int64
        let title: String
        let status: String
        let status_name: String
        let support_count: Int
    }

    struct FragmentJSON: Encodable {
        let text: String
        let match: Bool
    }

    struct MyPostJSON: Encodable {
        let id: Int64
        let thread_id: Int64
        let thread_title: String
        let number: Int
        /// The pseudonym the post was written under, if any (shown to its author only).
        let pseudonym: String?
        let official: Bool
        let hidden: Bool
        let created_at: Int64
    }

    struct MineJSON: Encodable {
        let posts: [MyPostJSON]
        let followed: [ThreadJSON]
    }

    struct QueuedJSON: Encodable {
        let post: PostJSON
        let thread_title: String
        /// Why people flagged it (never who).
        let reasons: [String]
    }

    struct AppealJSON: Encodable {
        let moderation_id: Int64
        let thread_id: Int64
        let post_id: Int64?
        let action: String
        let reason: String
        let appeal: String?
        let appealed_at: Int64?
        /// Whether the caller may decide it (not the moderator who acted).
        let may_decide: Bool
    }

    struct QueueJSON: Encodable {
        let posts: [QueuedJSON]
        let appeals: [AppealJSON]
    }

    struct FlagJSON: Encodable {
        let post_id: Int64
        /// Whether enough different people flagged it for the moderation queue (it stays visible).
        let queued: Bool
    }
}
