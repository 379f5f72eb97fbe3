import AsahCore
import GRDB

/// An employee's record laid out for a profile page or JSON, with unit and supervisor names.
struct EmployeeView: Encodable {
    let nip: String
    let name: String
    let sex: String?
    let birth_date: String?
    let employment: String
    let golongan: String?
    let jabatan: String?
    let jabatan_kind: String?
    let unit: String?
    let supervisor_nip: String?
    let supervisor_name: String?
    let email: String?
    let active: Bool

    /// Loads the view for the employee with `id`.
    static func load(id: Int64, in db: Database) throws -> EmployeeView? {
        guard let employee = try EmployeeDirectory.employee(id: id, in: db) else { return nil }
        let unit = try employee.unitId.flatMap { try Unit.fetchOne(db, key: $0) }
        let supervisor = try employee.supervisorId.flatMap { try EmployeeDirectory.employee(id: $0, in: db) }
        return EmployeeView(
            nip: employee.nip, name: employee.name, sex: employee.sex?.rawValue, birth_date: employee.birthDate?.iso,
            employment: employee.employment.rawValue, golongan: employee.golongan?.code, jabatan: employee.jabatan,
            jabatan_kind: employee.jabatanKind?.rawValue, unit: unit?.name, supervisor_nip: supervisor?.nip,
            supervisor_name: supervisor?.name, email: employee.email, active: employee.active)
    }

    /// The facts as label/value pairs for a `<dl>`, in the reader's language.
    func facts(_ localizer: Localizer) -> [[String: String]] {
        let none = localizer.t("profile_none")
        let pairs: [(String, String?)] = [
            ("profile_nip", nip),
            ("profile_golongan", golongan.flatMap { Golongan(parsing: $0)?.displayName ?? $0 }),
            ("profile_jabatan", jabatan),
            ("profile_jabatan_kind", jabatan_kind.flatMap { JabatanKind(rawValue: $0)?.displayName ?? $0 }),
            ("profile_unit", unit),
            ("profile_supervisor", supervisor_name.map { name in supervisor_nip.map { "\(name) (\($0))" } ?? name }),
            ("profile_sex", sex.map { localizer.t("profile_sex_\($0)") }),
            ("profile_birth_date", birth_date.map(localizer.isoDate)),
            ("profile_email", email),
            ("profile_status", localizer.t(active ? "profile_active" : "profile_inactive")),
        ]
        return pairs.map { ["label": localizer.t($0.0), "value": $0.1 ?? none] }
    }
}
