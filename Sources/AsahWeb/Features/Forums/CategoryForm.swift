import AsahCore
import Foundation
import GRDB
import HTTPServer

/// `POST /forums/categories` and `POST /forums/categories/:id`: a coordinator adds or changes
/// a category: who may open threads, whether pseudonyms are allowed, whether it is about
/// training, and the agenda threshold. Refusals go back with the reason.
enum CategoryForm {
    /// The fields of the form, checked.
    private struct Fields {
        let name: String
        let description: String
        let posting: ForumCategory.Posting
        let pseudonyms: Bool
        let training: Bool
        let thresholdPermille: Int?

        /// The fields, or the message key of the first problem.
        static func parse(_ form: FormData) -> Result<Fields, CategoryProblem> {
            let name = form.trimmed("name") ?? ""
            guard (3...80).contains(name.count) else { return .failure(CategoryProblem(key: "forum_category_name_invalid")) }
            var threshold: Int?
            if let text = form.trimmed("threshold"), !text.isEmpty {
                guard let percent = Double(text.replacingOccurrences(of: ",", with: ".")), percent > 0, percent <= 100 else {
                    return .failure(CategoryProblem(key: "forum_category_threshold_invalid"))
                }
                threshold = max(1, Int((percent * 10).rounded()))
            }
            return .success(Fields(name: name, description: String((form.trimmed("description") ?? "").prefix(300)),
                                   posting: form["coordinators_only"] != nil ? .coordinators : .everyone,
                                   pseudonyms: form["pseudonyms"] != nil, training: form["training"] != nil,
                                   thresholdPermille: threshold))
        }

        var slug: String {
            String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-")
        }
    }

    private struct CategoryProblem: Error {
        let key: String
    }

    static func create(_ context: Context) throws -> Response {
        switch Fields.parse(try context.form()) {
        case .failure(let problem): return .redirect(to: "/forums?error=\(problem.key)")
        case .success(let fields):
            let created = try context.services.database.pool.write { db -> Bool in
                guard try !taken(fields.slug, except: nil, db) else { return false }
                let position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM forum_categories") ?? 0) + 1
                var category = ForumCategory(slug: fields.slug, name: fields.name, description: fields.description,
                                             posting: fields.posting, allowsPseudonyms: fields.pseudonyms, isTraining: fields.training,
                                             agendaThresholdPermille: fields.thresholdPermille, position: position,
                                             createdAt: Clock.now())
                try category.insert(db)
                try AuditLog.record("forum.category", actor: context.user.userId, ip: context.ip,
                                    subject: "category:\(category.id!)", detail: fields.name, in: db)
                return true
            }
            return .redirect(to: created ? "/forums?notice=category" : "/forums?error=forum_category_exists")
        }
    }

    static func update(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        switch Fields.parse(try context.form()) {
        case .failure(let problem): return .redirect(to: "/forums/categories/\(id)?error=\(problem.key)")
        case .success(let fields):
            let outcome = try context.services.database.pool.write { db -> String in
                guard var category = try ForumCategory.fetchOne(db, key: id) else { return "missing" }
                guard try !taken(fields.slug, except: id, db) else { return "error=forum_category_exists" }
                category.slug = fields.slug
                category.name = fields.name
                category.description = fields.description
                category.posting = fields.posting
                category.allowsPseudonyms = fields.pseudonyms
                category.isTraining = fields.training
                category.agendaThresholdPermille = fields.thresholdPermille
                try category.update(db)
                try AuditLog.record("forum.category.update", actor: context.user.userId, ip: context.ip,
                                    subject: "category:\(id)", detail: fields.name, in: db)
                return "notice=category"
            }
            if outcome == "missing" { return context.notFound() }
            return .redirect(to: "/forums/categories/\(id)?\(outcome)")
        }
    }

    /// Whether another category already uses `slug`.
    private static func taken(_ slug: String, except id: Int64?, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM forum_categories WHERE slug = ? AND id IS NOT ?)",
                          arguments: [slug, id]) ?? false
    }
}
