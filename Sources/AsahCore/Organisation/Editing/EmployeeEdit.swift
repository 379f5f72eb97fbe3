import GRDB

/// Changing one employee from the browser (name, NIP, employment, golongan, jabatan, unit,
/// supervisor, e-mail, status). The form's fields are the employee import's columns and go
/// through the import's own reader, supervisor look-up and chain check, so the edit refuses
/// what the import refuses, in the same words (and, unlike a file, does not move anyone into a
/// unit merged away). Whole or nothing, in one transaction, audited
/// with each changed field's value before and after.
public struct EmployeeEdit: Sendable {
    /// The form's fields in order, named as the columns of the employee import.
    public static let fields = ["nama", "nip", "jenis_pegawai", "golongan", "jabatan", "jenis_jabatan", "unit", "nip_atasan",
                                "email", "status"]

    /// The longest value each field takes, in characters.
    public static func maximumLength(_ field: String) -> Int {
        switch field {
        case "nama", "jabatan", "email": 200
        default: 40
        }
    }

    /// What a save did.
    public struct Saved: Sendable, Equatable {
        /// The employee's NIP now (an edit may change it).
        public let nip: String
        /// The accounts of the employee when the edit left them inactive: their sessions and
        /// tokens are gone, so whoever caches who they are must forget them.
        public let accountsEnded: [Int64]
    }

    private let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The employee's values as the form shows them (the unit by its code, the supervisor by NIP),
    /// or `nil` when no employee has `nip`.
    public func values(nip: String) throws -> [String: String]? {
        try database.pool.read { db in
            try EmployeeDirectory.employee(nip: nip, in: db).map { try Self.values(of: $0, in: db) }
        }
    }

    /// Checks `values` (untrusted, by field) against the rules of the import and saves them over
    /// the employee with `nip`: what was saved, every problem
    /// found, or `nil` when there is no such employee. An employee set `nonaktif` loses every
    /// session and token at once, as after an import.
    public func save(nip: String, values: [String: String], actor: Int64?, ip: String?,
                     today: CalendarDate = .today()) throws -> Result<Saved, EditProblem>? {
        try database.pool.write { db in
            guard let employee = try EmployeeDirectory.employee(nip: nip, in: db) else { return nil }
            let known = try KnownOrganisation(db)
            var report = ImportReport()
            for field in Self.fields where (values[field] ?? "").count > Self.maximumLength(field) {
                report.error(line: 1, column: field, "problem_edit_too_long", ["maximumCount": String(Self.maximumLength(field))])
            }
            let reader = EmployeeRowReader(known: known, today: today)
            guard let (read, supervisorNip) = reader.read(line: 1, editing: employee, report: &report, value: { field in
                (values[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }) else { return .failure(EditProblem(report)) }
            var row = read
            if let unit = row.record.unitId, unit != employee.unitId, try UnitEdit.mergedIntoId(in: db)[unit] != nil {
                report.error(line: 1, column: "unit", "problem_unit_merged_employee", ["value": values["unit"] ?? ""])
                row.isBad = true
            }
            if let link = EmployeeImport.link(to: supervisorNip ?? "", from: row, rowByNip: [:], known: known, report: &report) {
                row.link = link
            } else {
                row.isBad = true
            }
            var batch = ImportBatch<Employee>(linkColumn: "nip_atasan", databaseParents: known.supervisorNipByNip,
                                              keyOfId: known.nipOfId)
            batch.rows = [row]
            try batch.finish(skipBadRows: false, dryRun: false, db: db, report: &report)
            guard report.applied else { return .failure(EditProblem(report)) }
            try AccountAccess.endForInactiveEmployees(in: db)
            let before = try Self.values(of: employee, in: db), saved = batch.rows[0].record
            let after = try Self.values(of: saved, in: db)
            var changes = AuditChanges()
            for field in Self.fields { changes.note(field, before[field], after[field]) }
            if !changes.isEmpty {
                try AuditLog.record("employee.edit", actor: actor, ip: ip, subject: "employee:\(saved.nip)", detail: changes.detail, in: db)
            }
            let ended = saved.active ? [] : try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM users WHERE employee_id = ?"), arguments: [saved.id])
            return .success(Saved(nip: saved.nip, accountsEnded: ended))
        }
    }

    static func values(of employee: Employee, in db: Database) throws -> [String: String] {
        let unit = try employee.unitId.flatMap { try String.fetchOne(db.cachedStatement(sql: "SELECT code FROM units WHERE id = ?"), arguments: [$0]) }
        let supervisor = try employee.supervisorId.flatMap {
            try String.fetchOne(db.cachedStatement(sql: "SELECT nip FROM employees WHERE id = ?"), arguments: [$0])
        }
        return ["nama": employee.name, "nip": employee.nip, "jenis_pegawai": employee.employment.rawValue,
                "golongan": employee.golongan?.code ?? "", "jabatan": employee.jabatan ?? "",
                "jenis_jabatan": employee.jabatanKind?.rawValue ?? "", "unit": unit ?? "", "nip_atasan": supervisor ?? "",
                "email": employee.email ?? "", "status": employee.active ? "aktif" : "nonaktif"]
    }
}
