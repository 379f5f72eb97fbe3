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
            "status": thread.status.map { statusName($0, localizer) }, "statusCode": thread.status?.rawValue,
            "supports": localizer.count("forum_supports", thread.supportCount),
            "posts": localizer.count("forum_posts", thread.postCount),
            "lastPost": localizer.date(thread.lastPostAt),
            "owner": thread.ownerName,
            "due": thread.decisionDue.map { localizer.date(year: $0.year, month: $0.month, day: $0.day) },
            "overdue": thread.isOverdue(today: today),
            "agenda": thread.agendaAt != nil && !(thread.status?.isDecided ?? true),
            "locked": thread.locked,
        ])
    }

    /// Status choices for filters and forms; `selected` marks the current one.
    static func statuses(selected: SuggestionStatus?, includeDuplicate: Bool = true, _ localizer: Localizer) -> [[String: Any]] {
        SuggestionStatus.allCases.filter { includeDuplicate || $0 != .duplikat }.map {
            ["value": $0.rawValue, "label": statusName($0, localizer), "selected": $0 == selected]
        }
    }

    /// A search snippet without the Markdown marks of the post it comes from (`**`, `_`,
    /// `` ` ``, heading and quote marks, link targets), as the reader saw the post.
    static func plain(_ text: String) -> String {
        text.replacing(/\]\([^)\s]*\)?/, with: "")
            .replacing(/(^|\s)(#{1,6}|>)\s/, with: { $0.1 + " " })
            .filter { !"*_`[".contains($0) }
    }

    /// A suggestion status in the reader's language.
    static func statusName(_ status: SuggestionStatus, _ localizer: Localizer) -> String {
        localizer.t("suggestion_status_\(status.rawValue)")
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

    /// A refused API call as a JSON error, with the wait in `Retry-After` when posting too often.
    static func api(_ problem: ForumProblem, _ context: Context) -> Response {
        var response = context.refused(problem)
        if case .tooManyPosts(let minutes) = problem { response.headers.add("Retry-After", String(minutes * 60)) }
        return response
    }
}
