import Foundation
import GRDB

/// Imports appraisals from CSV (an e-Kinerja export or a spreadsheet of older records),
/// matching them by employee (NIP), year and period: new ones are inserted, known ones updated,
/// so importing the same file twice changes nothing.
///
/// Columns (header row required, any order, names case-insensitive): `nip`, `tahun`, `periode`
/// (required), `hasil_kerja`, `perilaku_kerja`, `predikat`, `nilai`, `nip_penilai`. A row gives
/// both ratings (PermenPANRB 6/2022) or a PP 46/2011 `nilai` 0-100 (or both; the ratings then
/// decide the predikat). `predikat` is optional and only checked: the stored one is always
/// computed. `periode` is "Tahunan", "TW I"..."TW IV"/"Triwulan II", or a month "1"..."12"/"Januari".
///
/// The whole file is checked and written in one transaction. With any error nothing is
/// written, unless `skipBadRows` is set: then the good rows are written and the bad ones
/// reported as skipped.
public struct AppraisalImport: Sendable {
    static let requiredColumns = ["nip", "tahun", "periode"]
    static let optionalColumns = ["hasil_kerja", "perilaku_kerja", "predikat", "nilai", "nip_penilai"]
    /// The earliest year accepted; the latest is the current one.
    static let firstYear = 1980

    private let database: AppDatabase
    private let source: String

    /// An import into `database`; `source` is stored with each record written ("csv",
    /// "e-kinerja", a file name).
    public init(database: AppDatabase, source: String = "csv") {
        self.database = database
        self.source = source
    }

