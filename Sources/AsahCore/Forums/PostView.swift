import GRDB

/// A post as shown on its thread: the author's display name for a named post, the pseudonym
/// otherwise, and nothing else about the author.
public struct PostView: Sendable, Hashable {
    public let post: ForumPost
    /// The display name, or the pseudonym number.
    public let author: PostAuthor
    /// Whether the viewer wrote it (so they may edit or appeal).
    public let isMine: Bool
    /// The number of the post it answers, when it answers one.
    public var replyToNumber: Int? = nil
    /// Whether it was written under a pseudonym.
    public var isPseudonymous: Bool { post.pseudonym != nil }
}

