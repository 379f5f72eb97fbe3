import GRDB

/// One in-app notification to an employee. A row of `notifications`. (Named so it does not
/// clash with Foundation's `Notification`.)
public struct AppNotification: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "notifications"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// Who it is for.
    public var employeeId: Int64
    /// What it is about.
    public var kind: NotificationKind
    /// The Indonesian text.
    public var message: String
    /// The page it leads to, e.g. "/runs/12".
    public var link: String?
    /// Unix seconds.
    public var createdAt: Int64
    /// When the person read it; `nil` while unread.
    public var readAt: Int64?

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
