import GRDB

/// A forum category set by coordinators: who may open threads in it, whether pseudonymous
/// posting is allowed, and the share of eligible employees whose support puts a suggestion
/// on the next forum meeting's agenda.
public struct ForumCategory: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "forum_categories"

    /// Who may open threads in a category (anyone signed in may reply to an open thread).
    public enum Posting: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case everyone, coordinators
    }

    public var id: Int64?
    /// Short name used in addresses, e.g. "penggajian".
    public var slug: String
    public var name: String
    public var description: String
    public var posting: Posting
    public var allowsPseudonyms: Bool
    /// Whether suggestions here are about training and may become course proposals.
    public var isTraining: Bool
    /// Support threshold in thousandths of the eligible employees (20 = 2 %); `nil` = none.
    public var agendaThresholdPermille: Int?
    public var position: Int
    public var createdAt: Int64

    /// Read by column name without `Decodable` (every forum page reads the categories).
    public init(row: Row) throws {
        id = row["id"]
        slug = row["slug"]
        name = row["name"]
        description = row["description"]
        posting = row["posting"]
        allowsPseudonyms = row["allows_pseudonyms"]
        isTraining = row["is_training"]
        agendaThresholdPermille = row["agenda_threshold_permille"]
        position = row["position"]
        createdAt = row["created_at"]
    }

    public init(slug: String, name: String, description: String = "", posting: Posting = .everyone,
                allowsPseudonyms: Bool = false, isTraining: Bool = false, agendaThresholdPermille: Int? = nil,
                position: Int = 0, createdAt: Int64) {
        self.slug = slug
        self.name = name
        self.description = description
        self.posting = posting
        self.allowsPseudonyms = allowsPseudonyms
        self.isTraining = isTraining
        self.agendaThresholdPermille = agendaThresholdPermille
        self.position = position
        self.createdAt = createdAt
    }

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
