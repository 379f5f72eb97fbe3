import GRDB

/// A moderator's action on a post or a thread, with the reason its author sees, and the
/// author's one appeal decided by a different moderator.
public struct ModerationAction: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "forum_moderation"

    /// What the moderator did.
    public enum Kind: String, Codable, Sendable, DatabaseValueConvertible {
        /// Hid a post; its place shows the reason.
        case hide
        /// Showed a hidden post again.
        case restore
        /// Closed a thread to replies.
        case lock
        /// Opened a locked thread again.
        case unlock
        /// Looked at a queued post and left it visible.
        case keep

        /// Whether the author may appeal it.
        public var isAppealable: Bool { self == .hide || self == .lock }
    }

    /// How an appeal ended.
    public enum Outcome: String, Codable, Sendable, DatabaseValueConvertible {
        case upheld, overturned
    }

    public var id: Int64?
    public var threadId: Int64
    public var postId: Int64?
    public var action: Kind
    public var reason: String
    public var moderatorUserId: Int64
    public var createdAt: Int64
    public var appealText: String?
    public var appealedAt: Int64?
    public var appealOutcome: Outcome?
    public var appealReason: String?
    public var appealModeratorUserId: Int64?
    public var appealDecidedAt: Int64?

    public init(threadId: Int64, postId: Int64?, action: Kind, reason: String, moderatorUserId: Int64, createdAt: Int64) {
        self.threadId = threadId
        self.postId = postId
        self.action = action
        self.reason = reason
        self.moderatorUserId = moderatorUserId
        self.createdAt = createdAt
    }

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
