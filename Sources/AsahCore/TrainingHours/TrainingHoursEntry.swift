import GRDB

/// Where JP in the ledger come from: an Asah run, or an external training the employee records.
public enum TrainingSource: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case asah, external
}

/// Whether a ledger entry counts: Asah runs are verified at completion; external trainings
/// wait for a coordinator.
public enum TrainingReview: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case pending, verified, rejected
}

/// One line of an employee's training-hours (JP) ledger: a completed Asah run or an external
/// training, with its evidence and review. A row of `training_hours`; the fields follow
/// SIASN's course record (organiser, kind, course name, hours, certificate number, dates).
public struct TrainingHoursEntry: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "training_hours"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    public var employeeId: Int64
    /// The year the JP count for.
    public var year: Int
    /// Jam pelajaran.
    public var jp: Double
    public var source: TrainingSource
    /// The Asah run, for ``TrainingSource/asah`` entries.
    public var runId: Int64?
    /// The course or training name.
    public var title: String
    /// The organising institution.
    public var organiser: String?
    /// The kind of training (jenis diklat).
    public var kind: String?
    public var startedOn: CalendarDate?
    public var endedOn: CalendarDate?
    public var certificateNumber: String?
    /// Where the uploaded evidence is stored (chosen by the caller).
    public var evidencePath: String?
    /// The evidence file's original name.
    public var evidenceName: String?
    public var status: TrainingReview
    /// The coordinator's account that reviewed it.
    public var verifiedBy: Int64?
    public var verifiedAt: Int64?
    /// The coordinator's note, required for a rejection.
    public var reviewNote: String?
    /// Unix seconds.
    public var createdAt: Int64

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
