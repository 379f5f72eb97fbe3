import Foundation
import GRDB

/// A civil servant (ASN) of the region: a row of `employees`. Sex and birth date come from
/// the NIP; ``supervisorId`` points at the direct supervisor (atasan langsung).
public struct Employee: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "employees"

    public var id: Int64?
    /// The 18-digit NIP (PNS) or NI PPPK, without spaces.
    public var nip: String
    /// The full name as written in personnel records, academic titles included.
    public var name: String
    public var sex: Sex?
    public var birthDate: CalendarDate?
    public var employment: Employment
    public var golongan: Golongan?
    /// The position title, e.g. "Analis SDM Aparatur Ahli Muda" or "Kepala Dinas Kesehatan".
    public var jabatan: String?
    public var jabatanKind: JabatanKind?
    public var unitId: Int64?
    public var supervisorId: Int64?
    public var email: String?
    public var active: Bool
    public var createdAt: Date
    public var updatedAt: Date

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
        public static let id = Column(CodingKeys.id)
        public static let nip = Column(CodingKeys.nip)
        public static let name = Column(CodingKeys.name)
        public static let unitId = Column(CodingKeys.unitId)
        public static let supervisorId = Column(CodingKeys.supervisorId)
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

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
