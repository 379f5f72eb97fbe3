import GRDB

/// Read queries over the course catalogue for pages and APIs. Each takes a `Database`, so the
/// caller picks the access and can combine queries in one snapshot.
public enum CatalogueQueries {
    /// The courses on offer (not archived) matching every given filter, by Indonesian title.
    /// `text` matches when each of its words occurs in the code, a title or the summary,
    /// ignoring case; `minJP`/`maxJP` bound the hours, both included. One SQL query.
    public static func search(text: String? = nil, form: CourseForm? = nil, kind: CourseKind? = nil,
                              competency: Competency? = nil, minJP: Int? = nil, maxJP: Int? = nil,
                              in db: Database) throws -> [Course] {
        if SearchWords.split(text ?? "").isEmpty, form == nil, kind == nil, competency == nil, minJP == nil, maxJP == nil {
            // The whole catalogue, as most views ask for it: read once per data change (``SharedFacts``).
            return try SharedFacts.value("catalogue", in: db) {
                try DecodedCourses.fetchAll(db, sql: "SELECT * FROM courses WHERE archived = 0 ORDER BY title_id COLLATE NOCASE, code")
            }
        }
        var conditions = ["archived = 0"]
        var arguments = StatementArguments()
        func add(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
            conditions.append(condition)
            _ = arguments.append(contentsOf: StatementArguments(values))
        }
        for word in SearchWords.split((text ?? "").lowercased()) {
            // instr() rather than LIKE: no wildcard in the word to escape.
            add("instr(lower(code || ' ' || title_id || ' ' || title_en || ' ' || summary), ?) > 0", [String(word)])
        }
        if let form { add("form = ?", [form]) }
        if let kind { add("kind = ?", [kind]) }
        switch competency {
        case .core(let value)?:
            add("EXISTS (SELECT 1 FROM json_each(courses.competencies) c WHERE c.type = 'text' AND c.value = ?)",
                [value.rawValue])
        case .technical(let name)?:
            add("""
                EXISTS (SELECT 1 FROM json_each(courses.competencies) c
                        WHERE c.type = 'object' AND lower(json_extract(c.value, '$.id')) = ?)
                """, [name.indonesian.lowercased()])
        case nil: break
        }
        if let minJP { add("jp >= ?", [minJP]) }
        if let maxJP { add("jp <= ?", [maxJP]) }
        return try DecodedCourses.fetchAll(db, sql: """
            SELECT * FROM courses WHERE \(conditions.joined(separator: " AND "))
            ORDER BY title_id COLLATE NOCASE, code
            """, arguments: arguments)
    }

    /// The course with this code (any case), archived or not.
    public static func course(code: String, in db: Database) throws -> Course? {
        try DecodedCourses.fetchAll(db, sql: "SELECT * FROM courses WHERE code = ?", arguments: [code]).first
    }

    /// The course with this id, archived or not.
    public static func course(id: Int64, in db: Database) throws -> Course? {
        try DecodedCourses.fetchAll(db, sql: "SELECT * FROM courses WHERE id = ?", arguments: [id]).first
    }
}
