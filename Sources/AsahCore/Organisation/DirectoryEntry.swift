import GRDB

/// One row of the employee directory: the employee with the names of their unit and
/// supervisor already joined in.
public struct DirectoryEntry: FetchableRecord, Sendable, Hashable, Identifiable {
    public let id: Int64
    public let nip: String
    public let name: String
    public let golongan: Golongan?
    public let jabatan: String?
    public let jabatanKind: JabatanKind?
    public let unitId: Int64?
    public let unitName: String?
    public let supervisorId: Int64?
    public let supervisorName: String?
    public let active: Bool

    public init(row: Row) throws {
        id = row["id"]
        nip = row["nip"]
        name = row["name"]
        golongan = row["golongan"]
        jabatan = row["jabatan"]
        jabatanKind = row["jabatan_kind"]
        unitId = row["unit_id"]
        unitName = row["unit_name"]
        supervisorId = row["supervisor_id"]
        supervisorName = row["supervisor_name"]
        active = row["active"]
    }
}

/// One page of directory search results.
public struct DirectoryPage: Sendable {
    public let entries: [DirectoryEntry]
    /// How many employees match the search across all pages.
    public let total: Int
    /// The page shown, from 1.
    public let page: Int
    public let pageSize: Int

    /// The number of pages (at least 1, so "page 1 of 1" reads right for no results).
    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
