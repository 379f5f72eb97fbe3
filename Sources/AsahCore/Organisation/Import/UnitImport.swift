import Foundation
import GRDB

/// Imports units kerja from CSV, matching them by code (case-insensitive).
///
/// Columns: `kode`, `nama`, `jenis` (required; jenis as in ``UnitKind``), `kode_induk` (the
/// parent's code, which may appear later in the file or already be in the database) and
/// `status` (aktif/nonaktif). Without a `kode_induk` column existing parents stay as they are.
/// The same all-or-nothing rule as ``EmployeeImport`` applies.
public struct UnitImport: Sendable {
    static let requiredColumns = ["kode", "nama", "jenis"]
    static let optionalColumns = ["kode_induk", "status"]

    private let database: AppDatabase

    /// An import into `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Checks `csv` and, unless `dryRun` or errors stop it, writes it.
    public func run(csv: String, skipBadRows: Bool = false, dryRun: Bool = false) throws -> ImportReport {
        var report = ImportReport()
        guard let table = CSVTable(csv, required: Self.requiredColumns, optional: Self.optionalColumns,
                                   report: &report) else { return report }
        try database.pool.write { db in
            let known = try KnownUnits(db)
            let unitByCode = known.unitByCode
            var batch = known.batch()
            var rowByCode: [String: Int] = [:]
            var parentCodeOfRow: [(row: Int, code: String)] = []
            for record in table.records {
                func value(_ column: String) -> String? { table.value(column, in: record) }
                var bad = false
                func error(_ column: String, _ key: String, _ arguments: [String: String] = [:]) {
                    report.error(line: record.line, column: column, key, arguments)
                    bad = true
                }
                let code = value("kode") ?? "", key = code.uppercased()
                let existing = unitByCode[key]
                var unit = existing ?? Unit(code: code, name: "", kind: .lainnya)
                unit.code = code
                unit.name = value("nama") ?? ""
                let kindText = value("jenis") ?? ""
                if let kind = UnitKind(parsing: kindText) { unit.kind = kind }

                if code.isEmpty { error("kode", "import_unit_code_required") }
                if let first = rowByCode[key] {
                    error("kode", "import_unit_code_duplicate", ["code": code, "firstLine": String(batch.rows[first].line)])
                }
                if unit.name.isEmpty { error("nama", "import_unit_name_required") }
                if kindText.isEmpty {
                    error("jenis", "import_unit_kind_required")
                } else if UnitKind(parsing: kindText) == nil {
                    error("jenis", "import_unit_kind_unknown", ["value": kindText])
                }
                if let status = value("status"), !status.isEmpty {
                    if let active = FieldRules.active(status) { unit.active = active }
                    else { error("status", "import_status_unknown", ["value": status]) }
                }
                guard !code.isEmpty, rowByCode[key] == nil else {
                    report.skipped += 1
                    continue
                }
                var row = ImportRow(line: record.line, key: key, record: unit, existing: existing, isBad: bad)
                if let parent = value("kode_induk") {
                    parentCodeOfRow.append((batch.rows.count, parent.uppercased()))
                } else {
                    row.link = unit.parentId.map { .existing($0) } ?? .none
                }
                rowByCode[key] = batch.rows.count
                batch.rows.append(row)
            }

            for (index, parent) in parentCodeOfRow where !parent.isEmpty {
                if let link = Self.link(to: parent, from: batch.rows[index], rowByCode: rowByCode, known: known, report: &report) {
                    batch.rows[index].link = link
                } else {
                    batch.rows[index].isBad = true
                }
            }
            try batch.finish(skipBadRows: skipBadRows, dryRun: dryRun, db: db, report: &report)
        }
        report.sortIssues()
        return report
    }

    /// Resolves a `kode_induk` cell (upper case): a row of the file first, then the database;
    /// `.none` when empty, `nil` after reporting an error.
    static func link(to parent: String, from row: ImportRow<Unit>, rowByCode: [String: Int], known: KnownUnits,
                     report: inout ImportReport) -> UpLink? {
        if parent.isEmpty { return UpLink.none }
        if parent == row.key {
            report.error(line: row.line, column: "kode_induk", "import_unit_own_parent")
        } else if let target = rowByCode[parent] {
            return .row(target)
        } else if let id = known.unitByCode[parent]?.id {
            return .existing(id)
        } else {
            report.error(line: row.line, column: "kode_induk", "import_parent_not_found", ["value": parent])
        }
        return nil
    }
}

extension Unit: HierarchicalRecord {
    var upLink: Int64? {
        get { parentId }
        set { parentId = newValue }
    }

    static var upLinkColumn: Column { Columns.parentId }

    mutating func stamp(_ now: Date, inserting: Bool) {}
}

/// The unit tree as an import or an edit checks changes against: units by upper-case code,
/// codes by id, and each code's parent's code.
struct KnownUnits {
    let unitByCode: [String: Unit]
    let codeOfId: [Int64: String]
    let parentCodes: [String: String]

    init(_ db: Database) throws {
        let units = try Unit.fetchAll(db)
        unitByCode = Dictionary(units.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let codeOfId = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.code.uppercased()) })
        self.codeOfId = codeOfId
        parentCodes = units.reduce(into: [String: String]()) { map, unit in
            map[unit.code.uppercased()] = unit.parentId.flatMap { codeOfId[$0] }
        }
    }

    /// An empty batch of unit rows over this tree, linked by `kode_induk`.
    func batch() -> ImportBatch<Unit> {
        ImportBatch<Unit>(linkColumn: "kode_induk", databaseParents: parentCodes, keyOfId: codeOfId)
    }
}
