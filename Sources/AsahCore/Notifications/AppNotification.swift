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
    /// The text written by versions before notices were stored as facts; empty for newer ones.
    public var message: String
    /// What it says, rendered in the reader's language; `nil` for notifications written by
    /// earlier versions (their `message` is shown instead).
    public var notice: NotificationContent?
    /// The page it leads to, e.g. "/runs/12".
    public var link: String?
    /// Unix seconds.
    public var createdAt: Int64
    /// When the person read it (to the hour); `nil` while unread.
    public var readAt: Int64?

    init(id: Int64? = nil, employeeId: Int64, kind: NotificationKind, notice: NotificationContent, link: String?, createdAt: Int64,
         readAt: Int64? = nil) {
        self.init(id: id, employeeId: employeeId, kind: kind, message: "", notice: notice, link: link, createdAt: createdAt,
                  readAt: readAt)
    }

    init(id: Int64? = nil, employeeId: Int64, kind: NotificationKind, message: String, notice: NotificationContent? = nil, link: String?,
         createdAt: Int64, readAt: Int64? = nil) {
        self.id = id
        self.employeeId = employeeId
        self.kind = kind
        self.message = message
        self.notice = notice
        self.link = link
        self.createdAt = createdAt
        self.readAt = readAt
    }

    /// Read by column name without `Decodable`: its snake-case conversion of every key was a
    /// fifth of the notifications page.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        employeeId = try row.decode(forColumn: "employee_id")
        kind = try row.decode(forColumn: "kind")
        message = try row.decode(forColumn: "message")
        notice = try row.decode(forColumn: "notice")
        link = try row.decode(forColumn: "link")
        createdAt = try row.decode(forColumn: "created_at")
        readAt = try row.decode(forColumn: "read_at")
    }

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
