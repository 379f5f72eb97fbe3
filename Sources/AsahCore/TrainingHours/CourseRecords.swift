import GRDB

/// Completed trainings as SIASN's riwayat kursus holds them, for the agency to upload: every
/// verified line of the JP ledger (Asah runs and verified external trainings) that ended in a
/// period, with the employee's NIP and the fields of SIASN's course record (organiser, kind,
/// name, hours, certificate number, start and end dates, year).
public struct CourseRecords: Sendable {
    /// One completed training of one employee.
    public struct Record: Sendable, Equatable {
        public let nip: String
        public let employeeName: String
        public let unitName: String?
        /// namaKursus.
        public let title: String
        /// The kind as recorded: a course kind code for Asah runs, the typed kind for external ones.
        public let kind: String?
        public let source: TrainingSource
        /// institusiPenyelenggara: the organiser typed for an external training; for an Asah run
        /// the agency running Asah (``AgencySettings/agencyName``, empty when not set).
        public let organiser: String
        /// jumlahJam (JP).
        public let jp: Double
        /// tahunKursus: the year the JP count for.
        public let year: Int
        public let startedOn: CalendarDate?
        public let endedOn: CalendarDate?
        public let certificateNumber: String?
    }

    /// The first and last day of the period, inclusive.
    public let from: CalendarDate
    public let to: CalendarDate
    /// Oldest end first, then by NIP.
    public let records: [Record]

    /// The longest period one export covers (a year and a bit, so a late upload of a year works).
    public static let longestPeriodDays = 400

    /// The records of trainings that ended from `from` to `to` (a line without an end date
    /// counts by its JP year), from one snapshot; `nil` when the period is backwards or longer
    /// than ``longestPeriodDays``.
    public static func load(from: CalendarDate, to: CalendarDate, in database: AppDatabase) throws -> CourseRecords? {
        guard from <= to, to.dayNumber - from.dayNumber <= longestPeriodDays else { return nil }
        return try database.pool.read { db in
            let agency = try AgencySettings.read(db).agencyName
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT e.nip, e.name, u.name AS unit_name, t.title, t.kind, t.source, t.organiser, t.jp, t.year,
                       t.started_on, t.ended_on, t.certificate_number
                FROM training_hours t JOIN employees e ON e.id = t.employee_id LEFT JOIN units u ON u.id = e.unit_id
                WHERE t.status = 'verified'
                  AND ((t.ended_on IS NOT NULL AND t.ended_on BETWEEN ? AND ?)
                       OR (t.ended_on IS NULL AND t.year BETWEEN ? AND ?))
                ORDER BY COALESCE(t.ended_on, t.year || '-12-31'), e.nip, t.id
                """), arguments: [from.iso, to.iso, from.year, to.year])
            return CourseRecords(from: from, to: to, records: try rows.map { row in
                let source: TrainingSource = try row.decode(forColumn: "source")
                return Record(
                    nip: row["nip"], employeeName: row["name"], unitName: row["unit_name"], title: row["title"], kind: row["kind"],
                    source: source, organiser: source == .asah ? agency : (row["organiser"] ?? ""), jp: row["jp"], year: row["year"],
                    startedOn: (row["started_on"] as String?).flatMap(CalendarDate.init(iso:)),
                    endedOn: (row["ended_on"] as String?).flatMap(CalendarDate.init(iso:)),
                    certificateNumber: row["certificate_number"])
            })
        }
    }
}
