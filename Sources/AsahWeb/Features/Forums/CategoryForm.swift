import AsahCore
import Foundation
import HTTPServer

/// `POST /forums/categories` and `POST /forums/categories/:id`: a coordinator adds or changes
/// a category: who may open threads, whether pseudonyms are allowed, whether it is about
/// training, and the agenda threshold. Refusals go back with the reason.
enum CategoryForm {
    /// The settings in the form, or the message key of the first problem.
    private static func parse(_ form: FormData) -> Result<Forums.CategorySettings, CategoryProblem> {
        let name = form.trimmed("name") ?? ""
        guard (3...80).contains(name.count) else { return .failure(CategoryProblem(key: "forum_category_name_invalid")) }
        var threshold: Int?
        if let text = form.trimmed("threshold"), !text.isEmpty {
            guard let percent = Double(text.replacingOccurrences(of: ",", with: ".")), percent > 0, percent <= 100 else {
                return .failure(CategoryProblem(key: "forum_category_threshold_invalid"))
            }
            threshold = max(1, Int((percent * 10).rounded()))
        }
        return .success(Forums.CategorySettings(name: name, description: String((form.trimmed("description") ?? "").prefix(300)),
                                                posting: form["coordinators_only"] != nil ? .coordinators : .everyone,
                                                allowsPseudonyms: form["pseudonyms"] != nil, isTraining: form["training"] != nil,
                                                agendaThresholdPermille: threshold))
    }

    private struct CategoryProblem: Error {
        let key: String
    }

    static func create(_ context: Context) throws -> Response {
        switch parse(try context.form()) {
        case .failure(let problem): return .redirect(to: "/forums?error=\(problem.key)")
        case .success(let settings):
            switch try ForumValues.forums(context).saveCategory(nil, settings, by: context.user, ip: context.ip) {
            case .success: return .redirect(to: "/forums?notice=category")
            case .failure: return .redirect(to: "/forums?error=forum_category_exists")
            }
        }
    }

    static func update(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        switch parse(try context.form()) {
        case .failure(let problem): return .redirect(to: "/forums/categories/\(id)?error=\(problem.key)")
        case .success(let settings):
            switch try ForumValues.forums(context).saveCategory(id, settings, by: context.user, ip: context.ip) {
            case .success: return .redirect(to: "/forums/categories/\(id)?notice=category")
            case .failure(.notFound): return context.notFound()
            case .failure: return .redirect(to: "/forums/categories/\(id)?error=forum_category_exists")
            }
        }
    }
}
