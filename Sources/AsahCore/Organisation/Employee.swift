import Foundation
import GRDB

/// A civil servant (ASN) of the region: a row of `employees`. Sex and birth date come from
/// the NIP; ``supervisorId`` points at the direct supervisor (atasan langsung).
public struct Employee: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "employees"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The 18-digit NIP (PNS) or NI PPPK, without spaces.
    public var nip: String
    /// The full name as written in personnel records, academic titles included.
    public var name: String
    /// From the NIP's sex digit.
    public var sex: Sex?
    /// From the NIP's first eight digits.
    public var birthDate: CalendarDate?
    /// PNS or PPPK.
    public var employment: Employment
    /// The current golongan (pay grade).
    public var golongan: Golongan?
    /// The position title, e.g. "Analis SDM Aparatur Ahli Muda" or "Kepala Dinas Kesehatan".
    public var jabatan: String?
    /// The kind of position (JPT, administrator, pengawas, pelaksana, fungsional level).
    public var jabatanKind: JabatanKind?
    /// The unit kerja the employee works in.
    public var unitId: Int64?
    /// The direct supervisor (atasan langsung).
    public var supervisorId: Int64?
    /// The work e-mail address, lower case.
    public var email: String?
    /// `false` once the employee has retired, moved away or left.
    public var active: Bool
    /// When the record was first written.
    public var createdAt: Date
    /// When an import or edit last changed the record.
    public var updatedAt: Date

    /// A record; sex and birth date are normally taken from a parsed ``NIP``.
    public init(id: Int64? = nil, nip: String, name: String, sex: Sex? = nil, birthDate: CalendarDate? = nil,
                employment: Employment = .pns, golongan: Golongan? = nil, jabatan: String? = nil,
                jabatanKind: JabatanKind? = nil, unitId: Int64? = nil, supervisorId: Int64? = nil,
                email: String? = nil, active: Bool = true, createdAt: Date = Date(), updatedAt: Date = Date()) {
        self.id = id
        self.nip = nip
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.employment = employment
        self.golongan = golongan
        self.jabatan = jabatan
        self.jabatanKind = jabatanKind
        self.unitId = unitId
        self.supervisorId = supervisorId
        self.email = email
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Column names for the query interface.
    public enum Columns {
        /// `id`
        public static let id = Column(CodingKeys.id)
        /// `nip`
        public static let nip = Column(CodingKeys.nip)
        /// `name`
        public static let name = Column(CodingKeys.name)
        /// `unit_id`
        public static let unitId = Column(CodingKeys.unitId)
        /// `supervisor_id`
        public static let supervisorId = Column(CodingKeys.supervisorId)
        /// `active`
        public static let active = Column(CodingKeys.active)
    }

    enum CodingKeys: String, CodingKey {
        case id, nip, name, sex
        case birthDate = "birth_date"
        case employment, golongan, jabatan
        case jabatanKind = "jabatan_kind"
        case unitId = "unit_id"
        case supervisorId = "supervisor_id"
        case email, active
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// A row read by column name: the busiest pages read many employees, and decoding
    /// through `Decodable` cost them about as much as the queries.
    public init(row: Row) throws {
        id = row["id"]
        nip = row["nip"]
        name = row["name"]
        sex = row["sex"]
        birthDate = row["birth_date"]
        employment = row["employment"]
        golongan = row["golongan"]
        jabatan = row["jabatan"]
        jabatanKind = row["jabatan_kind"]
        unitId = row["unit_id"]
        supervisorId = row["supervisor_id"]
        email = row["email"]
        active = row["active"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
