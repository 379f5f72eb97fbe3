import Foundation
import GRDB

/// A unit's Survei Kepuasan Masyarakat result for one period, as imported: the IKM score
/// (25-100, PermenPANRB 14/2017) and how many people answered.
public struct SatisfactionSurvey: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "satisfaction_surveys"

    public var id: Int64?
    public var unitId: Int64
    /// The period as ``SatisfactionPeriod/text`` writes it.
    public var period: String
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate
    /// The IKM, 25-100.
    public var score: Double
    public var respondents: Int
    /// When the row was first imported (seconds since 1970).
    public var importedAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, period, score, respondents
        case unitId = "unit_id"
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case importedAt = "imported_at"
    }

    /// The scores an IKM can take.
    public static let scores = 25.0...100.0

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The results of unit `unitId`, latest period first.
    static func all(unitId: Int64, in db: Database) throws -> [SatisfactionSurvey] {
        try SatisfactionSurvey.filter(sql: "unit_id = ?", arguments: [unitId]).order(sql: "starts_on DESC, ends_on DESC").fetchAll(db)
    }
}

/// Survey results have nothing above them: ``ImportBatch`` is used for its counting and
/// writing only, with every link left empty.
extension SatisfactionSurvey: HierarchicalRecord {
    var upLink: Int64? {
        get { nil }
        set {}
    }

    static var upLinkColumn: Column { Column("id") }

    mutating func stamp(_ now: Date, inserting: Bool) {
        if inserting { importedAt = Int64(now.timeIntervalSince1970) }
    }
}
