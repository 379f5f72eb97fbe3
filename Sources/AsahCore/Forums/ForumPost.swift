import GRDB

/// One post of a thread; number 1 opens it. A pseudonymous post carries only its pseudonym
/// number ("Pegawai #3"), never its author's account.
public struct ForumPost: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "forum_posts"

    public var id: Int64?
    public var threadId: Int64
    public var number: Int
    /// The author's account; `nil` for a pseudonymous post.
    public var authorUserId: Int64?
    /// The pseudonym number inside the thread; `nil` for a named post.
    public var pseudonym: Int?
    /// The post this one answers or quotes.
    public var replyToId: Int64?
    /// The source in the forum's text format (see ``ForumText``).
    public var body: String
    /// A coordinator's official answer.
    public var official: Bool
    public var hidden: Bool
    /// The moderator's reason, shown to everyone in place of a hidden post.
    public var hiddenReason: String?
    /// When enough distinct people flagged it to need a moderator's decision.
    public var queuedAt: Int64?
    public var flagCount: Int
    public var createdAt: Int64
    public var editedAt: Int64?

    public init(threadId: Int64, number: Int, authorUserId: Int64?, pseudonym: Int?, replyToId: Int64?, body: String,
                official: Bool, createdAt: Int64) {
        self.threadId = threadId
        self.number = number
        self.authorUserId = authorUserId
        self.pseudonym = pseudonym
        self.replyToId = replyToId
        self.body = body
        self.official = official
        self.hidden = false
        self.flagCount = 0
        self.createdAt = createdAt
    }

    /// Read by column name without `Decodable` (a thread page reads hundreds of posts, and
    /// the decoder's snake-case conversion of every key cost more than the query).
    public init(row: Row) throws {
        id = row["id"]
        threadId = row["thread_id"]
        number = row["number"]
        authorUserId = row["author_user_id"]
        pseudonym = row["pseudonym"]
        replyToId = row["reply_to_id"]
        body = row["body"]
        official = row["official"]
        hidden = row["hidden"]
        hiddenReason = row["hidden_reason"]
        queuedAt = row["queued_at"]
        flagCount = row["flag_count"]
        createdAt = row["created_at"]
        editedAt = row["edited_at"]
    }

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
