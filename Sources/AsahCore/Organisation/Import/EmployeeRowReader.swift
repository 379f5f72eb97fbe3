import GRDB

/// The database facts an employee import checks rows against, loaded once per import so
/// that no row needs a query.
struct KnownOrganisation {
    let unitIdByCode: [String: Int64]
    let unitIdsByName: [String: [Int64]]
    let employeeByNip: [String: Employee]
    let nipOfId: [Int64: String]
    /// For every employee in the database, their supervisor's NIP.
    let supervisorNipByNip: [String: String]

    init(_ db: Database) throws {
        let units = try Unit.fetchAll(db)
        unitIdByCode = Dictionary(units.map { ($0.code.uppercased(), $0.id!) }, uniquingKeysWith: { first, _ in first })
        unitIdsByName = Dictionary(grouping: units, by: { $0.name.lowercased() }).mapValues { $0.map { $0.id! } }
        let employees = try Employee.fetchAll(db)
        employeeByNip = Dictionary(employees.map { ($0.nip, $0) }, uniquingKeysWith: { first, _ in first })
        let nipOfId = Dictionary(uniqueKeysWithValues: employees.map { ($0.id!, $0.nip) })
        self.nipOfId = nipOfId
        supervisorNipByNip = employees.reduce(into: [:]) { map, employee in
            map[employee.nip] = employee.supervisorId.flatMap { nipOfId[$0] }
        }
    }
}

/// Reads one row of the employee import (a CSV row, or the browser's employee form, whose
/// fields are named as the columns) into the record it describes, reporting every problem of
/// the row. The supervisor is resolved later, once all NIPs of the file are known.
struct EmployeeRowReader {
    let known: KnownOrganisation
    let today: CalendarDate

    /// A CSV row of `table`; see ``read(line:editing:report:value:)``.
    func read(_ record: CSVTable.Record, of table: CSVTable,
              report: inout ImportReport) -> (row: ImportRow<Employee>, supervisorNip: String?)? {
        read(line: record.line, report: &report) { table.value($0, in: record) }
    }

    /// The row whose trimmed cells `value` gives (`nil` for a column the row does not have, so
    /// the field stays as it is), or `nil` when it has no NIP to identify it. `supervisorNip` is
    /// `nil` without a `nip_atasan` column (the current supervisor stays), `""` when the cell is
    /// empty. `editing` is the employee an edit changes, found by its record rather than by the
    /// NIP typed (which may be a new one, but not another employee's); the row's key stays its
    /// current NIP, so the supervisor chain is checked as the database holds it.
    func read(line: Int, editing: Employee? = nil, report: inout ImportReport,
              value: (String) -> String?) -> (row: ImportRow<Employee>, supervisorNip: String?)? {
        var bad = false
        func error(_ column: String, _ key: String, _ arguments: [String: String] = [:]) {
            report.error(line: line, column: column, key, arguments)
            bad = true
        }

        let nipText = value("nip") ?? ""
        let key = FieldRules.nip(nipText)
        let existing = editing ?? known.employeeByNip[key]
        let employmentText = value("jenis_pegawai") ?? ""
        let statedEmployment = Employment(parsing: employmentText)
        let golonganText = value("golongan") ?? ""
        let golongan = Golongan.within(golonganText)
        // "III" alone is PPPK golongan III or a PNS III/x without its ruang: the type is never guessed from it.
        let ambiguous = statedEmployment == nil && golongan?.couldLackRuang == true
        let employment = statedEmployment ?? (ambiguous ? nil : golongan?.employment) ?? existing?.employment ?? .pns

        var employee = existing ?? Employee(nip: key, name: "")
        employee.employment = employment
        if key.isEmpty {
            error("nip", "import_nip_required")
        } else if let editing, let holder = known.employeeByNip[key], holder.id != editing.id {
            error("nip", "import_nip_taken", ["name": holder.name])
        } else if FieldRules.isScientificNotation(nipText) {
            error("nip", "import_nip_scientific", ["value": nipText])
        } else {
            let validation = NIP.validate(key, employment: employment, today: today)
            for problem in validation.problems {
                if problem.severity == .error { error("nip", problem.key, problem.arguments) }
                else { report.warning(line: line, column: "nip", problem.key, problem.arguments) }
            }
            employee.sex = validation.nip?.sex ?? employee.sex
            employee.birthDate = validation.nip?.birthDate ?? employee.birthDate
        }

        employee.name = value("nama") ?? ""
        if employee.name.isEmpty { error("nama", "import_name_required") }

        if value("golongan") != nil {
            employee.golongan = golongan
            if !golonganText.isEmpty && golongan == nil {
                error("golongan", "import_golongan_unknown", ["value": golonganText])
            } else if ambiguous {
                error("golongan", "import_golongan_ambiguous", ["value": golonganText])
            } else if let golongan, golongan.employment != employment {
                error("golongan", "import_golongan_mismatch", ["golongan": golongan.code, "employment": employment.displayName])
            }
        }
        if let jabatan = value("jabatan") { employee.jabatan = jabatan.isEmpty ? nil : jabatan }
        if let kindText = value("jenis_jabatan") {
            employee.jabatanKind = kindText.isEmpty ? nil : JabatanKind(parsing: kindText)
            if !kindText.isEmpty && employee.jabatanKind == nil {
                error("jenis_jabatan", "import_jabatan_kind_unknown", ["value": kindText])
            }
        }

        let unitText = value("unit") ?? ""
        if unitText.isEmpty {
            error("unit", "import_unit_required")
        } else if let id = known.unitIdByCode[unitText.uppercased()] {
            employee.unitId = id
        } else if let ids = known.unitIdsByName[unitText.lowercased()] {
            if ids.count == 1 { employee.unitId = ids[0] }
            else { error("unit", "import_unit_name_ambiguous", ["value": unitText, "units": String(ids.count)]) }
        } else {
            error("unit", "import_unit_not_found", ["value": unitText])
        }

        let supervisorNip = value("nip_atasan").map(FieldRules.nip)

        if let email = value("email") {
            employee.email = email.isEmpty ? nil : email.lowercased()
            if email.isEmpty { report.warning(line: line, column: "email", "import_email_empty") }
            else if !FieldRules.isEmail(email) { error("email", "import_email_invalid", ["value": email]) }
        }
        if let status = value("status"), !status.isEmpty {
            if let active = FieldRules.active(status) { employee.active = active }
            else { error("status", "import_status_unknown", ["value": status]) }
        }
        if !employmentText.isEmpty && statedEmployment == nil {
            error("jenis_pegawai", "import_employment_unknown", ["value": employmentText])
        }

        guard !key.isEmpty else { return nil }
        employee.nip = key
        return (ImportRow(line: line, key: editing?.nip ?? key, record: employee, existing: existing, isBad: bad), supervisorNip)
    }
}
