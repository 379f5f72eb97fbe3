import GRDB

/// A certificate of completion: a readable number and an unguessable verification code for
/// the public `/verify/CODE` page; revocable. A row of `certificates`.
public struct Certificate: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "certificates"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The completed place it certifies.
    public var enrolmentId: Int64
    /// The verification code: 22 random URL-safe characters (128 bits).
    public var code: String
    /// "ASAH/2026/PPP-01/0007": year, run code, sequence in the run.
    public var number: String
    /// Unix seconds.
    public var issuedAt: Int64
    /// When it was revoked; `nil` while valid.
    public var revokedAt: Int64?
    /// Why it was revoked (not shown on the public page).
    public var revokedReason: String?

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// What the public verification page confirms, and nothing else.
public struct CertificateVerification: Sendable, Hashable {
    public let holderName: String
    public let courseTitle: String
    public let startedOn: CalendarDate
    public let endedOn: CalendarDate
    public let jp: Double
    /// Whether the certificate was revoked (it then no longer attests anything).
    public let revoked: Bool
}

/// A certificate as its holder sees it in their list.
public struct HeldCertificate: Sendable, Hashable {
    public let certificate: Certificate
    public let courseTitle: String
    public let startedOn: CalendarDate
    public let endedOn: CalendarDate
    public let jp: Double
}
