import GRDB

/// One meeting of a run: when, where (a place, an online link or both), who teaches, and the
/// short code shown in the room for self check-in. A row of `run_sessions`.
public struct RunSession: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "run_sessions"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The run the session belongs to.
    public var runId: Int64
    /// Unix seconds.
    public var startsAt: Int64
    /// Unix seconds, after ``startsAt``.
    public var endsAt: Int64
    /// The room or venue.
    public var place: String?
    /// The video-meeting link for online sessions.
    public var onlineUrl: String?
    /// The employee who teaches the session and marks its attendance.
    public var instructorEmployeeId: Int64?
    /// The code participants type to check themselves in.
    public var checkinCode: String?

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Letters and digits that cannot be mistaken for each other when read off a screen.
    static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// A new six-character check-in code from the system's secure random source.
    static func newCheckinCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in codeAlphabet.randomElement(using: &generator)! })
    }
}

extension RunSession {
    /// Read by column name without `Decodable`, whose snake-case conversion of every key
    /// cost more than the query (a run page and the calendars read its sessions). In an extension, so the memberwise initializer stays.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        runId = try row.decode(forColumn: "run_id")
        startsAt = try row.decode(forColumn: "starts_at")
        endsAt = try row.decode(forColumn: "ends_at")
        place = try row.decode(forColumn: "place")
        onlineUrl = try row.decode(forColumn: "online_url")
        instructorEmployeeId = try row.decode(forColumn: "instructor_employee_id")
        checkinCode = try row.decode(forColumn: "checkin_code")
    }
}
