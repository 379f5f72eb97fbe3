import GRDB

/// A login account. Most belong to an employee (log in by NIP or login name); administrators
/// may have none.
public struct User: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    public static let databaseTableName = "users"

    public var id: Int64?
    public var login: String
    public var employeeId: Int64?
    public var displayName: String
    public var passwordHash: String?
    public var locale: String
    public var active: Bool
    public var createdAt: Int64
    public var passwordChangedAt: Int64?

    public init(login: String, employeeId: Int64?, displayName: String, locale: String = "id") {
        self.login = login
        self.employeeId = employeeId
        self.displayName = displayName
        self.locale = locale
        self.active = true
        self.createdAt = Clock.now()
    }

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
