import Foundation
import GRDB

/// Full-text search over thread titles and posts (SQLite FTS5, `unicode61` with diacritics
/// removed), ranked with highlighted snippets.
///
/// Every word must match; the last one also as a prefix (the person may still be typing it),
/// unless the words as typed fill the window (``search(_:in:)``).
/// FTS5 finds the ``window`` most recent matching posts (with a million posts a common word
/// matches a hundred thousand of them); ``SearchMatcher`` ranks those and cuts the snippets.
public enum ForumSearch {
    /// How many of the most recent matches are ranked.
    public static let window = 100

    /// What to look for and where.
    public struct Query: Sendable, Hashable {
        public var text: String
        public var categoryId: Int64?
        public var status: SuggestionStatus?
        /// Posts written on or after this moment (Unix seconds).
        public var from: Int64?
        /// Posts written before this moment.
        public var until: Int64?
        public var limit = 20

        public init(text: String) {
            self.text = text
        }
    }

    /// A piece of a snippet; `marked` pieces matched the query.
    public struct Fragment: Sendable, Hashable {
        public let text: String
        public let marked: Bool
    }

    /// One matching post.
    public struct Hit: Sendable, Equatable {
        public let threadId: Int64
        public let postId: Int64
        public let postNumber: Int
        public let title: String
        public let categoryName: String
        public let status: SuggestionStatus?
        /// The author's display name or pseudonym.
        public let author: PostAuthor
        public let createdAt: Int64
        public let snippet: [Fragment]
    }

    /// A similar suggestion for the new-thread form.
    public struct Similar: Sendable, Hashable {
        public let id: Int64
        public let title: String
        public let status: SuggestionStatus
        public let supportCount: Int
    }

    /// The words of `text` as an FTS5 expression of quoted words joined by `separator`, the
    /// last one (or every one, with `allPrefixes`; none, with `lastAsPrefix` false) as a prefix:
    /// `"gaji" "tpp"*`; `nil` when there is nothing to search for. Words shorter than
    /// `minimumLength` are left out.
    static func expression(_ text: String, separator: String = " ", minimumLength: Int = 1, allPrefixes: Bool = false,
                           lastAsPrefix: Bool = true) -> String? {
        expression(of: words(text, minimumLength: minimumLength), separator: separator, allPrefixes: allPrefixes,
                   lastAsPrefix: lastAsPrefix)
    }

