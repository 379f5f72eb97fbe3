import AsahCore

/// A thread's posts as a reader who neither wrote them nor moderates sees them: the same for
/// all those readers, so each is rendered once (Markdown included) and kept while the post,
/// its author's label and the post it answers stay as they were (``FragmentCache``). The
/// author's own posts, a moderator's view and the post being acted on are rendered per view.
enum PostFragments {
    /// One post in one language.
    struct Key: Hashable, Sendable {
        let postId: Int64
        let locale: String
    }

    /// Everything a shared post's HTML is made from.
    struct Facts: Equatable, Sendable {
        let post: ForumPost
        let author: PostAuthor
        let replyNumber: Int?
        /// The zone its time is shown in: a post kept from before a change of zone is rendered again.
        let zone: LocalZone
    }

    /// About 12 MB of posts, several long threads' worth.
    static func cache() -> FragmentCache<Key, Facts> {
        FragmentCache(budgetBytes: 12 * 1024 * 1024)
    }
}
