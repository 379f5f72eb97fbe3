import GRDB

/// One row of the employee directory: the employee with the names of their unit and
/// supervisor already joined in.
public struct DirectoryEntry: FetchableRecord, Sendable, Hashable, Identifiable {
    /// The employee's id.
    public let id: Int64
    /// The NIP, 18 digits.
    public let nip: String
    /// The full name with academic titles.
    public let name: String
    /// The golongan, if recorded.
    public let golongan: Golongan?
    /// The position title.
    public let jabatan: String?
    /// The kind of position.
    public let jabatanKind: JabatanKind?
    /// The unit kerja's id.
    public let unitId: Int64?
    /// The unit kerja's name.
    public let unitName: String?
    /// The direct supervisor's id.
    public let supervisorId: Int64?
    /// The direct supervisor's name.
    public let supervisorName: String?
    /// Whether the employee is still in service here.
    public let active: Bool

    /// The directory query without its filter and order: employees `e` with their unit's and
    /// direct supervisor's names.
    static let select = """
        SELECT e.id, e.nip, e.name, e.golongan, e.jabatan, e.jabatan_kind, e.unit_id, e.supervisor_id,
               e.active, u.name AS unit_name, s.name AS supervisor_name
        FROM employees e LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN employees s ON s.id = e.supervisor_id
        """

    /// Reads a row of the directory query (employee columns plus `unit_name`, `supervisor_name`).
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        nip = try row.decode(forColumn: "nip")
        name = try row.decode(forColumn: "name")
        golongan = try row.decode(forColumn: "golongan")
        jabatan = try row.decode(forColumn: "jabatan")
        jabatanKind = try row.decode(forColumn: "jabatan_kind")
        unitId = try row.decode(forColumn: "unit_id")
        unitName = try row.decode(forColumn: "unit_name")
        supervisorId = try row.decode(forColumn: "supervisor_id")
        supervisorName = try row.decode(forColumn: "supervisor_name")
        active = try row.decode(forColumn: "active")
    }
}

/// One page of directory search results.
public struct DirectoryPage: Sendable {
    /// The employees on this page.
    public let entries: [DirectoryEntry]
    /// How many employees match the search across all pages.
    public let total: Int
    /// The page shown, from 1.
    public let page: Int
    /// Entries per page.
    public let pageSize: Int

    /// The number of pages (at least 1, so "page 1 of 1" reads right for no results).
    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