    /// ``expression(_:separator:minimumLength:allPrefixes:lastAsPrefix:)`` of words already split.
    private static func expression(of words: [String], separator: String = " ", allPrefixes: Bool = false,
                                   lastAsPrefix: Bool = true) -> String? {
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            allPrefixes || (lastAsPrefix && index == words.count - 1) ? "\"\(word)\"*" : "\"\(word)\""
        }.joined(separator: separator)
    }

    /// The search words of `text`, lower-cased, at most ``SearchWords/limit``.
    private static func words(_ text: String, minimumLength: Int = 1) -> [String] {
        Array(text.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
            .filter { $0.count >= minimumLength }
            .prefix(SearchWords.limit))
    }

    /// The longest last word whose prefix query FTS5 answers from its prefix index (`prefix = '2 3'`).
    private static let indexedPrefixLength = 3

    /// The best matches for `query`, visible posts only: the same for every reader, so an
    /// answer is kept for the next one who asks while the forum-search data version
    /// (``DataVersion/forumSearch``) stays: a new post, an edit, a hidden post or a renamed
    /// thread shows on the next search.
    public static func search(_ query: Query, in db: Database) throws -> [Hit] {
        let name = [query.text, query.categoryId.map(String.init) ?? "", query.status?.rawValue ?? "",
                    query.from.map(String.init) ?? "", query.until.map(String.init) ?? "", String(query.limit)]
            .joined(separator: "\u{1F}")
        return try SharedFacts.value(name, version: .forumSearch, keptIn: .searches, in: db) { try find(query, in: db) }
    }

    /// The best matches for `query`, searched now.
    ///
    /// A last word longer than the indexed prefixes is first looked for as typed: FTS5 answers a
    /// prefix query for it by merging the lists of every word it begins (a common word's list is
    /// a hundred thousand posts), so when the words as typed already fill the ``window`` of most
    /// recent matches, longer words beginning with the last one are not looked for.
    private static func find(_ query: Query, in db: Database) throws -> [Hit] {
        let words = words(query.text)
        guard let prefixed = expression(of: words), let matcher = SearchMatcher(query.text) else { return [] }
        var conditions = ["forum_search MATCH ?", "p.hidden = 0"]
        var arguments: [any DatabaseValueConvertible] = []
        if let categoryId = query.categoryId {
            conditions.append("t.category_id = ?")
            arguments.append(categoryId)
        }
        if let status = query.status {
            conditions.append("t.status = ?")
            arguments.append(status.rawValue)
        }
        if let from = query.from {
            conditions.append("p.created_at >= ?")
            arguments.append(from)
        }
        if let until = query.until {
            conditions.append("p.created_at < ?")
            arguments.append(until)
        }
        arguments.append(window)
        // The conditions come from four optional filters: at most sixteen statements to keep.
        let statement = try db.cachedStatement(sql: """
            SELECT p.id, p.thread_id, p.number, p.pseudonym, p.created_at, p.body, t.title, t.status, c.name AS category_name,
                   u.display_name AS author_name
            FROM forum_search JOIN forum_posts p ON p.id = forum_search.rowid
            JOIN forum_threads t ON t.id = p.thread_id JOIN forum_categories c ON c.id = t.category_id
            LEFT JOIN users u ON u.id = p.author_user_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY forum_search.rowid DESC LIMIT ?
            """)
        func matches(_ expression: String) throws -> [Row] {
            try Row.fetchAll(statement, arguments: StatementArguments([expression] + arguments))
        }
        var rows: [Row] = []
        if (words.last?.count ?? 0) > indexedPrefixLength, let asTyped = expression(of: words, lastAsPrefix: false) {
            rows = try matches(asTyped)
        }
        if rows.count < window { rows = try matches(prefixed) }
        let candidates = rows.map { row in
            (row: row, title: (row["number"] as Int) == 1 ? row["title"] as String : nil, body: row["body"] as String)
        }
        let uses = candidates.map { matcher.use(title: $0.title, body: $0.body) }
        let averageLength = Double(uses.reduce(0) { $0 + $1.length }) / Double(max(uses.count, 1))
        let scores = uses.map { $0.score(averageLength: averageLength) }
        let ranked = candidates.indices  // best first; equal scores newest first, as found
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .prefix(query.limit)
        return ranked.map { index in
            let candidate = candidates[index], row = candidate.row
            let snippet = matcher.snippet(of: candidate.body) ?? candidate.title.flatMap { matcher.snippet(of: $0) } ?? []
            return Hit(threadId: row["thread_id"], postId: row["id"], postNumber: row["number"], title: row["title"],
                       categoryName: row["category_name"], status: row["status"],
                       author: PostAuthor(pseudonym: row["pseudonym"], name: row["author_name"]),
                       createdAt: row["created_at"], snippet: snippet)
        }
    }

    /// Open suggestions whose titles share words with `title`, best first.
    public static func similarSuggestions(to title: String, limit: Int = 5, in db: Database) throws -> [Similar] {
        guard let words = expression(title, separator: " OR ", minimumLength: 3, allPrefixes: true) else { return [] }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.id, t.title, t.status, t.support_count
            FROM forum_titles JOIN forum_threads t ON t.id = forum_titles.rowid
            WHERE forum_titles MATCH ? AND t.kind = 'suggestion' AND t.status != 'duplikat'
            ORDER BY forum_titles.rank LIMIT ?
            """), arguments: [words, limit]).map {
            Similar(id: $0["id"], title: $0["title"], status: $0["status"], supportCount: $0["support_count"])
        }
    }

    /// The first second of `date` in the installation's zone, for the date filters.
    public static func dayStart(_ date: CalendarDate) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = IndonesianTime.zone
        let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
        return Int64(start.timeIntervalSince1970)
    }
}
