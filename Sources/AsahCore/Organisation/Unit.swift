import GRDB

/// A unit kerja: an OPD (dinas, badan, kecamatan ...) or one of its sub-units (bagian,
/// bidang, puskesmas, sekolah). Units form a tree through ``parentId``.
///
/// Foundation also declares a `Unit` (for measurements): a file importing both modules
/// names this one `AsahCore.Unit`.
public struct Unit: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "units"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// A short unique code used by imports and URLs, e.g. "DISDIK" or "SETDA.UMUM".
    public var code: String
    /// The official name, e.g. "Dinas Kesehatan".
    public var name: String
    /// What kind of unit this is.
    public var kind: UnitKind
    /// The unit this one belongs to; `nil` for an OPD at the top.
    public var parentId: Int64?
    /// `false` for a unit dissolved or merged away.
    public var active: Bool

    /// A unit record.
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
        /// `id`
        public static let id = Column(CodingKeys.id)
        /// `code`
        public static let code = Column(CodingKeys.code)
        /// `name`
        public static let name = Column(CodingKeys.name)
        /// `kind`
        public static let kind = Column(CodingKeys.kind)
        /// `parent_id`
        public static let parentId = Column(CodingKeys.parentId)
        /// `active`
        public static let active = Column(CodingKeys.active)
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind
        case parentId = "parent_id"
        case active
    }

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
