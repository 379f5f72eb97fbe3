import GRDB

/// An employee's record as a profile shows it: the stored facts with the names of their unit
/// and supervisor.
public struct PersonRecord: Sendable, Hashable {
    public let nip: String
    public let name: String
    public let sex: String?
    public let birthDate: String?
    public let employment: String
    public let golongan: String?
    public let jabatan: String?
    public let jabatanKind: String?
    public let unitName: String?
    public let supervisorNip: String?
    public let supervisorName: String?
    public let email: String?
    public let active: Bool

    /// The record of employee `id` in one (cached, prepared) query.
    static func load(id: Int64, in db: Database) throws -> PersonRecord? {
        let statement = try db.cachedStatement(sql: """
            SELECT e.nip, e.name, e.sex, e.birth_date, e.employment, e.golongan, e.jabatan, e.jabatan_kind, e.email,
                   e.active, u.name AS unit_name, s.nip AS supervisor_nip, s.name AS supervisor_name
            FROM employees e
            LEFT JOIN units u ON u.id = e.unit_id
            LEFT JOIN employees s ON s.id = e.supervisor_id
            WHERE e.id = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        return PersonRecord(
            nip: row["nip"], name: row["name"], sex: row["sex"], birthDate: row["birth_date"],
            employment: row["employment"], golongan: row["golongan"], jabatan: row["jabatan"],
            jabatanKind: row["jabatan_kind"], unitName: row["unit_name"], supervisorNip: row["supervisor_nip"],
            supervisorName: row["supervisor_name"], email: row["email"], active: row["active"])
    }
}
