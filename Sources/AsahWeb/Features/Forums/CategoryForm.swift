import AsahCore
import Foundation
import GRDB
import HTTPServer

/// `POST /forums/categories`: a coordinator adds a category with who may open threads, whether
/// pseudonyms are allowed, whether it is about training, and the agenda threshold.
enum CategoryForm {
    static func create(_ context: Context) throws -> Response {
        let form = try context.form()
        let name = form.trimmed("name") ?? ""
        let threshold = form.trimmed("threshold").flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) }
        guard (3...80).contains(name.count) else { return refused(context, "forum_category_name_invalid") }
        if form.trimmed("threshold").map({ !$0.isEmpty }) == true, threshold.map({ $0 > 0 && $0 <= 100 }) != true {
            return refused(context, "forum_category_threshold_invalid")
        }
        let slug = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-")
        let created = try context.services.database.pool.write { db -> Bool in
            guard try ForumCategory.fetchOne(db, sql: "SELECT * FROM forum_categories WHERE slug = ?", arguments: [slug]) == nil
            else { return false }
            let position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM forum_categories") ?? 0) + 1
            var category = ForumCategory(slug: slug, name: name, description: form.trimmed("description") ?? "",
                                         posting: form["coordinators_only"] != nil ? .coordinators : .everyone,
                                         allowsPseudonyms: form["pseudonyms"] != nil, isTraining: form["training"] != nil,
                                         agendaThresholdPermille: threshold.map { Int(($0 * 10).rounded()) }, position: position,
                                         createdAt: Clock.now())
            try category.insert(db)
            try AuditLog.record("forum.category", actor: context.user.userId, ip: context.ip, subject: "category:\(category.id!)",
                                detail: name, in: db)
            return true
        }
        guard created else { return refused(context, "forum_category_exists") }
        return .redirect(to: "/forums?notice=category")
    }

    private static func refused(_ context: Context, _ key: String) -> Response {
        .redirect(to: "/forums?error=\(key)")
    }
}
