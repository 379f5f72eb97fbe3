import AsahCore

/// A thread's posts as a reader who did not write them sees them: the same for all readers,
/// or for all moderators (who also see the moderation link, queued and hidden text), so each
/// is rendered once per kind of reader (Markdown included) and kept while the post, its
/// author's label and the post it answers stay as they were (``FragmentCache``). The author's
/// own posts and the post being acted on are rendered per view.
enum PostFragments {
    /// One post in one language, as a moderator or another reader sees it.
    struct Key: Hashable, Sendable {
        let postId: Int64
        let locale: String
        let moderator: Bool
    }

    /// Everything a shared post's HTML is made from.
    struct Facts: Equatable, Sendable {
        let post: ForumPost
        let author: PostAuthor
        let replyNumber: Int?
        /// The zone its time is shown in: a post kept from before a change of zone is rendered again.
        let zone: LocalZone
    }

    /// About 24 MB of posts (at about 600 bytes each, the first pages of some 300 busy threads
    /// for both kinds of reader; less kept evicts posts that are read again a moment later).
    static func cache() -> FragmentCache<Key, Facts> {
        FragmentCache(budgetBytes: 24 * 1024 * 1024)
    }
}
