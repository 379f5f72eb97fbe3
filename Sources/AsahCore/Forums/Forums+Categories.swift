import Foundation
import GRDB

/// Coordinators add and change forum categories; each change is in the audit log.
extension Forums {
    /// What a coordinator sets on a category.
    public struct CategorySettings: Sendable {
        public var name: String
        public var description: String
        public var posting: ForumCategory.Posting
        public var allowsPseudonyms: Bool
        public var isTraining: Bool
        public var agendaThresholdPermille: Int?

        public init(name: String, description: String, posting: ForumCategory.Posting, allowsPseudonyms: Bool, isTraining: Bool,
                    agendaThresholdPermille: Int?) {
            self.name = name
            self.description = description
            self.posting = posting
            self.allowsPseudonyms = allowsPseudonyms
            self.isTraining = isTraining
            self.agendaThresholdPermille = agendaThresholdPermille
        }

        /// The address-friendly name: letters and digits, words joined by dashes.
        var slug: String {
            String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-")
        }
    }

    /// Adds a category after the others (`id` nil) or changes category `id`.
    public func saveCategory(_ id: Int64?, _ settings: CategorySettings, by actor: Principal, ip: String?,
                             now: Int64 = Clock.now()) throws -> Result<ForumCategory, ForumProblem> {
        try database.pool.write { db in
            let taken = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM forum_categories WHERE slug = ? AND id IS NOT ?)"),
                                          arguments: [settings.slug, id]) ?? false
            guard !taken else { return .failure(.categoryExists) }
            var category: ForumCategory
            if let id {
                guard let existing = try ForumCategory.fetchOne(db, keptKey: id) else { return .failure(.notFound) }
                category = existing
            } else {
                let position = (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(position) FROM forum_categories")) ?? 0) + 1
                category = ForumCategory(slug: settings.slug, name: settings.name, position: position, createdAt: now)
            }
            category.slug = settings.slug
            category.name = settings.name
            category.description = settings.description
            category.posting = settings.posting
            category.allowsPseudonyms = settings.allowsPseudonyms
            category.isTraining = settings.isTraining
            category.agendaThresholdPermille = settings.agendaThresholdPermille
            try category.save(db)
            try AuditLog.record(id == nil ? "forum.category" : "forum.category.update", actor: actor.userId, ip: ip,
                                subject: "category:\(category.id!)", detail: settings.name, in: db)
            return .success(category)
        }
    }
}
