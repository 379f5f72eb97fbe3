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
    /// One pass over the characters: the search page shows twenty snippets, and regular
    /// expressions built per call were most of its time.
    static func plain(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "]", index + 1 < characters.count, characters[index + 1] == "(" {
                index += 2  // a link target: up to its ")" or the first space
                while index < characters.count, characters[index] != ")", !characters[index].isWhitespace { index += 1 }
                if index < characters.count, characters[index] == ")" { index += 1 }
                continue
            }
            if index == 0 || characters[index - 1].isWhitespace, let end = blockMarkEnd(characters, from: index) {
                result.append(" ")  // a heading or quote mark and the space after it
                index = end
                continue
            }
            if !"*_`[".contains(character) { result.append(character) }
            index += 1
        }
        return result
    }

    /// Where a heading mark (one to six `#`) or a quote mark (`>`) starting at `start` ends,
    /// the space after it included; `nil` when none starts there.
    private static func blockMarkEnd(_ characters: [Character], from start: Int) -> Int? {
        var end = start
        if characters[start] == ">" {
            end += 1
        } else {
            while end < characters.count, characters[end] == "#", end - start < 6 { end += 1 }
        }
        guard end > start, end < characters.count, characters[end].isWhitespace else { return nil }
        return end + 1
    }

    /// "Siti Rahmawati", or a pseudonym in the reader's language ("Pegawai #3", "Employee #3").
    static func authorName(_ author: PostAuthor, _ localizer: Localizer) -> String {
        switch author {
        case .named(let name): name
        case .pseudonym(let number): pseudonymName(number, localizer)
        case .unknown: "–"
        }
    }

    /// Pseudonym number `number` in the reader's language.
    static func pseudonymName(_ number: Int, _ localizer: Localizer) -> String {
        localizer.t("forum_pseudonym_name", ["number": String(number)])
    }

    /// A suggestion status in the reader's language.
    static func statusName(_ status: SuggestionStatus, _ localizer: Localizer) -> String {
        localizer.t("suggestion_status_\(status.rawValue)")
    }

    /// Category choices; `selected` marks the current one.
    static func categories(_ categories: [ForumCategory], selected: Int64?) -> [[String: Any]] {
        categories.map { ["id": $0.id!, "name": $0.name, "selected": $0.id == selected] }
    }

    /// Today in the installation's zone, for overdue marks.
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
