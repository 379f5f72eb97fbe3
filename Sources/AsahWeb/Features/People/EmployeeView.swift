import AsahCore

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

    init(_ record: PersonRecord) {
        nip = record.nip
        name = record.name
        sex = record.sex
        birth_date = record.birthDate
        employment = record.employment
        golongan = record.golongan
        jabatan = record.jabatan
        jabatan_kind = record.jabatanKind
        unit = record.unitName
        supervisor_nip = record.supervisorNip
        supervisor_name = record.supervisorName
        email = record.email
        active = record.active
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
