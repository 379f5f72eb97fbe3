import GRDB

/// A run (angkatan) of a course: its dates, capacity, enrolment window and waitlist timing.
/// A row of `runs`; sessions, unit quotas and enrolments hang off it.
public struct Run: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "runs"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The course this run teaches.
    public var courseId: Int64
    /// A short unique code used in certificate numbers and URLs, e.g. "PPP-01".
    public var code: String
    /// The title shown to participants, e.g. "Pelayanan Publik Prima Angkatan I".
    public var title: String
    /// The most people enrolled or holding an offer at one time.
    public var capacity: Int
    /// When employees may start asking for a seat; `nil` for as soon as the run is open.
    public var enrolOpensAt: Int64?
    /// When self-requests stop; `nil` for as long as the run is open.
    public var enrolClosesAt: Int64?
    /// The first day of the run.
    public var startsOn: CalendarDate
    /// The last day of the run; its year is the year the JP are credited to.
    public var endsOn: CalendarDate
    /// Where the run is in its life.
    public var status: RunStatus
    /// How long a waitlisted person has to accept a freed seat.
    public var offerWindowHours: Int
    /// No seat is offered this close to the first session.
    public var offerCutoffHours: Int
    /// Why the run was cancelled.
    public var cancelledReason: String?
    /// The account that created the run.
    public var createdBy: Int64?
    /// Unix seconds.
    public var createdAt: Int64

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Run {
    /// Read by column name without `Decodable`, whose snake-case conversion of every key
    /// cost more than the query (most of a course page listing a province's runs). In an
    /// extension, so the memberwise initializer stays.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        courseId = try row.decode(forColumn: "course_id")
        code = try row.decode(forColumn: "code")
        title = try row.decode(forColumn: "title")
        capacity = try row.decode(forColumn: "capacity")
        enrolOpensAt = try row.decode(forColumn: "enrol_opens_at")
        enrolClosesAt = try row.decode(forColumn: "enrol_closes_at")
        startsOn = try row.decode(forColumn: "starts_on")
        endsOn = try row.decode(forColumn: "ends_on")
        status = try row.decode(forColumn: "status")
        offerWindowHours = try row.decode(forColumn: "offer_window_hours")
        offerCutoffHours = try row.decode(forColumn: "offer_cutoff_hours")
        cancelledReason = try row.decode(forColumn: "cancelled_reason")
        createdBy = try row.decode(forColumn: "created_by")
        createdAt = try row.decode(forColumn: "created_at")
    }
}
