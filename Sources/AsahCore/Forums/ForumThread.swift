import GRDB

/// A thread: a discussion, or a suggestion with a status, an owner and a decision due date.
public struct ForumThread: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "forum_threads"

    public var id: Int64?
    public var categoryId: Int64
    public var kind: ThreadKind
    public var title: String
    /// Set for suggestions only.
    public var status: SuggestionStatus?
    /// The coordinator answerable for a decision.
    public var ownerUserId: Int64?
    public var decisionDue: CalendarDate?
    /// The original a duplicate was merged into.
    public var mergedIntoId: Int64?
    public var supportCount: Int
    public var postCount: Int
    /// When the support threshold put the suggestion on the forum meeting's agenda.
    public var agendaAt: Int64?
    public var locked: Bool
    public var createdAt: Int64
    public var lastPostAt: Int64
    public var statusChangedAt: Int64?

    public init(categoryId: Int64, kind: ThreadKind, title: String, createdAt: Int64) {
        self.categoryId = categoryId
        self.kind = kind
        self.title = title
        self.status = kind == .suggestion ? .baru : nil
        self.supportCount = 0
        self.postCount = 0
        self.locked = false
        self.createdAt = createdAt
        self.lastPostAt = createdAt
    }

    /// Whether the suggestion is undecided past its due date on `today`.
    public func isOverdue(today: CalendarDate) -> Bool {
        guard let status, !status.isDecided, let decisionDue else { return false }
        return decisionDue < today
    }

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension ForumThread {
    /// Read by column name without `Decodable`, whose snake-case conversion of every key
    /// cost more than the query (a thread page and its moderation read one per view). In an extension, so the memberwise initializer stays.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        categoryId = try row.decode(forColumn: "category_id")
        kind = try row.decode(forColumn: "kind")
        title = try row.decode(forColumn: "title")
        status = try row.decode(forColumn: "status")
        ownerUserId = try row.decode(forColumn: "owner_user_id")
        decisionDue = try row.decode(forColumn: "decision_due")
        mergedIntoId = try row.decode(forColumn: "merged_into_id")
        supportCount = try row.decode(forColumn: "support_count")
        postCount = try row.decode(forColumn: "post_count")
        agendaAt = try row.decode(forColumn: "agenda_at")
        locked = try row.decode(forColumn: "locked")
        createdAt = try row.decode(forColumn: "created_at")
        lastPostAt = try row.decode(forColumn: "last_post_at")
        statusChangedAt = try row.decode(forColumn: "status_changed_at")
    }
}
