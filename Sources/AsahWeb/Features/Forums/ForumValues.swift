import AsahCore
import Foundation
import HTTPServer

/// Template values shared by the forum pages, and the answer to a refused forum action.
enum ForumValues {
    /// A listed thread: title, category, status badge, counts, owner and due date, overdue mark.
    static func summary(_ thread: ThreadSummary, _ localizer: Localizer, today: CalendarDate) -> [String: Any] {
        templateValues([
            "id": thread.id, "title": thread.title, "categoryName": thread.categoryName,
            "isSuggestion": thread.kind == .suggestion,
            "status": thread.status?.displayName, "statusCode": thread.status?.rawValue,
            "supports": localizer.t("forum_supports", ["count": localizer.number(thread.supportCount)]),
            "posts": localizer.t("forum_posts", ["count": localizer.number(thread.postCount)]),
            "lastPost": localizer.date(thread.lastPostAt),
            "owner": thread.ownerName,
            "due": thread.decisionDue.map { localizer.date(year: $0.year, month: $0.month, day: $0.day) },
            "overdue": thread.isOverdue(today: today),
            "agenda": thread.agendaAt != nil && !(thread.status?.isDecided ?? true),
            "locked": thread.locked,
        ])
    }

    /// Status choices for filters and forms; `selected` marks the current one.
    static func statuses(selected: SuggestionStatus?, includeDuplicate: Bool = true) -> [[String: Any]] {
        SuggestionStatus.allCases.filter { includeDuplicate || $0 != .duplikat }.map {
            ["value": $0.rawValue, "label": $0.displayName, "selected": $0 == selected]
        }
    }

    /// Category choices; `selected` marks the current one.
    static func categories(_ categories: [ForumCategory], selected: Int64?) -> [[String: Any]] {
        categories.map { ["id": $0.id!, "name": $0.name, "selected": $0.id == selected] }
    }

    /// Today in WIB, for overdue marks.
    static func today() -> CalendarDate {
        CalendarDate.today()
    }

    /// The forums of the app's database.
    static func forums(_ context: Context) throws -> Forums {
        try Forums(database: context.services.database)
    }

    /// A refused API call as a JSON error with the domain's message.
    static func api(_ problem: ForumProblem) -> Response {
        var response = APIError.response(status: problem.httpStatus, code: APIError.code(for: problem.httpStatus),
                                         message: problem.message)
        if case .tooManyPosts(let minutes) = problem { response.headers.add("Retry-After", String(minutes * 60)) }
        return response
    }
}
