import GRDB

/// A thread as listed on the index, a category, the board, the agenda and "my follows".
/// Nothing about the opener is included, so lists never need to hide a pseudonym.
public struct ThreadSummary: Codable, FetchableRecord, Sendable, Hashable {
    public let id: Int64
    public let categoryId: Int64
    public let categoryName: String
    public let kind: ThreadKind
    public let title: String
    public let status: SuggestionStatus?
    public let supportCount: Int
    public let postCount: Int
    public let createdAt: Int64
    public let lastPostAt: Int64
    public let ownerName: String?
    public let decisionDue: CalendarDate?
    public let agendaAt: Int64?
    public let locked: Bool

    /// Whether the suggestion is undecided past its due date on `today`.
    public func isOverdue(today: CalendarDate) -> Bool {
        guard let status, !status.isDecided, let decisionDue else { return false }
        return decisionDue < today
    }

    /// `thread` as listed, from the rows already read.
    init(thread: ForumThread, category: ForumCategory, ownerName: String?) {
        id = thread.id!
        categoryId = thread.categoryId
        categoryName = category.name
        kind = thread.kind
        title = thread.title
        status = thread.status
        supportCount = thread.supportCount
        postCount = thread.postCount
        createdAt = thread.createdAt
        lastPostAt = thread.lastPostAt
        self.ownerName = ownerName
        decisionDue = thread.decisionDue
        agendaAt = thread.agendaAt
        locked = thread.locked
    }

    /// Read by column name without `Decodable`: lists read hundreds of summaries, and the
    /// decoder's work per key was most of the forum index's time.
    public init(row: Row) throws {
        id = row["id"]
        categoryId = row["category_id"]
        categoryName = row["category_name"]
        kind = row["kind"]
        title = row["title"]
        status = row["status"]
        supportCount = row["support_count"]
        postCount = row["post_count"]
        createdAt = row["created_at"]
        lastPostAt = row["last_post_at"]
        ownerName = row["owner_name"]
        decisionDue = row["decision_due"]
        agendaAt = row["agenda_at"]
        locked = row["locked"]
    }

    /// The select list and joins every list starts from (`t` is the thread).
    static let select = """
        SELECT t.id, t.category_id, c.name AS category_name, t.kind, t.title, t.status, t.support_count, t.post_count,
               t.created_at, t.last_post_at, o.display_name AS owner_name, t.decision_due, t.agenda_at, t.locked
        FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id LEFT JOIN users o ON o.id = t.owner_user_id
        """
}
