import GRDB

/// A unit kerja: an OPD (dinas, badan, kecamatan ...) or one of its sub-units (bagian,
/// bidang, puskesmas, sekolah). Units form a tree through ``parentId``.
///
/// Foundation also declares a `Unit` (for measurements): a file importing both modules
/// names this one `AsahCore.Unit`.
public struct Unit: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "units"

    public var id: Int64?
    /// A short unique code used by imports and URLs, e.g. "DISDIK" or "SETDA.UMUM".
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentId: Int64?
    public var active: Bool

    public init(id: Int64? = nil, code: String, name: String, kind: UnitKind,
                parentId: Int64? = nil, active: Bool = true) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.parentId = parentId
        self.active = active
    }

    /// Column names for the query interface.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let code = Column(CodingKeys.code)
        public static let name = Column(CodingKeys.name)
        public static let kind = Column(CodingKeys.kind)
        public static let parentId = Column(CodingKeys.parentId)
        public static let active = Column(CodingKeys.active)
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind
        case parentId = "parent_id"
        case active
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
