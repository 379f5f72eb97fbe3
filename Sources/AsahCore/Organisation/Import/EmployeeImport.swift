import Foundation
import GRDB

/// Imports employees from CSV (a SIMPEG/SIASN export or a spreadsheet), matching them by NIP:
/// new NIPs are inserted, known ones updated.
///
/// Columns (header row required, any order, names case-insensitive): `nip`, `nama`, `unit`
/// (required), `golongan`, `jabatan`, `jenis_jabatan`, `nip_atasan`, `email`, `status`
/// (aktif/nonaktif), `jenis_pegawai` (PNS/PPPK). A column left out of the file leaves that
/// field of existing employees as it is; an empty cell clears it. `unit` is a unit code or
/// its exact name. Sex and birth date are taken from the NIP.
///
/// The whole file is checked and written in one transaction. With any error nothing is
/// written, unless `skipBadRows` is set: then the good rows are written and the bad ones
/// reported as skipped. With `createAccounts`, active employees of the file without an account
/// get one in the same transaction (``AccountActivation``: login = NIP, activated by code).
public struct EmployeeImport: Sendable {
    static let requiredColumns = ["nip", "nama", "unit"]
    static let optionalColumns = ["golongan", "jabatan", "jenis_jabatan", "nip_atasan", "email", "status", "jenis_pegawai"]

    private let database: AppDatabase

    /// An import into `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Checks `csv` and, unless `dryRun` or errors stop it, writes it. `progress` receives
    /// (rows checked, rows in the file) now and then, and (total, total) when done.
    public func run(csv: String, skipBadRows: Bool = false, dryRun: Bool = false, createAccounts: Bool = false,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ImportReport {
        var report = ImportReport()
        guard let table = CSVTable(csv, required: Self.requiredColumns, optional: Self.optionalColumns,
                                   aliases: ImportColumnAliases.employees, ignored: ImportColumnAliases.ignoredByEmployees,
                                   report: &report) else { return report }
        let total = table.records.count
        try database.pool.write { db in
            let known = try KnownOrganisation(db)
            let reader = EmployeeRowReader(known: known, today: .today())
            var batch = ImportBatch<Employee>(linkColumn: "nip_atasan",
                                              databaseParents: known.supervisorNipByNip, keyOfId: known.nipOfId)
            var rowByNip: [String: Int] = [:]
            var supervisorNips: [(row: Int, nip: String)] = []
            for (count, record) in table.records.enumerated() {
                if count % 500 == 0 { progress?(count, total) }
                guard let (read, supervisorNip) = reader.read(record, of: table, report: &report) else {
                    report.skipped += 1
                    continue
                }
                var row = read
                if let first = rowByNip[row.key] {
                    report.error(line: row.line, column: "nip", "import_nip_duplicate", ["firstLine": String(batch.rows[first].line)])
                    report.skipped += 1
                    continue
                }
                rowByNip[row.key] = batch.rows.count
                if let supervisorNip {
                    supervisorNips.append((batch.rows.count, supervisorNip))
                } else {
                    row.link = row.record.supervisorId.map { .existing($0) } ?? .none
                }
                batch.rows.append(row)
            }

            for (index, nip) in supervisorNips {
                if let link = Self.link(to: nip, from: batch.rows[index], rowByNip: rowByNip, known: known, report: &report) {
                    batch.rows[index].link = link
                } else {
                    batch.rows[index].isBad = true
                }
            }
            try batch.finish(skipBadRows: skipBadRows, dryRun: dryRun, db: db, report: &report)
            // Someone imported as `nonaktif` loses every session and token at once.
            if report.applied { try AccountAccess.endForInactiveEmployees(in: db) }
            if report.applied, createAccounts {
                report.accountsCreated = try AccountActivation.createAccounts(nips: batch.rows.filter { !$0.isBad }.map(\.key), in: db)
            }
        }
        progress?(total, total)
        report.sortIssues()
        return report
    }

    /// Resolves a `nip_atasan` cell: a row of the file (even a later one) first, then the
    /// database. `nil` after reporting an error.
    static func link(to nip: String, from row: ImportRow<Employee>, rowByNip: [String: Int],
                      known: KnownOrganisation, report: inout ImportReport) -> UpLink? {
        if nip.isEmpty { return UpLink.none }
        let problem: (key: String, arguments: [String: String])
        if nip == row.key || nip == row.record.nip {
            problem = ("import_supervisor_self", [:])
        } else if let target = rowByNip[nip] {
            return .row(target)
        } else if let id = known.employeeByNip[nip]?.id {
            return .existing(id)
        } else if nip.count != 18 || !nip.allSatisfy(\.isNumber) {
            problem = ("import_supervisor_nip_invalid", [:])
        } else {
            problem = ("import_supervisor_not_found", ["nip": nip])
        }
        report.error(line: row.line, column: "nip_atasan", problem.key, problem.arguments)
        return nil
    }
}

extension Employee: HierarchicalRecord {
    var upLink: Int64? {
        get { supervisorId }
        set { supervisorId = newValue }
    }

    static var upLinkColumn: Column { Columns.supervisorId }

    mutating func stamp(_ now: Date, inserting: Bool) {
        updatedAt = now
        if inserting { createdAt = now }
    }
}
