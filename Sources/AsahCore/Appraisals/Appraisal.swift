import Foundation
import GRDB

/// One performance appraisal of an employee for a year and period: a row of `appraisals`.
/// Either PermenPANRB 6/2022 (both ratings; ``predikat`` from ``PredikatMatrix``) or a legacy
/// PP 46/2011 record (``legacyScore`` only; ``predikat`` its ``LegacyPredikat``). The
/// predikat is always computed, never taken from outside.
public struct Appraisal: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "appraisals"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    public var employeeId: Int64
    public var year: Int
    public var period: AppraisalPeriod
    /// `nil` for a legacy record.
    public private(set) var hasilKerja: Rating?
    /// `nil` for a legacy record.
    public private(set) var perilakuKerja: Rating?
    /// Computed from the ratings, or from the legacy score when there are none.
    public private(set) var predikat: AppraisalPredikat
    /// The PP 46/2011 number, 0-100.
    public private(set) var legacyScore: Double?
    /// The NIP of the appraiser (pejabat penilai), when known.
    public var appraiserNip: String?
    /// Where the record came from, e.g. "csv" or "e-kinerja".
    public var source: String
    /// When the record was last written by an import.
    public var importedAt: Date

    /// A record with its predikat computed. `nil` when the grading is incomplete: only one of
    /// the two ratings, or neither ratings nor a score, or a score outside 0-100.
    public init?(id: Int64? = nil, employeeId: Int64, year: Int, period: AppraisalPeriod,
                 hasilKerja: Rating?, perilakuKerja: Rating?, legacyScore: Double? = nil,
                 appraiserNip: String? = nil, source: String, importedAt: Date = Date()) {
        guard let predikat = Self.predikat(hasilKerja: hasilKerja, perilakuKerja: perilakuKerja,
                                           legacyScore: legacyScore) else { return nil }
        self.id = id
        self.employeeId = employeeId
        self.year = year
        self.period = period
        self.hasilKerja = hasilKerja
        self.perilakuKerja = perilakuKerja
        self.predikat = predikat
        self.legacyScore = legacyScore
        self.appraiserNip = appraiserNip
        self.source = source
        self.importedAt = importedAt
    }

    /// The predikat a grading yields: the matrix when both ratings are given, the legacy
    /// category when only a score is; `nil` when incomplete or the score is out of range.
    public static func predikat(hasilKerja: Rating?, perilakuKerja: Rating?, legacyScore: Double?) -> AppraisalPredikat? {
        if let legacyScore, LegacyPredikat(score: legacyScore) == nil { return nil }
        switch (hasilKerja, perilakuKerja) {
        case let (hasil?, perilaku?):
            return .current(PredikatMatrix.predikat(hasilKerja: hasil, perilaku: perilaku))
        case (nil, nil):
            return legacyScore.flatMap(LegacyPredikat.init(score:)).map { .legacy($0) }
        default:
            return nil
        }
    }

    /// Column names for the query interface.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let employeeId = Column(CodingKeys.employeeId)
        public static let year = Column(CodingKeys.year)
        public static let period = Column(CodingKeys.period)
    }

    enum CodingKeys: String, CodingKey {
        case id
        case employeeId = "employee_id"
        case year, period
        case hasilKerja = "hasil_kerja"
        case perilakuKerja = "perilaku_kerja"
        case predikat
        case legacyScore = "legacy_score"
        case appraiserNip = "appraiser_nip"
        case source
        case importedAt = "imported_at"
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[CodingKeys.id.rawValue] = id
        container[CodingKeys.employeeId.rawValue] = employeeId
        container[CodingKeys.year.rawValue] = year
        container[CodingKeys.period.rawValue] = period
        container[CodingKeys.hasilKerja.rawValue] = hasilKerja
        container[CodingKeys.perilakuKerja.rawValue] = perilakuKerja
        container[CodingKeys.predikat.rawValue] = predikat
        container[CodingKeys.legacyScore.rawValue] = legacyScore
        container[CodingKeys.appraiserNip.rawValue] = appraiserNip
        container[CodingKeys.source.rawValue] = source
        container[CodingKeys.importedAt.rawValue] = Int64(importedAt.timeIntervalSince1970)
    }

    public init(row: Row) throws {
        id = row[CodingKeys.id.rawValue]
        employeeId = row[CodingKeys.employeeId.rawValue]
        year = row[CodingKeys.year.rawValue]
        period = row[CodingKeys.period.rawValue]
        hasilKerja = row[CodingKeys.hasilKerja.rawValue]
        perilakuKerja = row[CodingKeys.perilakuKerja.rawValue]
        predikat = row[CodingKeys.predikat.rawValue]
        legacyScore = row[CodingKeys.legacyScore.rawValue]
        appraiserNip = row[CodingKeys.appraiserNip.rawValue]
        source = row[CodingKeys.source.rawValue]
        importedAt = Date(timeIntervalSince1970: TimeInterval(row[CodingKeys.importedAt.rawValue] as Int64))
    }

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The same record with the grading of `other` (ratings, score, predikat), for an update.
    func regraded(like other: Appraisal) -> Appraisal {
        var copy = self
        copy.hasilKerja = other.hasilKerja
        copy.perilakuKerja = other.perilakuKerja
        copy.legacyScore = other.legacyScore
        copy.predikat = other.predikat
        return copy
    }
}

/// Reading appraisals. These functions do not check access or audit: web and report code
/// reading one person's records goes through ``AppraisalAccess/read(_:employeeId:ip:in:)``.
public enum AppraisalQueries {
    /// The records of `employeeId`, oldest first: by year, then by period within the year
    /// (months and quarters by the month they end, the annual record last).
    public static func records(employeeId: Int64, in db: Database) throws -> [Appraisal] {
        try Appraisal.filter(Appraisal.Columns.employeeId == employeeId).fetchAll(db)
            .sorted { ($0.year, $0.period.sortKey) < ($1.year, $1.period.sortKey) }
    }

    /// The latest record of `employeeId` whose period ended before `date` (the day of a
    /// training, say), or `nil`. Of periods ending the same day, the longest wins (the annual
    /// record over TW IV over December).
    public static func latest(employeeId: Int64, before date: CalendarDate, in db: Database) throws -> Appraisal? {
        try Appraisal
            .filter(Appraisal.Columns.employeeId == employeeId && Appraisal.Columns.year <= date.year)
            .fetchAll(db)
            .filter { record in record.period.endDate(year: record.year).map { $0 < date } ?? false }
            .max { ($0.year, $0.period.sortKey) < ($1.year, $1.period.sortKey) }
    }
}
