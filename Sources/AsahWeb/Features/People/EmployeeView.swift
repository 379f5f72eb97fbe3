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

    /// Loads the view for the employee with `id` in one (cached, prepared) query.
    static func load(id: Int64, in db: Database) throws -> EmployeeView? {
        let statement = try db.cachedStatement(sql: """
            SELECT e.nip, e.name, e.sex, e.birth_date, e.employment, e.golongan, e.jabatan, e.jabatan_kind, e.email,
                   e.active, u.name AS unit_name, s.nip AS supervisor_nip, s.name AS supervisor_name
            FROM employees e
            LEFT JOIN units u ON u.id = e.unit_id
            LEFT JOIN employees s ON s.id = e.supervisor_id
            WHERE e.id = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        return EmployeeView(
            nip: row["nip"], name: row["name"], sex: row["sex"], birth_date: row["birth_date"],
            employment: row["employment"], golongan: row["golongan"], jabatan: row["jabatan"],
            jabatan_kind: row["jabatan_kind"], unit: row["unit_name"], supervisor_nip: row["supervisor_nip"],
            supervisor_name: row["supervisor_name"], email: row["email"], active: row["active"])
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