    /// Checks `csv` and, unless `dryRun` or errors stop it, writes it. `progress` receives
    /// (rows checked, rows in the file) now and then, and (total, total) when done.
    public func run(csv: String, skipBadRows: Bool = false, dryRun: Bool = false,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ImportReport {
        var report = ImportReport()
        guard let table = CSVTable(csv, required: Self.requiredColumns, optional: Self.optionalColumns,
                                   report: &report) else { return report }
        let total = table.records.count
        let years = Self.firstYear...CalendarDate.today().year
        try database.pool.write { db in
            let employeeIds = try Dictionary(
                Row.fetchAll(db, sql: "SELECT nip, id FROM employees").map { ($0["nip"] as String, $0["id"] as Int64) },
                uniquingKeysWith: { first, _ in first })
            let existing = try Dictionary(Appraisal.fetchAll(db).map { (Self.key($0), $0) },
                                          uniquingKeysWith: { first, _ in first })
            var batch = ImportBatch<Appraisal>(linkColumn: "", databaseParents: [:], keyOfId: [:])
            var rowByKey: [String: Int] = [:]
            for (count, record) in table.records.enumerated() {
                if count % 500 == 0 { progress?(count, total) }
                guard let appraisal = read(record, table: table, employeeIds: employeeIds, years: years,
                                           report: &report) else {
                    report.skipped += 1
                    continue
                }
                let key = Self.key(appraisal)
                if let first = rowByKey[key] {
                    report.error(line: record.line, column: nil, "import_appraisal_duplicate",
                                 ["firstLine": String(batch.rows[first].line)])
                    report.skipped += 1
                    continue
                }
                rowByKey[key] = batch.rows.count
                var desired = appraisal
                let old = existing[key]
                if let old {
                    desired = old.regraded(like: appraisal)
                    desired.source = appraisal.source
                    if table.has("nip_penilai") { desired.appraiserNip = appraisal.appraiserNip }
                }
                batch.rows.append(ImportRow(line: record.line, key: key, record: desired, existing: old))
            }
            try batch.finish(skipBadRows: skipBadRows, dryRun: dryRun, db: db, report: &report)
        }
        progress?(total, total)
        report.sortIssues()
        return report
    }

    private static func key(_ appraisal: Appraisal) -> String {
        "\(appraisal.employeeId)|\(appraisal.year)|\(appraisal.period.rawValue)"
    }

    /// Reads one row, reporting every problem in it; `nil` when it has an error.
    private func read(_ record: CSVTable.Record, table: CSVTable, employeeIds: [String: Int64],
                      years: ClosedRange<Int>, report: inout ImportReport) -> Appraisal? {
        let line = record.line
        let errorsBefore = report.issues.count(where: { $0.severity == .error })
        func cell(_ column: String) -> String { table.value(column, in: record) ?? "" }

        let nipText = cell("nip")
        let nip = FieldRules.nip(nipText)
        let employeeId = employeeIds[nip]
        if nip.isEmpty {
            report.error(line: line, column: "nip", "import_nip_required")
        } else if FieldRules.isScientificNotation(nipText) {
            report.error(line: line, column: "nip", "import_nip_scientific", ["value": nipText])
        } else if employeeId == nil {
            report.error(line: line, column: "nip", "import_appraisal_nip_not_found", ["nip": nip])
        }

        let yearText = cell("tahun")
        let year = Int(yearText)
        if yearText.isEmpty {
            report.error(line: line, column: "tahun", "import_appraisal_year_required")
        } else if let year, !years.contains(year) {
            report.error(line: line, column: "tahun", "import_appraisal_year_range",
                         ["year": String(year), "from": String(years.lowerBound), "to": String(years.upperBound)])
        } else if year == nil {
            report.error(line: line, column: "tahun", "import_appraisal_year_invalid", ["value": yearText])
        }

        let periodText = cell("periode")
        let period = AppraisalPeriod(lenient: periodText)
        if periodText.isEmpty {
            report.error(line: line, column: "periode", "import_appraisal_period_required")
        } else if period == nil {
            report.error(line: line, column: "periode", "import_appraisal_period_unknown", ["value": periodText])
        }

        let hasil = rating("hasil_kerja", cell("hasil_kerja"), line: line, report: &report)
        let perilaku = rating("perilaku_kerja", cell("perilaku_kerja"), line: line, report: &report)
        if case (.some(.some), .some(nil)) = (hasil, perilaku) {
            report.error(line: line, column: "perilaku_kerja", "import_appraisal_behaviour_missing")
        } else if case (.some(nil), .some(.some)) = (hasil, perilaku) {
            report.error(line: line, column: "hasil_kerja", "import_appraisal_results_missing")
        }

        let scoreText = cell("nilai")
        var score: Double?
        if !scoreText.isEmpty {
            score = Double(scoreText.replacingOccurrences(of: ",", with: "."))
            if let value = score, !(0...100).contains(value) {
                report.error(line: line, column: "nilai", "import_appraisal_score_range", ["value": scoreText])
                score = nil
            } else if score == nil {
                report.error(line: line, column: "nilai", "import_appraisal_score_invalid", ["value": scoreText])
            }
        }
        if hasil == .some(nil), perilaku == .some(nil), scoreText.isEmpty {
            report.error(line: line, column: nil, "import_appraisal_empty")
        }

        let appraiserNip = FieldRules.nip(cell("nip_penilai"))
        if !appraiserNip.isEmpty, appraiserNip.count != 18 || !appraiserNip.allSatisfy(\.isNumber) {
            report.warning(line: line, column: "nip_penilai", "import_appraiser_nip_invalid", ["nip": appraiserNip])
        }

        guard report.issues.count(where: { $0.severity == .error }) == errorsBefore,
              let employeeId, let year, let period,
              let appraisal = Appraisal(employeeId: employeeId, year: year, period: period,
                                        hasilKerja: hasil ?? nil, perilakuKerja: perilaku ?? nil,
                                        legacyScore: score, appraiserNip: appraiserNip.isEmpty ? nil : appraiserNip,
                                        source: source)
        else { return nil }

        let predikatText = cell("predikat")
        guard !predikatText.isEmpty else { return appraisal }
        switch appraisal.predikat {
        case .current(let computed):
            guard let given = Predikat(lenient: predikatText) else {
                report.error(line: line, column: "predikat", "import_predikat_unknown", ["value": predikatText])
                return nil
            }
            if given != computed, let hasil = appraisal.hasilKerja, let perilaku = appraisal.perilakuKerja {
                report.error(line: line, column: "predikat", "import_predikat_against_matrix",
                             ["value": predikatText, "results": "@appraisal_rating_lower_\(hasil.rawValue)",
                              "behaviour": "@appraisal_rating_lower_\(perilaku.rawValue)",
                              "computed": "@appraisal_predikat_\(computed.rawValue)"])
                return nil
            }
        case .legacy(let computed):
            guard let given = LegacyPredikat(lenient: predikatText) else {
                report.error(line: line, column: "predikat", "import_legacy_predikat_unknown", ["value": predikatText])
                return nil
            }
            if given != computed {
                report.error(line: line, column: "predikat", "import_legacy_predikat_against_score",
                             ["value": predikatText, "score": scoreText, "computed": "@appraisal_predikat_\(computed.rawValue)"])
                return nil
            }
        }
        return appraisal
    }

    /// A rating cell: `.some(nil)` when empty, `.some(rating)` when read, `nil` after
    /// reporting an unrecognised value.
    private func rating(_ column: String, _ text: String, line: Int, report: inout ImportReport) -> Rating?? {
        if text.isEmpty { return .some(nil) }
        if let rating = Rating(lenient: text) { return .some(rating) }
        report.error(line: line, column: column, "import_rating_unknown", ["what": "@import_column_\(column)", "value": text])
        return nil
    }
}

/// Appraisals have nothing above them: ``ImportBatch`` is used for its counting and writing
/// only, with every link left empty.
extension Appraisal: HierarchicalRecord {
    var upLink: Int64? {
        get { nil }
        set {}
    }

    static var upLinkColumn: Column { Columns.id }

    mutating func stamp(_ now: Date, inserting: Bool) {
        importedAt = now
    }
}
