import GRDB

/// Imports units' Survei Kepuasan Masyarakat results from CSV, matched by unit and period: new
/// ones are inserted, known ones updated, so importing the same file twice changes nothing.
///
/// Columns: `kode_unit` (a unit's code), `periode` (``SatisfactionPeriod``: `2026`, `2026-S1`,
/// `2026-Q2`), `ikm` (the index, 25-100, a decimal comma allowed) and `responden` (how many
/// answered, at least 1). The same all-or-nothing rule as ``AppraisalImport`` applies.
public struct SatisfactionImport: Sendable {
    static let requiredColumns = ["kode_unit", "periode", "ikm", "responden"]
    /// The most respondents a row may claim.
    static let maximumRespondents = 10_000_000

    private let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Checks `csv` and, unless `dryRun` or errors stop it, writes it.
    public func run(csv: String, skipBadRows: Bool = false, dryRun: Bool = false) throws -> ImportReport {
        var report = ImportReport()
        guard let table = CSVTable(csv, required: Self.requiredColumns, optional: [], report: &report) else { return report }
        try database.pool.write { db in
            let units = try Dictionary(Row.fetchAll(db, sql: "SELECT upper(code) AS code, id FROM units").map { ($0["code"] as String, $0["id"] as Int64) },
                                       uniquingKeysWith: { first, _ in first })
            let existing = try Dictionary(SatisfactionSurvey.fetchAll(db).map { (Self.key($0.unitId, $0.period), $0) },
                                          uniquingKeysWith: { first, _ in first })
            var batch = ImportBatch<SatisfactionSurvey>(linkColumn: "", databaseParents: [:], keyOfId: [:])
            var rowByKey: [String: Int] = [:]
            for record in table.records {
                guard let survey = read(record, table: table, units: units, report: &report) else {
                    report.skipped += 1
                    continue
                }
                let key = Self.key(survey.unitId, survey.period)
                if let first = rowByKey[key] {
                    report.error(line: record.line, column: "periode", "import_skm_duplicate", ["firstLine": String(batch.rows[first].line)])
                    report.skipped += 1
                    continue
                }
                rowByKey[key] = batch.rows.count
                var desired = survey
                let old = existing[key]
                if let old {
                    desired = old
                    desired.score = survey.score
                    desired.respondents = survey.respondents
                }
                batch.rows.append(ImportRow(line: record.line, key: key, record: desired, existing: old))
            }
            try batch.finish(skipBadRows: skipBadRows, dryRun: dryRun, db: db, report: &report)
        }
        report.sortIssues()
        return report
    }

    private static func key(_ unitId: Int64, _ period: String) -> String { "\(unitId)|\(period)" }

    /// Reads one row, reporting every problem in it; `nil` when it has an error.
    private func read(_ record: CSVTable.Record, table: CSVTable, units: [String: Int64],
                      report: inout ImportReport) -> SatisfactionSurvey? {
        let line = record.line
        func cell(_ column: String) -> String { table.value(column, in: record) ?? "" }
        func error(_ column: String, _ key: String, _ arguments: [String: String] = [:]) {
            report.error(line: line, column: column, key, arguments)
        }
        let code = cell("kode_unit"), unitId = units[code.uppercased()]
        if code.isEmpty { error("kode_unit", "import_skm_unit_required") }
        else if unitId == nil { error("kode_unit", "import_skm_unit_not_found", ["value": code]) }

        let periodText = cell("periode"), period = SatisfactionPeriod(periodText)
        if periodText.isEmpty { error("periode", "import_skm_period_required") }
        else if period == nil { error("periode", "import_skm_period_invalid", ["value": periodText]) }

        let scoreText = cell("ikm"), score = Double(scoreText.replacing(",", with: "."))
        if scoreText.isEmpty { error("ikm", "import_skm_score_required") }
        else if let score { if !SatisfactionSurvey.scores.contains(score) { error("ikm", "import_skm_score_range", ["value": scoreText]) } }
        else { error("ikm", "import_skm_score_invalid", ["value": scoreText]) }

        let countText = cell("responden"), count = Int(countText)
        if countText.isEmpty { error("responden", "import_skm_respondents_required") }
        else if count.map({ !(1...Self.maximumRespondents).contains($0) }) ?? true {
            error("responden", "import_skm_respondents_invalid", ["value": countText])
        }

        guard let unitId, let period, let score, SatisfactionSurvey.scores.contains(score), let count,
              (1...Self.maximumRespondents).contains(count) else { return nil }
        return SatisfactionSurvey(id: nil, unitId: unitId, period: period.text, startsOn: period.startsOn, endsOn: period.endsOn,
                                  score: score, respondents: count, importedAt: 0)
    }
}
